//! Hidden profiles never leak through directory search, facet counts or totals:
//! every viewer (visitor, member, the member themselves, a friend) against every
//! visibility (public, members, friends), with and without the shared count cache.
//! Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::time::Duration;

use iey_domain::members::{DirectoryCache, browse, reindex};
use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer};
use iey_dto::{MemberPage, MemberQuery};
use iey_entity::member;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

/// Gives member `id` a name and country nobody else has, so they can be searched
/// and counted alone.
async fn make_unique(test_db: &TestDb, id: i32, name: &str, country: &str) {
    let row = member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.display_name = Set(name.to_owned());
    row.sort_name = Set(name.to_lowercase());
    row.country_code = Set(country.to_owned());
    row.update(&test_db.db).await.unwrap();
    reindex(&test_db.db, id).await.unwrap();
}

fn member(id: i32) -> Viewer {
    Viewer::Member {
        id,
        role: Role::Member,
    }
}

/// What `viewer` learns about the word `word` and the country `country`: the
/// handles found, the total, and the country's facet count.
async fn seen(
    test_db: &TestDb,
    cache: Option<&DirectoryCache>,
    viewer: &Viewer,
    word: &str,
    country: &str,
) -> (Vec<String>, u64, u64) {
    let query = MemberQuery {
        q: word.to_owned(),
        ..MemberQuery::default()
    };
    let page: MemberPage = match cache {
        Some(cache) => cache.browse(&test_db.db, viewer, &query).await,
        None => browse(&test_db.db, viewer, &query).await,
    }
    .unwrap();
    let everyone = MemberQuery::default();
    let all = match cache {
        Some(cache) => cache.browse(&test_db.db, viewer, &everyone).await,
        None => browse(&test_db.db, viewer, &everyone).await,
    }
    .unwrap();
    let country_count = all
        .facets
        .countries
        .iter()
        .find(|value| value.value == country)
        .map_or(0, |value| value.count);
    (
        page.members.into_iter().map(|m| m.handle).collect(),
        page.total,
        country_count,
    )
}

#[tokio::test]
async fn every_viewer_sees_exactly_what_each_visibility_allows() {
    let test_db = TestDb::seeded(30, 21).await;
    let handles = test_db.handles(6).await;
    let public = test_db.set_visibility(&handles[0], "public").await;
    let members_only = test_db.set_visibility(&handles[1], "members").await;
    let friends_only = test_db.set_visibility(&handles[2], "friends").await;
    let stranger = test_db.set_visibility(&handles[3], "public").await;
    let friend = test_db.set_visibility(&handles[4], "public").await;
    test_db.befriend(friends_only, friend).await;
    // A friend of the members-only member sees them as any member would.
    test_db.befriend(members_only, friend).await;

    let subjects = [
        (public, "Quixotepub Alpha", "IS", "quixotepub"),
        (members_only, "Quixotemem Beta", "LU", "quixotemem"),
        (friends_only, "Quixotefri Gamma", "MT", "quixotefri"),
    ];
    for (id, name, country, _) in subjects {
        make_unique(&test_db, id, name, country).await;
    }
    let viewers = [
        ("visitor", Viewer::Visitor, [true, false, false]),
        ("stranger", member(stranger), [true, true, false]),
        ("friend", member(friend), [true, true, true]),
        ("themselves", member(friends_only), [true, true, true]),
    ];
    // One cache for everyone, filled by the most restricted viewer first, so a
    // count cached for one viewer would show up wrongly for the next.
    let cache = DirectoryCache::new(Duration::from_secs(600));
    for cache in [None, Some(&cache)] {
        for (who, viewer, allowed) in &viewers {
            for ((id, _, country, word), allowed) in subjects.iter().zip(allowed) {
                let (found, total, country_count) =
                    seen(&test_db, cache, viewer, word, country).await;
                let expected = u64::from(*allowed);
                assert_eq!(
                    found.len() as u64,
                    expected,
                    "{who} searching {word} (member {id}, cache {})",
                    cache.is_some()
                );
                assert_eq!(total, expected, "{who}: total for {word}");
                assert_eq!(country_count, expected, "{who}: facet count of {country}");
            }
        }
    }
    test_db.remove().await;
}

#[tokio::test]
async fn unverified_members_are_never_counted() {
    let test_db = TestDb::seeded(12, 22).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    make_unique(&test_db, id, "Quixoteunv Delta", "IS").await;
    let row = member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.email_verified_at = Set(None);
    row.update(&test_db.db).await.unwrap();
    for viewer in [Viewer::Visitor, member(id)] {
        let (found, total, country_count) = seen(&test_db, None, &viewer, "quixoteunv", "IS").await;
        assert!(found.is_empty());
        assert_eq!((total, country_count), (0, 0));
    }
    test_db.remove().await;
}

#[tokio::test]
async fn counts_kept_in_the_cache_never_contradict_the_cards() {
    let test_db = TestDb::seeded(12, 23).await;
    let handles = test_db.handles(2).await;
    let first = test_db.set_visibility(&handles[0], "public").await;
    let second = test_db.set_visibility(&handles[1], "public").await;
    make_unique(&test_db, first, "Zanzibarine One", "IS").await;
    let cache = DirectoryCache::new(Duration::from_secs(600));
    let visitor = Viewer::Visitor;
    let (found, total, _) = seen(&test_db, Some(&cache), &visitor, "zanzibarine", "IS").await;
    assert_eq!((found.len(), total), (1, 1));

    // A second match arrives while the cached count still says one.
    make_unique(&test_db, second, "Zanzibarine Two", "IS").await;
    let (found, total, _) = seen(&test_db, Some(&cache), &visitor, "zanzibarine", "IS").await;
    assert_eq!(
        (found.len(), total),
        (2, 2),
        "never fewer than the cards shown"
    );

    // Both leave the directory while the cached count still says two.
    test_db.set_visibility(&handles[0], "members").await;
    test_db.set_visibility(&handles[1], "members").await;
    let (found, total, _) = seen(&test_db, Some(&cache), &visitor, "zanzibarine", "IS").await;
    assert_eq!(
        (found.len(), total),
        (0, 0),
        "no count beside an empty first page"
    );
    test_db.remove().await;
}
