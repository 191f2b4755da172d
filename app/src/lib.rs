//! IEY's user interface: the app shell, its pages and their server functions. The
//! same code renders on the server (`ssr`), hydrates in the browser (`hydrate`) or
//! runs as a client-only bundle (`csr`).

// The calendar's month table is one deeply nested view type; the hydrate build
// needs more than the default 128 levels to lay it out.
#![recursion_limit = "256"]

mod accounts;
mod browser;
mod components;
mod forms;
mod friends;
mod layout;
mod members;
mod notifications;
mod pages;
mod routes;
#[cfg(feature = "ssr")]
pub mod server;
mod shell;
mod visits;

pub use shell::{App, shell};
