//! The friend graph on profiles and the `/friends` page against a real database:
//! where the viewer stands with a member, friend counts and mutual friends that
//! respect visibility and blocks, and the searchable friends list. Runs on
//! SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "friend_suggestions/support.rs"]
mod support;

use iey_domain::blocks::block;
use iey_domain::friends::{
    incoming, outgoing, overview, profile_connections, send_request, suggestions,
};
use iey_domain::members::browse;
use iey_domain::{AppError, Viewer};
use iey_dto::{MemberQuery, MemberSummary, Relationship, Standing};
use support::{Person, befriend_all, community, rename, unverify, visibility};

/// The handles of `members`, in order.
fn names(members: &[MemberSummary]) -> Vec<&str> {
    members.iter().map(|m| m.handle.as_str()).collect()
}

fn handles_of<'a>(people: &[&'a Person]) -> Vec<&'a str> {
    people.iter().map(|p| p.handle.as_str()).collect()
}

#[tokio::test]
async fn each_relationship_is_told_apart() {
    let (test_db, p) = community(6).await;
    let db = &test_db.db;
    let [me, friend, stranger, asked, asker, _] = [0, 1, 2, 3, 4, 5].map(|i| &p[i]);
    befriend_all(&test_db, &[(me, friend), (friend, stranger)]).await;
    send_request(db, &me.viewer, &asked.handle, "")
        .await
        .unwrap();
    send_request(db, &asker.viewer, &me.handle, "We met in Graz")
        .await
        .unwrap();
    let relationship = |viewer: Viewer, handle: String| async move {
        profile_connections(db, &viewer, &handle)
            .await
            .unwrap()
            .relationship
    };
    let visitor = relationship(Viewer::Visitor, friend.handle.clone()).await;
    assert_eq!(visitor, Relationship::Visitor);
    assert_eq!(
        relationship(me.viewer, me.handle.clone()).await,
        Relationship::Yourself
    );
    assert_eq!(
        relationship(me.viewer, friend.handle.clone()).await,
        Relationship::Friends
    );
    let sent = outgoing(db, &me.viewer).await.unwrap()[0].id;
    assert_eq!(
        relationship(me.viewer, asked.handle.clone()).await,
        Relationship::RequestSent { id: sent }
    );
    let received = incoming(db, &me.viewer).await.unwrap().remove(0);
    assert_eq!(received.note.as_deref(), Some("We met in Graz"));
    assert_eq!(
        relationship(me.viewer, asker.handle.clone()).await,
        Relationship::RequestReceived(received)
    );
    assert_eq!(
        relationship(asked.viewer, me.handle.clone()).await,
        Relationship::RequestReceived(incoming(db, &asked.viewer).await.unwrap().remove(0))
    );

    // A path only between members who are not yet friends.
    let strangers = profile_connections(db, &me.viewer, &stranger.handle)
        .await
        .unwrap();
    assert_eq!(strangers.relationship, Relationship::Strangers);
    assert_eq!(names(&strangers.path), handles_of(&[me, friend, stranger]));
    for (viewer, handle) in [
        (me.viewer, &friend.handle),
        (me.viewer, &me.handle),
        (Viewer::Visitor, &stranger.handle),
    ] {
        let seen = profile_connections(db, &viewer, handle).await.unwrap();
        assert!(seen.path.is_empty(), "{seen:?}");
    }

    assert_eq!(
        profile_connections(db, &me.viewer, "nobody-here").await,
        Err(AppError::NotFound)
    );
    block(db, &stranger.viewer, &me.handle).await.unwrap();
    for (viewer, handle) in [(me.viewer, &stranger.handle), (stranger.viewer, &me.handle)] {
        assert_eq!(
            profile_connections(db, &viewer, handle).await,
            Err(AppError::NotFound),
            "blocked either way"
        );
    }
    test_db.remove().await;
}

#[tokio::test]
async fn directory_cards_say_where_the_viewer_stands() {
    let (test_db, p) = community(5).await;
    let db = &test_db.db;
    let [me, friend, asked, asker, stranger] = [0, 1, 2, 3, 4].map(|i| &p[i]);
    befriend_all(&test_db, &[(me, friend)]).await;
    send_request(db, &me.viewer, &asked.handle, "")
        .await
        .unwrap();
    send_request(db, &asker.viewer, &me.handle, "")
        .await
        .unwrap();
    let standings = |viewer: Viewer| async move {
        browse(db, &viewer, &MemberQuery::default())
            .await
            .unwrap()
            .members
            .into_iter()
            .map(|card| (card.handle, card.standing))
            .collect::<std::collections::HashMap<_, _>>()
    };
    let mine = standings(me.viewer).await;
    assert_eq!(mine[&me.handle], Standing::Nobody);
    assert_eq!(mine[&friend.handle], Standing::Friends);
    assert_eq!(mine[&asked.handle], Standing::Asked);
    assert_eq!(mine[&asker.handle], Standing::AskedYou);
    assert_eq!(mine[&stranger.handle], Standing::MayAsk);
    let theirs = standings(asked.viewer).await;
    assert_eq!(theirs[&me.handle], Standing::AskedYou);
    assert_eq!(theirs[&friend.handle], Standing::MayAsk);
    let visitor = standings(Viewer::Visitor).await;
    assert!(
        visitor.values().all(|s| *s == Standing::Nobody),
        "{visitor:?}"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn hidden_profiles_are_not_found_but_one_s_own_is() {
    let (test_db, p) = community(4).await;
    let db = &test_db.db;
    let [me, private, members_only, _] = [0, 1, 2, 3].map(|i| &p[i]);
    visibility(&test_db, private, "friends").await;
    visibility(&test_db, members_only, "members").await;
    for (viewer, handle) in [
        (me.viewer, &private.handle),
        (Viewer::Visitor, &members_only.handle),
    ] {
        assert_eq!(
            profile_connections(db, &viewer, handle).await,
            Err(AppError::NotFound)
        );
    }
    befriend_all(&test_db, &[(me, private)]).await;
    let friends = profile_connections(db, &me.viewer, &private.handle).await;
    assert_eq!(friends.unwrap().relationship, Relationship::Friends);
    unverify(&test_db, me).await;
    let own = profile_connections(db, &me.viewer, &me.handle).await;
    assert_eq!(own.unwrap().relationship, Relationship::Yourself);
    test_db.remove().await;
}

#[tokio::test]
async fn friend_counts_count_only_friends_the_viewer_may_see() {
    let (test_db, p) = community(8).await;
    let db = &test_db.db;
    let [me, them, public, members, private, unconfirmed, blocked] =
        [0, 1, 2, 3, 4, 5, 6].map(|i| &p[i]);
    for friend in [public, members, private, unconfirmed, blocked] {
        befriend_all(&test_db, &[(them, friend)]).await;
    }
    visibility(&test_db, members, "members").await;
    visibility(&test_db, private, "friends").await;
    visibility(&test_db, blocked, "members").await;
    unverify(&test_db, unconfirmed).await;
    block(db, &me.viewer, &blocked.handle).await.unwrap();
    let count = |viewer: Viewer| async move {
        profile_connections(db, &viewer, &them.handle)
            .await
            .unwrap()
            .friend_count
    };
    assert_eq!(count(Viewer::Visitor).await, 1, "public only");
    assert_eq!(count(me.viewer).await, 2, "public and members-only");
    assert_eq!(count(them.viewer).await, 4, "all but the unconfirmed");
    // A friends-only member counts for their own friends.
    befriend_all(&test_db, &[(me, private)]).await;
    assert_eq!(count(me.viewer).await, 3);
    let seen = profile_connections(db, &me.viewer, &them.handle)
        .await
        .unwrap();
    assert_eq!(
        (names(&seen.mutual), seen.mutual_count),
        (vec![private.handle.as_str()], 1)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn mutual_friends_are_named_by_name_and_counted_in_full() {
    let (test_db, p) = community(14).await;
    let db = &test_db.db;
    let (me, them, only_mine, only_theirs) = (&p[0], &p[1], &p[2], &p[3]);
    let shared: Vec<&Person> = p[4..12].iter().collect();
    for (n, friend) in shared.iter().enumerate() {
        rename(&test_db, friend, &format!("Mutual {}", 8 - n)).await;
        befriend_all(&test_db, &[(me, friend), (them, friend)]).await;
    }
    befriend_all(&test_db, &[(me, only_mine), (them, only_theirs)]).await;
    let seen = profile_connections(db, &me.viewer, &them.handle)
        .await
        .unwrap();
    assert_eq!(seen.mutual_count, 8);
    // By name: "Mutual 1" is the last one befriended.
    let by_name: Vec<&Person> = shared.iter().rev().take(6).copied().collect();
    assert_eq!(names(&seen.mutual), handles_of(&by_name));
    assert_eq!(seen.relationship, Relationship::Strangers);

    // One who blocks the viewer and one no longer confirmed stop counting.
    block(db, &shared[7].viewer, &me.handle).await.unwrap();
    unverify(&test_db, shared[6]).await;
    let seen = profile_connections(db, &me.viewer, &them.handle)
        .await
        .unwrap();
    assert_eq!(seen.mutual_count, 6);
    assert!(!names(&seen.mutual).contains(&shared[7].handle.as_str()));
    assert!(!names(&seen.mutual).contains(&shared[6].handle.as_str()));
    // The same count as the suggestion's.
    let suggested = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(suggested[0].member.handle, them.handle);
    assert_eq!(
        suggested[0].reasons[0],
        iey_dto::SuggestionReason::MutualFriends(6)
    );

    for (viewer, handle) in [(me.viewer, &me.handle), (Viewer::Visitor, &them.handle)] {
        let seen = profile_connections(db, &viewer, handle).await.unwrap();
        assert!(seen.mutual.is_empty() && seen.mutual_count == 0, "{seen:?}");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn the_friends_page_lists_everything_and_searches_friends_by_name_or_handle() {
    let (test_db, p) = community(10).await;
    let db = &test_db.db;
    let [
        me,
        anna,
        jonas,
        zoe,
        percent,
        unconfirmed,
        asker,
        asked,
        blocked,
        friend_of_anna,
    ] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(|i| &p[i]);
    for (friend, name) in [
        (anna, "Anna Schmidt"),
        (jonas, "Jonas Weber"),
        (zoe, "Zoë Ångström"),
        (percent, "Per Cent 100%"),
        (unconfirmed, "Anna Unconfirmed"),
    ] {
        rename(&test_db, friend, name).await;
        befriend_all(&test_db, &[(me, friend)]).await;
    }
    unverify(&test_db, unconfirmed).await;
    befriend_all(&test_db, &[(anna, friend_of_anna)]).await;
    send_request(db, &asker.viewer, &me.handle, "")
        .await
        .unwrap();
    send_request(db, &me.viewer, &asked.handle, "")
        .await
        .unwrap();
    block(db, &me.viewer, &blocked.handle).await.unwrap();

    let page = overview(db, &me.viewer, "").await.unwrap();
    assert_eq!(
        names(&page.friends),
        handles_of(&[anna, jonas, percent, zoe])
    );
    assert_eq!(page.friend_total, 4);
    assert_eq!(page.incoming[0].member.handle, asker.handle);
    assert_eq!(page.outgoing[0].member.handle, asked.handle);
    assert_eq!(names(&page.blocked), [&blocked.handle]);
    let suggested: Vec<&str> = page
        .suggestions
        .iter()
        .map(|s| s.member.handle.as_str())
        .collect();
    assert_eq!(suggested, [friend_of_anna.handle.as_str()]);

    let jonas_handle = jonas.handle.to_uppercase();
    for (search, found) in [
        ("  aNNa ", vec![anna]),
        ("ÅNGSTRÖM", vec![zoe]),
        (jonas_handle.as_str(), vec![jonas]),
        ("%", vec![percent]),
        ("_", vec![]),
        ("nobody", vec![]),
    ] {
        let page = overview(db, &me.viewer, search).await.unwrap();
        assert_eq!(names(&page.friends), handles_of(&found), "{search:?}");
        assert_eq!(page.friend_total, 4);
    }
    assert!(overview(db, &me.viewer, &"a".repeat(100)).await.is_ok());
    let long = overview(db, &me.viewer, &"a".repeat(101))
        .await
        .unwrap_err();
    assert!(long.field_message("q").unwrap().contains("100"));
    assert_eq!(
        overview(db, &Viewer::Visitor, "").await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}
