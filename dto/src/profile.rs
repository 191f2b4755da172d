//! A member's profile page, as the viewer may see it.

use serde::{Deserialize, Serialize};

use crate::MemberCard;

/// Everything a member's profile page shows: their directory card and more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProfile {
    /// Name, role, place, sectors and interests, as in the directory.
    pub card: MemberCard,
    /// Their IANA time zone, e.g. "Europe/Berlin".
    pub time_zone: String,
    /// Their biography, plain text.
    pub bio: String,
    /// English names of the languages they speak.
    pub languages: Vec<String>,
    /// Age bands they work with, e.g. "3-5".
    pub age_bands: Vec<String>,
    /// Happy to host visits to their setting.
    pub open_to_visits: bool,
    /// Happy to mentor others.
    pub open_to_mentoring: bool,
    /// The month they joined, e.g. "March 2025".
    pub joined: String,
}
