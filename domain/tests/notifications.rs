//! In-app notifications for friend requests and acceptances: who is told what,
//! reading them, a cancelled request taking its notification back, and blocks and
//! hidden actors keeping them out of sight. Runs on SQLite, and on PostgreSQL with
//! `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)]
#[path = "friend_requests/support.rs"]
mod support;

use chrono::{TimeZone, Utc};
use iey_domain::blocks::block;
use iey_domain::friends::{accept, cancel, decline, incoming, send_request};
use iey_domain::notifications::{list, mark_all_read, mark_read, unread_count};
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Viewer};
use iey_dto::{NotificationKind, NotificationView, RequestOutcome};
use iey_entity::{member, member_block, notification};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use support::{id, member_as, refused, three};

/// Everything `viewer` is shown, newest first.
async fn shown(test_db: &TestDb, viewer: &Viewer) -> Vec<NotificationView> {
    list(&test_db.db, viewer, 50).await.unwrap()
}

/// The unread count `viewer`'s badge shows.
async fn badge(test_db: &TestDb, viewer: &Viewer) -> u32 {
    unread_count(&test_db.db, viewer).await.unwrap()
}

/// Sets member `id`'s time zone.
async fn set_time_zone(test_db: &TestDb, id: i32, zone: &str) {
    let mut row: member::ActiveModel = member::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.time_zone = Set(zone.to_owned());
    row.update(&test_db.db).await.unwrap();
}

/// Pins notification `id` to a known moment, so its `when` can be checked.
async fn set_created_at(test_db: &TestDb, id: i32) {
    let mut row: notification::ActiveModel = notification::Entity::find_by_id(id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.created_at = Set(Utc.with_ymd_and_hms(2026, 12, 3, 16, 46, 0).unwrap());
    row.update(&test_db.db).await.unwrap();
}

/// The rows stored for member `id`, however visible.
async fn stored_for(test_db: &TestDb, id: i32) -> Vec<notification::Model> {
    notification::Entity::find()
        .filter(notification::Column::MemberId.eq(id))
        .all(&test_db.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_request_tells_the_recipient_and_an_acceptance_tells_the_sender() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), _]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 1);
    assert_eq!(badge(&test_db, &ana).await, 0, "the sender is not told");
    let told = shown(&test_db, &ben).await;
    assert_eq!(told.len(), 1);
    let request = incoming(db, &ben).await.unwrap()[0].id;
    assert_eq!(told[0].kind, NotificationKind::FriendRequest);
    assert_eq!(told[0].actor.handle, ana_handle);
    assert_eq!(told[0].link, "/friends");
    assert!(told[0].unread);
    let row = notification::Entity::find_by_id(told[0].id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.kind.as_str(), row.object_id),
        ("friend_request", Some(request))
    );

    // The time is the viewer's own: Berlin is an hour ahead of UTC in December.
    set_time_zone(&test_db, id(&ben), "Europe/Berlin").await;
    set_created_at(&test_db, told[0].id).await;
    assert_eq!(
        shown(&test_db, &ben).await[0].when,
        "3 December 2026, 17:46"
    );
    set_time_zone(&test_db, id(&ben), "Mars/Olympus").await;
    assert_eq!(
        shown(&test_db, &ben).await[0].when,
        "3 December 2026, 16:46"
    );

    accept(db, &ben, request).await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 0, "the request is dealt with");
    assert!(!shown(&test_db, &ben).await[0].unread);
    let told = shown(&test_db, &ana).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].kind, NotificationKind::FriendAccepted);
    assert_eq!(told[0].actor.handle, ben_handle);
    assert_eq!(told[0].link, format!("/members/{ben_handle}"));
    assert!(told[0].unread);
    assert_eq!(badge(&test_db, &ana).await, 1);

    // A failed second accept tells no one anything.
    refused(accept(db, &ben, request).await, "request", "already");
    assert_eq!(stored_for(&test_db, id(&ana)).await.len(), 1);
    test_db.remove().await;
}

#[tokio::test]
async fn asking_someone_who_asked_you_tells_them_you_accepted() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), _]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let outcome = send_request(db, &ben, &ana_handle, "").await.unwrap();
    assert_eq!(outcome, RequestOutcome::BecameFriends);
    let told = shown(&test_db, &ana).await;
    assert_eq!(told.len(), 1);
    assert_eq!(
        (told[0].kind, told[0].actor.handle.as_str()),
        (NotificationKind::FriendAccepted, ben_handle.as_str())
    );
    assert_eq!(badge(&test_db, &ben).await, 0, "Ana's request is read");
    assert_eq!(shown(&test_db, &ben).await.len(), 1);
    test_db.remove().await;
}

#[tokio::test]
async fn members_read_their_own_notifications_only() {
    let (test_db, [(_, ana), (ben_handle, ben), (_, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    send_request(db, &carl, &ben_handle, "").await.unwrap();
    let told = shown(&test_db, &ben).await;
    assert_eq!(told.len(), 2);
    assert!(told[0].id > told[1].id, "newest first");
    assert_eq!(badge(&test_db, &ben).await, 2);
    assert_eq!(list(db, &ben, 1).await.unwrap().len(), 1);

    for other in [&ana, &carl] {
        assert_eq!(
            mark_read(db, other, told[0].id).await,
            Err(AppError::NotFound)
        );
        assert_eq!(mark_all_read(db, other).await, Ok(0));
    }
    assert_eq!(
        mark_read(db, &ben, told[0].id + 1000).await,
        Err(AppError::NotFound)
    );
    assert_eq!(badge(&test_db, &ben).await, 2);
    mark_read(db, &ben, told[1].id).await.unwrap();
    mark_read(db, &ben, told[1].id).await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 1);
    let unread: Vec<bool> = shown(&test_db, &ben)
        .await
        .iter()
        .map(|n| n.unread)
        .collect();
    assert_eq!(unread, [true, false]);
    assert_eq!(mark_all_read(db, &ben).await, Ok(1));
    assert_eq!(mark_all_read(db, &ben).await, Ok(0));
    assert_eq!(badge(&test_db, &ben).await, 0);

    let visitor = Viewer::Visitor;
    assert_eq!(badge(&test_db, &visitor).await, 0);
    assert_eq!(list(db, &visitor, 10).await, Err(AppError::Unauthenticated));
    assert_eq!(
        mark_read(db, &visitor, told[0].id).await,
        Err(AppError::Unauthenticated)
    );
    assert_eq!(
        mark_all_read(db, &visitor).await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_cancelled_request_is_withdrawn_and_a_declined_one_read() {
    let (test_db, [(_, ana), (ben_handle, ben), (_, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    let request = incoming(db, &ben).await.unwrap()[0].id;
    cancel(db, &ana, request).await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 0);
    assert!(shown(&test_db, &ben).await.is_empty());
    assert!(stored_for(&test_db, id(&ben)).await.is_empty());

    send_request(db, &carl, &ben_handle, "").await.unwrap();
    let request = incoming(db, &ben).await.unwrap()[0].id;
    decline(db, &ben, request).await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 0);
    let told = shown(&test_db, &ben).await;
    assert_eq!(told.len(), 1);
    assert!(!told[0].unread);
    assert!(
        stored_for(&test_db, id(&carl)).await.is_empty(),
        "a decline tells no one"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_block_withdraws_notifications_and_stops_new_ones() {
    let (test_db, [(ana_handle, ana), (ben_handle, ben), (_, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    send_request(db, &carl, &ben_handle, "").await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 2);
    block(db, &ben, &ana_handle).await.unwrap();
    assert_eq!(badge(&test_db, &ben).await, 1);
    let told = shown(&test_db, &ben).await;
    assert_eq!(told.len(), 1);
    assert_ne!(told[0].actor.handle, ana_handle);
    assert_eq!(
        send_request(db, &ana, &ben_handle, "").await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        send_request(db, &ben, &ana_handle, "").await,
        Err(AppError::NotFound)
    );
    let stored = stored_for(&test_db, id(&ben)).await;
    assert_eq!(stored.len(), 1, "only Carl's is left, and nothing new");
    assert!(stored_for(&test_db, id(&ana)).await.is_empty());
    test_db.remove().await;
}

#[tokio::test]
async fn a_blocked_or_hidden_actor_drops_out_of_the_list_and_the_count() {
    let (test_db, [(_, ana), (ben_handle, ben), (carl_handle, carl)]) = three().await;
    let db = &test_db.db;
    send_request(db, &ana, &ben_handle, "").await.unwrap();
    send_request(db, &carl, &ben_handle, "").await.unwrap();
    let asking = incoming(db, &ben).await.unwrap();
    let (carls, anas) = (asking[0].id, asking[1].id);

    // A block stored without block()'s tidying (as if it raced the request): the
    // notification stays in the table but nobody sees it.
    member_block::Entity::insert(member_block::ActiveModel {
        blocker_id: Set(id(&ana)),
        blocked_id: Set(id(&ben)),
        created_at: Set(Utc::now()),
    })
    .exec(db)
    .await
    .unwrap();
    assert_eq!(badge(&test_db, &ben).await, 1);
    let told = shown(&test_db, &ben).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].actor.handle, carl_handle);
    let hidden = stored_for(&test_db, id(&ben))
        .await
        .into_iter()
        .find(|row| row.actor_id == Some(id(&ana)))
        .unwrap();
    assert_eq!(
        mark_read(db, &ben, hidden.id).await,
        Err(AppError::NotFound)
    );
    assert_eq!(mark_all_read(db, &ben).await, Ok(1));
    assert!(
        stored_for(&test_db, id(&ben))
            .await
            .iter()
            .any(|row| row.id == hidden.id && row.read_at.is_none()),
        "only what Ben could see was marked"
    );
    // A request that raced the block cannot be accepted, so tells no one.
    assert_eq!(accept(db, &ben, anas).await, Err(AppError::NotFound));
    assert!(stored_for(&test_db, id(&ana)).await.is_empty());

    // An actor who turns friends-only is hidden from a non-friend too.
    decline(db, &ben, carls).await.unwrap();
    send_request(db, &ben, &carl_handle, "").await.unwrap();
    assert_eq!(badge(&test_db, &carl).await, 1);
    member_as(&test_db, &ben_handle, "friends").await;
    assert_eq!(badge(&test_db, &carl).await, 0);
    assert!(shown(&test_db, &carl).await.is_empty());
    test_db.remove().await;
}
