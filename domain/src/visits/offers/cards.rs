//! Offers as cards and their free slots: the schedule's slots less those whose
//! places are all taken, each in the viewer's zone with the setting's time beside.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use iey_dto::{FreeSlot, OfferCard, OfferStatus, SETTING_TYPES};
use iey_entity::{member, visit_offer, visit_slot};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::super::calendar::local_midnight;
use super::super::schedule::Schedule;
use super::super::shown_time;
use super::stored::{empty_schedule, load_schedules};
use super::{CARD_SLOTS, LOOK_AHEAD_DAYS, local_place, place_name, viewer_zone};
use crate::{Db, DomainResult, Viewer, internal};

/// When free slots are looked for: what can be requested at `now`, starting in
/// `[from, until)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub now: DateTime<Utc>,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

impl Window {
    /// From `now` over the look-ahead.
    pub(crate) fn ahead(now: DateTime<Utc>) -> Window {
        Window {
            now,
            from: now,
            until: now + Duration::days(LOOK_AHEAD_DAYS),
        }
    }

    /// The local days `from` to `until` (inclusive) of `zone`, as requested at `now`.
    fn days(now: DateTime<Utc>, zone: Tz, from: NaiveDate, until: NaiveDate) -> Window {
        Window {
            now,
            from: local_midnight(zone, from),
            until: local_midnight(zone, until + Duration::days(1)),
        }
    }
}

/// Places taken per offer and slot start.
type Taken = HashMap<(i32, DateTime<Utc>), i32>;

/// The places taken in `offer_ids`' slots starting in `[from, until)`, in one query.
async fn taken_places<C: ConnectionTrait>(
    db: &C,
    offer_ids: Vec<i32>,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DomainResult<Taken> {
    if offer_ids.is_empty() {
        return Ok(Taken::new());
    }
    Ok(visit_slot::Entity::find()
        .filter(visit_slot::Column::OfferId.is_in(offer_ids))
        .filter(visit_slot::Column::StartsAt.gte(from))
        .filter(visit_slot::Column::StartsAt.lt(until))
        .filter(visit_slot::Column::Taken.gt(0))
        .all(db)
        .await
        .map_err(internal("reading taken places"))?
        .into_iter()
        .map(|slot| ((slot.offer_id, slot.starts_at), slot.taken))
        .collect())
}

/// The free slots of `offer` in `window`, at most `limit`, in `zone` with the
/// setting's time beside: the schedule's slots less those whose places are all
/// taken.
pub(crate) async fn free_slots<C: ConnectionTrait>(
    db: &C,
    offer: &visit_offer::Model,
    schedule: &Schedule,
    zone: Tz,
    window: Window,
    limit: usize,
) -> DomainResult<Vec<FreeSlot>> {
    let taken = taken_places(db, vec![offer.id], window.from, window.until).await?;
    Ok(free_of(offer, schedule, zone, window, limit, &taken))
}

/// [`free_slots`] with the places taken already read.
fn free_of(
    offer: &visit_offer::Model,
    schedule: &Schedule,
    zone: Tz,
    window: Window,
    limit: usize,
    taken: &Taken,
) -> Vec<FreeSlot> {
    let place = local_place(offer);
    schedule
        .slots(window.now, window.from, window.until)
        .into_iter()
        .filter_map(|slot| {
            let used = taken.get(&(offer.id, slot.starts_at)).copied().unwrap_or(0);
            let left = offer.capacity - used;
            (left > 0).then(|| FreeSlot {
                starts: shown_time(slot.starts_at, zone, schedule.time_zone, place),
                ends: slot
                    .ends_at
                    .with_timezone(&zone)
                    .format("%H:%M")
                    .to_string(),
                places_left: u32::try_from(left).unwrap_or(0),
            })
        })
        .take(limit)
        .collect()
}

/// Cards for `rows`, each with its next free slots in the viewer's zone. With
/// `days` (local dates, inclusive), the slots are those days' and offers without
/// one are left out. Schedules, the viewer's zone and taken places are read once
/// for the whole page.
pub(super) async fn cards(
    db: &Db,
    viewer: &Viewer,
    rows: Vec<(visit_offer::Model, Option<member::Model>)>,
    now: DateTime<Utc>,
    days: Option<(NaiveDate, NaiveDate)>,
) -> DomainResult<Vec<OfferCard>> {
    let offers: Vec<visit_offer::Model> = rows.iter().map(|(row, _)| row.clone()).collect();
    let mut schedules = load_schedules(db, &offers).await?;
    let own_zone = match rows.first() {
        Some((row, _)) if matches!(viewer, Viewer::Member { .. }) => {
            Some(viewer_zone(db, viewer, row).await?)
        }
        _ => None,
    };
    let zone_for = |row: &visit_offer::Model| {
        own_zone.unwrap_or_else(|| row.time_zone.parse().unwrap_or(Tz::UTC))
    };
    let window_for = |zone: Tz| {
        days.map_or_else(
            || Window::ahead(now),
            |(from, until)| Window::days(now, zone, from, until),
        )
    };
    // One read of taken places, over every card's window.
    let windows: Vec<Window> = offers.iter().map(|row| window_for(zone_for(row))).collect();
    let from = windows
        .iter()
        .map(|window| window.from)
        .min()
        .unwrap_or(now);
    let until = windows
        .iter()
        .map(|window| window.until)
        .max()
        .unwrap_or(now);
    let published = offers
        .iter()
        .filter(|row| row.status == "published")
        .map(|row| row.id)
        .collect();
    let taken = taken_places(db, published, from, until).await?;
    let mut found = Vec::with_capacity(rows.len());
    for (row, host) in rows {
        let Some(host) = host else { continue };
        let schedule = schedules
            .remove(&row.id)
            .unwrap_or_else(|| empty_schedule(&row));
        let zone = zone_for(&row);
        let slots = if row.status == "published" {
            free_of(&row, &schedule, zone, window_for(zone), CARD_SLOTS, &taken)
        } else {
            Vec::new()
        };
        if days.is_some() && slots.is_empty() {
            continue;
        }
        found.push(card(&row, host, slots));
    }
    Ok(found)
}

/// An offer's card.
pub(super) fn card(
    row: &visit_offer::Model,
    host: member::Model,
    next_slots: Vec<FreeSlot>,
) -> OfferCard {
    OfferCard {
        id: row.id,
        setting_name: row.setting_name.clone(),
        setting_type: SETTING_TYPES
            .iter()
            .find(|(code, _)| *code == row.setting_type)
            .map_or("Other setting", |(_, label)| label)
            .to_owned(),
        place: place_name(row),
        host: crate::friends::summary(host),
        duration_minutes: u32::try_from(row.duration_minutes).unwrap_or(0),
        status: OfferStatus::from_code(&row.status).unwrap_or(OfferStatus::Draft),
        next_slots,
    }
}
