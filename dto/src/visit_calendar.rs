//! The visit calendar as the browser draws it: a month, a week or an agenda of the
//! member's hosted and requested visits, laid out by the server in the member's
//! own time zone (so the browser needs no time-zone data).

use serde::{Deserialize, Serialize};

use crate::VisitStatus;

/// How the calendar is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarMode {
    /// Whole weeks covering one month.
    Month,
    /// One week, Monday first.
    Week,
    /// The days with visits over the coming weeks, as a list.
    Agenda,
}

impl CalendarMode {
    /// Every mode, in the order the switcher shows them.
    pub const ALL: [CalendarMode; 3] = [
        CalendarMode::Month,
        CalendarMode::Week,
        CalendarMode::Agenda,
    ];

    /// The code in the address, e.g. `month`.
    pub fn code(self) -> &'static str {
        match self {
            CalendarMode::Month => "month",
            CalendarMode::Week => "week",
            CalendarMode::Agenda => "agenda",
        }
    }

    /// The mode named `code`; the month for anything else.
    pub fn from_code(code: &str) -> CalendarMode {
        CalendarMode::ALL
            .into_iter()
            .find(|mode| mode.code() == code)
            .unwrap_or(CalendarMode::Month)
    }

    /// What the switcher reads.
    pub fn label(self) -> &'static str {
        match self {
            CalendarMode::Month => "Month",
            CalendarMode::Week => "Week",
            CalendarMode::Agenda => "Agenda",
        }
    }
}

/// One visit in a calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// The visit's id, for `/visits/{id}`.
    pub id: i32,
    /// The setting's name.
    pub setting_name: String,
    /// Start and end on the member's clock, e.g. "10:00" and "11:00".
    pub starts: String,
    /// The end, e.g. "11:00" (with the date when it ends another day).
    pub ends: String,
    /// The start as RFC 3339 UTC, for `<time datetime>`.
    pub utc: String,
    /// Where it stands.
    pub status: VisitStatus,
    /// The member hosts it.
    pub hosting: bool,
    /// Who is on the other side: the visitor when hosting, else the host.
    pub with: String,
}

/// One day of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// ISO date, e.g. "2027-07-06".
    pub date: String,
    /// What the day reads as, e.g. "Tuesday 6 July".
    pub label: String,
    /// The day of the month.
    pub number: u32,
    /// Inside the month or week shown (not a neighbouring month's day).
    pub in_period: bool,
    /// Today, on the member's clock.
    pub today: bool,
    /// The visits starting that day, in time order.
    pub entries: Vec<CalendarEntry>,
}

/// A calendar page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    /// How it is laid out.
    pub mode: CalendarMode,
    /// What it covers, e.g. "July 2027" or "5 – 11 July 2027".
    pub title: String,
    /// The member's zone, e.g. "Europe/London".
    pub time_zone: String,
    /// The date it was asked for (ISO), kept when switching modes.
    pub anchor: String,
    /// The anchors of the period before and after, and of today.
    pub previous: String,
    /// See `previous`.
    pub next: String,
    /// See `previous`.
    pub today: String,
    /// The days, whole weeks for a month, seven for a week, days with visits for
    /// the agenda.
    pub days: Vec<CalendarDay>,
}
