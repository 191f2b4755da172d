//! The member directory: finding people across sectors and countries.

pub mod avatar;
mod components;
mod filters;
pub mod pages;
mod server;
