//! Timing of the visit planner on a large SQLite database, without the HTTP
//! server: a month calendar and the feed of a busy member, and the next free slots
//! of offers, each against its target.
//! `IEY_BENCH_DB=/tmp/bench100k.db cargo run -p iey-domain --release --example visit_timings`
//! (a database without offers gets 10,000 offers and 200,000 visits first; an
//! empty file is seeded with 100,000 members too). Run it on a copy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool may stop on the unexpected

#[allow(dead_code)] // each example uses some of the helpers
#[path = "support/timing.rs"]
mod timing;

use timing::{member, report};

use std::time::{Duration, Instant};

use chrono::{Datelike, Utc};
use iey_domain::seed::{SeedOptions, VisitSeed, seed_if_empty, seed_visits};
use iey_domain::visits::calendar::calendar;
use iey_domain::visits::ical::{Site, feed, new_feed_token};
use iey_domain::visits::offers::{OfferQuery, browse_offers, offer};
use iey_domain::{connect, migrate};
use iey_dto::CalendarMode;
use iey_entity::{visit, visit_offer};
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder, QuerySelect};

/// How many runs each figure is measured over.
const RUNS: usize = 100;

#[tokio::main]
async fn main() {
    let path = std::env::var("IEY_BENCH_DB").expect("IEY_BENCH_DB names a SQLite file");
    let db = connect(&format!("sqlite://{path}")).await.unwrap();
    migrate(&db).await.unwrap();
    let options = SeedOptions {
        members: 100_000,
        seed: 2013,
        friendships_per_member: 10,
    };
    seed_if_empty(&db, options).await.unwrap();
    let now = Utc::now();
    if visit_offer::Entity::find().count(&db).await.unwrap() == 0 {
        let started = Instant::now();
        let seed = VisitSeed {
            offers: 10_000,
            visits: 200_000,
            seed: 2013,
            now,
        };
        let report = seed_visits(&db, seed).await.unwrap();
        println!("seeded {report:?} in {:.1?}", started.elapsed());
    }
    let offers = visit_offer::Entity::find().count(&db).await.unwrap();
    let visits = visit::Entity::find().count(&db).await.unwrap();
    println!("{offers} offers, {visits} visits");

    // The busiest members: the seeder's busy host first.
    let busy_host: i32 = visit_offer::Entity::find()
        .select_only()
        .column(visit_offer::Column::HostId)
        .order_by_asc(visit_offer::Column::Id)
        .into_tuple()
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let viewer = member(busy_host);
    let anchor = now.date_naive().with_day(1);

    let mut months = Vec::new();
    let mut entries = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let month = calendar(&db, &viewer, CalendarMode::Month, anchor, now)
            .await
            .unwrap();
        months.push(started.elapsed());
        entries = month.days.iter().map(|day| day.entries.len()).sum();
    }
    println!("busy member's month: {entries} visits");
    report(
        "month calendar, busy member",
        &mut months,
        Duration::from_millis(20),
    );

    let token = new_feed_token(&db, &viewer).await.unwrap();
    let site = Site {
        url: "https://iey.example",
    };
    let mut feeds = Vec::new();
    let mut text = String::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        text = feed(&db, &token, &site, now).await.unwrap();
        feeds.push(started.elapsed());
    }
    let events = text.matches("BEGIN:VEVENT").count();
    println!("busy member's feed: {} bytes, {events} events", text.len());
    report(
        "iCalendar feed, busy member",
        &mut feeds,
        Duration::from_millis(20),
    );

    // Next free slots: one offer's page, and a page of 20 offers' cards.
    let ids: Vec<i32> = visit_offer::Entity::find()
        .select_only()
        .column(visit_offer::Column::Id)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let visitor = member(busy_host + 1);
    let mut pages = Vec::new();
    for _ in 0..RUNS {
        let id = *ids.choose(&mut rng).unwrap();
        let started = Instant::now();
        let _ = offer(&db, &visitor, id, now).await;
        pages.push(started.elapsed());
    }
    report(
        "next free slots, one offer",
        &mut pages,
        Duration::from_millis(30),
    );
    let mut lists = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        browse_offers(&db, &visitor, &OfferQuery::default(), now)
            .await
            .unwrap();
        lists.push(started.elapsed());
    }
    report(
        "next free slots, 20 offers listed",
        &mut lists,
        Duration::from_millis(30),
    );
}
