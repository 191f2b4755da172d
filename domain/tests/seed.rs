//! The demo seeder against a real database: deterministic, varied, repeatable.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::collections::{HashMap, HashSet};

use iey_domain::community::summary;
use iey_domain::seed::{SeedOptions, seed_friendships_if_none, seed_if_empty, seed_members};
use iey_domain::testing::TestDb;
use iey_entity::{friendship, member, member_tag};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn the_same_seed_gives_the_same_community() {
    let first = TestDb::fresh().await;
    let second = TestDb::fresh().await;
    let options = SeedOptions {
        members: 120,
        seed: 42,
        friendships_per_member: 0,
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
            friendships_per_member: 0,
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
        friendships_per_member: 0,
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

/// Every friendship row of the database, as (member, friend), in order.
async fn friendship_rows(test_db: &TestDb) -> Vec<(i32, i32)> {
    let mut rows: Vec<(i32, i32)> = friendship::Entity::find()
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.member_id, row.friend_id))
        .collect();
    rows.sort_unstable();
    rows
}

#[tokio::test]
async fn seeded_friendships_are_mutual_neighbourly_and_repeatable() {
    let first = TestDb::fresh().await;
    let second = TestDb::fresh().await;
    let options = SeedOptions {
        members: 400,
        seed: 9,
        friendships_per_member: 5,
    };
    let report = seed_members(&first.db, options).await.unwrap();
    seed_members(&second.db, options).await.unwrap();
    let rows = friendship_rows(&first).await;
    assert_eq!(
        rows,
        friendship_rows(&second).await,
        "same seed, same friends"
    );
    assert_eq!(rows.len(), 2 * report.friendships);

    let pairs: HashSet<(i32, i32)> = rows.iter().copied().collect();
    assert!(
        pairs
            .iter()
            .all(|&(a, b)| a != b && pairs.contains(&(b, a)))
    );
    let members: HashMap<i32, member::Model> = member::Entity::find()
        .all(&first.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    assert!(
        rows.iter()
            .all(|(a, _)| members[a].email_verified_at.is_some()),
        "only verified members have friends"
    );
    // Up to twice five each; fewer here, where a country has only a handful of members.
    let degree = rows.len() as f64 / members.len() as f64;
    assert!((4.0..=11.0).contains(&degree), "average friends: {degree}");
    let same_country = rows
        .iter()
        .filter(|(a, b)| members[a].country_code == members[b].country_code)
        .count();
    assert!(
        same_country * 10 >= rows.len() * 6,
        "mostly neighbours: {same_country} of {}",
        rows.len()
    );
    // Friends of friends overlap: most friendships have a friend in common.
    let mut friends: HashMap<i32, HashSet<i32>> = HashMap::new();
    for &(a, b) in &rows {
        friends.entry(a).or_default().insert(b);
    }
    let with_mutual = rows
        .iter()
        .filter(|(a, b)| !friends[a].is_disjoint(&friends[b]))
        .count();
    assert!(
        with_mutual * 2 >= rows.len(),
        "{with_mutual} of {}",
        rows.len()
    );
    first.remove().await;
    second.remove().await;
}

#[tokio::test]
async fn a_database_seeded_without_friendships_gets_them_once() {
    let test_db = TestDb::seeded(200, 3).await;
    assert!(friendship_rows(&test_db).await.is_empty());
    let options = SeedOptions {
        members: 0,
        seed: 3,
        friendships_per_member: 4,
    };
    let added = seed_friendships_if_none(&test_db.db, options)
        .await
        .unwrap()
        .unwrap();
    assert!(added > 300, "{added} friendships");
    assert_eq!(friendship_rows(&test_db).await.len(), 2 * added);
    assert_eq!(
        seed_friendships_if_none(&test_db.db, options)
            .await
            .unwrap(),
        None
    );
    test_db.remove().await;
}
