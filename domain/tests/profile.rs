//! Profiles are shown only to the viewers their visibility allows; a hidden profile
//! looks exactly like a missing one.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use iey_domain::members::profile;
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_entity::member;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn each_visibility_shows_the_profile_to_the_right_viewers() {
    let test_db = TestDb::seeded(10, 4).await;
    let handles = test_db.handles(3).await;
    let mut owners = Vec::new();
    for (handle, visibility) in handles.iter().zip(["public", "members", "friends"]) {
        owners.push(test_db.set_visibility(handle, visibility).await);
    }
    let stranger = Viewer::Member {
        id: i32::MAX,
        role: Role::Member,
    };
    let expectations = [
        // (viewer, sees public, sees members-only, sees friends-only)
        (Viewer::Visitor, true, false, false),
        (stranger, true, true, false),
    ];
    for (viewer, public, members_only, friends_only) in expectations {
        for (handle, expected) in handles.iter().zip([public, members_only, friends_only]) {
            let seen = profile(&test_db.db, &viewer, handle).await;
            assert_eq!(
                seen.is_ok(),
                expected,
                "{viewer:?} viewing {handle}: {seen:?}"
            );
            if !expected {
                assert_eq!(seen, Err(AppError::NotFound), "hidden looks like missing");
            }
        }
    }
    // A friend of the friends-only member sees all three.
    let friend_handle = test_db.handles(4).await.remove(3);
    let friend = test_db.set_visibility(&friend_handle, "public").await;
    test_db.befriend(owners[2], friend).await;
    let as_friend = Viewer::Member {
        id: friend,
        role: Role::Member,
    };
    for handle in &handles {
        let seen = profile(&test_db.db, &as_friend, handle).await;
        assert!(seen.is_ok(), "a friend viewing {handle}: {seen:?}");
    }
    for (handle, owner) in handles.iter().zip(owners) {
        let themselves = Viewer::Member {
            id: owner,
            role: Role::Member,
        };
        assert!(
            profile(&test_db.db, &themselves, handle).await.is_ok(),
            "members see themselves"
        );
    }
    test_db.remove().await;
}

#[tokio::test]
async fn a_profile_shows_its_tags_by_kind() {
    let test_db = TestDb::seeded(5, 9).await;
    let handle = test_db.handles(1).await.remove(0);
    test_db.set_visibility(&handle, "public").await;
    let shown = profile(&test_db.db, &Viewer::Visitor, &handle)
        .await
        .unwrap();
    assert_eq!(shown.card.handle, handle);
    assert!(!shown.card.sectors.is_empty());
    assert!(!shown.languages.is_empty());
    assert!(
        shown.languages.iter().all(|name| name.len() > 2),
        "names, not codes: {:?}",
        shown.languages
    );
    assert!(!shown.age_bands.is_empty());
    assert!(shown.card.interests.len() >= 2);
    assert!(!shown.joined.is_empty());
    test_db.remove().await;
}

#[tokio::test]
async fn missing_and_unverified_profiles_are_not_found() {
    let test_db = TestDb::seeded(3, 2).await;
    assert_eq!(
        profile(&test_db.db, &Viewer::Visitor, "no-such-member").await,
        Err(AppError::NotFound)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn an_unverified_member_sees_their_own_profile_and_nobody_else_does() {
    let test_db = TestDb::seeded(3, 2).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    member::Entity::update_many()
        .col_expr(
            member::Column::EmailVerifiedAt,
            Option::<chrono::DateTime<chrono::Utc>>::None.into(),
        )
        .filter(member::Column::Id.eq(id))
        .exec(&test_db.db)
        .await
        .unwrap();
    let me = Viewer::Member {
        id,
        role: Role::Member,
    };
    let other = Viewer::Member {
        id: id + 1,
        role: Role::Member,
    };
    assert!(profile(&test_db.db, &me, &handle).await.is_ok());
    assert_eq!(
        profile(&test_db.db, &other, &handle).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        profile(&test_db.db, &Viewer::Visitor, &handle).await,
        Err(AppError::NotFound)
    );
    test_db.remove().await;
}
