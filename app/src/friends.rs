//! The friend graph in the browser: the friends page, the network picture, and
//! the friendship part of every profile.

mod actions;
mod blocked;
mod components;
mod connections;
mod graph;
mod overview;
pub mod pages;
mod server;
