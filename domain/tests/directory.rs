//! The member directory against a real database: who appears to whom, search and
//! pages without gaps. Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::collections::HashSet;

use iey_domain::members::{PAGE_SIZE, browse};
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_dto::{MemberPage, MemberQuery};
use iey_entity::member;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

async fn all_pages(test_db: &TestDb, viewer: &Viewer, q: &str) -> (Vec<String>, u64) {
    let mut handles = Vec::new();
    let mut query = MemberQuery {
        q: q.to_owned(),
        ..MemberQuery::default()
    };
    let total;
    loop {
        let MemberPage {
            members,
            total: page_total,
            next,
            ..
        } = browse(&test_db.db, viewer, &query).await.unwrap();
        assert!(members.len() as u64 <= PAGE_SIZE);
        handles.extend(members.into_iter().map(|m| m.handle));
        match next {
            Some(after) => query.after = after,
            None => {
                total = page_total;
                break;
            }
        }
    }
    (handles, total)
}

#[tokio::test]
async fn pages_cover_every_visible_member_once() {
    let test_db = TestDb::seeded(130, 11).await;
    let (handles, total) = all_pages(&test_db, &Viewer::Visitor, "").await;
    let unique: HashSet<&String> = handles.iter().collect();
    assert_eq!(unique.len(), handles.len(), "a member appeared twice");
    assert_eq!(handles.len() as u64, total, "pages and total disagree");
    assert!(total > PAGE_SIZE, "the test needs more than one page");
    test_db.remove().await;
}

#[tokio::test]
async fn each_visibility_shows_to_the_right_viewers() {
    let test_db = TestDb::seeded(30, 11).await;
    let handles = test_db.handles(3).await;
    let (public, members_only, friends_only) = (&handles[0], &handles[1], &handles[2]);
    test_db.set_visibility(public, "public").await;
    test_db.set_visibility(members_only, "members").await;
    let owner = test_db.set_visibility(friends_only, "friends").await;

    let (seen_by_visitor, _) = all_pages(&test_db, &Viewer::Visitor, "").await;
    assert!(seen_by_visitor.contains(public));
    assert!(
        !seen_by_visitor.contains(members_only),
        "visitor saw a members-only profile"
    );
    assert!(
        !seen_by_visitor.contains(friends_only),
        "visitor saw a friends-only profile"
    );

    let stranger = Viewer::Member {
        id: owner + 1000,
        role: Role::Member,
    };
    let (seen_by_member, _) = all_pages(&test_db, &stranger, "").await;
    assert!(seen_by_member.contains(public));
    assert!(seen_by_member.contains(members_only));
    assert!(
        !seen_by_member.contains(friends_only),
        "a stranger saw a friends-only profile"
    );

    let themselves = Viewer::Member {
        id: owner,
        role: Role::Member,
    };
    let (seen_by_owner, _) = all_pages(&test_db, &themselves, "").await;
    assert!(
        seen_by_owner.contains(friends_only),
        "members always see themselves"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn unverified_members_stay_out_of_the_directory() {
    let test_db = TestDb::seeded(20, 11).await;
    let handle = test_db.handles(1).await.remove(0);
    test_db.set_visibility(&handle, "public").await;
    let row = member::Entity::find()
        .filter(member::Column::Handle.eq(handle.as_str()))
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: member::ActiveModel = row.into();
    row.email_verified_at = Set(None);
    row.update(&test_db.db).await.unwrap();
    let (seen, _) = all_pages(&test_db, &Viewer::Visitor, "").await;
    assert!(!seen.contains(&handle));
    test_db.remove().await;
}

#[tokio::test]
async fn search_matches_names_roles_and_organisations() {
    let test_db = TestDb::seeded(80, 11).await;
    let first = browse(&test_db.db, &Viewer::Visitor, &MemberQuery::default())
        .await
        .unwrap()
        .members
        .remove(0);
    let family_name = first
        .display_name
        .split_whitespace()
        .last()
        .unwrap()
        .to_uppercase();
    let (found, total) = all_pages(&test_db, &Viewer::Visitor, &family_name).await;
    assert!(found.contains(&first.handle), "search is case-insensitive");
    assert!(total >= 1);

    let (nobody, total) = all_pages(&test_db, &Viewer::Visitor, "zzzz-no-such-person").await;
    assert!(nobody.is_empty());
    assert_eq!(total, 0);

    // A wildcard alone must not match everyone.
    let (wild, _) = all_pages(&test_db, &Viewer::Visitor, "%").await;
    let (everyone, _) = all_pages(&test_db, &Viewer::Visitor, "").await;
    assert_eq!(wild.len(), everyone.len(), "'%' is ignored, not a pattern");
    test_db.remove().await;
}

#[tokio::test]
async fn bad_input_gets_a_field_error() {
    let test_db = TestDb::seeded(5, 11).await;
    let long = MemberQuery {
        q: "a".repeat(201),
        ..MemberQuery::default()
    };
    let error = browse(&test_db.db, &Viewer::Visitor, &long)
        .await
        .unwrap_err();
    assert!(error.field_message("q").is_some(), "{error:?}");

    let bad_cursor = MemberQuery {
        after: "not-a-cursor".to_owned(),
        ..MemberQuery::default()
    };
    let error = browse(&test_db.db, &Viewer::Visitor, &bad_cursor)
        .await
        .unwrap_err();
    assert!(matches!(error, AppError::Validation { .. }));
    assert!(error.field_message("after").is_some());
    test_db.remove().await;
}
