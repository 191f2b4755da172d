//! The IEY server: the HTTP router with its middleware, and the command line that
//! serves, migrates and seeds.

mod assets;
pub mod calendar;
pub mod cli;
mod housekeeping;
pub mod http;
pub mod media;
mod security;
mod server_fns;
pub mod session;
pub mod telemetry;
