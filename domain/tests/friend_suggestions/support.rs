//! Helpers for the suggestion and profile-connection tests: a small community of
//! verified public members who have nothing in common until a test says so.

#![allow(dead_code)] // each test file uses its own share of these

use std::collections::HashSet;

use chrono::{Duration, Utc};
use iey_domain::members::visible_to;
use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer};
use iey_dto::Suggestion;
use iey_entity::{friend_request, friendship, member, member_tag};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// Countries handed out one per member, so no two share a country by chance.
const COUNTRIES: [&str; 24] = [
    "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL", "NO", "PL", "PT", "SE",
    "CZ", "HU", "GR", "RO", "BG", "HR", "SI", "SK",
];

/// One member of a test community.
#[derive(Debug, Clone)]
pub struct Person {
    /// Their handle.
    pub handle: String,
    /// Their member id.
    pub id: i32,
    /// Themselves as a viewer.
    pub viewer: Viewer,
}

/// `size` verified public members (at most 24), each in a country of their own
/// and with no tags, so nothing is shared until a test adds it.
pub async fn community(size: usize) -> (TestDb, Vec<Person>) {
    assert!(size <= COUNTRIES.len());
    let test_db = TestDb::seeded(size, 44).await;
    let mut people = Vec::new();
    for (handle, country) in test_db
        .handles(size as u64)
        .await
        .into_iter()
        .zip(COUNTRIES)
    {
        let id = test_db.set_visibility(&handle, "public").await;
        set_country(&test_db, id, country).await;
        member_tag::Entity::delete_many()
            .filter(member_tag::Column::MemberId.eq(id))
            .exec(&test_db.db)
            .await
            .unwrap();
        let viewer = Viewer::Member {
            id,
            role: Role::Member,
        };
        people.push(Person { handle, id, viewer });
    }
    (test_db, people)
}

/// Moves member `id` to `country`.
pub async fn set_country(test_db: &TestDb, id: i32, country: &str) {
    let row = member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.country_code = Set(country.to_owned());
    row.update(&test_db.db).await.unwrap();
}

/// Gives `person` the tag `kind` = `value`.
pub async fn tag(test_db: &TestDb, person: &Person, kind: &str, value: &str) {
    member_tag::Entity::insert(member_tag::ActiveModel {
        member_id: Set(person.id),
        kind: Set(kind.to_owned()),
        value: Set(value.to_owned()),
    })
    .exec(&test_db.db)
    .await
    .unwrap();
}

/// Sets `person`'s profile visibility (`public`, `members` or `friends`).
pub async fn visibility(test_db: &TestDb, person: &Person, visibility: &str) {
    test_db.set_visibility(&person.handle, visibility).await;
}

/// Takes back `person`'s email confirmation.
pub async fn unverify(test_db: &TestDb, person: &Person) {
    let row = member::Entity::find_by_id(person.id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.email_verified_at = Set(None);
    row.update(&test_db.db).await.unwrap();
}

/// Makes each pair friends.
pub async fn befriend_all(test_db: &TestDb, pairs: &[(&Person, &Person)]) {
    for (a, b) in pairs {
        test_db.befriend(a.id, b.id).await;
    }
}

/// Moves the decision on every request between `a` and `b` back `days` days.
pub async fn decided_days_ago(test_db: &TestDb, a: &Person, b: &Person, days: i64) {
    friend_request::Entity::update_many()
        .col_expr(
            friend_request::Column::DecidedAt,
            (Utc::now() - Duration::days(days)).into(),
        )
        .filter(friend_request::Column::FromId.is_in([a.id, b.id]))
        .filter(friend_request::Column::ToId.is_in([a.id, b.id]))
        .exec(&test_db.db)
        .await
        .unwrap();
}

/// The handles of suggested members, in order.
pub fn handles(suggestions: &[Suggestion]) -> Vec<&str> {
    suggestions
        .iter()
        .map(|suggestion| suggestion.member.handle.as_str())
        .collect()
}

/// A member's (kind, value) tags.
pub async fn traits(test_db: &TestDb, id: i32) -> HashSet<(String, String)> {
    member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(id))
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|tag| (tag.kind, tag.value))
        .collect()
}

/// A member's country code.
pub async fn country_of(test_db: &TestDb, id: i32) -> String {
    member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap()
        .country_code
}

/// The ids of member `id`'s friends, whoever may see them.
pub async fn friend_ids(test_db: &TestDb, id: i32) -> HashSet<i32> {
    friendship::Entity::find()
        .filter(friendship::Column::MemberId.eq(id))
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.friend_id)
        .collect()
}

/// The ids of every member `viewer` may see.
pub async fn visible_ids(test_db: &TestDb, viewer: &Viewer) -> HashSet<i32> {
    member::Entity::find()
        .filter(visible_to(viewer))
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect()
}

/// Renames `person` (display name and the name lists sort by).
pub async fn rename(test_db: &TestDb, person: &Person, display_name: &str) {
    let row = member::Entity::find_by_id(person.id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.display_name = Set(display_name.to_owned());
    row.sort_name = Set(display_name.to_lowercase());
    row.update(&test_db.db).await.unwrap();
}
