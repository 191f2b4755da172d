//! Filters are matched through filter words in each member's search entry: they
//! follow profile edits at once, cannot be found by typing them as search words,
//! and never show a hidden profile in results, totals or facet counts.
//! Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use iey_domain::members::{browse, editable_profile, update_profile};
use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer};
use iey_dto::{MemberPage, MemberQuery, ProfileForm};

/// Every filter at once, with a word only the test member has.
fn filtered(country: &str, sector: &str, interest: &str, visits: bool) -> MemberQuery {
    MemberQuery {
        q: "quixotefil".into(),
        country: country.into(),
        sector: sector.into(),
        language: "is".into(),
        age_band: "3-5".into(),
        interest: interest.into(),
        open_to_visits: visits,
        ..MemberQuery::default()
    }
}

/// The handles found, the total, and the sum of every facet count.
fn summary(page: &MemberPage) -> (Vec<String>, u64, u64) {
    let facets = &page.facets;
    let counted: u64 = [
        &facets.sectors,
        &facets.countries,
        &facets.languages,
        &facets.age_bands,
        &facets.interests,
    ]
    .into_iter()
    .flatten()
    .map(|value| value.count)
    .sum::<u64>()
        + facets.open_to_visits
        + facets.open_to_mentoring;
    let handles = page.members.iter().map(|m| m.handle.clone()).collect();
    (handles, page.total, counted)
}

async fn save(test_db: &TestDb, viewer: &Viewer, edit: impl FnOnce(&mut ProfileForm)) {
    let mut form = editable_profile(&test_db.db, viewer).await.unwrap();
    edit(&mut form);
    update_profile(&test_db.db, viewer, form).await.unwrap();
}

#[tokio::test]
async fn filters_follow_edits_and_hidden_profiles_stay_hidden() {
    let test_db = TestDb::seeded(20, 41).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    let me = Viewer::Member {
        id,
        role: Role::Member,
    };
    save(&test_db, &me, |form| {
        form.display_name = "Quixotefil Epsilon".into();
        form.country = "IS".into();
        form.time_zone = "Atlantic/Reykjavik".into();
        form.languages = vec!["is".into()];
        form.sectors = vec!["health".into()];
        form.age_bands = vec!["3-5".into()];
        form.interests = "forest school".into();
        form.open_to_visits = true;
        form.visibility = "public".into();
    })
    .await;
    let before = filtered("IS", "health", "forest-school", true);
    let page = browse(&test_db.db, &Viewer::Visitor, &before)
        .await
        .unwrap();
    let (found, total, _) = summary(&page);
    assert_eq!((found.len(), total), (1, 1));
    assert_eq!(page.facets.open_to_visits, 1);

    save(&test_db, &me, |form| {
        form.country = "LU".into();
        form.time_zone = "Europe/Luxembourg".into();
        form.sectors = vec!["police".into()];
        form.interests = "outdoor play".into();
        form.open_to_visits = false;
    })
    .await;
    let old = browse(&test_db.db, &Viewer::Visitor, &before)
        .await
        .unwrap();
    assert_eq!(summary(&old).1, 0, "old filters no longer match");
    let after = filtered("LU", "police", "outdoor-play", false);
    let page = browse(&test_db.db, &Viewer::Visitor, &after).await.unwrap();
    assert_eq!(summary(&page).1, 1, "new filters match");
    let lu = page.facets.countries.iter().find(|c| c.value == "LU");
    assert_eq!(lu.map(|c| c.count), Some(1));
    assert!(page.facets.countries.iter().all(|c| c.value != "IS"));

    save(&test_db, &me, |form| form.visibility = "friends".into()).await;
    let hidden = browse(&test_db.db, &Viewer::Visitor, &after).await.unwrap();
    assert_eq!(summary(&hidden), (Vec::new(), 0, 0), "hidden from visitors");
    let own = browse(&test_db.db, &me, &after).await.unwrap();
    assert_eq!(summary(&own).1, 1, "seen by themselves");
    test_db.remove().await;
}

#[tokio::test]
async fn filter_words_cannot_be_searched_for() {
    let test_db = TestDb::seeded(40, 42).await;
    let everyone = browse(&test_db.db, &Viewer::Visitor, &MemberQuery::default())
        .await
        .unwrap();
    let country = &everyone.facets.countries[0];
    // The filter word of the country: "country" and its code, byte by byte as
    // two letters from a to p, joined by z.
    let spell = |text: &str| -> String {
        text.bytes()
            .flat_map(|byte| [b'a' + (byte >> 4), b'a' + (byte & 0x0f)])
            .map(char::from)
            .collect()
    };
    let word = format!("{}z{}", spell("country"), spell(&country.value));
    for q in [word.as_str(), &word[..5]] {
        let query = MemberQuery {
            q: q.to_owned(),
            ..MemberQuery::default()
        };
        let page = browse(&test_db.db, &Viewer::Visitor, &query).await.unwrap();
        assert_eq!(page.total, 0, "{q} found filter words");
    }
    let query = MemberQuery {
        country: country.value.clone(),
        ..MemberQuery::default()
    };
    let page = browse(&test_db.db, &Viewer::Visitor, &query).await.unwrap();
    assert_eq!(page.total, country.count);
    test_db.remove().await;
}
