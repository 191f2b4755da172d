//! The member directory: finding people across sectors and countries.

mod components;
pub mod pages;
mod server;
