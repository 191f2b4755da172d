//! How the viewer is connected to another member: the shortest chain of friends,
//! searched from both ends at once with one query per step, and only through
//! members the viewer may see (so never through someone blocked, unverified or
//! friends-only and not the viewer's friend).

use std::collections::{HashMap, HashSet};

use iey_dto::MemberSummary;
use iey_entity::{friendship, member};
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};

use super::{summary, visible_member};
use crate::members::visible_to;
use crate::{Db, DomainResult, Viewer, internal};

/// The most friendships a chain may cross: five members, both ends included.
pub const MAX_HOPS: usize = 4;
/// Member ids sent in one query's `IN` list (well under every backend's limit).
const CHUNK: usize = 2000;

/// The shortest chain of friends from `viewer` to the member `handle`, both ends
/// included; empty for a visitor, for oneself and when there is none within
/// [`MAX_HOPS`]. A member the viewer may not see is [`crate::AppError::NotFound`].
pub async fn connection(
    db: &Db,
    viewer: &Viewer,
    handle: &str,
) -> DomainResult<Vec<MemberSummary>> {
    let target = visible_member(db, viewer, handle).await?;
    path_to(db, viewer, target).await
}

/// The shortest chain of friends from `viewer` to member `to`, both ends
/// included, through members the viewer may see; empty when there is none within
/// four hops, when `to` is hidden from the viewer, for a visitor and for oneself.
pub(crate) async fn shortest_path(
    db: &Db,
    viewer: &Viewer,
    to: i32,
) -> DomainResult<Vec<MemberSummary>> {
    if matches!(viewer, Viewer::Visitor) {
        return Ok(Vec::new());
    }
    let target = member::Entity::find_by_id(to)
        .filter(visible_to(viewer))
        .one(db)
        .await
        .map_err(internal("finding the end of a friend path"))?;
    match target {
        Some(target) => path_to(db, viewer, target).await,
        None => Ok(Vec::new()),
    }
}

/// The chain to a member already known to be visible.
async fn path_to(
    db: &Db,
    viewer: &Viewer,
    target: member::Model,
) -> DomainResult<Vec<MemberSummary>> {
    let Ok(me) = viewer.member_id() else {
        return Ok(Vec::new());
    };
    if target.id == me {
        return Ok(Vec::new());
    }
    let ids = search(db, viewer, me, target.id).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: HashMap<i32, member::Model> = member::Entity::find()
        .filter(member::Column::Id.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal("loading the members of a friend path"))?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let chain: Vec<MemberSummary> = ids
        .iter()
        .filter_map(|id| rows.remove(id).map(summary))
        .collect();
    // A member who left while we searched breaks the chain: show none.
    Ok(if chain.len() == ids.len() {
        chain
    } else {
        Vec::new()
    })
}

/// One end of the search: how far each member reached is from that end, and for
/// each, every member one step nearer the end (for a stable tie-break).
struct Side {
    depth: usize,
    frontier: Vec<i32>,
    reached: HashMap<i32, usize>,
    nearer: HashMap<i32, Vec<i32>>,
}

impl Side {
    fn new(start: i32) -> Side {
        Side {
            depth: 0,
            frontier: vec![start],
            reached: HashMap::from([(start, 0)]),
            nearer: HashMap::new(),
        }
    }

    /// Reaches one friendship further: the new frontier is everyone first seen.
    async fn step(&mut self, db: &Db, viewer: &Viewer) -> DomainResult<()> {
        let depth = self.depth + 1;
        let mut next = Vec::new();
        for (from, to) in neighbours(db, viewer, &self.frontier).await? {
            match self.reached.get(&to) {
                None => {
                    self.reached.insert(to, depth);
                    self.nearer.insert(to, vec![from]);
                    next.push(to);
                }
                Some(&seen) if seen == depth => {
                    self.nearer.entry(to).or_default().push(from);
                }
                Some(_) => {}
            }
        }
        self.depth = depth;
        self.frontier = next;
        Ok(())
    }
}

/// The member ids of the shortest chain from `me` to `target`, or none.
async fn search(db: &Db, viewer: &Viewer, me: i32, target: i32) -> DomainResult<Vec<i32>> {
    let mut mine = Side::new(me);
    let mut theirs = Side::new(target);
    while mine.depth + theirs.depth < MAX_HOPS {
        // Grow the smaller side: it costs the fewest rows.
        let (grown, other) = if mine.frontier.len() <= theirs.frontier.len() {
            (&mut mine, &theirs)
        } else {
            (&mut theirs, &mine)
        };
        grown.step(db, viewer).await?;
        if grown.frontier.is_empty() {
            return Ok(Vec::new());
        }
        // The first members both sides reach all sit at the same distance from
        // each end, so every chain through them is a shortest one.
        let meeting: HashSet<i32> = grown
            .frontier
            .iter()
            .copied()
            .filter(|id| other.reached.contains_key(id))
            .collect();
        if !meeting.is_empty() {
            return Ok(chain(&mine, &theirs, me, &meeting));
        }
    }
    Ok(Vec::new())
}

/// Walks from `me` through a meeting member to the far end, taking the lowest id
/// at every step among those that still lead along a shortest chain.
fn chain(mine: &Side, theirs: &Side, me: i32, meeting: &HashSet<i32>) -> Vec<i32> {
    // Members on my side that lead to a meeting member (and those members).
    let mut leading: HashSet<i32> = meeting.clone();
    let mut layer: Vec<i32> = meeting.iter().copied().collect();
    while !layer.is_empty() {
        let mut nearer_me = Vec::new();
        for id in &layer {
            for &from in mine.nearer.get(id).into_iter().flatten() {
                if leading.insert(from) {
                    nearer_me.push(from);
                }
            }
        }
        layer = nearer_me;
    }
    let mut path = vec![me];
    let mut current = me;
    for _ in 0..mine.depth {
        let next = mine
            .nearer
            .iter()
            .filter(|(id, from)| leading.contains(*id) && from.contains(&current))
            .map(|(id, _)| *id)
            .min();
        let Some(next) = next else {
            return Vec::new();
        };
        path.push(next);
        current = next;
    }
    for _ in 0..theirs.depth {
        let Some(&next) = theirs.nearer.get(&current).and_then(|ids| ids.iter().min()) else {
            return Vec::new();
        };
        path.push(next);
        current = next;
    }
    path
}

/// Friendships from the `frontier` members to members the viewer may see, as
/// (member, friend) pairs.
async fn neighbours(db: &Db, viewer: &Viewer, frontier: &[i32]) -> DomainResult<Vec<(i32, i32)>> {
    let mut rows = Vec::new();
    for ids in frontier.chunks(CHUNK) {
        let part: Vec<(i32, i32)> = friendship::Entity::find()
            .select_only()
            .column(friendship::Column::MemberId)
            .column(friendship::Column::FriendId)
            .join(JoinType::InnerJoin, friendship::Relation::Friend.def())
            .filter(friendship::Column::MemberId.is_in(ids.iter().copied()))
            .filter(visible_to(viewer))
            .into_tuple()
            .all(db)
            .await
            .map_err(internal("following friendships"))?;
        rows.extend(part);
    }
    Ok(rows)
}
