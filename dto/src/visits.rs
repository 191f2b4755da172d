//! What the visit planner sends to the browser: a host's offer form, offers and
//! their free slots, visits and the calendar, every time in the viewer's zone with
//! the setting's local time beside it.

use serde::{Deserialize, Serialize};

/// The kinds of setting a host can offer visits to: stored code and label.
pub const SETTING_TYPES: [(&str, &str); 7] = [
    ("nursery", "Nursery or day care"),
    ("childrens_centre", "Children's centre"),
    ("school", "School or kindergarten"),
    ("health_clinic", "Health clinic"),
    ("police_unit", "Police unit"),
    ("family_hub", "Family hub"),
    ("other", "Other setting"),
];

/// The days of the week in the offer form, Monday first: field name and label.
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("monday", "Monday"),
    ("tuesday", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("thursday", "Thursday"),
    ("friday", "Friday"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
];

/// The host's offer form exactly as typed: numbers and times stay text so a
/// mistake gets a message on its field instead of failing to decode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    /// The setting's name, e.g. "Sunny Days Nursery".
    pub setting_name: String,
    /// A code from [`SETTING_TYPES`].
    pub setting_type: String,
    /// Street address (may be empty for online visits).
    pub address: String,
    /// City or region.
    pub city: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// The setting's IANA time zone; the weekly times are in it.
    pub time_zone: String,
    /// Visits happen online.
    pub online: bool,
    /// The meeting link of an online visit (shown to approved visitors only).
    pub meeting_link: String,
    /// About the setting and the visit.
    pub description: String,
    /// What visitors will see.
    pub what_you_see: String,
    /// Minutes one visit lasts.
    pub duration_minutes: String,
    /// Visitors per slot.
    pub capacity: String,
    /// Visitors must bring photo ID.
    pub requires_photo_id: bool,
    /// Visitors must attest to a background check.
    pub requires_background_check: bool,
    /// Languages the visit is held in, ISO 639-1 codes separated by commas.
    pub languages: String,
    /// Accessibility notes.
    pub accessibility_notes: String,
    /// Practical notes: parking, drop-off and nap times to avoid.
    pub practical_notes: String,
    /// Hours of notice a request needs.
    pub min_notice_hours: String,
    /// How many days ahead visits can be requested.
    pub horizon_days: String,
    /// `public`, `members` or `friends`.
    pub visibility: String,
    /// Weekly times per day, Monday first (seven entries; missing ones are
    /// empty), e.g. "10:00-12:00, 14:00-15:30".
    pub weekly: Vec<String>,
    /// Dated changes, one a line: "2027-12-24 closed", "2027-12-23 13:00-15:00
    /// closed" or "2028-01-05 10:00-12:00 extra".
    pub exceptions: String,
}

/// The host's offer form with the lists it picks from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferEditor {
    /// The offer being changed; `None` for a new one.
    pub id: Option<i32>,
    /// The form: the stored offer, or a new one's defaults.
    pub form: OfferForm,
    /// Every ISO 3166-1 country, sorted by English name.
    pub countries: Vec<crate::Choice>,
    /// Every IANA time zone name, sorted.
    pub time_zones: Vec<String>,
}

/// Where an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    /// Being written; only the host sees it.
    Draft,
    /// Open for requests.
    Published,
    /// Shown, but not taking requests for now.
    Paused,
    /// No longer offered; only the host sees it.
    Closed,
}

impl OfferStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            OfferStatus::Draft => "draft",
            OfferStatus::Published => "published",
            OfferStatus::Paused => "paused",
            OfferStatus::Closed => "closed",
        }
    }

    /// The status stored as `code`.
    pub fn from_code(code: &str) -> Option<OfferStatus> {
        [
            OfferStatus::Draft,
            OfferStatus::Published,
            OfferStatus::Paused,
            OfferStatus::Closed,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }

    /// What the host reads, e.g. "Published".
    pub fn label(self) -> &'static str {
        match self {
            OfferStatus::Draft => "Draft",
            OfferStatus::Published => "Published",
            OfferStatus::Paused => "Paused",
            OfferStatus::Closed => "Closed",
        }
    }
}

/// A time shown to the viewer: in their own zone, with the setting's local time
/// beside it when the zones differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownTime {
    /// The instant, RFC 3339 in UTC (for forms and `<time datetime>`).
    pub utc: String,
    /// In the viewer's zone, e.g. "Tue 6 Jul 2027, 11:00".
    pub yours: String,
    /// In the setting's zone, e.g. "10:00 in Leeds"; `None` when it reads the same.
    pub theirs: Option<String>,
}

/// One free slot of an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlot {
    /// When it starts.
    pub starts: ShownTime,
    /// When it ends, in the viewer's zone, e.g. "12:00".
    pub ends: String,
    /// Places left.
    pub places_left: u32,
}

/// An offer in a list: enough to choose and go to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferCard {
    /// The offer's id, for `/visits/offers/{id}`.
    pub id: i32,
    /// The setting's name.
    pub setting_name: String,
    /// The setting type's label.
    pub setting_type: String,
    /// "Leeds, United Kingdom" or "Online".
    pub place: String,
    /// The host's name and handle.
    pub host: crate::MemberSummary,
    /// Minutes one visit lasts.
    pub duration_minutes: u32,
    /// Where it stands.
    pub status: OfferStatus,
    /// The next few free slots.
    pub next_slots: Vec<FreeSlot>,
}

/// A whole offer as a visitor (or its host) sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    /// The card's fields.
    pub card: OfferCard,
    /// The setting's street address, for its host only (approved visitors find it
    /// on their visit); empty when online.
    pub address: Option<String>,
    /// The setting's IANA zone.
    pub time_zone: String,
    /// Visits happen online.
    pub online: bool,
    /// About the setting and the visit.
    pub description: String,
    /// What visitors will see.
    pub what_you_see: String,
    /// Visitors per slot.
    pub capacity: u32,
    /// Visitors must bring photo ID.
    pub requires_photo_id: bool,
    /// Visitors must attest to a background check.
    pub requires_background_check: bool,
    /// The languages' English names.
    pub languages: Vec<String>,
    /// Accessibility notes.
    pub accessibility_notes: String,
    /// Practical notes.
    pub practical_notes: String,
    /// The weekly times in the setting's zone, e.g. "Tuesday 10:00–12:00".
    pub weekly: Vec<String>,
    /// The viewer hosts this offer.
    pub yours: bool,
    /// Free slots in the coming weeks.
    pub slots: Vec<FreeSlot>,
}

/// Where a visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    /// Waiting for the host.
    Requested,
    /// The host said yes.
    Approved,
    /// On the waiting list for a full slot.
    Waitlisted,
    /// A place came free; the visitor may take it.
    Offered,
    /// The host said no.
    Declined,
    /// Called off by either side.
    Cancelled,
}

impl VisitStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            VisitStatus::Requested => "requested",
            VisitStatus::Approved => "approved",
            VisitStatus::Waitlisted => "waitlisted",
            VisitStatus::Offered => "offered",
            VisitStatus::Declined => "declined",
            VisitStatus::Cancelled => "cancelled",
        }
    }

    /// The status stored as `code`.
    pub fn from_code(code: &str) -> Option<VisitStatus> {
        [
            VisitStatus::Requested,
            VisitStatus::Approved,
            VisitStatus::Waitlisted,
            VisitStatus::Offered,
            VisitStatus::Declined,
            VisitStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }

    /// What people read, e.g. "Waiting for the host".
    pub fn label(self) -> &'static str {
        match self {
            VisitStatus::Requested => "Requested",
            VisitStatus::Approved => "Approved",
            VisitStatus::Waitlisted => "Waiting list",
            VisitStatus::Offered => "Place offered",
            VisitStatus::Declined => "Declined",
            VisitStatus::Cancelled => "Cancelled",
        }
    }

    /// Still going ahead or waiting for a decision.
    pub fn is_live(self) -> bool {
        !matches!(self, VisitStatus::Declined | VisitStatus::Cancelled)
    }
}

/// A visit as one of its members sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitView {
    /// The visit's id.
    pub id: i32,
    /// The offer visited.
    pub offer_id: i32,
    /// The setting's name.
    pub setting_name: String,
    /// "Leeds, United Kingdom" or "Online".
    pub place: String,
    /// When it starts.
    pub starts: ShownTime,
    /// When it ends, in the viewer's zone.
    pub ends: String,
    /// Where it stands.
    pub status: VisitStatus,
    /// The host.
    pub host: crate::MemberSummary,
    /// The member who asked.
    pub visitor: crate::MemberSummary,
    /// Friends coming along.
    pub companions: Vec<crate::MemberSummary>,
    /// The visitor's message.
    pub message: String,
    /// Why it was declined or cancelled.
    pub reason: Option<String>,
    /// The viewer hosts it (else they visit or come along).
    pub hosting: bool,
    /// The meeting link, for an approved online visit.
    pub meeting_link: Option<String>,
    /// The setting's address, for its host and approved visitors.
    pub address: Option<String>,
    /// For a host answering a request: what else they have on at that time.
    pub conflict: Option<String>,
    /// It has ended.
    pub past: bool,
}

/// A visitor's request for a slot, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitRequestForm {
    /// The slot's start, RFC 3339 (from the list of free slots).
    pub starts_at: String,
    /// A message to the host.
    pub message: String,
    /// The visitor will bring photo ID.
    pub attest_photo_id: bool,
    /// The visitor attests to a background check.
    pub attest_background_check: bool,
    /// Friends coming along: handles separated by commas.
    pub companions: String,
}

/// A note written after a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionView {
    /// Who wrote it.
    pub author: crate::MemberSummary,
    /// The note.
    pub body: String,
    /// The other side may read it.
    pub shared: bool,
    /// The viewer wrote it.
    pub mine: bool,
}

/// A member's working hours as the settings form shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkingHoursForm {
    /// Working days, codes from [`WEEKDAYS`] ("monday"…).
    pub days: Vec<String>,
    /// Start on the member's clock, e.g. "09:00".
    pub start: String,
    /// End on the member's clock, e.g. "17:00".
    pub end: String,
}

/// A slot of an offer scored for a group: how many of them it suits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSlot {
    /// The slot, in the viewer's zone with the setting's beside.
    pub slot: FreeSlot,
    /// How many of the group it falls within the working hours of.
    pub suits: u32,
    /// How many are in the group.
    pub of: u32,
    /// Those it doesn't suit, each with their local time, e.g. "Ana Silva (22:00)".
    pub outside: Vec<String>,
}

/// The times of an offer that suit a group best.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTimes {
    /// Everyone in the group, the viewer first, each with their zone.
    pub people: Vec<String>,
    /// The slots with room for the whole group, best first.
    pub slots: Vec<GroupSlot>,
}
