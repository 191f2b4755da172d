//! Helpers for the visit planner tests: members in chosen time zones, a host's
//! offer form, and requests for a slot.

use chrono::{DateTime, Utc};
use iey_domain::testing::TestDb;
use iey_domain::visits::offers::{create_offer, set_offer_status};
use iey_domain::{DomainResult, Role, Viewer};
use iey_dto::{OfferForm, OfferStatus, VisitRequestForm};
use iey_entity::member;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

/// A verified member of `test_db` as a viewer.
pub struct Person {
    pub id: i32,
    pub handle: String,
    pub viewer: Viewer,
}

/// The first `N` seeded members, verified, public, each in the zone given.
pub async fn people<const N: usize>(zones: [&str; N]) -> (TestDb, [Person; N]) {
    let test_db = TestDb::seeded(N + 2, 44).await;
    let handles = test_db.handles(N as u64).await;
    let mut found = Vec::new();
    for (handle, zone) in handles.into_iter().zip(zones) {
        let id = test_db.set_visibility(&handle, "public").await;
        set_zone(&test_db, id, zone).await;
        found.push(Person {
            id,
            handle,
            viewer: Viewer::Member {
                id,
                role: Role::Member,
            },
        });
    }
    let people: [Person; N] = found.try_into().ok().unwrap();
    (test_db, people)
}

/// Sets member `id`'s time zone.
pub async fn set_zone(test_db: &TestDb, id: i32, zone: &str) {
    let row = member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.time_zone = Set(zone.to_owned());
    row.update(&test_db.db).await.unwrap();
}

/// A nursery in Leeds open on Tuesdays 10:00–12:00 London time, an hour a visit,
/// two places a slot, no notice, a year ahead, for members.
pub fn nursery() -> OfferForm {
    let mut weekly = vec![String::new(); 7];
    weekly[1] = "10:00-12:00".to_owned();
    OfferForm {
        setting_name: "Sunny Days Nursery".to_owned(),
        setting_type: "nursery".to_owned(),
        address: "1 Park Lane".to_owned(),
        city: "Leeds".to_owned(),
        country: "GB".to_owned(),
        time_zone: "Europe/London".to_owned(),
        description: "A small nursery by the park.".to_owned(),
        duration_minutes: "60".to_owned(),
        capacity: "2".to_owned(),
        languages: "en".to_owned(),
        min_notice_hours: "0".to_owned(),
        horizon_days: "366".to_owned(),
        visibility: "members".to_owned(),
        weekly,
        ..OfferForm::default()
    }
}

/// Creates and publishes `form` for `host`; the offer's id.
pub async fn published(test_db: &TestDb, host: &Person, form: &OfferForm) -> i32 {
    let id = create_offer(&test_db.db, &host.viewer, form).await.unwrap();
    set_offer_status(&test_db.db, &host.viewer, id, OfferStatus::Published)
        .await
        .unwrap();
    id
}

/// A request for the slot starting at `starts_at` (RFC 3339).
pub fn asking(starts_at: &str) -> VisitRequestForm {
    VisitRequestForm {
        starts_at: starts_at.to_owned(),
        message: "Hello! I'd love to see your outdoor play.".to_owned(),
        ..VisitRequestForm::default()
    }
}

/// An instant from RFC 3339 text.
pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// "Now" for the tests: Thursday 1 July 2027, before every slot they ask for.
pub fn now() -> DateTime<Utc> {
    at("2027-07-01T00:00:00Z")
}

/// Asserts a refusal on `field` whose message contains `words`.
pub fn refused<T: std::fmt::Debug>(result: DomainResult<T>, field: &str, words: &str) {
    let error = result.unwrap_err();
    let message = error.field_message(field).unwrap_or_default();
    assert!(message.contains(words), "{words:?} not in {error:?}");
}
