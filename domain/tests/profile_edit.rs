//! Editing one's own profile against a real database: every rule with its message,
//! all problems at once and unique handles (what a save changes is in
//! `profile_saving.rs`). Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "profile_edit/support.rs"]
mod support;

use iey_domain::members::{editable_profile, profile, profile_editor, update_profile};
use iey_domain::{AppError, Viewer};
use iey_dto::ProfileForm;
use support::{fields, good_form, member};

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
