//! Directory search against a real database: filters that combine, facet counts
//! that agree with the results they promise, every sort paging through every match
//! exactly once, prefix words, punctuation that cannot break the full-text syntax,
//! and the same handles on SQLite and PostgreSQL for the same seed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use std::collections::HashSet;

use iey_domain::members::{PAGE_SIZE, browse};
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Viewer};
use iey_dto::{DirectorySort, MemberCard, MemberQuery};

/// Every page of `query` as the visitor sees it, and the total.
async fn all_pages(test_db: &TestDb, query: &MemberQuery) -> (Vec<MemberCard>, u64) {
    let mut query = query.clone();
    let mut cards = Vec::new();
    loop {
        let page = browse(&test_db.db, &Viewer::Visitor, &query).await.unwrap();
        assert!(page.members.len() as u64 <= PAGE_SIZE);
        cards.extend(page.members);
        match page.next {
            Some(after) => query.after = after,
            None => return (cards, page.total),
        }
    }
}

fn handles(cards: &[MemberCard]) -> Vec<String> {
    cards.iter().map(|card| card.handle.clone()).collect()
}

fn words(q: &str) -> MemberQuery {
    MemberQuery {
        q: q.to_owned(),
        ..MemberQuery::default()
    }
}

#[tokio::test]
async fn filters_combine_and_facets_promise_what_they_deliver() {
    let test_db = TestDb::seeded(160, 31).await;
    let everyone = browse(&test_db.db, &Viewer::Visitor, &MemberQuery::default())
        .await
        .unwrap();
    let country = everyone.facets.countries[0].clone();
    let query = MemberQuery {
        country: country.value.clone(),
        ..MemberQuery::default()
    };
    let by_country = browse(&test_db.db, &Viewer::Visitor, &query).await.unwrap();
    assert_eq!(
        by_country.total, country.count,
        "the facet count is the total"
    );
    // Each sector's count beside the country filter is what choosing it gives.
    for sector in &by_country.facets.sectors {
        let both = MemberQuery {
            sector: sector.value.clone(),
            ..query.clone()
        };
        let (cards, total) = all_pages(&test_db, &both).await;
        assert_eq!(
            total, sector.count,
            "sector {} in {}",
            sector.value, country.value
        );
        assert_eq!(cards.len() as u64, total);
        for card in &cards {
            assert_eq!(card.country, country.label);
            assert!(card.sectors.iter().any(|s| s.code() == sector.value));
        }
        // The country facet, given the sector, still counts the chosen country.
        let page = browse(&test_db.db, &Viewer::Visitor, &both).await.unwrap();
        let same = page
            .facets
            .countries
            .iter()
            .find(|c| c.value == country.value);
        assert_eq!(same.map(|c| c.count), Some(total));
    }
    // Yes/no filters and tags combine with words too.
    let narrow = MemberQuery {
        q: "a".to_owned(),
        open_to_visits: true,
        age_band: "3-5".to_owned(),
        ..MemberQuery::default()
    };
    let (cards, total) = all_pages(&test_db, &narrow).await;
    assert_eq!(cards.len() as u64, total);
    let wider = MemberQuery {
        open_to_visits: false,
        ..narrow.clone()
    };
    let page = browse(&test_db.db, &Viewer::Visitor, &wider).await.unwrap();
    assert_eq!(page.facets.open_to_visits, total);
    test_db.remove().await;
}

#[tokio::test]
async fn every_sort_pages_through_every_match_once() {
    let test_db = TestDb::seeded(150, 32).await;
    let mut sets = Vec::new();
    for sort in DirectorySort::ALL {
        let query = MemberQuery {
            sort: sort.code().to_owned(),
            ..words("he")
        };
        let (cards, total) = all_pages(&test_db, &query).await;
        let found = handles(&cards);
        let unique: HashSet<&String> = found.iter().collect();
        assert_eq!(
            unique.len(),
            found.len(),
            "{sort:?}: a member appeared twice"
        );
        assert_eq!(
            found.len() as u64,
            total,
            "{sort:?}: pages and total disagree"
        );
        assert!(total > PAGE_SIZE, "the test needs several pages");
        if sort == DirectorySort::Name {
            let names: Vec<String> = cards
                .iter()
                .map(|c| c.display_name.to_lowercase())
                .collect();
            assert!(names.windows(2).all(|pair| pair[0] <= pair[1]), "{names:?}");
        }
        let mut found = found;
        found.sort();
        sets.push(found);
    }
    assert!(
        sets.windows(2).all(|pair| pair[0] == pair[1]),
        "sorts disagree on what matches"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn relevance_puts_name_matches_first() {
    let test_db = TestDb::seeded(80, 33).await;
    let (everyone, _) = all_pages(&test_db, &MemberQuery::default()).await;
    let family = everyone[5]
        .display_name
        .split_whitespace()
        .last()
        .unwrap()
        .to_owned();
    let (cards, _) = all_pages(&test_db, &words(&family)).await;
    let first = &cards[0];
    assert!(
        first.display_name.contains(&family),
        "{family}: {} came first",
        first.display_name
    );
    test_db.remove().await;
}

#[tokio::test]
async fn words_match_as_prefixes_and_punctuation_is_harmless() {
    let test_db = TestDb::seeded(120, 34).await;
    let (health, _) = all_pages(&test_db, &words("health")).await;
    let (heal, _) = all_pages(&test_db, &words("heal")).await;
    assert!(!health.is_empty());
    let heal: HashSet<String> = handles(&heal).into_iter().collect();
    assert!(
        handles(&health).iter().all(|h| heal.contains(h)),
        "heal finds health"
    );
    let (spaced, _) = all_pages(&test_db, &words("  HEALTH!!  ")).await;
    assert_eq!(handles(&spaced).len(), health.len());

    for q in [
        "\"",
        "heal*",
        "(AND",
        "NEAR(",
        "'; DROP TABLE member; --",
        "-health",
        "health:*",
        "a & b | !c",
        "^x",
        "{col}:x",
        "\\",
        "%_",
        "ü",
        "名前",
        "OR",
        "NOT health",
    ] {
        let result = browse(&test_db.db, &Viewer::Visitor, &words(q)).await;
        assert!(result.is_ok(), "{q:?} gave {result:?}");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn malformed_filters_get_field_messages() {
    let test_db = TestDb::seeded(3, 35).await;
    let bad = MemberQuery {
        sector: "astronaut".into(),
        country: "ZZ".into(),
        sort: "random".into(),
        after: "garbage".into(),
        ..MemberQuery::default()
    };
    let error = browse(&test_db.db, &Viewer::Visitor, &bad)
        .await
        .unwrap_err();
    assert!(matches!(error, AppError::Validation { .. }));
    for field in ["sector", "country", "sort", "after"] {
        assert!(error.field_message(field).is_some(), "{field}: {error:?}");
    }
    test_db.remove().await;
}

/// The handles both databases must give for seed 36 (checked on each backend, so
/// SQLite FTS5 and PostgreSQL `tsvector` agree exactly, order included).
#[tokio::test]
async fn both_databases_give_the_same_handles() {
    let test_db = TestDb::seeded(60, 36).await;
    let expected: [&[&str]; 5] = [
        &[
            "arthur-gomes-9",
            "joao-fernandes-42",
            "joao-oliveira-12",
            "mia-wilson-22",
            "chiamaka-eze-5",
            "fatema-ahmed-44",
            "george-patel-15",
            "julia-wojcik-26",
        ],
        &[
            "maria-rodrigues-4",
            "emma-weber-11",
            "fatema-ahmed-44",
            "chiamaka-eze-5",
            "george-patel-15",
            "anna-pappas-23",
        ],
        &[
            "arthur-gomes-9",
            "ibrahim-eze-7",
            "joao-fernandes-42",
            "joao-oliveira-12",
            "kwame-appiah-8",
            "pooja-gurung-38",
            "thiago-quispe-58",
        ],
        &[
            "ayse-sahin-46",
            "charlotte-roy-20",
            "emma-weber-11",
            "george-patel-15",
            "haziq-subramaniam-6",
            "haziq-wong-43",
            "ibrahim-eze-7",
            "james-brown-50",
            "joao-fernandes-42",
            "mohammed-williams-19",
            "salome-martinez-53",
        ],
        &["haziq-wong-43"],
    ];
    for (query, expected) in known_queries().into_iter().zip(expected) {
        let (cards, total) = all_pages(&test_db, &query).await;
        assert_eq!(handles(&cards), expected, "{query:?}");
        assert_eq!(total, expected.len() as u64);
    }
    test_db.remove().await;
}

fn known_queries() -> Vec<MemberQuery> {
    vec![
        words("heal"),
        MemberQuery {
            sort: "newest".into(),
            ..words("nursery")
        },
        MemberQuery {
            sort: "name".into(),
            sector: "health".into(),
            ..words("an")
        },
        MemberQuery {
            language: "en".into(),
            open_to_mentoring: true,
            ..MemberQuery::default()
        },
        words("play lead"),
    ]
}
