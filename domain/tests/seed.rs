//! The demo seeder against a real database: deterministic, varied, repeatable.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::collections::HashSet;

use iey_domain::community::summary;
use iey_domain::seed::{SeedOptions, seed_if_empty, seed_members};
use iey_domain::testing::TestDb;
use iey_entity::{member, member_tag};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn the_same_seed_gives_the_same_community() {
    let first = TestDb::fresh().await;
    let second = TestDb::fresh().await;
    let options = SeedOptions {
        members: 120,
        seed: 42,
    };
    seed_members(&first.db, options).await.unwrap();
    seed_members(&second.db, options).await.unwrap();
    assert_eq!(first.handles(10_000).await, second.handles(10_000).await);
    first.remove().await;
    second.remove().await;
}

#[tokio::test]
async fn demo_members_are_varied_and_tagged() {
    let test_db = TestDb::fresh().await;
    let report = seed_members(
        &test_db.db,
        SeedOptions {
            members: 600,
            seed: 2013,
        },
    )
    .await
    .unwrap();
    assert_eq!(report.members, 600);

    let figures = summary(&test_db.db).await.unwrap();
    assert!(
        figures.members >= 550,
        "most demo members are verified: {figures:?}"
    );
    assert!(figures.countries >= 40, "{figures:?}");
    assert_eq!(figures.sectors, 10, "every sector is present: {figures:?}");
    assert!(figures.languages >= 20, "{figures:?}");

    let zones: HashSet<String> = member::Entity::find()
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.time_zone)
        .collect();
    assert!(zones.len() >= 40, "time zones: {}", zones.len());

    let tags = member_tag::Entity::find().count(&test_db.db).await.unwrap();
    assert_eq!(tags as usize, report.tags);
    let untagged = member::Entity::find()
        .filter(
            member::Column::Id.is_not_in(
                member_tag::Entity::find()
                    .all(&test_db.db)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|t| t.member_id),
            ),
        )
        .count(&test_db.db)
        .await
        .unwrap();
    assert_eq!(untagged, 0, "every member has tags");
    test_db.remove().await;
}

#[tokio::test]
async fn seeding_again_adds_new_people_and_first_start_seeds_once() {
    let test_db = TestDb::fresh().await;
    let options = SeedOptions {
        members: 30,
        seed: 1,
    };
    assert!(seed_if_empty(&test_db.db, options).await.unwrap().is_some());
    assert!(seed_if_empty(&test_db.db, options).await.unwrap().is_none());
    seed_members(&test_db.db, options).await.unwrap();
    let all = test_db.handles(10_000).await;
    let unique: HashSet<&String> = all.iter().collect();
    assert_eq!(all.len(), 60);
    assert_eq!(unique.len(), 60, "handles stay unique");
    test_db.remove().await;
}
