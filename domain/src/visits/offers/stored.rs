//! How an offer is stored: its row's columns from a checked form, its weekly
//! windows and dated exceptions as rows, and back again into a form or schedule.

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use iey_dto::OfferForm;
use iey_entity::{visit_exception, visit_offer, visit_window};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, QueryFilter, QueryOrder,
};

use super::super::form::CleanOffer;
use super::super::schedule::{Exception, Schedule, WeeklyWindow};
use crate::{DomainResult, internal};

/// The schedules of `offers` by id, from two queries whatever their number.
pub(super) async fn load_schedules<C: ConnectionTrait>(
    db: &C,
    offers: &[visit_offer::Model],
) -> DomainResult<HashMap<i32, Schedule>> {
    let ids: Vec<i32> = offers.iter().map(|offer| offer.id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut schedules: HashMap<i32, Schedule> = offers
        .iter()
        .map(|offer| (offer.id, empty_schedule(offer)))
        .collect();
    let windows = visit_window::Entity::find()
        .filter(visit_window::Column::OfferId.is_in(ids.clone()))
        .order_by_asc(visit_window::Column::Weekday)
        .order_by_asc(visit_window::Column::StartMinute)
        .all(db)
        .await
        .map_err(internal("loading offer windows"))?;
    for window in windows {
        let times = (time_of(window.start_minute), time_of(window.end_minute));
        let (Some(weekday), (Some(start), Some(end))) = (weekday_of(window.weekday), times) else {
            continue;
        };
        if let Some(schedule) = schedules.get_mut(&window.offer_id) {
            schedule.windows.push(WeeklyWindow {
                weekday,
                start,
                end,
            });
        }
    }
    let exceptions = visit_exception::Entity::find()
        .filter(visit_exception::Column::OfferId.is_in(ids))
        .order_by_asc(visit_exception::Column::OnDate)
        .order_by_asc(visit_exception::Column::Id)
        .all(db)
        .await
        .map_err(internal("loading offer exceptions"))?;
    for row in exceptions {
        let (start, end) = (
            row.start_minute.and_then(time_of),
            row.end_minute.and_then(time_of),
        );
        let date = row.on_date;
        let exception = match (row.kind.as_str(), start, end) {
            ("closed_day", _, _) => Exception::ClosedDay { date },
            ("closed_part", Some(start), Some(end)) => Exception::ClosedPart { date, start, end },
            ("extra", Some(start), Some(end)) => Exception::Extra { date, start, end },
            _ => continue,
        };
        if let Some(schedule) = schedules.get_mut(&row.offer_id) {
            schedule.exceptions.push(exception);
        }
    }
    Ok(schedules)
}

/// An offer's schedule before its windows and exceptions are added.
pub(super) fn empty_schedule(offer: &visit_offer::Model) -> Schedule {
    Schedule {
        time_zone: offer.time_zone.parse().unwrap_or(Tz::UTC),
        duration_minutes: u32::try_from(offer.duration_minutes).unwrap_or(60),
        windows: Vec::new(),
        exceptions: Vec::new(),
        min_notice_hours: u32::try_from(offer.min_notice_hours).unwrap_or(24),
        horizon_days: u32::try_from(offer.horizon_days).unwrap_or(90),
    }
}

/// Sets every column a form decides.
pub(super) fn fill(row: &mut visit_offer::ActiveModel, clean: &CleanOffer, now: DateTime<Utc>) {
    let schedule = &clean.schedule;
    row.setting_name = Set(clean.setting_name.clone());
    row.setting_type = Set(clean.setting_type.clone());
    row.address = Set(clean.address.clone());
    row.city = Set(clean.city.clone());
    row.country_code = Set(clean.country_code.clone());
    row.time_zone = Set(schedule.time_zone.name().to_owned());
    row.online = Set(clean.online);
    row.meeting_link = Set(clean.meeting_link.clone());
    row.description = Set(clean.description.clone());
    row.what_you_see = Set(clean.what_you_see.clone());
    row.duration_minutes = Set(i32::try_from(schedule.duration_minutes).unwrap_or(60));
    row.capacity = Set(i32::try_from(clean.capacity).unwrap_or(1));
    row.requires_photo_id = Set(clean.requires_photo_id);
    row.requires_background_check = Set(clean.requires_background_check);
    row.languages = Set(clean.languages.join(","));
    row.accessibility_notes = Set(clean.accessibility_notes.clone());
    row.practical_notes = Set(clean.practical_notes.clone());
    row.min_notice_hours = Set(i32::try_from(schedule.min_notice_hours).unwrap_or(24));
    row.horizon_days = Set(i32::try_from(schedule.horizon_days).unwrap_or(90));
    row.visibility = Set(clean.visibility.clone());
    row.updated_at = Set(now);
}

/// Writes an offer's windows and exceptions.
pub(super) async fn store_schedule<C: ConnectionTrait>(
    db: &C,
    offer_id: i32,
    schedule: &Schedule,
) -> DomainResult<()> {
    if !schedule.windows.is_empty() {
        let windows = schedule
            .windows
            .iter()
            .map(|window| visit_window::ActiveModel {
                id: NotSet,
                offer_id: Set(offer_id),
                weekday: Set(i16::try_from(window.weekday.num_days_from_monday()).unwrap_or(0)),
                start_minute: Set(minute_of(window.start)),
                end_minute: Set(minute_of(window.end)),
            });
        visit_window::Entity::insert_many(windows)
            .exec_without_returning(db)
            .await
            .map_err(internal("storing offer windows"))?;
    }
    if !schedule.exceptions.is_empty() {
        let rows = schedule.exceptions.iter().map(|exception| {
            let (date, kind, times) = match exception {
                Exception::ClosedDay { date } => (*date, "closed_day", None),
                Exception::ClosedPart { date, start, end } => {
                    (*date, "closed_part", Some((*start, *end)))
                }
                Exception::Extra { date, start, end } => (*date, "extra", Some((*start, *end))),
            };
            visit_exception::ActiveModel {
                id: NotSet,
                offer_id: Set(offer_id),
                on_date: Set(date),
                kind: Set(kind.to_owned()),
                start_minute: Set(times.map(|(start, _)| minute_of(start))),
                end_minute: Set(times.map(|(_, end)| minute_of(end))),
            }
        });
        visit_exception::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await
            .map_err(internal("storing offer exceptions"))?;
    }
    Ok(())
}

/// The form of a stored offer.
pub(super) fn form_of(row: visit_offer::Model, schedule: &Schedule) -> OfferForm {
    let mut weekly: [String; 7] = Default::default();
    for window in &schedule.windows {
        let day = &mut weekly[window.weekday.num_days_from_monday() as usize];
        if !day.is_empty() {
            day.push_str(", ");
        }
        day.push_str(&format!(
            "{}-{}",
            window.start.format("%H:%M"),
            window.end.format("%H:%M")
        ));
    }
    let exceptions = schedule
        .exceptions
        .iter()
        .map(|exception| match exception {
            Exception::ClosedDay { date } => format!("{date} closed"),
            Exception::ClosedPart { date, start, end } => format!(
                "{date} {}-{} closed",
                start.format("%H:%M"),
                end.format("%H:%M")
            ),
            Exception::Extra { date, start, end } => format!(
                "{date} {}-{} extra",
                start.format("%H:%M"),
                end.format("%H:%M")
            ),
        })
        .collect::<Vec<_>>()
        .join("\n");
    OfferForm {
        setting_name: row.setting_name,
        setting_type: row.setting_type,
        address: row.address,
        city: row.city,
        country: row.country_code,
        time_zone: row.time_zone,
        online: row.online,
        meeting_link: row.meeting_link.unwrap_or_default(),
        description: row.description,
        what_you_see: row.what_you_see,
        duration_minutes: row.duration_minutes.to_string(),
        capacity: row.capacity.to_string(),
        requires_photo_id: row.requires_photo_id,
        requires_background_check: row.requires_background_check,
        languages: row.languages.replace(',', ", "),
        accessibility_notes: row.accessibility_notes,
        practical_notes: row.practical_notes,
        min_notice_hours: row.min_notice_hours.to_string(),
        horizon_days: row.horizon_days.to_string(),
        visibility: row.visibility,
        weekly: weekly.to_vec(),
        exceptions,
    }
}

/// Codes stored comma-separated.
pub(super) fn split_codes(codes: &str) -> impl Iterator<Item = &str> {
    codes.split(',').filter(|code| !code.is_empty())
}

/// Minutes after midnight of a local time.
fn minute_of(time: NaiveTime) -> i32 {
    use chrono::Timelike;
    i32::try_from(time.hour() * 60 + time.minute()).unwrap_or(0)
}

/// The local time `minute` minutes after midnight.
fn time_of(minute: i32) -> Option<NaiveTime> {
    let minute = u32::try_from(minute).ok()?;
    NaiveTime::from_hms_opt(minute / 60, minute % 60, 0)
}

/// The weekday stored as 0 (Monday) to 6.
fn weekday_of(stored: i16) -> Option<chrono::Weekday> {
    let days = u8::try_from(stored).ok()?;
    chrono::Weekday::try_from(days).ok()
}
