//! What saving a profile changes, against a real database: tags replaced, search
//! kept up to date, bios that stay plain text, visibility honoured, and interest
//! suggestions. Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "profile_edit/support.rs"]
mod support;

use iey_domain::members::{
    browse, editable_profile, interest_suggestions, profile, update_profile,
};
use iey_domain::{AppError, Role, Viewer};
use iey_dto::{BioPiece, MemberQuery, ProfileForm};
use iey_entity::friendship;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use support::{good_form, member};

#[tokio::test]
async fn tags_are_replaced_not_added_to() {
    let (test_db, viewer, form) = member(6).await;
    let first = good_form(form);
    update_profile(&test_db.db, &viewer, first.clone())
        .await
        .unwrap();
    let second = ProfileForm {
        sectors: vec!["police".into()],
        languages: vec!["de".into()],
        other_languages: String::new(),
        age_bands: vec![],
        interests: "safeguarding".into(),
        ..first
    };
    update_profile(&test_db.db, &viewer, second).await.unwrap();
    let saved = editable_profile(&test_db.db, &viewer).await.unwrap();
    assert_eq!(saved.sectors, ["police"]);
    assert_eq!(saved.languages, ["de"]);
    assert_eq!(saved.other_languages, "");
    assert!(saved.age_bands.is_empty());
    assert_eq!(saved.interests, "safeguarding");
    test_db.remove().await;
}

#[tokio::test]
async fn search_finds_the_new_words() {
    let (test_db, viewer, form) = member(7).await;
    let search = |q: &str| MemberQuery {
        q: q.to_owned(),
        ..MemberQuery::default()
    };
    let edited = ProfileForm {
        headline: "Zyxwv specialist".into(),
        interests: "quokka studies".into(),
        ..good_form(form)
    };
    update_profile(&test_db.db, &viewer, edited).await.unwrap();
    for q in ["zyxwv", "quokka"] {
        let page = browse(&test_db.db, &Viewer::Visitor, &search(q))
            .await
            .unwrap();
        let handles: Vec<&str> = page.members.iter().map(|m| m.handle.as_str()).collect();
        assert_eq!(handles, ["ana-lopez"], "searching {q}");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn bios_stay_plain_text_with_only_web_links() {
    let (test_db, viewer, form) = member(8).await;
    let bio = "<script>alert(1)</script>\r\njavascript:alert(2) \
               <a href=\"https://evil.example\" onclick=\"steal()\">x</a> \
               see https://example.org/about";
    let edited = ProfileForm {
        bio: bio.into(),
        ..good_form(form)
    };
    update_profile(&test_db.db, &viewer, edited).await.unwrap();
    let shown = profile(&test_db.db, &Viewer::Visitor, "ana-lopez")
        .await
        .unwrap();
    let links: Vec<&str> = shown
        .bio
        .iter()
        .filter_map(|piece| match piece {
            BioPiece::Link { href, .. } => Some(href.as_str()),
            BioPiece::Text(_) => None,
        })
        .collect();
    // The address inside the tag is a link by itself; the tag around it stays text.
    assert!(
        links.iter().all(|href| href.starts_with("https://")),
        "{links:?}"
    );
    assert!(links.contains(&"https://example.org/about"), "{links:?}");
    let text: String = shown
        .bio
        .iter()
        .map(|piece| match piece {
            BioPiece::Text(text) => text.as_str(),
            BioPiece::Link { text, .. } => text.as_str(),
        })
        .collect();
    assert_eq!(
        text,
        bio.replace("\r\n", "\n"),
        "every character is kept, as text"
    );
    assert!(text.contains("<script>") && text.contains("onclick"));
    test_db.remove().await;
}

#[tokio::test]
async fn the_chosen_visibility_hides_the_edited_profile() {
    let (test_db, viewer, form) = member(9).await;
    let Viewer::Member { id: owner, .. } = viewer else {
        unreachable!()
    };
    let stranger = Viewer::Member {
        id: i32::MAX,
        role: Role::Member,
    };
    let friend_handle = test_db.handles(2).await.remove(1);
    let friend_id = test_db.set_visibility(&friend_handle, "public").await;
    for (member_id, friend_id) in [(owner, friend_id), (friend_id, owner)] {
        friendship::ActiveModel {
            member_id: Set(member_id),
            friend_id: Set(friend_id),
            created_at: Set(chrono::Utc::now()),
        }
        .insert(&test_db.db)
        .await
        .unwrap();
    }
    let friend = Viewer::Member {
        id: friend_id,
        role: Role::Member,
    };
    // (visibility, a visitor sees it, a stranger sees it); friends and the owner always do.
    for (visibility, visitor_sees, stranger_sees) in [
        ("members", false, true),
        ("friends", false, false),
        ("public", true, true),
    ] {
        let edited = ProfileForm {
            visibility: visibility.into(),
            ..good_form(form.clone())
        };
        update_profile(&test_db.db, &viewer, edited).await.unwrap();
        let seen = |who| profile(&test_db.db, who, "ana-lopez");
        assert_eq!(
            seen(&Viewer::Visitor).await.is_ok(),
            visitor_sees,
            "{visibility}"
        );
        assert_eq!(seen(&stranger).await.is_ok(), stranger_sees, "{visibility}");
        assert!(seen(&friend).await.is_ok(), "{visibility}: friends see it");
        assert!(seen(&viewer).await.is_ok(), "members always see themselves");
        if !visitor_sees {
            assert_eq!(seen(&Viewer::Visitor).await, Err(AppError::NotFound));
        }
    }
    // The old handle is gone.
    assert_eq!(
        profile(&test_db.db, &viewer, &form.handle).await,
        Err(AppError::NotFound)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn suggestions_count_only_members_the_viewer_may_see() {
    let (test_db, viewer, form) = member(10).await;
    let edited = ProfileForm {
        interests: "zebra crossings".into(),
        visibility: "members".into(),
        ..good_form(form)
    };
    update_profile(&test_db.db, &viewer, edited).await.unwrap();
    let visitor = interest_suggestions(&test_db.db, &Viewer::Visitor, "zeb")
        .await
        .unwrap();
    assert!(visitor.is_empty(), "{visitor:?}");
    let member = interest_suggestions(&test_db.db, &viewer, "Zebra")
        .await
        .unwrap();
    assert_eq!(member, ["zebra crossings"]);
    let all = interest_suggestions(&test_db.db, &viewer, "")
        .await
        .unwrap();
    assert!(all.len() > 1 && all.len() <= 30, "{all:?}");
    test_db.remove().await;
}
