//! The directory half of the blocking matrix: browsing, searching and every facet
//! count, counted afresh and through the shared count cache, in both directions.

use std::time::Duration;

use iey_domain::blocks::block;
use iey_domain::members::DirectoryCache;
use iey_dto::{FacetValue, MemberPage, MemberQuery};

use super::support::{Member, both_ways, handles_found, page, search, tags, three};

/// The count beside `value` in a facet list (zero when not listed).
fn count(values: &[FacetValue], value: &str) -> u64 {
    values
        .iter()
        .find(|facet| facet.value == value)
        .map_or(0, |facet| facet.count)
}

/// What `viewer`'s counts say about `other`: the total, `other`'s country, and
/// each of `other`'s sectors and languages.
async fn counts_of(
    test_db: &iey_domain::testing::TestDb,
    page: &MemberPage,
    other: &Member,
) -> Vec<u64> {
    let mut counts = vec![page.total, count(&page.facets.countries, other.country)];
    for sector in tags(test_db, other.id, "sector").await {
        counts.push(count(&page.facets.sectors, &sector));
    }
    for language in tags(test_db, other.id, "language").await {
        counts.push(count(&page.facets.languages, &language));
    }
    counts
}

#[tokio::test]
async fn the_directory_and_its_search_hide_a_blocked_pair_both_ways() {
    for run in 0..2 {
        let (test_db, [ana, ben, carl]) = three().await;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        let everyone = MemberQuery::default();
        for (viewer, other) in [(&ana, &ben), (&ben, &ana)] {
            let all = handles_found(&test_db, &viewer.viewer, &everyone).await;
            assert!(all.contains(&other.handle));
            let found = handles_found(&test_db, &viewer.viewer, &search(other.word)).await;
            assert_eq!(found, [other.handle.as_str()]);
        }

        block(&test_db.db, &blocker.viewer, &blocked.handle)
            .await
            .unwrap();
        for (viewer, other) in [(&ana, &ben), (&ben, &ana)] {
            let who = format!("{} looking for {} (run {run})", viewer.word, other.word);
            let all = handles_found(&test_db, &viewer.viewer, &everyone).await;
            assert!(!all.contains(&other.handle), "{who}: browsing");
            assert!(all.contains(&viewer.handle), "{who}: still sees themselves");
            let found = handles_found(&test_db, &viewer.viewer, &search(other.word)).await;
            assert!(found.is_empty(), "{who}: by name");
            let shared = handles_found(&test_db, &viewer.viewer, &search("quixote")).await;
            let mut expected = vec![viewer.handle.clone(), carl.handle.clone()];
            expected.sort();
            let mut shared = shared;
            shared.sort();
            assert_eq!(shared, expected, "{who}: by a shared word");
            let third = handles_found(&test_db, &carl.viewer, &search(other.word)).await;
            assert_eq!(third, [other.handle.as_str()], "a third member sees both");
        }
        test_db.remove().await;
    }
}

#[tokio::test]
async fn facet_counts_lose_the_blocked_member_both_ways_with_and_without_the_cache() {
    for run in 0..2 {
        let (test_db, [ana, ben, carl]) = three().await;
        let (blocker, blocked) = both_ways(&ana, &ben)[run];
        assert!(!tags(&test_db, ben.id, "sector").await.is_empty());
        let sector = tags(&test_db, ben.id, "sector").await.remove(0);
        let queries = [
            MemberQuery::default(),
            search("quixote"),
            MemberQuery {
                sector: sector.clone(),
                ..MemberQuery::default()
            },
            MemberQuery {
                country: ana.country.to_owned(),
                ..MemberQuery::default()
            },
        ];
        // Counts cached for every member before the block; the block must not
        // need them recounted.
        let cache = DirectoryCache::new(Duration::from_secs(600));
        for query in &queries {
            page(&test_db, Some(&cache), &carl.viewer, query).await;
        }
        let everyone = MemberQuery::default();
        let mut before = Vec::new();
        for (viewer, other) in [(&ana, &ben), (&ben, &ana)] {
            let seen = page(&test_db, None, &viewer.viewer, &everyone).await;
            before.push(counts_of(&test_db, &seen, other).await);
        }
        let carl_before = page(&test_db, None, &carl.viewer, &everyone).await;

        block(&test_db.db, &blocker.viewer, &blocked.handle)
            .await
            .unwrap();
        for ((viewer, other), before) in [(&ana, &ben), (&ben, &ana)].into_iter().zip(before) {
            let seen = page(&test_db, None, &viewer.viewer, &everyone).await;
            let after = counts_of(&test_db, &seen, other).await;
            let dropped: Vec<u64> = before.iter().map(|n| n - 1).collect();
            assert_eq!(
                after, dropped,
                "{} counting without {} (run {run}): total, country, sectors, languages",
                viewer.word, other.word
            );
        }
        let carl_after = page(&test_db, None, &carl.viewer, &everyone).await;
        assert_eq!(carl_after.total, carl_before.total);
        assert_eq!(
            carl_after.facets, carl_before.facets,
            "a third member's counts"
        );

        for viewer in [&ana, &ben, &carl] {
            for query in &queries {
                let counted = page(&test_db, None, &viewer.viewer, query).await;
                let cached = page(&test_db, Some(&cache), &viewer.viewer, query).await;
                let who = format!("{} searching {query:?} (run {run})", viewer.word);
                assert_eq!(cached.total, counted.total, "{who}: total");
                assert_eq!(cached.facets, counted.facets, "{who}: facets");
                assert_eq!(cached.members, counted.members, "{who}: members");
            }
        }
        test_db.remove().await;
    }
}
