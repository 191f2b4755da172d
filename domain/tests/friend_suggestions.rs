//! People you may know against a real database: the ranking, reasons checked
//! against the data, who is never suggested (friends, pending and recently
//! declined requests, dismissed, blocked and hidden members) and the top-up for
//! members with few friends. Runs on SQLite, and on PostgreSQL with
//! `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "friend_suggestions/support.rs"]
mod support;

use std::collections::HashSet;

use iey_domain::blocks::block;
use iey_domain::friends::{decline, dismiss_suggestion, incoming, send_request, suggestions};
use iey_domain::members::{country_name, language_name};
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_dto::{Sector, SuggestionReason};
use iey_entity::member;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::{
    befriend_all, community, country_of, decided_days_ago, friend_ids, handles, set_country, tag,
    traits, unverify, visibility, visible_ids,
};

#[tokio::test]
async fn visitors_are_asked_to_log_in() {
    let (test_db, people) = community(2).await;
    let db = &test_db.db;
    assert_eq!(
        suggestions(db, &Viewer::Visitor, 12).await,
        Err(AppError::Unauthenticated)
    );
    assert_eq!(
        dismiss_suggestion(db, &Viewer::Visitor, &people[1].handle).await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn more_mutual_friends_rank_first_then_more_in_common() {
    let (test_db, p) = community(12).await;
    let db = &test_db.db;
    let [
        me,
        f1,
        f2,
        f3,
        three,
        two,
        one,
        one_alike,
        neighbour,
        stranger,
    ] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(|i| &p[i]);
    befriend_all(
        &test_db,
        &[
            (me, f1),
            (me, f2),
            (me, f3),
            (three, f1),
            (three, f2),
            (three, f3),
            (two, f1),
            (two, f2),
            (one, f1),
            (one_alike, f3),
        ],
    )
    .await;
    tag(&test_db, me, "sector", "health").await;
    tag(&test_db, me, "language", "de").await;
    tag(&test_db, one_alike, "sector", "health").await;
    tag(&test_db, stranger, "language", "fr").await;
    // Shares only the country: found by the top-up, after every friend of a friend.
    set_country(&test_db, neighbour.id, "AT").await;
    tag(&test_db, neighbour, "language", "de").await;

    let found = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(
        handles(&found),
        [&three, &two, &one_alike, &one, &neighbour].map(|x| x.handle.as_str())
    );
    let reasons: Vec<_> = found.iter().map(|s| s.reasons.clone()).collect();
    assert_eq!(reasons[0], [SuggestionReason::MutualFriends(3)]);
    assert_eq!(reasons[1], [SuggestionReason::MutualFriends(2)]);
    assert_eq!(
        reasons[2],
        [
            SuggestionReason::MutualFriends(1),
            SuggestionReason::Sector(Sector::Health)
        ]
    );
    assert_eq!(
        reasons[4],
        [
            SuggestionReason::Country("Austria".to_owned()),
            SuggestionReason::Language("German".to_owned())
        ]
    );
    assert_eq!(
        handles(&suggestions(db, &me.viewer, 2).await.unwrap()),
        [&three.handle, &two.handle]
    );
    test_db.remove().await;
}

#[tokio::test]
async fn every_reason_is_true() {
    // Seeded members keep their own countries, tags and visibilities; friendships
    // are drawn by a fixed rule so friends of friends overlap.
    let test_db = TestDb::seeded(80, 9).await;
    let db = &test_db.db;
    let ids: Vec<i32> = member::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    let mut pairs = HashSet::new();
    for (i, a) in ids.iter().enumerate() {
        for step in [1, 3, 7] {
            let b = ids[(i * 5 + step) % ids.len()];
            if *a != b && pairs.insert((*a.min(&b), *a.max(&b))) {
                test_db.befriend(*a, b).await;
            }
        }
    }
    let mut checked = 0;
    for &me in ids.iter().take(12) {
        let viewer = Viewer::Member {
            id: me,
            role: Role::Member,
        };
        let mine = traits(&test_db, me).await;
        let my_friends = friend_ids(&test_db, me).await;
        let seen = visible_ids(&test_db, &viewer).await;
        for suggestion in suggestions(db, &viewer, 12).await.unwrap() {
            let them = member::Entity::find()
                .filter(member::Column::Handle.eq(&suggestion.member.handle))
                .one(db)
                .await
                .unwrap()
                .unwrap();
            assert!(seen.contains(&them.id) && !my_friends.contains(&them.id) && them.id != me);
            let theirs = traits(&test_db, them.id).await;
            let their_friends = friend_ids(&test_db, them.id).await;
            let mutual = my_friends
                .iter()
                .filter(|id| their_friends.contains(id) && seen.contains(id))
                .count() as u32;
            let first = suggestion.reasons.first();
            if mutual > 0 {
                assert_eq!(first, Some(&SuggestionReason::MutualFriends(mutual)));
            } else {
                assert!(!matches!(first, Some(SuggestionReason::MutualFriends(_))));
            }
            assert!((1..=4).contains(&suggestion.reasons.len()));
            let kinds: Vec<usize> = suggestion.reasons.iter().map(strength).collect();
            assert!(
                kinds.is_sorted(),
                "strongest first: {:?}",
                suggestion.reasons
            );
            for reason in &suggestion.reasons {
                let shared = |kind: &str, named: &dyn Fn(&str) -> String, name: &str| {
                    mine.iter().any(|(k, v)| {
                        k == kind && named(v) == name && theirs.contains(&(k.clone(), v.clone()))
                    })
                };
                match reason {
                    SuggestionReason::MutualFriends(n) => assert_eq!(*n, mutual),
                    SuggestionReason::Sector(sector) => {
                        assert!(shared("sector", &|v: &str| v.to_owned(), sector.code()));
                    }
                    SuggestionReason::Country(name) => {
                        let my_country = country_of(&test_db, me).await;
                        assert_eq!(my_country, them.country_code);
                        assert_eq!(&country_name(&my_country), name);
                    }
                    SuggestionReason::Language(name) => {
                        assert!(shared("language", &language_name, name));
                    }
                    SuggestionReason::Interest(value) => {
                        assert!(shared("interest", &|v: &str| v.to_owned(), value));
                    }
                    SuggestionReason::AgeBand(band) => {
                        assert!(shared("age_band", &|v: &str| v.to_owned(), band));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} reasons checked");
    test_db.remove().await;
}

#[tokio::test]
async fn friends_pending_and_recently_declined_requests_are_left_out() {
    let (test_db, p) = community(10).await;
    let db = &test_db.db;
    let [
        me,
        friend,
        also_friend,
        i_asked,
        asked_me,
        i_declined,
        declined_me,
        long_ago_i,
        long_ago_they,
    ] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(|i| &p[i]);
    befriend_all(
        &test_db,
        &[(me, friend), (me, also_friend), (also_friend, friend)],
    )
    .await;
    for other in [
        i_asked,
        asked_me,
        i_declined,
        declined_me,
        long_ago_i,
        long_ago_they,
    ] {
        befriend_all(&test_db, &[(friend, other)]).await;
    }
    send_request(db, &me.viewer, &i_asked.handle, "")
        .await
        .unwrap();
    send_request(db, &asked_me.viewer, &me.handle, "")
        .await
        .unwrap();
    for (from, to, days) in [
        (i_declined, me, 89),
        (me, declined_me, 89),
        (long_ago_i, me, 91),
        (me, long_ago_they, 91),
    ] {
        send_request(db, &from.viewer, &to.handle, "")
            .await
            .unwrap();
        let request = incoming(db, &to.viewer).await.unwrap()[0].id;
        decline(db, &to.viewer, request).await.unwrap();
        decided_days_ago(&test_db, from, to, days).await;
    }
    let found = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(
        handles(&found),
        [&long_ago_i.handle, &long_ago_they.handle].map(String::as_str),
        "{found:?}"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_dismissed_suggestion_stays_away() {
    let (test_db, p) = community(6).await;
    let db = &test_db.db;
    let [me, friend, first, second, hidden] = [0, 1, 2, 3, 4].map(|i| &p[i]);
    befriend_all(
        &test_db,
        &[
            (me, friend),
            (friend, first),
            (friend, second),
            (friend, hidden),
        ],
    )
    .await;
    visibility(&test_db, hidden, "friends").await;
    assert_eq!(
        handles(&suggestions(db, &me.viewer, 12).await.unwrap()),
        [&first.handle, &second.handle].map(String::as_str)
    );
    dismiss_suggestion(db, &me.viewer, &first.handle)
        .await
        .unwrap();
    dismiss_suggestion(db, &me.viewer, &format!("  {}  ", first.handle))
        .await
        .unwrap();
    assert_eq!(
        handles(&suggestions(db, &me.viewer, 12).await.unwrap()),
        [second.handle.as_str()]
    );
    assert_eq!(
        dismiss_suggestion(db, &me.viewer, "nobody-here").await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        dismiss_suggestion(db, &me.viewer, &hidden.handle).await,
        Err(AppError::NotFound)
    );
    let own = dismiss_suggestion(db, &me.viewer, &me.handle)
        .await
        .unwrap_err();
    assert!(own.field_message("suggestion").is_some());
    // A dismissal is the viewer's own: the others still see the member.
    let theirs = suggestions(db, &second.viewer, 12).await.unwrap();
    assert!(handles(&theirs).contains(&first.handle.as_str()));
    test_db.remove().await;
}

#[tokio::test]
async fn blocked_and_hidden_members_are_never_suggested_nor_counted() {
    let (test_db, p) = community(10).await;
    let db = &test_db.db;
    let [me, f1, f2, f3, f4, candidate, i_block, blocks_me, hidden] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8].map(|i| &p[i]);
    befriend_all(&test_db, &[(me, f1), (me, f2), (me, f3), (me, f4)]).await;
    for friend in [f1, f2, f3, f4] {
        befriend_all(&test_db, &[(friend, candidate)]).await;
    }
    befriend_all(&test_db, &[(f1, i_block), (f1, blocks_me), (f1, hidden)]).await;
    visibility(&test_db, hidden, "friends").await;
    let found = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(found[0].reasons, [SuggestionReason::MutualFriends(4)]);
    assert_eq!(found.len(), 3, "{found:?}");

    block(db, &me.viewer, &i_block.handle).await.unwrap();
    block(db, &blocks_me.viewer, &me.handle).await.unwrap();
    // A friend in common who blocks (or is blocked by) the viewer no longer counts,
    // and nor does one whose account is no longer confirmed.
    block(db, &f2.viewer, &me.handle).await.unwrap();
    block(db, &me.viewer, &f3.handle).await.unwrap();
    unverify(&test_db, f4).await;
    let found = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(handles(&found), [candidate.handle.as_str()]);
    assert_eq!(found[0].reasons, [SuggestionReason::MutualFriends(1)]);
    // And the other way round: the viewer is not suggested to those who blocked.
    for other in [i_block, blocks_me] {
        assert!(
            !handles(&suggestions(db, &other.viewer, 12).await.unwrap())
                .contains(&me.handle.as_str())
        );
    }
    test_db.remove().await;
}

#[tokio::test]
async fn members_with_few_friends_meet_their_sector_and_country() {
    let (test_db, p) = community(8).await;
    let db = &test_db.db;
    let [me, both, sector, country, nothing, hidden, unconfirmed] =
        [0, 1, 2, 3, 4, 5, 6].map(|i| &p[i]);
    tag(&test_db, me, "sector", "police").await;
    tag(&test_db, me, "interest", "attachment").await;
    for person in [both, sector, hidden, unconfirmed] {
        tag(&test_db, person, "sector", "police").await;
    }
    tag(&test_db, nothing, "sector", "health").await;
    for person in [both, country, hidden, unconfirmed] {
        set_country(&test_db, person.id, "AT").await;
    }
    tag(&test_db, country, "interest", "attachment").await;
    tag(&test_db, sector, "interest", "attachment").await;
    visibility(&test_db, hidden, "friends").await;
    unverify(&test_db, unconfirmed).await;
    let found = suggestions(db, &me.viewer, 12).await.unwrap();
    assert_eq!(
        handles(&found),
        [&both.handle, &sector.handle, &country.handle].map(String::as_str)
    );
    assert_eq!(
        found[2].reasons,
        [
            SuggestionReason::Country("Austria".to_owned()),
            SuggestionReason::Interest("attachment".to_owned())
        ]
    );
    test_db.remove().await;
}

/// Where a reason's kind stands, strongest first.
fn strength(reason: &SuggestionReason) -> usize {
    match reason {
        SuggestionReason::MutualFriends(_) => 0,
        SuggestionReason::Sector(_) => 1,
        SuggestionReason::Country(_) => 2,
        SuggestionReason::Language(_) => 3,
        SuggestionReason::Interest(_) => 4,
        SuggestionReason::AgeBand(_) => 5,
    }
}
