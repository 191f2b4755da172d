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

/// Directory counts that may be up to a `ttl` old; held in the server state.
pub struct DirectoryCache {
    ttl: Duration,
    entries: Mutex<HashMap<(ViewerClass, String), (Instant, FacetCounts)>>,
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

    /// The counts for `key`, when counted less than a ttl ago.
    pub(crate) fn get(&self, class: ViewerClass, key: &str) -> Option<FacetCounts> {
        let entries = self.entries.lock().ok()?;
        let (at, counts) = entries.get(&(class, key.to_owned()))?;
        (at.elapsed() < self.ttl).then(|| counts.clone())
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
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| at.elapsed() < ttl);
            if entries.len() >= MAX_ENTRIES {
                let mut ages: Vec<Instant> = entries.values().map(|(at, _)| *at).collect();
                ages.sort_unstable();
                if let Some(cutoff) = ages.get(ages.len() / 2).copied() {
                    entries.retain(|_, (at, _)| *at > cutoff);
                }
            }
        }
        entries.insert((class, key), (Instant::now(), counts));
    }
}
