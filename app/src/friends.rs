//! The friend graph in the browser: the friends page, the network picture, and
//! the friendship part of every profile.

pub(crate) mod actions;
mod blocked;
pub(crate) mod components;
mod connections;
mod graph;
mod overview;
pub mod pages;
mod server;
