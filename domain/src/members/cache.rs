//! Facet counts and totals kept for a few seconds per viewer class and search, so
//! typing and paging do not recount the whole directory on every request.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use iey_dto::{MemberPage, MemberQuery};
use tokio::sync::watch;

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
/// How long a request waits for another that is counting the same search before
/// it counts by itself (the other may have failed).
const WAIT_FOR_COUNT: Duration = Duration::from_secs(2);

/// One search's place in the cache.
enum Slot {
    /// Being counted for the first time. Waiters hold receivers of `done`; the
    /// sender is dropped when the counts are put, which wakes them all (also
    /// those that subscribed a moment before).
    Counting {
        since: Instant,
        done: watch::Sender<()>,
    },
    /// Counted at `at`; `recounting` while one request refreshes stale counts.
    Ready {
        at: Instant,
        counts: FacetCounts,
        recounting: bool,
    },
}

/// What the cache tells a request.
enum Answer {
    Counts(FacetCounts),
    CountThem,
    Wait(watch::Receiver<()>),
}

/// Directory counts that may be up to a `ttl` old; held in the server state.
/// Only one request counts a search at a time: the first to miss counts while
/// the others wait for it (when nothing is cached yet) or keep getting the stale
/// counts (when they have expired), so neither a cold start nor an expiry sends
/// every request to the database at once.
pub struct DirectoryCache {
    ttl: Duration,
    slots: Mutex<HashMap<(ViewerClass, String), Slot>>,
}

impl DirectoryCache {
    /// A cache whose counts may be up to `ttl` old (zero: never reused).
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            slots: Mutex::new(HashMap::new()),
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

    /// The counts for `key`, or `None` when the caller is to count them and
    /// [`DirectoryCache::put`] them back. May wait for another request counting
    /// the same search.
    pub(crate) async fn get(&self, class: ViewerClass, key: &str) -> Option<FacetCounts> {
        if self.ttl.is_zero() {
            return None;
        }
        for _ in 0..2 {
            let mut done = match self.answer(class, key) {
                Answer::Counts(counts) => return Some(counts),
                Answer::CountThem => return None,
                Answer::Wait(done) => done,
            };
            // Woken by put, or given up on: then look again (and count if still none).
            let _ = tokio::time::timeout(WAIT_FOR_COUNT, done.changed()).await;
        }
        None
    }

    fn answer(&self, class: ViewerClass, key: &str) -> Answer {
        let Ok(mut slots) = self.slots.lock() else {
            return Answer::CountThem;
        };
        let slot = match slots.entry((class, key.to_owned())) {
            // The first to ask counts; the others wait for it.
            Entry::Vacant(vacant) => {
                vacant.insert(Slot::Counting {
                    since: Instant::now(),
                    done: watch::Sender::new(()),
                });
                return Answer::CountThem;
            }
            Entry::Occupied(occupied) => occupied.into_mut(),
        };
        match slot {
            Slot::Counting { since, done } if since.elapsed() < WAIT_FOR_COUNT => {
                Answer::Wait(done.subscribe())
            }
            Slot::Counting { since, .. } => {
                // The counter seems to have failed: this request takes over.
                *since = Instant::now();
                Answer::CountThem
            }
            Slot::Ready {
                at,
                counts,
                recounting,
            } => {
                let age = at.elapsed();
                if age < self.ttl || (age < self.ttl * STALE_TTLS && *recounting) {
                    Answer::Counts(counts.clone())
                } else {
                    *recounting = true;
                    Answer::CountThem
                }
            }
        }
    }

    /// Remembers the counts for `key` and wakes requests waiting for them.
    pub(crate) fn put(&self, class: ViewerClass, key: String, counts: FacetCounts) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(mut slots) = self.slots.lock() else {
            return;
        };
        if slots.len() >= MAX_ENTRIES {
            self.prune(&mut slots);
        }
        let ready = Slot::Ready {
            at: Instant::now(),
            counts,
            recounting: false,
        };
        // Replacing a `Counting` slot drops its sender, which wakes its waiters.
        slots.insert((class, key), ready);
    }

    /// Drops what is too old to serve, then, if still full, the older half.
    fn prune(&self, slots: &mut HashMap<(ViewerClass, String), Slot>) {
        let kept = self.ttl * STALE_TTLS;
        slots.retain(|_, slot| match slot {
            Slot::Counting { since, .. } => since.elapsed() < WAIT_FOR_COUNT,
            Slot::Ready { at, .. } => at.elapsed() < kept,
        });
        if slots.len() >= MAX_ENTRIES {
            let mut ages: Vec<Instant> = slots.values().map(Slot::since).collect();
            ages.sort_unstable();
            if let Some(cutoff) = ages.get(ages.len() / 2).copied() {
                slots.retain(|_, slot| slot.since() > cutoff);
            }
        }
    }
}

impl Slot {
    fn since(&self) -> Instant {
        match self {
            Slot::Counting { since, .. } => *since,
            Slot::Ready { at, .. } => *at,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn key() -> String {
        "q=health".to_owned()
    }

    #[tokio::test]
    async fn stale_counts_go_to_one_recounter_and_are_served_to_the_rest() {
        let cache = DirectoryCache::new(Duration::from_millis(20));
        assert_eq!(
            cache.get(ViewerClass::Visitor, &key()).await,
            None,
            "nothing yet"
        );
        cache.put(ViewerClass::Visitor, key(), FacetCounts::default());
        assert!(
            cache.get(ViewerClass::Visitor, &key()).await.is_some(),
            "fresh"
        );

        tokio::time::sleep(Duration::from_millis(30)).await;
        let first = cache.get(ViewerClass::Visitor, &key()).await;
        assert_eq!(first, None, "the first recounts");
        let rest = cache.get(ViewerClass::Visitor, &key()).await;
        assert!(rest.is_some(), "the rest get stale counts");
        cache.put(ViewerClass::Visitor, key(), FacetCounts::default());
        assert!(cache.get(ViewerClass::Visitor, &key()).await.is_some());

        tokio::time::sleep(Duration::from_millis(100)).await;
        let too_old = cache.get(ViewerClass::Visitor, &key()).await;
        assert_eq!(too_old, None, "too stale for anyone");
    }

    #[tokio::test]
    async fn on_a_cold_start_one_request_counts_and_the_others_wait_for_it() {
        let cache = Arc::new(DirectoryCache::new(Duration::from_secs(30)));
        assert_eq!(
            cache.get(ViewerClass::Member, &key()).await,
            None,
            "the first counts"
        );
        let waiter = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { cache.get(ViewerClass::Member, &key()).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiter.is_finished(), "the second waits for the count");
        assert_eq!(
            cache.get(ViewerClass::Visitor, &key()).await,
            None,
            "per viewer class"
        );
        cache.put(ViewerClass::Member, key(), FacetCounts::default());
        let waited = tokio::time::timeout(Duration::from_secs(1), waiter).await;
        assert!(matches!(waited, Ok(Ok(Some(_)))), "woken with the counts");
    }
}
