//! A member's visit calendar: the visits they host, asked for, or come along to,
//! laid out as a month, a week or an agenda on their own clock. Days are cut at
//! local midnight in the member's zone, so a visit at 00:30 after a clock change
//! lands on the right day. Visits with someone blocked either way are left out.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use iey_dto::{CalendarDay, CalendarEntry, CalendarMode, CalendarView, VisitStatus};

use super::rows::{VisitRow, visits_between};
use crate::{Db, DomainResult, Viewer};

/// How many days the agenda looks ahead.
const AGENDA_DAYS: i64 = 56;

/// The calendar of `viewer` in `mode` around `anchor` (today when `None`).
pub async fn calendar(
    db: &Db,
    viewer: &Viewer,
    mode: CalendarMode,
    anchor: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> DomainResult<CalendarView> {
    let me = viewer.member_id()?;
    let zone = super::rows::member_zone(db, me).await?;
    let today = now.with_timezone(&zone).date_naive();
    // Dates far from now are today's: the calendar only pages month by month, and
    // date arithmetic at the ends of the calendar would overflow.
    let anchor = anchor
        .filter(|date| (1900..=2999).contains(&date.year()))
        .unwrap_or(today);
    let period = Period::of(mode, anchor);
    let rows = visits_between(
        db,
        me,
        local_midnight(zone, period.first),
        local_midnight(zone, period.last + Duration::days(1)),
    )
    .await?;
    let mut days: Vec<CalendarDay> = period
        .dates()
        .map(|date| CalendarDay {
            date: date.to_string(),
            label: date.format("%A %-d %B").to_string(),
            number: date.day(),
            in_period: period.contains(date),
            today: date == today,
            entries: Vec::new(),
        })
        .collect();
    for row in rows
        .iter()
        .filter(|row| row.visit.status != VisitStatus::Declined.code())
    {
        let starts = row.visit.starts_at.with_timezone(&zone);
        let index = (starts.date_naive() - period.first).num_days();
        if let Some(day) = usize::try_from(index)
            .ok()
            .and_then(|index| days.get_mut(index))
        {
            day.entries.push(entry(row, me, zone));
        }
    }
    if mode == CalendarMode::Agenda {
        days.retain(|day| !day.entries.is_empty());
    }
    Ok(CalendarView {
        mode,
        title: period.title(),
        time_zone: zone.name().to_owned(),
        anchor: anchor.to_string(),
        previous: period.step(-1).to_string(),
        next: period.step(1).to_string(),
        today: today.to_string(),
        days,
    })
}

/// The first instant of local `date` in `zone` (or of its first hour that
/// exists, where the clocks skip midnight).
pub(crate) fn local_midnight(zone: Tz, date: NaiveDate) -> DateTime<Utc> {
    (0..3)
        .filter_map(|hour| date.and_hms_opt(hour, 0, 0))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map_or_else(
            || Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN)),
            |local| local.with_timezone(&Utc),
        )
}

/// A calendar line for `row`, on `zone`'s clock.
fn entry(row: &VisitRow, me: i32, zone: Tz) -> CalendarEntry {
    let starts = row.visit.starts_at.with_timezone(&zone);
    let ends = row.visit.ends_at.with_timezone(&zone);
    let hosting = row.offer.host_id == me;
    let ends_text = if ends.date_naive() == starts.date_naive() {
        ends.format("%H:%M").to_string()
    } else {
        ends.format("%H:%M %a %-d %b").to_string()
    };
    CalendarEntry {
        id: row.visit.id,
        setting_name: row.offer.setting_name.clone(),
        starts: starts.format("%H:%M").to_string(),
        ends: ends_text,
        utc: row
            .visit
            .starts_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        status: VisitStatus::from_code(&row.visit.status).unwrap_or(VisitStatus::Requested),
        hosting,
        with: name(if hosting { &row.visitor } else { &row.host }),
    }
}

fn name(member: &super::rows::Person) -> String {
    member.display_name.clone()
}

/// The dates a calendar page covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    mode: CalendarMode,
    anchor: NaiveDate,
    /// The first date drawn (a Monday for months and weeks).
    first: NaiveDate,
    /// The last date drawn.
    last: NaiveDate,
}

impl Period {
    fn of(mode: CalendarMode, anchor: NaiveDate) -> Period {
        let monday = |date: NaiveDate| {
            date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
        };
        let (first, last) = match mode {
            CalendarMode::Month => {
                let start = anchor.with_day(1).unwrap_or(anchor);
                let end = month_end(start);
                (monday(start), monday(end) + Duration::days(6))
            }
            CalendarMode::Week => (monday(anchor), monday(anchor) + Duration::days(6)),
            CalendarMode::Agenda => (anchor, anchor + Duration::days(AGENDA_DAYS - 1)),
        };
        Period {
            mode,
            anchor,
            first,
            last,
        }
    }

    fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.first.iter_days().take_while(|date| *date <= self.last)
    }

    /// Inside the month (or week, or agenda) itself.
    fn contains(&self, date: NaiveDate) -> bool {
        match self.mode {
            CalendarMode::Month => {
                date.month() == self.anchor.month() && date.year() == self.anchor.year()
            }
            _ => true,
        }
    }

    /// The anchor `steps` periods away.
    fn step(&self, steps: i32) -> NaiveDate {
        match self.mode {
            CalendarMode::Month => {
                let start = self.anchor.with_day(1).unwrap_or(self.anchor);
                if steps < 0 {
                    start.checked_sub_months(chrono::Months::new(steps.unsigned_abs()))
                } else {
                    start.checked_add_months(chrono::Months::new(steps.unsigned_abs()))
                }
                .unwrap_or(start)
            }
            CalendarMode::Week => self.first + Duration::weeks(i64::from(steps)),
            CalendarMode::Agenda => self.anchor + Duration::days(AGENDA_DAYS * i64::from(steps)),
        }
    }

    fn title(&self) -> String {
        match self.mode {
            CalendarMode::Month => self.anchor.format("%B %Y").to_string(),
            CalendarMode::Week | CalendarMode::Agenda => {
                let same_month = self.first.month() == self.last.month();
                let from = if same_month {
                    self.first.format("%-d").to_string()
                } else {
                    self.first.format("%-d %B").to_string()
                };
                format!("{from} – {}", self.last.format("%-d %B %Y"))
            }
        }
    }
}

/// The last day of `first`'s month.
fn month_end(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(1))
        .map_or(first, |next| next - Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_month_is_whole_weeks_monday_first() {
        let july = Period::of(CalendarMode::Month, date(2027, 7, 14));
        assert_eq!(july.first, date(2027, 6, 28));
        assert_eq!(july.last, date(2027, 8, 1));
        assert_eq!(july.dates().count(), 35);
        assert!(!july.contains(date(2027, 6, 30)) && july.contains(date(2027, 7, 1)));
        assert_eq!(july.title(), "July 2027");
        assert_eq!(july.step(-1), date(2027, 6, 1));
        assert_eq!(
            Period::of(CalendarMode::Month, date(2028, 1, 31)).step(1),
            date(2028, 2, 1)
        );
    }

    #[test]
    fn a_week_runs_monday_to_sunday() {
        let week = Period::of(CalendarMode::Week, date(2027, 7, 1));
        assert_eq!(
            (week.first, week.last),
            (date(2027, 6, 28), date(2027, 7, 4))
        );
        assert_eq!(week.title(), "28 June – 4 July 2027");
        assert_eq!(week.step(1), date(2027, 7, 5));
    }

    #[test]
    fn midnight_is_local_even_across_a_clock_change() {
        let london = local_midnight(Tz::Europe__London, date(2027, 7, 6));
        assert_eq!(london.to_rfc3339(), "2027-07-05T23:00:00+00:00");
        // Santiago skips midnight when summer time starts (5 September 2027).
        let santiago = local_midnight(Tz::America__Santiago, date(2027, 9, 5));
        assert_eq!(
            santiago.with_timezone(&Tz::America__Santiago).date_naive(),
            date(2027, 9, 5)
        );
    }
}
