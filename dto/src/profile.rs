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
    /// Their local time when the page was made, e.g. "14:05"; empty when unknown.
    pub local_time: String,
    /// Their biography: plain text cut into text and safe links.
    pub bio: Vec<BioPiece>,
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

/// One piece of a biography. Bios are plain text: the page shows `Text` as text
/// (escaped) and `Link` as a link, so nothing a member types becomes markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BioPiece {
    /// Text shown exactly as typed.
    Text(String),
    /// An http(s) address found in the text.
    Link {
        /// Where the link goes; always `http://` or `https://`.
        href: String,
        /// The address as the member typed it.
        text: String,
    },
}
