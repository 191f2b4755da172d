//! Editing one's own profile against a real database: every rule with its message,
//! all problems at once, unique handles, tags replaced, search kept up to date,
//! bios that stay plain text, and visibility honoured. Runs on SQLite, and on
//! PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use iey_domain::members::{
    browse, editable_profile, interest_suggestions, profile, profile_editor, update_profile,
};
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_dto::{BioPiece, MemberQuery, ProfileForm};
use iey_entity::friendship;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

/// A seeded database and its first member, logged in, with their form.
async fn member(seed: u64) -> (TestDb, Viewer, ProfileForm) {
    let test_db = TestDb::seeded(6, seed).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    let viewer = Viewer::Member {
        id,
        role: Role::Member,
    };
    let form = editable_profile(&test_db.db, &viewer).await.unwrap();
    (test_db, viewer, form)
}

/// A complete, valid form.
fn good_form(mut form: ProfileForm) -> ProfileForm {
    form.display_name = "Ana López".into();
    form.handle = "ana-lopez".into();
    form.headline = "Health visitor".into();
    form.organisation = "Centro Sur".into();
    form.country = "ES".into();
    form.city = "Madrid".into();
    form.time_zone = "Europe/Madrid".into();
    form.languages = vec!["es".into(), "en".into()];
    form.other_languages = "ca".into();
    form.sectors = vec!["health".into()];
    form.age_bands = vec!["0-1".into(), "1-2".into()];
    form.interests = "Outdoor  Play, forest school".into();
    form.bio = "Hello.".into();
    form.visibility = "public".into();
    form
}

fn fields(error: &AppError) -> Vec<&str> {
    match error {
        AppError::Validation { fields } => fields.iter().map(|f| f.field.as_str()).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn visitors_must_log_in() {
    let (test_db, _, form) = member(1).await;
    let db = &test_db.db;
    assert_eq!(
        editable_profile(db, &Viewer::Visitor).await,
        Err(AppError::Unauthenticated)
    );
    assert_eq!(
        profile_editor(db, &Viewer::Visitor).await.err(),
        Some(AppError::Unauthenticated)
    );
    assert_eq!(
        update_profile(db, &Viewer::Visitor, form).await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn the_stored_profile_saves_unchanged_and_a_good_form_is_kept() {
    let (test_db, viewer, form) = member(2).await;
    let db = &test_db.db;
    assert!(!form.sectors.is_empty() && !form.interests.is_empty());
    let handle = update_profile(db, &viewer, form.clone()).await.unwrap();
    assert_eq!(handle, form.handle);
    assert_eq!(editable_profile(db, &viewer).await.unwrap(), form);

    let handle = update_profile(db, &viewer, good_form(form)).await.unwrap();
    assert_eq!(handle, "ana-lopez");
    let saved = editable_profile(db, &viewer).await.unwrap();
    assert_eq!(saved.display_name, "Ana López");
    assert_eq!(saved.country, "ES");
    assert_eq!(saved.time_zone, "Europe/Madrid");
    assert_eq!(saved.interests, "forest school, outdoor play", "normalised");
    assert_eq!(
        saved.other_languages, "ca",
        "uncommon codes come back typed"
    );
    let shown = profile(db, &Viewer::Visitor, "ana-lopez").await.unwrap();
    assert_eq!(shown.card.interests, ["forest-school", "outdoor-play"]);
    assert_eq!(shown.languages, ["Catalan", "English", "Spanish"]);
    assert_eq!(shown.age_bands, ["0-1", "1-2"]);
    assert_eq!(shown.local_time.len(), 5);
    test_db.remove().await;
}

#[tokio::test]
async fn each_rule_has_its_own_message() {
    let (test_db, viewer, form) = member(3).await;
    let good = good_form(form);
    type Edit = fn(&mut ProfileForm);
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            |f| f.display_name = "   ".into(),
            "display_name",
            "enter your name",
        ),
        (
            |f| f.display_name = "x".repeat(81),
            "display_name",
            "at most 80",
        ),
        (|f| f.handle = "ab".into(), "handle", "3 to 30"),
        (|f| f.handle = "a".repeat(31), "handle", "3 to 30"),
        (
            |f| f.handle = "ana_lópez".into(),
            "handle",
            "a–z, digits and hyphens",
        ),
        (
            |f| f.handle = "-ana".into(),
            "handle",
            "start or end with a hyphen",
        ),
        (
            |f| f.handle = "settings".into(),
            "handle",
            "That handle is taken",
        ),
        (|f| f.headline = "x".repeat(121), "headline", "at most 120"),
        (
            |f| f.organisation = "x".repeat(121),
            "organisation",
            "at most 120",
        ),
        (|f| f.country = "".into(), "country", "choose your country"),
        (|f| f.country = "XX".into(), "country", "from the list"),
        (|f| f.city = "x".repeat(81), "city", "at most 80"),
        (
            |f| f.time_zone = "Mars/Olympus".into(),
            "time_zone",
            "from the list",
        ),
        (
            |f| f.languages = vec!["xx".into()],
            "languages",
            "from the list",
        ),
        (
            |f| f.other_languages = "cy, zz".into(),
            "other_languages",
            "zz",
        ),
        (
            |f| f.other_languages = "fr de it nl pt sv da fi pl".into(),
            "languages",
            "at most 10",
        ),
        (|f| f.sectors = vec![], "sectors", "at least one sector"),
        (
            |f| f.sectors = vec!["astronaut".into()],
            "sectors",
            "from the list",
        ),
        (
            |f| f.age_bands = vec!["8-12".into()],
            "age_bands",
            "from the list",
        ),
        (
            |f| f.interests = "a, play".into(),
            "interests",
            "Please fix: a.",
        ),
        (|f| f.interests = "x".repeat(41), "interests", "2 to 40"),
        (
            |f| f.interests = "<b>bold</b>".into(),
            "interests",
            "<b>bold</b>",
        ),
        (
            |f| {
                f.interests = (0..16)
                    .map(|n| format!("topic {n}"))
                    .collect::<Vec<_>>()
                    .join(",")
            },
            "interests",
            "at most 15",
        ),
        (|f| f.bio = "é".repeat(2001), "bio", "at most 2000"),
        (
            |f| f.visibility = "secret".into(),
            "visibility",
            "who may see",
        ),
    ];
    for (edit, field, message) in cases {
        let mut form = good.clone();
        edit(&mut form);
        let error = update_profile(&test_db.db, &viewer, form)
            .await
            .unwrap_err();
        assert_eq!(fields(&error), [field], "{error:?}");
        let said = error.field_message(field).unwrap();
        assert!(
            said.contains(message),
            "{field}: {said:?} should say {message:?}"
        );
    }
    // Nothing was saved by any of the failed attempts.
    assert_ne!(
        editable_profile(&test_db.db, &viewer).await.unwrap().handle,
        "ana-lopez"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn every_problem_is_reported_at_once() {
    let (test_db, viewer, form) = member(4).await;
    let form = ProfileForm {
        display_name: String::new(),
        handle: "A!".into(),
        country: "ZZ".into(),
        time_zone: "Nowhere".into(),
        sectors: vec![],
        visibility: String::new(),
        ..form
    };
    let error = update_profile(&test_db.db, &viewer, form)
        .await
        .unwrap_err();
    let mut named = fields(&error);
    named.sort_unstable();
    assert_eq!(
        named,
        [
            "country",
            "display_name",
            "handle",
            "sectors",
            "time_zone",
            "visibility"
        ]
    );
    test_db.remove().await;
}

#[tokio::test]
async fn handles_are_unique_in_any_letter_case() {
    let (test_db, viewer, form) = member(5).await;
    let other = test_db.handles(2).await.remove(1);
    let taken = ProfileForm {
        handle: other.to_uppercase(),
        ..form.clone()
    };
    let error = update_profile(&test_db.db, &viewer, taken)
        .await
        .unwrap_err();
    assert_eq!(
        error.field_message("handle"),
        Some("That handle is taken. Please choose another.")
    );
    // Typed in capitals, one's own handle is kept, in lower case.
    let own = ProfileForm {
        handle: form.handle.to_uppercase(),
        ..form.clone()
    };
    assert_eq!(
        update_profile(&test_db.db, &viewer, own).await.unwrap(),
        form.handle
    );
    test_db.remove().await;
}

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
