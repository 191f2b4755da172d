//! Helpers for the friend-request tests: a few verified members and what the
//! database holds between two of them.

use iey_domain::testing::TestDb;
use iey_domain::{DomainResult, Role, Viewer};
use iey_entity::friendship;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// A verified member with `visibility`: their handle and themselves as a viewer.
pub async fn member_as(test_db: &TestDb, handle: &str, visibility: &str) -> (String, Viewer) {
    let id = test_db.set_visibility(handle, visibility).await;
    let viewer = Viewer::Member {
        id,
        role: Role::Member,
    };
    (handle.to_owned(), viewer)
}

/// Three verified public members (ana, ben, carl) in a fresh database.
pub async fn three() -> (TestDb, [(String, Viewer); 3]) {
    let test_db = TestDb::seeded(6, 21).await;
    let handles = test_db.handles(3).await;
    let ana = member_as(&test_db, &handles[0], "public").await;
    let ben = member_as(&test_db, &handles[1], "public").await;
    let carl = member_as(&test_db, &handles[2], "public").await;
    (test_db, [ana, ben, carl])
}

/// The member id of a viewer.
pub fn id(viewer: &Viewer) -> i32 {
    viewer.member_id().unwrap()
}

/// Asserts a refusal on `field` whose message contains `words`.
pub fn refused<T: std::fmt::Debug>(result: DomainResult<T>, field: &str, words: &str) {
    let error = result.unwrap_err();
    let message = error.field_message(field).unwrap_or_default();
    assert!(message.contains(words), "{words:?} not in {error:?}");
}

/// The ids of the friendship rows between `a` and `b`, as (member, friend).
pub async fn friendship_rows(test_db: &TestDb, a: i32, b: i32) -> Vec<(i32, i32)> {
    let mut rows: Vec<(i32, i32)> = friendship::Entity::find()
        .filter(friendship::Column::MemberId.is_in([a, b]))
        .filter(friendship::Column::FriendId.is_in([a, b]))
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.member_id, row.friend_id))
        .collect();
    rows.sort();
    rows
}
