//! Requesting and deciding visits against a real database: every transition and
//! its illegal twins, capacity under simultaneous approvals, the waiting list,
//! overlapping visits, companions and blocks. Runs on SQLite, and on PostgreSQL
//! with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)]
#[path = "visits/support.rs"]
mod support;

use iey_domain::AppError;
use iey_domain::blocks::block;
use iey_domain::visits::booking::{approve, cancel, decline, request_visit, take_place, waitlist};
use iey_domain::visits::view::{visit_page, waiting_for_me};
use iey_dto::{VisitRequestForm, VisitStatus};
use iey_entity::visit_slot;
use sea_orm::EntityTrait;
use support::{asking, at, now, nursery, people, published, refused};

const SLOT: &str = "2027-07-06T09:00:00Z";

#[tokio::test]
async fn a_request_is_approved_cancelled_and_each_illegal_step_is_refused() {
    let (test_db, [host, visitor, stranger]) =
        people(["Europe/London", "America/New_York", "Asia/Kolkata"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;

    refused(
        request_visit(db, &host.viewer, offer, &asking(SLOT), now()).await,
        "starts_at",
        "your own setting",
    );
    refused(
        request_visit(
            db,
            &visitor.viewer,
            offer,
            &asking("2027-07-06T09:30:00Z"),
            now(),
        )
        .await,
        "starts_at",
        "one of the times offered",
    );
    let visit = request_visit(db, &visitor.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    refused(
        request_visit(db, &visitor.viewer, offer, &asking(SLOT), now()).await,
        "starts_at",
        "already",
    );
    let waiting = waiting_for_me(db, &host.viewer, now()).await.unwrap();
    assert_eq!(waiting.iter().map(|v| v.id).collect::<Vec<_>>(), [visit]);
    assert_eq!(waiting[0].status, VisitStatus::Requested);
    assert_eq!(
        waiting[0].starts.yours, "Tue 6 Jul 2027, 10:00",
        "the host's clock"
    );

    // Only the host decides; a stranger cannot even see it.
    assert_eq!(
        approve(db, &visitor.viewer, visit).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        approve(db, &stranger.viewer, visit).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        visit_page(db, &stranger.viewer, visit).await.err(),
        Some(AppError::NotFound)
    );
    refused(
        decline(db, &host.viewer, visit, "   ").await,
        "reason",
        "reason",
    );

    approve(db, &host.viewer, visit).await.unwrap();
    refused(approve(db, &host.viewer, visit).await, "visit", "approved");
    refused(waitlist(db, &host.viewer, visit).await, "visit", "approved");
    let seen = visit_page(db, &visitor.viewer, visit).await.unwrap();
    assert_eq!(seen.status, VisitStatus::Approved);
    assert_eq!(
        seen.starts.yours, "Tue 6 Jul 2027, 05:00",
        "the visitor's clock in New York"
    );
    assert_eq!(seen.starts.theirs.as_deref(), Some("10:00 in Leeds"));
    assert_eq!(
        seen.address.as_deref(),
        Some("1 Park Lane"),
        "approved visitors get the address"
    );

    assert_eq!(
        cancel(db, &stranger.viewer, visit, "no").await,
        Err(AppError::NotFound)
    );
    refused(
        cancel(db, &visitor.viewer, visit, "").await,
        "reason",
        "reason",
    );
    cancel(db, &visitor.viewer, visit, "My flight was cancelled.")
        .await
        .unwrap();
    refused(
        cancel(db, &visitor.viewer, visit, "again").await,
        "visit",
        "cancelled",
    );
    refused(approve(db, &host.viewer, visit).await, "visit", "cancelled");
    let seen = visit_page(db, &host.viewer, visit).await.unwrap();
    assert_eq!(seen.status, VisitStatus::Cancelled);
    assert_eq!(seen.reason.as_deref(), Some("My flight was cancelled."));
    assert_eq!(
        taken(&test_db, offer, SLOT).await,
        0,
        "the place was given back"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn requirements_and_bad_input_each_get_a_message_on_their_field() {
    let (test_db, [host, visitor]) = people(["Europe/London", "Europe/Berlin"]).await;
    let db = &test_db.db;
    let mut form = nursery();
    form.requires_photo_id = true;
    form.requires_background_check = true;
    let offer = published(&test_db, &host, &form).await;
    let mut request = asking("next tuesday");
    request.message = "x".repeat(1001);
    request.companions = "@nobody-at-all".to_owned();
    let error = request_visit(db, &visitor.viewer, offer, &request, now())
        .await
        .unwrap_err();
    for field in [
        "starts_at",
        "message",
        "attest_photo_id",
        "attest_background_check",
        "companions",
    ] {
        assert!(error.field_message(field).is_some(), "{field}: {error:?}");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn two_approvals_at_once_never_overbook_a_slot() {
    let (test_db, [host, first, second, third]) = people([
        "Europe/London",
        "Europe/Paris",
        "Europe/Madrid",
        "Europe/Rome",
    ])
    .await;
    let db = &test_db.db;
    let mut form = nursery();
    form.capacity = "1".to_owned();
    let offer = published(&test_db, &host, &form).await;
    let mut visits = Vec::new();
    for person in [&first, &second, &third] {
        visits.push(
            request_visit(db, &person.viewer, offer, &asking(SLOT), now())
                .await
                .unwrap(),
        );
    }
    let (a, b, c) = tokio::join!(
        approve(db, &host.viewer, visits[0]),
        approve(db, &host.viewer, visits[1]),
        approve(db, &host.viewer, visits[2]),
    );
    let approved = [&a, &b, &c].iter().filter(|result| result.is_ok()).count();
    assert_eq!(approved, 1, "{a:?} {b:?} {c:?}");
    assert_eq!(taken(&test_db, offer, SLOT).await, 1);
    test_db.remove().await;
}

#[tokio::test]
async fn two_requests_for_one_slot_at_once_make_one_visit() {
    let (test_db, [host, visitor]) = people(["Europe/London", "Europe/Paris"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    let request = asking(SLOT);
    let (a, b) = tokio::join!(
        request_visit(db, &visitor.viewer, offer, &request, now()),
        request_visit(db, &visitor.viewer, offer, &request, now()),
    );
    assert_eq!(
        [&a, &b].iter().filter(|result| result.is_ok()).count(),
        1,
        "{a:?} {b:?}"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_freed_place_is_offered_to_the_waiting_list_and_can_be_taken() {
    let (test_db, [host, first, second]) =
        people(["Europe/London", "Europe/Paris", "Europe/Madrid"]).await;
    let db = &test_db.db;
    let mut form = nursery();
    form.capacity = "1".to_owned();
    let offer = published(&test_db, &host, &form).await;
    let held = request_visit(db, &first.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    let hoping = request_visit(db, &second.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    approve(db, &host.viewer, held).await.unwrap();
    refused(approve(db, &host.viewer, hoping).await, "visit", "full");
    waitlist(db, &host.viewer, hoping).await.unwrap();
    assert!(
        take_place(db, &second.viewer, hoping).await.is_err(),
        "nothing offered yet"
    );

    cancel(db, &host.viewer, held, "Staff training that morning.")
        .await
        .unwrap();
    let offered = visit_page(db, &second.viewer, hoping).await.unwrap();
    assert_eq!(offered.status, VisitStatus::Offered);
    assert_eq!(
        take_place(db, &first.viewer, hoping).await,
        Err(AppError::NotFound),
        "not theirs"
    );
    take_place(db, &second.viewer, hoping).await.unwrap();
    assert_eq!(
        visit_page(db, &second.viewer, hoping).await.unwrap().status,
        VisitStatus::Approved
    );
    assert_eq!(taken(&test_db, offer, SLOT).await, 1);
    test_db.remove().await;
}

#[tokio::test]
async fn overlapping_visits_are_refused_and_a_host_sees_a_clash() {
    let (test_db, [host, other_host, visitor, second]) = people([
        "Europe/London",
        "Europe/London",
        "Europe/Paris",
        "Europe/Rome",
    ])
    .await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    let mut half_past = nursery();
    half_past.setting_name = "Riverside Children's Centre".to_owned();
    half_past.weekly[1] = "10:30-11:30".to_owned();
    let other = published(&test_db, &other_host, &half_past).await;
    request_visit(db, &visitor.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    refused(
        request_visit(
            db,
            &visitor.viewer,
            other,
            &asking("2027-07-06T09:30:00Z"),
            now(),
        )
        .await,
        "starts_at",
        "already have a visit",
    );

    // The host is visiting elsewhere at 10:30 London time, so a request for the
    // 10:00 slot clashes.
    let away = request_visit(
        db,
        &host.viewer,
        other,
        &asking("2027-07-06T09:30:00Z"),
        now(),
    )
    .await
    .unwrap();
    approve(db, &other_host.viewer, away).await.unwrap();
    request_visit(db, &second.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    let waiting = waiting_for_me(db, &host.viewer, now()).await.unwrap();
    assert!(waiting.iter().all(|visit| {
        visit
            .conflict
            .as_deref()
            .is_some_and(|c| c.contains("Riverside"))
    }));
    test_db.remove().await;
}

#[tokio::test]
async fn companions_must_be_friends_and_fit_in_the_slot() {
    let (test_db, [host, visitor, friend, stranger]) = people([
        "Europe/London",
        "Europe/Paris",
        "Europe/Paris",
        "Europe/Paris",
    ])
    .await;
    let db = &test_db.db;
    test_db.befriend(visitor.id, friend.id).await;
    let mut form = nursery();
    form.capacity = "2".to_owned();
    let offer = published(&test_db, &host, &form).await;
    let mut with_stranger = asking(SLOT);
    with_stranger.companions = format!("@{}, {}", friend.handle, stranger.handle);
    refused(
        request_visit(db, &visitor.viewer, offer, &with_stranger, now()).await,
        "companions",
        "not one of your friends",
    );
    let mut with_friend = asking(SLOT);
    with_friend.companions = friend.handle.clone();
    let visit = request_visit(db, &visitor.viewer, offer, &with_friend, now())
        .await
        .unwrap();
    approve(db, &host.viewer, visit).await.unwrap();
    assert_eq!(
        taken(&test_db, offer, SLOT).await,
        2,
        "the friend takes a place too"
    );
    let seen = visit_page(db, &friend.viewer, visit).await.unwrap();
    assert_eq!(seen.companions[0].handle, friend.handle);
    // The friend already goes, so they cannot ask for the same time.
    refused(
        request_visit(db, &friend.viewer, offer, &asking(SLOT), now()).await,
        "starts_at",
        "already have a visit",
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_block_cancels_visits_between_the_pair_and_hides_the_offer() {
    let (test_db, [host, visitor]) = people(["Europe/London", "Europe/Paris"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    let visit = request_visit(db, &visitor.viewer, offer, &asking(SLOT), now())
        .await
        .unwrap();
    approve(db, &host.viewer, visit).await.unwrap();
    block(db, &visitor.viewer, &host.handle).await.unwrap();
    assert_eq!(
        visit_page(db, &visitor.viewer, visit).await.err(),
        Some(AppError::NotFound)
    );
    assert_eq!(
        visit_page(db, &host.viewer, visit).await.err(),
        Some(AppError::NotFound)
    );
    assert_eq!(taken(&test_db, offer, SLOT).await, 0);
    assert_eq!(
        request_visit(
            db,
            &visitor.viewer,
            offer,
            &asking("2027-07-13T09:00:00Z"),
            now()
        )
        .await,
        Err(AppError::NotFound),
        "the blocked host's offer is gone for the visitor"
    );
    let form = VisitRequestForm {
        starts_at: SLOT.to_owned(),
        ..VisitRequestForm::default()
    };
    assert!(
        request_visit(db, &visitor.viewer, offer, &form, now())
            .await
            .is_err()
    );
    test_db.remove().await;
}

/// Places taken in `offer`'s slot at `start`.
async fn taken(test_db: &iey_domain::testing::TestDb, offer: i32, start: &str) -> i32 {
    visit_slot::Entity::find_by_id((offer, at(start)))
        .one(&test_db.db)
        .await
        .unwrap()
        .map_or(0, |slot| slot.taken)
}
