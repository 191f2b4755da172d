//! Demo visit offers and visits: hosts open to visits offer their setting on a
//! few weekday mornings or afternoons of their own time zone, and members ask for
//! slots from two months back to four months ahead, mostly approved, some waiting,
//! cancelled or declined. Approved visits never overfill a slot. The first host
//! is busy on purpose (several offers, and a visitor on many visits), so the
//! calendar and feed have a heavy member to be measured on.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use iey_dto::SETTING_TYPES;
use iey_entity::{member, visit, visit_offer, visit_slot, visit_window};
use rand::prelude::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use crate::visits::schedule::{Schedule, Slot, WeeklyWindow};
use crate::{Db, DomainResult, internal};

/// Rows written in one statement.
const BATCH: usize = 1000;
/// The random stream visits draw from, apart from the members' own.
const STREAM: u64 = 11;
/// Offers the busy first host has.
const BUSY_OFFERS: usize = 10;
/// The share of visits the busy first host makes as a visitor.
const BUSY_SHARE: f64 = 0.002;

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct VisitSeed {
    /// Offers to add.
    pub offers: usize,
    /// Visits to add.
    pub visits: usize,
    /// The random seed.
    pub seed: u64,
    /// "Now": visits fall from two months before to four months after.
    pub now: DateTime<Utc>,
}

/// What the visit seeder added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitSeedReport {
    /// Offers added.
    pub offers: usize,
    /// Visits added.
    pub visits: usize,
}

/// A host as the seeder sees them.
struct Host {
    id: i32,
    country: String,
    city: String,
    zone: Tz,
}

/// Adds `options.offers` published offers by verified members and
/// `options.visits` visits to them by other verified members.
pub async fn seed_visits(db: &Db, options: VisitSeed) -> DomainResult<VisitSeedReport> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    rng.set_stream(STREAM);
    let people: Vec<(i32, String, String, String, bool)> = member::Entity::find()
        .select_only()
        .columns([
            member::Column::Id,
            member::Column::CountryCode,
            member::Column::City,
            member::Column::TimeZone,
            member::Column::OpenToVisits,
        ])
        .filter(member::Column::EmailVerifiedAt.is_not_null())
        .order_by_asc(member::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing members to seed visits for"))?;
    if people.len() < 2 || options.offers == 0 {
        return Ok(VisitSeedReport {
            offers: 0,
            visits: 0,
        });
    }
    let mut hosts: Vec<Host> = people
        .iter()
        .filter(|person| person.4)
        .map(|(id, country, city, zone, _)| Host {
            id: *id,
            country: country.clone(),
            city: city.clone(),
            zone: zone.parse().unwrap_or(Tz::UTC),
        })
        .collect();
    if hosts.is_empty() {
        return Ok(VisitSeedReport {
            offers: 0,
            visits: 0,
        });
    }
    let visitors: Vec<i32> = people.iter().map(|person| person.0).collect();
    let txn = db
        .begin()
        .await
        .map_err(internal("starting to seed visits"))?;
    let from = options.now - Duration::days(60);
    let until = options.now + Duration::days(120);
    let mut offers: Vec<(i32, i32, i32, Vec<Slot>)> = Vec::with_capacity(options.offers);
    let busy = hosts.remove(0);
    for number in 0..options.offers {
        let host = if number < BUSY_OFFERS {
            &busy
        } else {
            &hosts[number % hosts.len()]
        };
        let capacity = rng.random_range(1..=6);
        let (row, schedule) = draw_offer(&mut rng, host, number, capacity, options.now);
        let inserted = visit_offer::Entity::insert(row)
            .exec(&txn)
            .await
            .map_err(internal("inserting a demo offer"))?;
        let id = inserted.last_insert_id;
        visit_window::Entity::insert_many(schedule.windows.iter().map(|window| {
            visit_window::ActiveModel {
                id: NotSet,
                offer_id: Set(id),
                weekday: Set(i16::try_from(window.weekday.num_days_from_monday()).unwrap_or(0)),
                start_minute: Set(minutes(window.start)),
                end_minute: Set(minutes(window.end)),
            }
        }))
        .exec_without_returning(&txn)
        .await
        .map_err(internal("inserting demo windows"))?;
        // Every slot of the seeded months, whatever the notice and horizon.
        let whole = Schedule {
            min_notice_hours: 0,
            horizon_days: 366,
            ..schedule
        };
        let slots = whole.slots(from, from, until);
        offers.push((id, host.id, capacity, slots));
    }
    let visits = draw_visits(&mut rng, &offers, &visitors, busy.id, options);
    write_visits(&txn, &visits).await?;
    txn.commit()
        .await
        .map_err(internal("committing demo visits"))?;
    Ok(VisitSeedReport {
        offers: offers.len(),
        visits: visits.len(),
    })
}

/// One offer of `host`'s: its row and its schedule.
fn draw_offer(
    rng: &mut ChaCha8Rng,
    host: &Host,
    number: usize,
    capacity: i32,
    now: DateTime<Utc>,
) -> (visit_offer::ActiveModel, Schedule) {
    const NAMES: [&str; 8] = [
        "Little Acorns",
        "Sunflower",
        "Riverside",
        "Rainbow",
        "Meadow View",
        "Harbour",
        "Old Mill",
        "Hilltop",
    ];
    let (code, label) = SETTING_TYPES[rng.random_range(0..SETTING_TYPES.len())];
    let name = format!("{} {} {}", NAMES[number % NAMES.len()], label, number + 1);
    let time =
        |hour: u32, minute: u32| NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    let (start, end) = if rng.random_bool(0.7) {
        (time(9, 30), time(11, 30))
    } else {
        (time(14, 0), time(15, 30))
    };
    let days = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    let how_many = rng.random_range(1..=3);
    let windows = days
        .choose_multiple(rng, how_many)
        .map(|weekday| WeeklyWindow {
            weekday: *weekday,
            start,
            end,
        })
        .collect();
    let schedule = Schedule {
        time_zone: host.zone,
        duration_minutes: if rng.random_bool(0.5) { 60 } else { 45 },
        windows,
        exceptions: Vec::new(),
        min_notice_hours: 48,
        horizon_days: 120,
    };
    let row = visit_offer::ActiveModel {
        id: NotSet,
        host_id: Set(host.id),
        setting_name: Set(name),
        setting_type: Set(code.to_owned()),
        address: Set(format!("{} Park Road", rng.random_range(1..200))),
        city: Set(host.city.clone()),
        country_code: Set(host.country.clone()),
        time_zone: Set(host.zone.name().to_owned()),
        online: Set(rng.random_bool(0.1)),
        meeting_link: Set(None),
        description: Set("Come and see how we play, rest and learn outdoors.".to_owned()),
        what_you_see: Set("Free play, story time and lunch.".to_owned()),
        duration_minutes: Set(i32::try_from(schedule.duration_minutes).unwrap_or(60)),
        capacity: Set(capacity),
        requires_photo_id: Set(rng.random_bool(0.5)),
        requires_background_check: Set(rng.random_bool(0.3)),
        languages: Set("en".to_owned()),
        accessibility_notes: Set("Step-free entrance.".to_owned()),
        practical_notes: Set("Please avoid 12:00-14:00, nap time.".to_owned()),
        min_notice_hours: Set(48),
        horizon_days: Set(120),
        status: Set("published".to_owned()),
        visibility: Set(if rng.random_bool(0.6) {
            "public"
        } else {
            "members"
        }
        .to_owned()),
        created_at: Set(now - Duration::days(90)),
        updated_at: Set(now - Duration::days(90)),
    };
    (row, schedule)
}

/// One visit before it is written.
struct DemoVisit {
    offer: i32,
    visitor: i32,
    slot: Slot,
    status: &'static str,
}

/// Draws `options.visits` visits to `offers` (id, host, capacity, slots).
fn draw_visits(
    rng: &mut ChaCha8Rng,
    offers: &[(i32, i32, i32, Vec<Slot>)],
    visitors: &[i32],
    busy: i32,
    options: VisitSeed,
) -> Vec<DemoVisit> {
    let mut taken: HashMap<(i32, DateTime<Utc>), i32> = HashMap::new();
    let mut asked: HashSet<(i32, i32, DateTime<Utc>)> = HashSet::new();
    let mut visits = Vec::with_capacity(options.visits);
    let mut tries = 0;
    while visits.len() < options.visits && tries < options.visits * 3 {
        tries += 1;
        let (offer, host, capacity, slots) = &offers[rng.random_range(0..offers.len())];
        let Some(slot) = slots.choose(rng).copied() else {
            continue;
        };
        let visitor = if rng.random_bool(BUSY_SHARE) {
            busy
        } else {
            visitors[rng.random_range(0..visitors.len())]
        };
        if visitor == *host || !asked.insert((*offer, visitor, slot.starts_at)) {
            continue;
        }
        let mut status = match rng.random_range(0..100) {
            0..=59 => "approved",
            60..=79 => "requested",
            80..=89 => "cancelled",
            90..=94 => "waitlisted",
            _ => "declined",
        };
        if status == "approved" {
            let places = taken.entry((*offer, slot.starts_at)).or_default();
            if *places < *capacity {
                *places += 1;
            } else {
                status = "waitlisted";
            }
        }
        if slot.starts_at < options.now && matches!(status, "requested" | "waitlisted") {
            status = "declined";
        }
        visits.push(DemoVisit {
            offer: *offer,
            visitor,
            slot,
            status,
        });
    }
    visits
}

/// Writes `visits` and the places their approvals take.
async fn write_visits<C: ConnectionTrait>(db: &C, visits: &[DemoVisit]) -> DomainResult<()> {
    let mut taken: HashMap<(i32, DateTime<Utc>), i32> = HashMap::new();
    for chunk in visits.chunks(BATCH) {
        visit::Entity::insert_many(chunk.iter().map(|demo| {
            if demo.status == "approved" {
                *taken.entry((demo.offer, demo.slot.starts_at)).or_default() += 1;
            }
            let created = demo.slot.starts_at - Duration::days(10);
            visit::ActiveModel {
                id: NotSet,
                offer_id: Set(demo.offer),
                visitor_id: Set(demo.visitor),
                starts_at: Set(demo.slot.starts_at),
                ends_at: Set(demo.slot.ends_at),
                party: Set(1),
                status: Set(demo.status.to_owned()),
                message: Set("Hello! Could I come and see your setting?".to_owned()),
                attested_photo_id: Set(true),
                attested_background_check: Set(true),
                reason: Set((demo.status == "cancelled" || demo.status == "declined")
                    .then(|| "Sorry, that day no longer works.".to_owned())),
                changed_by: Set(Some(demo.visitor)),
                sequence: Set(i32::from(demo.status != "requested")),
                created_at: Set(created),
                updated_at: Set(created),
            }
        }))
        .exec_without_returning(db)
        .await
        .map_err(internal("inserting demo visits"))?;
    }
    let slots: Vec<visit_slot::ActiveModel> = taken
        .into_iter()
        .map(|((offer, starts_at), places)| visit_slot::ActiveModel {
            offer_id: Set(offer),
            starts_at: Set(starts_at),
            taken: Set(places),
        })
        .collect();
    for chunk in slots.chunks(BATCH) {
        visit_slot::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await
            .map_err(internal("inserting demo slot places"))?;
    }
    Ok(())
}

/// Minutes after midnight.
fn minutes(time: NaiveTime) -> i32 {
    use chrono::Timelike;
    i32::try_from(time.hour() * 60 + time.minute()).unwrap_or(0)
}
