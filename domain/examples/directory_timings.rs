//! Timing of directory searches on a large SQLite database, without the HTTP
//! server; `make bench` runs it on a copy of its seeded database:
//! `IEY_BENCH_DB=/tmp/bench100k.db cargo run -p iey-domain --release --example directory_timings`
//! (the file is seeded with 100,000 members when empty).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool may stop on the unexpected

#[allow(dead_code)] // each example uses some of the helpers
#[path = "support/timing.rs"]
mod timing;

use timing::percentile;

use std::time::{Duration, Instant};

use iey_domain::members::{DirectoryCache, browse, reindex_missing};
use iey_domain::seed::{SeedOptions, seed_if_empty};
use iey_domain::{Viewer, connect, migrate};
use iey_dto::MemberQuery;

fn query(pairs: &[(&str, &str)]) -> MemberQuery {
    let mut query = MemberQuery::default();
    for (key, value) in pairs {
        let value = (*value).to_owned();
        match *key {
            "q" => query.q = value,
            "sector" => query.sector = value,
            "country" => query.country = value,
            "sort" => query.sort = value,
            "interest" => query.interest = value,
            _ => panic!("unknown parameter {key}"),
        }
    }
    query
}

#[tokio::main]
async fn main() {
    let path = std::env::var("IEY_BENCH_DB").unwrap_or_else(|_| "/tmp/bench100k.db".to_owned());
    let db = connect(&format!("sqlite://{path}")).await.unwrap();
    migrate(&db).await.unwrap();
    let started = Instant::now();
    if let Some(report) = seed_if_empty(
        &db,
        SeedOptions {
            members: 100_000,
            seed: 2013,
            friendships_per_member: 10,
        },
    )
    .await
    .unwrap()
    {
        println!("seeded {report:?} in {:?}", started.elapsed());
    }
    // As `iey serve` does at start: entries cleared by a migration are rebuilt.
    let started = Instant::now();
    let indexed = reindex_missing(&db).await.unwrap();
    if indexed > 0 {
        println!("indexed {indexed} members in {:?}", started.elapsed());
    }
    let cases = [
        query(&[]),
        query(&[("q", "health")]),
        query(&[("q", "health"), ("country", "GB"), ("sector", "health")]),
        query(&[
            ("q", "health"),
            ("country", "GB"),
            ("sector", "health"),
            ("sort", "name"),
        ]),
        query(&[("q", "maria"), ("sort", "newest")]),
        query(&[("interest", "forest-school"), ("country", "DE")]),
        query(&[("q", "m")]),
    ];
    let cache = DirectoryCache::new(Duration::from_secs(60));
    for case in &cases {
        for (label, cached) in [("uncached", false), ("cached", true)] {
            let mut times = Vec::new();
            let mut total = 0;
            for _ in 0..20 {
                let start = Instant::now();
                let page = if cached {
                    cache.browse(&db, &Viewer::Visitor, case).await
                } else {
                    browse(&db, &Viewer::Visitor, case).await
                }
                .unwrap();
                times.push(start.elapsed());
                total = page.total;
            }
            let p50 = percentile(&mut times, 0.5);
            let p99 = percentile(&mut times, 0.99);
            println!(
                "{label:9} {:60} total {total:6}  p50 {p50:?}  p99 {p99:?}",
                format!("{:?}", case.params())
            );
        }
    }
    // Searches that vary, as `bench.sh`'s varied load sends them: a word, a
    // country and a sector, none asked twice, so no count comes from a cache.
    let words = [
        "health", "play", "forest", "nursery", "speech", "early", "family", "lead",
    ];
    let countries = ["GB", "DE", "FR", "ES", "IN", "BR", "NG", "PL"];
    let sectors = [
        "health",
        "childcare",
        "early_education",
        "early_help",
        "research",
    ];
    let mut times = Vec::new();
    for (i, word) in words.iter().enumerate() {
        for (j, country) in countries.iter().enumerate() {
            let sector = sectors[(i + j) % sectors.len()];
            let case = query(&[("q", word), ("country", country), ("sector", sector)]);
            let start = Instant::now();
            cache.browse(&db, &Viewer::Visitor, &case).await.unwrap();
            times.push(start.elapsed());
        }
    }
    let p50 = percentile(&mut times, 0.5);
    let p99 = percentile(&mut times, 0.99);
    println!(
        "varied    {} word+country+sector searches  p50 {p50:?}  p99 {p99:?}",
        times.len()
    );
}
