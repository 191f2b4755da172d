//! What friendship lets a member see, and whom a request may go to: a
//! friends-only profile opens to a new friend and closes after unfriending;
//! unverified, hidden and unknown members cannot be asked. Runs on SQLite, and on
//! PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "friend_requests/support.rs"]
mod support;

use iey_domain::friends::{accept, friends_of, incoming, send_request, unfriend};
use iey_domain::members::profile;
use iey_domain::{AppError, Viewer};
use iey_dto::RequestOutcome;
use iey_entity::member;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use support::{friendship_rows, id, member_as, refused, three};

#[tokio::test]
async fn a_friends_only_profile_opens_to_a_new_friend_and_closes_after_unfriending() {
    let (test_db, [(ana_handle, ana), (ben_handle, _), _]) = three().await;
    let db = &test_db.db;
    let (ben_handle, ben) = member_as(&test_db, &ben_handle, "friends").await;
    assert_eq!(
        profile(db, &ana, &ben_handle).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        send_request(db, &ana, &ben_handle, "").await,
        Err(AppError::NotFound),
        "a hidden member cannot be asked"
    );
    assert_eq!(
        unfriend(db, &ana, &ben_handle).await,
        Err(AppError::NotFound)
    );

    // Ben asks; Ana sees who is asking even though Ben's profile is friends-only.
    send_request(db, &ben, &ana_handle, "").await.unwrap();
    let asking = incoming(db, &ana).await.unwrap();
    assert_eq!(asking[0].member.handle, ben_handle);
    accept(db, &ana, asking[0].id).await.unwrap();
    assert_eq!(
        profile(db, &ana, &ben_handle).await.unwrap().card.handle,
        ben_handle
    );
    assert_eq!(friends_of(db, &ana).await.unwrap().len(), 1);

    unfriend(db, &ana, &ben_handle).await.unwrap();
    assert_eq!(
        profile(db, &ana, &ben_handle).await,
        Err(AppError::NotFound)
    );
    assert!(
        friendship_rows(&test_db, id(&ana), id(&ben))
            .await
            .is_empty()
    );
    assert!(friends_of(db, &ben).await.unwrap().is_empty());
    refused(
        unfriend(db, &ben, &ana_handle).await,
        "friend",
        "not friends",
    );
    // They can start again.
    assert_eq!(
        send_request(db, &ben, &ana_handle, "").await,
        Ok(RequestOutcome::Sent)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn unverified_hidden_and_unknown_recipients_are_not_found() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), (carl_handle, _)]) = three().await;
    let db = &test_db.db;
    let mut row: member::ActiveModel = member::Entity::find_by_id(id(&ben))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.email_verified_at = Set(None);
    row.update(db).await.unwrap();
    assert_eq!(
        send_request(db, &ana, &ben_handle, "").await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        send_request(db, &ana, "nobody-here", "").await,
        Err(AppError::NotFound)
    );
    refused(
        send_request(db, &ben, &ana_handle, "").await,
        "request",
        "confirm your email",
    );
    assert_eq!(
        send_request(db, &Viewer::Visitor, &ana_handle, "").await,
        Err(AppError::Unauthenticated)
    );
    let long = "x".repeat(281);
    refused(
        send_request(db, &ana, &carl_handle, &long).await,
        "note",
        "280",
    );
    let members_only = member_as(&test_db, &carl_handle, "members").await.0;
    let fits = "é".repeat(280);
    assert_eq!(
        send_request(db, &ana, &members_only, &fits).await,
        Ok(RequestOutcome::Sent)
    );
    test_db.remove().await;
}
