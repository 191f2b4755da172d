//! Community figures and their cache, against a real database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::time::Duration;

use iey_domain::community::{SummaryCache, summary};
use iey_domain::seed::{SeedOptions, seed_members};
use iey_domain::testing::TestDb;

#[tokio::test]
async fn an_empty_community_counts_zero() {
    let test_db = TestDb::fresh().await;
    let figures = summary(&test_db.db).await.unwrap();
    assert_eq!(figures, Default::default());
    test_db.remove().await;
}

#[tokio::test]
async fn the_cache_keeps_figures_for_its_ttl_then_counts_again() {
    let test_db = TestDb::fresh().await;
    seed_members(
        &test_db.db,
        SeedOptions {
            members: 20,
            seed: 1,
            friendships_per_member: 0,
        },
    )
    .await
    .unwrap();

    let long = SummaryCache::new(Duration::from_secs(3600));
    let before = long.summary(&test_db.db).await.unwrap();
    seed_members(
        &test_db.db,
        SeedOptions {
            members: 20,
            seed: 2,
            friendships_per_member: 0,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        long.summary(&test_db.db).await.unwrap(),
        before,
        "served from the cache"
    );

    let none = SummaryCache::new(Duration::ZERO);
    let after = none.summary(&test_db.db).await.unwrap();
    assert!(after.members > before.members, "{after:?} vs {before:?}");
    test_db.remove().await;
}
