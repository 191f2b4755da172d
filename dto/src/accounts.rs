//! What account pages send to the browser: who is logged in and their sessions.

use serde::{Deserialize, Serialize};

/// The logged-in member, as the navigation and settings show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentMember {
    /// Their handle, for the link to their profile.
    pub handle: String,
    /// Their display name.
    pub display_name: String,
    /// Whether they have confirmed their email address.
    pub verified: bool,
    /// The address they log in with (shown only to themselves).
    pub email: String,
    /// `member`, `moderator` or `admin`.
    pub role: String,
}

/// One browser the member is logged in on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveSession {
    /// Used to end this session.
    pub id: i32,
    /// Whether it is the browser looking at the list.
    pub current: bool,
    /// E.g. "Firefox on Android".
    pub device: String,
    /// The address it logged in from.
    pub ip: String,
    /// When it logged in, e.g. "3 Dec 2026, 16:20 UTC".
    pub started: String,
    /// When it was last used.
    pub last_seen: String,
}
