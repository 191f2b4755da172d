//! Timing of the friend graph on a large SQLite database, without the HTTP server:
//! people you may know, how you're connected, the network picture and accepting a
//! request, each against its target.
//! `IEY_BENCH_DB=/tmp/bench100k.db cargo run -p iey-domain --release --example friend_graph_timings`
//! (an empty file is seeded with 100,000 members and their friendships; a file
//! seeded before friendships existed gets them). It accepts new friend requests,
//! so run it on a copy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool may stop on the unexpected

#[allow(dead_code)] // each example uses some of the helpers
#[path = "support/timing.rs"]
mod timing;

use timing::{member, report};

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use iey_domain::friends::{accept, connection, network, outgoing, send_request, suggestions};
use iey_domain::seed::{SeedOptions, seed_friendships_if_none, seed_if_empty};
use iey_domain::{Db, connect, migrate};
use iey_entity::{friendship, member};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

/// How many viewers (and pairs) each figure is measured over.
const RUNS: usize = 200;

async fn prepare(db: &Db) {
    let options = SeedOptions {
        members: 100_000,
        seed: 2013,
        friendships_per_member: 10,
    };
    let started = Instant::now();
    if let Some(report) = seed_if_empty(db, options).await.unwrap() {
        println!("seeded {report:?} in {:.1?}", started.elapsed());
    }
    let started = Instant::now();
    if let Some(added) = seed_friendships_if_none(db, options).await.unwrap() {
        println!("added {added} friendships in {:.1?}", started.elapsed());
    }
}

#[tokio::main]
async fn main() {
    let path = std::env::var("IEY_BENCH_DB").unwrap_or_else(|_| "/tmp/bench100k.db".to_owned());
    let db = connect(&format!("sqlite://{path}")).await.unwrap();
    migrate(&db).await.unwrap();
    prepare(&db).await;

    let verified: Vec<(i32, String)> = member::Entity::find()
        .select_only()
        .column(member::Column::Id)
        .column(member::Column::Handle)
        .filter(member::Column::EmailVerifiedAt.is_not_null())
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let rows = friendship::Entity::find().count(&db).await.unwrap();
    println!(
        "{} verified members, {rows} friendship rows ({:.1} friends each on average)",
        verified.len(),
        rows as f64 / verified.len() as f64
    );
    let mut rng = ChaCha8Rng::seed_from_u64(2013);
    let viewers: Vec<(i32, String)> = verified.choose_multiple(&mut rng, RUNS).cloned().collect();
    let pairs: Vec<(i32, String)> = viewers
        .iter()
        .map(|(id, _)| {
            let other = &verified[rng.random_range(0..verified.len())];
            (*id, other.1.clone())
        })
        .collect();

    // Warm the page cache as a running server's would be, untimed.
    for ((id, _), (_, handle)) in viewers.iter().zip(&pairs).take(20) {
        suggestions(&db, &member(*id), 12).await.unwrap();
        network(&db, &member(*id)).await.unwrap();
        let _ = connection(&db, &member(*id), handle).await;
    }

    let mut times = Vec::new();
    for (id, _) in &viewers {
        let start = Instant::now();
        suggestions(&db, &member(*id), 12).await.unwrap();
        times.push(start.elapsed());
    }
    report(
        "people you may know (12)",
        &mut times,
        Duration::from_millis(20),
    );

    let mut lengths: BTreeMap<usize, usize> = BTreeMap::new();
    let mut times = Vec::new();
    for (id, handle) in &pairs {
        let start = Instant::now();
        // A member hidden from this viewer is a 404 on the profile: no path either.
        let chain = connection(&db, &member(*id), handle)
            .await
            .unwrap_or_default();
        times.push(start.elapsed());
        *lengths.entry(chain.len()).or_default() += 1;
    }
    report(
        "how you're connected (random pairs)",
        &mut times,
        Duration::from_millis(20),
    );
    println!("  members in the chain (0 = none within 4 hops): {lengths:?}");

    let mut sizes = (0usize, 0usize, 0u32);
    let mut times = Vec::new();
    for (id, _) in &viewers {
        let start = Instant::now();
        let graph = network(&db, &member(*id)).await.unwrap();
        times.push(start.elapsed());
        sizes.0 += graph.nodes.len();
        sizes.1 += graph.edges.len();
        sizes.2 += graph.left_out;
    }
    report("network picture", &mut times, Duration::from_millis(20));
    println!(
        "  on average {} nodes, {} edges, {} left out",
        sizes.0 / viewers.len(),
        sizes.1 / viewers.len(),
        sizes.2 as usize / viewers.len()
    );

    // Requests between random strangers, sent untimed; accepting each is timed.
    let mut pending = Vec::new();
    for ((from, _), (to, to_handle)) in viewers.iter().zip(verified.choose_multiple(&mut rng, RUNS))
    {
        if send_request(&db, &member(*from), to_handle, "")
            .await
            .is_err()
        {
            continue; // hidden from the sender, already friends or already asked
        }
        let request = outgoing(&db, &member(*from))
            .await
            .unwrap()
            .into_iter()
            .find(|request| &request.member.handle == to_handle);
        if let Some(request) = request {
            pending.push((*to, request.id));
        }
    }
    let mut times = Vec::new();
    for (to, request) in &pending {
        let start = Instant::now();
        accept(&db, &member(*to), *request).await.unwrap();
        times.push(start.elapsed());
    }
    report(
        "accepting a friend request",
        &mut times,
        Duration::from_millis(10),
    );
}
