//! When an offer can be visited: weekly windows in the setting's own time zone,
//! dated exceptions (closed days, closed hours, extra times), a visit length, a
//! minimum notice and a booking horizon. Slots are laid out on the setting's wall
//! clock and turned into instants through its zone, so a window of "10:00–12:00"
//! stays 10:00–12:00 locally on both sides of a daylight-saving change; a slot
//! whose start does not exist that day (the clocks jump over it) is left out, and
//! one whose start happens twice (the clocks go back) is the first of the two.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use iey_dto::WEEKDAYS;

/// The shortest and longest visit, in minutes.
pub const DURATION_RANGE: std::ops::RangeInclusive<u32> = 15..=480;
/// The longest minimum notice, in hours (sixty days).
pub const NOTICE_LIMIT_HOURS: u32 = 24 * 60;
/// The furthest ahead visits can be booked, in days.
pub const HORIZON_RANGE: std::ops::RangeInclusive<u32> = 1..=366;
/// The most dated exceptions an offer keeps.
pub const EXCEPTION_LIMIT: usize = 366;

/// A weekly time the setting takes visitors, on its own wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyWindow {
    /// The day of the week.
    pub weekday: Weekday,
    /// Local start.
    pub start: NaiveTime,
    /// Local end (after the start, same day).
    pub end: NaiveTime,
}

/// A change to the weekly times on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exception {
    /// No visits that day.
    ClosedDay {
        /// The date, in the setting's zone.
        date: NaiveDate,
    },
    /// No visits during these hours that day.
    ClosedPart {
        /// The date, in the setting's zone.
        date: NaiveDate,
        /// Local start.
        start: NaiveTime,
        /// Local end.
        end: NaiveTime,
    },
    /// Visits also during these hours that day.
    Extra {
        /// The date, in the setting's zone.
        date: NaiveDate,
        /// Local start.
        start: NaiveTime,
        /// Local end.
        end: NaiveTime,
    },
}

impl Exception {
    /// The date it changes.
    pub fn date(&self) -> NaiveDate {
        match self {
            Exception::ClosedDay { date }
            | Exception::ClosedPart { date, .. }
            | Exception::Extra { date, .. } => *date,
        }
    }
}

/// Everything that decides an offer's slots.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// The setting's zone; windows and exceptions are on its wall clock.
    pub time_zone: Tz,
    /// How long one visit lasts.
    pub duration_minutes: u32,
    /// The weekly windows.
    pub windows: Vec<WeeklyWindow>,
    /// The dated exceptions.
    pub exceptions: Vec<Exception>,
    /// How many hours ahead a slot must start to be requested.
    pub min_notice_hours: u32,
    /// How many days ahead a slot may start.
    pub horizon_days: u32,
}

/// One bookable slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// When it ends: the start plus the visit's length, in real time.
    pub ends_at: DateTime<Utc>,
}

/// Something wrong with a schedule, for the form field named `field`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleProblem {
    /// The form field: a weekday's name, `duration_minutes`, `min_notice_hours`,
    /// `horizon_days` or `exceptions`.
    pub field: &'static str,
    /// What the host reads.
    pub message: String,
}

impl Schedule {
    /// Every problem of the schedule, for the host's form.
    pub fn problems(&self) -> Vec<ScheduleProblem> {
        let mut problems = Vec::new();
        let mut add = |field: &'static str, message: String| {
            problems.push(ScheduleProblem { field, message });
        };
        if !DURATION_RANGE.contains(&self.duration_minutes) {
            add(
                "duration_minutes",
                format!(
                    "Please make a visit between {} and {} minutes long.",
                    DURATION_RANGE.start(),
                    DURATION_RANGE.end()
                ),
            );
        }
        if self.min_notice_hours > NOTICE_LIMIT_HOURS {
            add(
                "min_notice_hours",
                format!("Please ask for at most {NOTICE_LIMIT_HOURS} hours of notice."),
            );
        }
        if !HORIZON_RANGE.contains(&self.horizon_days) {
            add(
                "horizon_days",
                format!(
                    "Please take requests between {} and {} days ahead.",
                    HORIZON_RANGE.start(),
                    HORIZON_RANGE.end()
                ),
            );
        }
        let length = Duration::minutes(i64::from(self.duration_minutes));
        for window in &self.windows {
            if DURATION_RANGE.contains(&self.duration_minutes) && window.end - window.start < length
            {
                let (field, day) = WEEKDAYS[window.weekday.num_days_from_monday() as usize];
                add(
                    field,
                    format!(
                        "{day}: {}–{} is shorter than one visit ({} minutes).",
                        window.start.format("%H:%M"),
                        window.end.format("%H:%M"),
                        self.duration_minutes
                    ),
                );
            }
        }
        if self.exceptions.len() > EXCEPTION_LIMIT {
            add(
                "exceptions",
                format!("Please list at most {EXCEPTION_LIMIT} dated changes."),
            );
        }
        problems
    }

    /// The slots starting in `[from, until)` that can be requested at `now`: at
    /// least the minimum notice after `now` and within the horizon, in time order.
    pub fn slots(
        &self,
        now: DateTime<Utc>,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Vec<Slot> {
        let earliest = from.max(now + Duration::hours(i64::from(self.min_notice_hours)));
        let latest = until.min(now + Duration::days(i64::from(self.horizon_days)));
        if earliest >= latest || !DURATION_RANGE.contains(&self.duration_minutes) {
            return Vec::new();
        }
        // Local dates a day either side, since a zone is at most a day away from UTC.
        let first = earliest.with_timezone(&self.time_zone).date_naive() - Duration::days(1);
        let last = latest.with_timezone(&self.time_zone).date_naive() + Duration::days(1);
        let mut slots = Vec::new();
        let mut date = first;
        while date <= last {
            for slot in self.slots_on(date) {
                if slot.starts_at >= earliest && slot.starts_at < latest {
                    slots.push(slot);
                }
            }
            date += Duration::days(1);
        }
        slots.sort_by_key(|slot| slot.starts_at);
        slots.dedup_by_key(|slot| slot.starts_at);
        slots
    }

    /// The slot starting exactly at `start`, if it can be requested at `now`.
    pub fn slot_at(&self, now: DateTime<Utc>, start: DateTime<Utc>) -> Option<Slot> {
        self.slots(now, start, start + Duration::seconds(1))
            .into_iter()
            .find(|slot| slot.starts_at == start)
    }

    /// Every slot on local `date`, whatever the notice or horizon.
    pub fn slots_on(&self, date: NaiveDate) -> Vec<Slot> {
        let length = Duration::minutes(i64::from(self.duration_minutes));
        let mut slots = Vec::new();
        for (start, end) in self.open_on(date) {
            let mut local = date.and_time(start);
            while local + length <= date.and_time(end) {
                if let Some(starts_at) = self.instant(local) {
                    slots.push(Slot {
                        starts_at,
                        ends_at: starts_at + length,
                    });
                }
                local += length;
            }
        }
        slots
    }

    /// The open hours of local `date`, merged and in order.
    pub fn open_on(&self, date: NaiveDate) -> Vec<(NaiveTime, NaiveTime)> {
        let on_date = |exception: &&Exception| exception.date() == date;
        let closed_all_day = self
            .exceptions
            .iter()
            .filter(on_date)
            .any(|exception| matches!(exception, Exception::ClosedDay { .. }));
        let mut open: Vec<(NaiveTime, NaiveTime)> = Vec::new();
        if !closed_all_day {
            open.extend(
                self.windows
                    .iter()
                    .filter(|window| window.weekday == chrono::Datelike::weekday(&date))
                    .map(|window| (window.start, window.end)),
            );
        }
        for exception in self.exceptions.iter().filter(on_date) {
            if let Exception::Extra { start, end, .. } = exception {
                open.push((*start, *end));
            }
        }
        let mut open = merge(open);
        for exception in self.exceptions.iter().filter(on_date) {
            if let Exception::ClosedPart { start, end, .. } = exception {
                open = subtract(&open, *start, *end);
            }
        }
        open
    }

    /// The instant of local `time` in the setting's zone: none when the clocks
    /// skip it, the first when they pass it twice.
    fn instant(&self, time: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.time_zone
            .from_local_datetime(&time)
            .earliest()
            .map(|local| local.with_timezone(&Utc))
    }
}

/// `ranges` sorted, with overlapping or touching ones joined.
fn merge(mut ranges: Vec<(NaiveTime, NaiveTime)>) -> Vec<(NaiveTime, NaiveTime)> {
    ranges.sort();
    let mut merged: Vec<(NaiveTime, NaiveTime)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// `ranges` less `[start, end)`.
fn subtract(
    ranges: &[(NaiveTime, NaiveTime)],
    start: NaiveTime,
    end: NaiveTime,
) -> Vec<(NaiveTime, NaiveTime)> {
    let mut left = Vec::with_capacity(ranges.len() + 1);
    for &(from, to) in ranges {
        if end <= from || to <= start {
            left.push((from, to));
            continue;
        }
        if from < start {
            left.push((from, start));
        }
        if end < to {
            left.push((end, to));
        }
    }
    left
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
