//! IEY's user interface: the app shell, its pages and their server functions. The
//! same code renders on the server (`ssr`), hydrates in the browser (`hydrate`) or
//! runs as a client-only bundle (`csr`).

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

pub use shell::{App, shell};
