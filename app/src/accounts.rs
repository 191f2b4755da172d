//! Accounts in the browser: sign up, log in and out, confirm an email address,
//! reset a password, and the account settings page.

pub mod pages;
pub mod server;
mod session;

pub use session::{SessionMenu, VerifyReminder, provide_session};
