//! Finding a time for several people: each member declares working hours on
//! their own clock (weekdays 09:00–17:00 until they do), and an offer's free slots
//! are ranked by how many of a group they fall within, each person's hours read
//! in their own time zone. The group is the viewer and friends they name; only
//! slots with room for everyone are offered, and one is then requested for all
//! with [`super::booking::request_visit`] (the friends as companions).

use chrono::{DateTime, Datelike, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use iey_dto::{AppError, GroupSlot, GroupTimes, WEEKDAYS, WorkingHoursForm};
use iey_entity::{member, working_hours};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::booking::companions_named;
use super::offers::offer;
use crate::{Db, DomainResult, Viewer, internal};

/// How many ranked slots are shown.
const SHOWN: usize = 20;

/// Working hours as stored: days (0 = Monday) and minutes after midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hours {
    days: Vec<u32>,
    start: u32,
    end: u32,
}

impl Default for Hours {
    fn default() -> Self {
        Hours {
            days: (0..5).collect(),
            start: 9 * 60,
            end: 17 * 60,
        }
    }
}

impl Hours {
    /// Whether `[starts, ends)` falls within these hours on `zone`'s clock.
    fn cover(&self, zone: Tz, starts: DateTime<Utc>, ends: DateTime<Utc>) -> bool {
        let (from, to) = (starts.with_timezone(&zone), ends.with_timezone(&zone));
        let minute = |time: NaiveTime| time.hour() * 60 + time.minute();
        let end_minute = if to.date_naive() == from.date_naive() {
            minute(to.time())
        } else if minute(to.time()) == 0
            && to.date_naive() == from.date_naive().succ_opt().unwrap_or_default()
        {
            24 * 60
        } else {
            return false;
        };
        self.days.contains(&from.weekday().num_days_from_monday())
            && minute(from.time()) >= self.start
            && end_minute <= self.end
    }
}

/// `viewer`'s working hours for the settings form.
pub async fn working_hours(db: &Db, viewer: &Viewer) -> DomainResult<WorkingHoursForm> {
    let me = viewer.member_id()?;
    let hours = stored_hours(db, me).await?;
    let time = |minutes: u32| format!("{:02}:{:02}", minutes / 60, minutes % 60);
    Ok(WorkingHoursForm {
        days: hours
            .days
            .iter()
            .filter_map(|day| {
                WEEKDAYS
                    .get(*day as usize)
                    .map(|(code, _)| (*code).to_owned())
            })
            .collect(),
        start: time(hours.start),
        end: time(hours.end),
    })
}

/// Saves `viewer`'s working hours; every problem on its field.
pub async fn save_working_hours(
    db: &Db,
    viewer: &Viewer,
    form: &WorkingHoursForm,
) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let mut problems = crate::members::Problems::default();
    let days: Vec<u32> = WEEKDAYS
        .iter()
        .enumerate()
        .filter(|(_, (code, _))| form.days.iter().any(|day| day == code))
        .filter_map(|(index, _)| u32::try_from(index).ok())
        .collect();
    if days.is_empty() {
        problems.add("days", "Please tick at least one working day.");
    }
    let time = |field: &str, typed: &str, problems: &mut crate::members::Problems| {
        match NaiveTime::parse_from_str(typed.trim(), "%H:%M") {
            Ok(time) => Some(time.hour() * 60 + time.minute()),
            Err(_) => {
                problems.add(field, "Please give a time such as 09:00.");
                None
            }
        }
    };
    let start = time("start", &form.start, &mut problems);
    let end = time("end", &form.end, &mut problems);
    if let (Some(start), Some(end)) = (start, end)
        && end <= start
    {
        problems.add("end", "Please end the working day after it starts.");
    }
    if !problems.0.is_empty() {
        return Err(AppError::Validation { fields: problems.0 });
    }
    let as_stored = |minutes: Option<u32>| i32::try_from(minutes.unwrap_or(0)).unwrap_or(0);
    working_hours::Entity::insert(working_hours::ActiveModel {
        member_id: Set(me),
        days: Set(days
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")),
        start_minute: Set(as_stored(start)),
        end_minute: Set(as_stored(end)),
    })
    .on_conflict(
        OnConflict::column(working_hours::Column::MemberId)
            .update_columns([
                working_hours::Column::Days,
                working_hours::Column::StartMinute,
                working_hours::Column::EndMinute,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal("saving working hours"))?;
    Ok(())
}

/// The free slots of offer `id` over the coming weeks that have room for
/// `viewer` and the friends named in `companions`, best first: those within the
/// working hours of most of them, then the soonest.
pub async fn find_times(
    db: &Db,
    viewer: &Viewer,
    id: i32,
    companions: &str,
    now: DateTime<Utc>,
) -> DomainResult<GroupTimes> {
    let me = viewer.member_id()?;
    let shown = offer(db, viewer, id, now).await?;
    let mut problems = crate::members::Problems::default();
    let friends = companions_named(db, viewer, me, companions, &mut problems).await?;
    if !problems.0.is_empty() {
        return Err(AppError::Validation { fields: problems.0 });
    }
    let mut people: Vec<(String, Tz, Hours)> = Vec::new();
    let myself = member::Entity::find_by_id(me)
        .one(db)
        .await
        .map_err(internal("loading the viewer"))?
        .ok_or(AppError::Unauthenticated)?;
    for person in std::iter::once(myself).chain(friends) {
        let zone = person.time_zone.parse().unwrap_or(Tz::UTC);
        let hours = stored_hours(db, person.id).await?;
        people.push((person.display_name, zone, hours));
    }
    let party = u32::try_from(people.len()).unwrap_or(u32::MAX);
    let mut slots: Vec<(DateTime<Utc>, GroupSlot)> = shown
        .slots
        .into_iter()
        .filter(|slot| slot.places_left >= party)
        .filter_map(|slot| {
            let starts = DateTime::parse_from_rfc3339(&slot.starts.utc)
                .ok()?
                .with_timezone(&Utc);
            let ends = starts + chrono::Duration::minutes(i64::from(shown.card.duration_minutes));
            let outside: Vec<String> = people
                .iter()
                .filter(|(_, zone, hours)| !hours.cover(*zone, starts, ends))
                .map(|(name, zone, _)| {
                    let local = starts.with_timezone(zone);
                    format!("{name} ({} {})", local.format("%a %H:%M"), zone.name())
                })
                .collect();
            let suits = party - u32::try_from(outside.len()).unwrap_or(party);
            Some((
                starts,
                GroupSlot {
                    slot,
                    suits,
                    of: party,
                    outside,
                },
            ))
        })
        .collect();
    slots.sort_by(|(a_start, a), (b_start, b)| b.suits.cmp(&a.suits).then(a_start.cmp(b_start)));
    Ok(GroupTimes {
        people: people
            .iter()
            .map(|(name, zone, _)| format!("{name} ({})", zone.name()))
            .collect(),
        slots: slots
            .into_iter()
            .take(SHOWN)
            .map(|(_, slot)| slot)
            .collect(),
    })
}

/// Member `id`'s working hours, or the default.
async fn stored_hours(db: &Db, id: i32) -> DomainResult<Hours> {
    let row = working_hours::Entity::find()
        .filter(working_hours::Column::MemberId.eq(id))
        .one(db)
        .await
        .map_err(internal("loading working hours"))?;
    Ok(row.map_or_else(Hours::default, |row| Hours {
        days: row
            .days
            .split(',')
            .filter_map(|day| day.parse().ok())
            .filter(|day| *day < 7)
            .collect(),
        start: u32::try_from(row.start_minute).unwrap_or(0),
        end: u32::try_from(row.end_minute).unwrap_or(0),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn hours_are_read_on_each_persons_own_clock() {
        let hours = Hours::default();
        let (start, end) = (at("2027-07-06T09:00:00Z"), at("2027-07-06T10:00:00Z"));
        assert!(
            hours.cover(Tz::Europe__London, start, end),
            "10:00 on a Tuesday in London"
        );
        assert!(
            !hours.cover(Tz::America__New_York, start, end),
            "05:00 in New York"
        );
        assert!(
            hours.cover(Tz::Asia__Kolkata, start, end),
            "14:30 in Kolkata"
        );
        assert!(!hours.cover(Tz::Asia__Tokyo, start, end), "18:00 in Tokyo");
        let saturday = (at("2027-07-10T09:00:00Z"), at("2027-07-10T10:00:00Z"));
        assert!(!hours.cover(Tz::Europe__London, saturday.0, saturday.1));
    }
}
