//! The blocking matrix: once either of two members blocks the other, neither sees
//! the other on any read path that exists (directory, search, facet counts with
//! and without the count cache, profile, friends, requests, interest
//! suggestions), each checked in both directions. Also what may be blocked and
//! unblocked. Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "blocking/directory.rs"]
mod directory;
#[path = "blocking/support.rs"]
mod support;

use iey_domain::blocks::{block, blocked_list, unblock};
use iey_domain::friends::{accept, friends_of, incoming, outgoing, send_request};
use iey_domain::members::{interest_suggestions, profile};
use iey_domain::{AppError, Viewer};
use iey_dto::RequestOutcome;
use iey_entity::{friend_request, friendship, member, member_tag};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter,
};
use support::{both_ways, handles_found, member_as, search, three};

#[tokio::test]
async fn a_blocked_pair_cannot_open_each_others_profiles() {
    for run in 0..2 {
        let (test_db, [ana, ben, carl]) = three().await;
        let db = &test_db.db;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        assert!(profile(db, &ana.viewer, &ben.handle).await.is_ok());
        block(db, &blocker.viewer, &blocked.handle).await.unwrap();
        for (viewer, other) in [(&ana, &ben), (&ben, &ana)] {
            assert_eq!(
                profile(db, &viewer.viewer, &other.handle).await,
                Err(AppError::NotFound),
                "{} looking at {} (run {run})",
                viewer.word,
                other.word
            );
            let own = profile(db, &viewer.viewer, &viewer.handle).await.unwrap();
            assert_eq!(own.card.handle, viewer.handle, "one's own stays open");
            let third = profile(db, &carl.viewer, &viewer.handle).await.unwrap();
            assert_eq!(third.card.handle, viewer.handle, "others still see both");
        }
        test_db.remove().await;
    }
}

#[tokio::test]
async fn blocking_ends_a_friendship_both_ways_and_unblocking_does_not_restore_it() {
    for run in 0..2 {
        let (test_db, [ana, ben, carl]) = three().await;
        let db = &test_db.db;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        test_db.befriend(ana.id, carl.id).await;
        send_request(db, &ana.viewer, &ben.handle, "")
            .await
            .unwrap();
        let request = incoming(db, &ben.viewer).await.unwrap()[0].id;
        accept(db, &ben.viewer, request).await.unwrap();
        assert_eq!(friends_of(db, &ana.viewer).await.unwrap().len(), 2);

        block(db, &blocker.viewer, &blocked.handle).await.unwrap();
        let friends = friends_of(db, &ana.viewer).await.unwrap();
        let handles: Vec<&str> = friends.iter().map(|f| f.handle.as_str()).collect();
        assert_eq!(handles, [carl.handle.as_str()], "run {run}");
        assert!(friends_of(db, &ben.viewer).await.unwrap().is_empty());
        let rows = friendship::Entity::find()
            .filter(friendship::Column::MemberId.is_in([ana.id, ben.id]))
            .filter(friendship::Column::FriendId.is_in([ana.id, ben.id]))
            .all(db)
            .await
            .unwrap();
        assert!(rows.is_empty(), "both rows go");

        unblock(db, &blocker.viewer, &blocked.handle).await.unwrap();
        assert!(profile(db, &ana.viewer, &ben.handle).await.is_ok());
        assert!(profile(db, &ben.viewer, &ana.handle).await.is_ok());
        assert!(friends_of(db, &ben.viewer).await.unwrap().is_empty());
        assert_eq!(friends_of(db, &ana.viewer).await.unwrap().len(), 1);
        test_db.remove().await;
    }
}

#[tokio::test]
async fn blocking_closes_pending_requests_both_ways_and_refuses_new_ones() {
    for run in 0..2 {
        let (test_db, [ana, ben, _]) = three().await;
        let db = &test_db.db;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        send_request(db, &ana.viewer, &ben.handle, "")
            .await
            .unwrap();
        let request = incoming(db, &ben.viewer).await.unwrap()[0].id;

        block(db, &blocker.viewer, &blocked.handle).await.unwrap();
        assert!(incoming(db, &ben.viewer).await.unwrap().is_empty());
        assert!(outgoing(db, &ana.viewer).await.unwrap().is_empty());
        let row = friend_request::Entity::find_by_id(request)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let closed = if run == 0 { "cancelled" } else { "declined" };
        assert_eq!(row.status, closed, "the blocker's side closes it");
        assert!(row.decided_at.is_some());
        assert!(accept(db, &ben.viewer, request).await.is_err());
        for (from, to) in [(&ana, &ben), (&ben, &ana)] {
            assert_eq!(
                send_request(db, &from.viewer, &to.handle, "").await,
                Err(AppError::NotFound),
                "{} asking {} (run {run})",
                from.word,
                to.word
            );
        }
        test_db.remove().await;
    }
}

#[tokio::test]
async fn interest_suggestions_do_not_count_a_blocked_members_tags() {
    for run in 0..2 {
        let (test_db, [ana, ben, carl]) = three().await;
        let db = &test_db.db;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        let handles = test_db.handles(6).await;
        let mut others = Vec::new();
        for handle in &handles[3..] {
            others.push(
                member_as(&test_db, handle, "public")
                    .await
                    .member_id()
                    .unwrap(),
            );
        }
        let interests = [
            ("quixote-zither", vec![ben.id, carl.id, others[0]]),
            ("quixote-abacus", vec![others[1], others[2]]),
            ("quixote-lute", vec![ana.id]),
        ];
        for (value, holders) in interests {
            for holder in holders {
                member_tag::ActiveModel {
                    member_id: Set(holder),
                    kind: Set("interest".to_owned()),
                    value: Set(value.to_owned()),
                }
                .insert(db)
                .await
                .unwrap();
            }
        }
        let suggested = |viewer: Viewer| async move {
            interest_suggestions(db, &viewer, "quixote").await.unwrap()
        };
        let all = ["quixote zither", "quixote abacus", "quixote lute"];
        for viewer in [&ana, &ben, &carl] {
            assert_eq!(suggested(viewer.viewer).await, all);
        }

        block(db, &blocker.viewer, &blocked.handle).await.unwrap();
        // Without Ben, the zither has two players like the abacus: ties go by name.
        assert_eq!(
            suggested(ana.viewer).await,
            ["quixote abacus", "quixote zither", "quixote lute"],
            "run {run}"
        );
        assert_eq!(
            suggested(ben.viewer).await,
            ["quixote zither", "quixote abacus"],
            "run {run}"
        );
        assert_eq!(suggested(carl.viewer).await, all);
        test_db.remove().await;
    }
}

#[tokio::test]
async fn unblocking_restores_visibility_and_only_the_blocker_can_unblock() {
    let (test_db, [ana, ben, carl]) = three().await;
    let db = &test_db.db;
    block(db, &ana.viewer, &ben.handle).await.unwrap();
    block(db, &ana.viewer, &ben.handle)
        .await
        .expect("blocking twice is harmless");
    let blocked: Vec<String> = blocked_list(db, &ana.viewer)
        .await
        .unwrap()
        .into_iter()
        .map(|member| member.handle)
        .collect();
    assert_eq!(blocked, [ben.handle.as_str()]);
    assert!(blocked_list(db, &ben.viewer).await.unwrap().is_empty());

    for (viewer, handle) in [
        (&ben.viewer, &ana.handle),
        (&carl.viewer, &ben.handle),
        (&ana.viewer, &carl.handle),
    ] {
        assert_eq!(
            unblock(db, viewer, handle).await,
            Err(AppError::NotFound),
            "only a block one made can be lifted"
        );
    }
    assert_eq!(
        unblock(db, &ana.viewer, "nobody-here").await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        unblock(db, &Viewer::Visitor, &ben.handle).await,
        Err(AppError::Unauthenticated)
    );

    unblock(db, &ana.viewer, &ben.handle).await.unwrap();
    assert!(blocked_list(db, &ana.viewer).await.unwrap().is_empty());
    for (viewer, other) in [(&ana, &ben), (&ben, &ana)] {
        assert!(profile(db, &viewer.viewer, &other.handle).await.is_ok());
        let found = handles_found(&test_db, &viewer.viewer, &search(other.word)).await;
        assert_eq!(found, [other.handle.as_str()]);
    }
    assert_eq!(
        unblock(db, &ana.viewer, &ben.handle).await,
        Err(AppError::NotFound),
        "already lifted"
    );
    assert_eq!(
        send_request(db, &ben.viewer, &ana.handle, "").await,
        Ok(RequestOutcome::Sent)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn oneself_hidden_unverified_and_unknown_members_cannot_be_blocked() {
    let (test_db, [ana, ben, carl]) = three().await;
    let db = &test_db.db;
    let refusal = block(db, &ana.viewer, &ana.handle).await.unwrap_err();
    let message = refusal.field_message("block").unwrap_or_default();
    assert!(message.contains("yourself"), "{refusal:?}");

    member_as(&test_db, &ben.handle, "friends").await;
    let mut row: member::ActiveModel = member::Entity::find_by_id(carl.id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.email_verified_at = Set(None);
    row.update(db).await.unwrap();
    for handle in [&ben.handle, &carl.handle, &"nobody-here".to_owned()] {
        assert_eq!(
            block(db, &ana.viewer, handle).await,
            Err(AppError::NotFound),
            "{handle}"
        );
    }
    assert_eq!(
        block(db, &Viewer::Visitor, &ben.handle).await,
        Err(AppError::Unauthenticated)
    );
    assert!(blocked_list(db, &ana.viewer).await.unwrap().is_empty());
    test_db.remove().await;
}

#[tokio::test]
async fn the_friends_only_sender_of_a_pending_request_can_be_blocked() {
    let (test_db, [ana, ben, _]) = three().await;
    let db = &test_db.db;
    member_as(&test_db, &ben.handle, "friends").await;
    send_request(db, &ben.viewer, &ana.handle, "")
        .await
        .unwrap();
    let request = incoming(db, &ana.viewer).await.unwrap()[0].id;
    assert_eq!(
        profile(db, &ana.viewer, &ben.handle).await,
        Err(AppError::NotFound),
        "hidden, yet asking"
    );

    block(db, &ana.viewer, &ben.handle).await.unwrap();
    let row = friend_request::Entity::find_by_id(request)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "declined");
    assert!(incoming(db, &ana.viewer).await.unwrap().is_empty());
    let blocked = blocked_list(db, &ana.viewer).await.unwrap();
    assert_eq!(blocked[0].handle, ben.handle);
    assert_eq!(
        profile(db, &ben.viewer, &ana.handle).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        send_request(db, &ben.viewer, &ana.handle, "").await,
        Err(AppError::NotFound)
    );
    let blocks = iey_entity::member_block::Entity::find()
        .filter(
            Condition::all()
                .add(iey_entity::member_block::Column::BlockerId.eq(ana.id))
                .add(iey_entity::member_block::Column::BlockedId.eq(ben.id)),
        )
        .all(db)
        .await
        .unwrap();
    assert_eq!(blocks.len(), 1);
    test_db.remove().await;
}
