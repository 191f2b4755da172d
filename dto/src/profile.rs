//! A member's profile page, as the viewer may see it.

use serde::{Deserialize, Serialize};

use crate::Sector;

/// Everything a member's profile page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProfile {
    /// The member's unique handle.
    pub handle: String,
    /// The name they chose to show.
    pub display_name: String,
    /// Up to two letters for the generated avatar.
    pub initials: String,
    /// Their role, e.g. "Health visitor".
    pub headline: String,
    /// The organisation they work for, if they said.
    pub organisation: Option<String>,
    /// Their country's English name.
    pub country: String,
    /// Their city or region.
    pub city: String,
    /// Their IANA time zone, e.g. "Europe/Berlin".
    pub time_zone: String,
    /// Their biography, plain text.
    pub bio: String,
    /// The sectors they work in.
    pub sectors: Vec<Sector>,
    /// English names of the languages they speak.
    pub languages: Vec<String>,
    /// Age bands they work with, e.g. "3-5".
    pub age_bands: Vec<String>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// Happy to host visits to their setting.
    pub open_to_visits: bool,
    /// Happy to mentor others.
    pub open_to_mentoring: bool,
    /// The month they joined, e.g. "March 2025".
    pub joined: String,
}
