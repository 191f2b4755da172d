//! Friend requests against a real database: every transition and its illegal
//! twins, friendships stored both ways, and racing clicks. Runs on SQLite, and on
//! PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "friend_requests/support.rs"]
mod support;

use iey_domain::friends::{accept, cancel, decline, friends_of, incoming, outgoing, send_request};
use iey_domain::{AppError, Viewer};
use iey_dto::RequestOutcome;
use iey_entity::friend_request;
use sea_orm::EntityTrait;
use support::{friendship_rows, id, refused, three};

#[tokio::test]
async fn an_accepted_request_makes_friends_both_ways_and_stays_accepted() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), _]) = three().await;
    let db = &test_db.db;
    let sent = send_request(db, &ana, &ben_handle, "  Met you at the conference!  ").await;
    assert_eq!(sent, Ok(RequestOutcome::Sent));
    let theirs = incoming(db, &ben).await.unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].member.handle, ana_handle);
    assert_eq!(
        theirs[0].note.as_deref(),
        Some("Met you at the conference!")
    );
    assert!(!theirs[0].member.initials.is_empty());
    let mine = outgoing(db, &ana).await.unwrap();
    assert_eq!(
        (mine[0].id, &mine[0].member.handle),
        (theirs[0].id, &ben_handle)
    );
    assert!(incoming(db, &ana).await.unwrap().is_empty());

    let request = theirs[0].id;
    accept(db, &ben, request).await.unwrap();
    let (a, b) = (id(&ana), id(&ben));
    assert_eq!(friendship_rows(&test_db, a, b).await, {
        let mut both = vec![(a, b), (b, a)];
        both.sort();
        both
    });
    assert_eq!(friends_of(db, &ana).await.unwrap()[0].handle, ben_handle);
    assert_eq!(friends_of(db, &ben).await.unwrap()[0].handle, ana_handle);
    assert!(incoming(db, &ben).await.unwrap().is_empty());
    assert!(outgoing(db, &ana).await.unwrap().is_empty());
    let row = friend_request::Entity::find_by_id(request)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "accepted");
    assert!(row.decided_at.is_some());

    refused(
        accept(db, &ben, request).await,
        "request",
        "already been accepted",
    );
    refused(
        decline(db, &ben, request).await,
        "request",
        "already been accepted",
    );
    refused(
        cancel(db, &ana, request).await,
        "request",
        "already been accepted",
    );
    refused(
        send_request(db, &ana, &ben_handle, "").await,
        "request",
        "already friends",
    );
    refused(
        send_request(db, &ben, &ana_handle, "").await,
        "request",
        "already friends",
    );
    assert_eq!(friendship_rows(&test_db, a, b).await.len(), 2);
    test_db.remove().await;
}

#[tokio::test]
async fn illegal_transitions_are_refused_with_a_reason() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), (_, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let request = outgoing(db, &ana).await.unwrap()[0].id;
    assert_eq!(outgoing(db, &ana).await.unwrap()[0].note, None);

    refused(
        send_request(db, &ana, &ben_handle, "again").await,
        "request",
        "already sent",
    );
    refused(
        send_request(db, &ana, &ana_handle, "").await,
        "request",
        "yourself",
    );
    refused(
        accept(db, &ana, request).await,
        "request",
        "your own request",
    );
    refused(
        decline(db, &ana, request).await,
        "request",
        "cancel it instead",
    );
    refused(
        cancel(db, &ben, request).await,
        "request",
        "Only the member who sent",
    );
    for result in [
        accept(db, &carl, request).await,
        decline(db, &carl, request).await,
        cancel(db, &carl, request).await,
        accept(db, &ben, request + 1000).await,
    ] {
        assert_eq!(result, Err(AppError::NotFound), "not theirs or missing");
    }
    assert_eq!(
        accept(db, &Viewer::Visitor, request).await,
        Err(AppError::Unauthenticated)
    );

    decline(db, &ben, request).await.unwrap();
    refused(
        decline(db, &ben, request).await,
        "request",
        "already been declined",
    );
    refused(
        accept(db, &ben, request).await,
        "request",
        "already been declined",
    );
    refused(
        cancel(db, &ana, request).await,
        "request",
        "already been declined",
    );
    assert!(
        friendship_rows(&test_db, id(&ana), id(&ben))
            .await
            .is_empty()
    );

    // A declined request does not stop a new one; a cancelled one cannot be answered.
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let second = outgoing(db, &ana).await.unwrap()[0].id;
    assert_ne!(second, request);
    cancel(db, &ana, second).await.unwrap();
    refused(accept(db, &ben, second).await, "request", "cancelled");
    refused(decline(db, &ben, second).await, "request", "cancelled");
    refused(cancel(db, &ana, second).await, "request", "cancelled");
    assert!(incoming(db, &ben).await.unwrap().is_empty());
    assert!(
        friendship_rows(&test_db, id(&ana), id(&ben))
            .await
            .is_empty()
    );
    test_db.remove().await;
}

#[tokio::test]
async fn asking_someone_who_asked_you_makes_you_friends() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), _]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let request = outgoing(db, &ana).await.unwrap()[0].id;
    let outcome = send_request(db, &ben, &ana_handle, "Yes!").await;
    assert_eq!(outcome, Ok(RequestOutcome::BecameFriends));
    assert_eq!(friendship_rows(&test_db, id(&ana), id(&ben)).await.len(), 2);
    let row = friend_request::Entity::find_by_id(request)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "accepted");
    assert!(
        outgoing(db, &ben).await.unwrap().is_empty(),
        "no second request"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn racing_accepts_make_one_friendship() {
    let (test_db, [(_, ana), (ben_handle, ben), (carl_handle, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let request = incoming(db, &ben).await.unwrap()[0].id;
    let (first, second) = tokio::join!(accept(db, &ben, request), accept(db, &ben, request));
    let results = [first, second];
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    let failed = results.into_iter().find(|r| r.is_err()).unwrap();
    refused(failed, "request", "already been accepted");
    assert_eq!(friendship_rows(&test_db, id(&ana), id(&ben)).await.len(), 2);

    // Two members asking each other at once end up friends exactly once.
    let ana_handle = friends_of(db, &ben).await.unwrap()[0].handle.clone();
    let (one, other) = tokio::join!(
        send_request(db, &carl, &ana_handle, ""),
        send_request(db, &ana, &carl_handle, "")
    );
    assert!(one.is_ok() && other.is_ok(), "{one:?} {other:?}");
    if one == Ok(RequestOutcome::Sent) && other == Ok(RequestOutcome::Sent) {
        let request = incoming(db, &carl).await.unwrap()[0].id;
        accept(db, &carl, request).await.unwrap();
    }
    assert_eq!(
        friendship_rows(&test_db, id(&ana), id(&carl)).await.len(),
        2
    );
    assert!(incoming(db, &ana).await.unwrap().is_empty());
    assert!(incoming(db, &carl).await.unwrap().is_empty());
    test_db.remove().await;
}
