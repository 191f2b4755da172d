//! Facet counts and totals kept for a few seconds per viewer class and search, so
//! typing and paging do not recount the whole directory on every request.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use iey_dto::{MemberPage, MemberQuery};

use super::facets::FacetCounts;
use crate::{Db, DomainResult, Viewer};

/// Searches remembered at once; beyond this the oldest half is dropped.
const MAX_ENTRIES: usize = 512;

/// Who a count was made for: every visitor sees the same members, and so does
/// every member, apart from their own row and friends-only friends, which are
/// counted afresh for each member and added on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ViewerClass {
    Visitor,
    Member,
}

/// How many ttls stale counts may still be served while one request recounts.
const STALE_TTLS: u32 = 4;

/// One search's counts, when they were made, and whether a request is already
/// recounting them.
struct Entry {
    at: Instant,
    counts: FacetCounts,
    recounting: bool,
}

/// Directory counts that may be up to a `ttl` old; held in the server state.
/// When counts go stale, one request recounts while the others keep getting the
/// stale counts for a while, so expiry never sends every request to the database
/// at once.
pub struct DirectoryCache {
    ttl: Duration,
    entries: Mutex<HashMap<(ViewerClass, String), Entry>>,
}

impl DirectoryCache {
    /// A cache whose counts may be up to `ttl` old (zero: never reused).
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// One page of the directory for `viewer`, like [`super::browse`], with the
    /// counts taken from the cache when fresh.
    pub async fn browse(
        &self,
        db: &Db,
        viewer: &Viewer,
        query: &MemberQuery,
    ) -> DomainResult<MemberPage> {
        super::directory(db, viewer, query, Some(self)).await
    }

    /// The counts for `key`, when counted less than a ttl ago. Stale counts are
    /// `None` for the first caller (who recounts and puts them back) and still
    /// served to the others until that caller is done.
    pub(crate) fn get(&self, class: ViewerClass, key: &str) -> Option<FacetCounts> {
        let mut entries = self.entries.lock().ok()?;
        let entry = entries.get_mut(&(class, key.to_owned()))?;
        let age = entry.at.elapsed();
        if age < self.ttl {
            return Some(entry.counts.clone());
        }
        if age < self.ttl * STALE_TTLS && entry.recounting {
            return Some(entry.counts.clone());
        }
        entry.recounting = true;
        None
    }

    /// Remembers the counts for `key`.
    pub(crate) fn put(&self, class: ViewerClass, key: String, counts: FacetCounts) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            let kept = self.ttl * STALE_TTLS;
            entries.retain(|_, entry| entry.at.elapsed() < kept);
            if entries.len() >= MAX_ENTRIES {
                let mut ages: Vec<Instant> = entries.values().map(|entry| entry.at).collect();
                ages.sort_unstable();
                if let Some(cutoff) = ages.get(ages.len() / 2).copied() {
                    entries.retain(|_, entry| entry.at > cutoff);
                }
            }
        }
        let entry = Entry {
            at: Instant::now(),
            counts,
            recounting: false,
        };
        entries.insert((class, key), entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_counts_go_to_one_recounter_and_are_served_to_the_rest() {
        let cache = DirectoryCache::new(Duration::from_millis(20));
        let key = || "q=health".to_owned();
        assert_eq!(cache.get(ViewerClass::Visitor, &key()), None, "nothing yet");
        cache.put(ViewerClass::Visitor, key(), FacetCounts::default());
        assert!(cache.get(ViewerClass::Visitor, &key()).is_some(), "fresh");
        assert_eq!(
            cache.get(ViewerClass::Member, &key()),
            None,
            "per viewer class"
        );

        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(
            cache.get(ViewerClass::Visitor, &key()),
            None,
            "the first recounts"
        );
        assert!(
            cache.get(ViewerClass::Visitor, &key()).is_some(),
            "the rest get stale counts"
        );
        cache.put(ViewerClass::Visitor, key(), FacetCounts::default());
        assert!(cache.get(ViewerClass::Visitor, &key()).is_some());

        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(
            cache.get(ViewerClass::Visitor, &key()),
            None,
            "too stale for anyone"
        );
    }
}
