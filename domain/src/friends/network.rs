//! The picture of the viewer's network: the viewer, their friends and friends of
//! friends they may see, and the friendships among them. Large networks are cut
//! to the best-connected members so the picture stays readable.

use std::collections::{BTreeSet, HashMap, HashSet};

use iey_dto::{FriendGraph, GraphNode, Ring, Sector};
use iey_entity::{friendship, member, member_tag};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, RelationTrait,
};

use super::summary;
use crate::members::visible_to;
use crate::{Db, DomainResult, Viewer, internal};

/// The most friends the picture shows.
pub const FRIEND_CAP: usize = 300;
/// The most friends of friends the picture shows.
pub const FRIEND_OF_FRIEND_CAP: usize = 150;

/// The viewer's network as a graph: the viewer first, then friends, then friends
/// of friends (each ring by name). Only members the viewer may see appear. When a
/// ring is over its cap, those with the most friends in common with the viewer
/// stay and the rest are counted in `left_out`. Visitors have no network
/// ([`crate::AppError::Unauthenticated`]).
pub async fn network(db: &Db, viewer: &Viewer) -> DomainResult<FriendGraph> {
    let me = viewer.member_id()?;
    let friends: HashSet<i32> = friendship::Entity::find()
        .select_only()
        .column(friendship::Column::FriendId)
        .join(JoinType::InnerJoin, friendship::Relation::Friend.def())
        .filter(friendship::Column::MemberId.eq(me))
        .filter(visible_to(viewer))
        .into_tuple::<i32>()
        .all(db)
        .await
        .map_err(internal("listing friends for the network"))?
        .into_iter()
        .collect();
    let second = friends_of_friends(db, viewer, me, &friends).await?;

    // Friends ranked by how many of the viewer's other friends they know.
    let mut mutual: HashMap<i32, usize> = friends.iter().map(|&id| (id, 0)).collect();
    for (friend, other) in &second {
        if friends.contains(other) {
            *mutual.entry(*friend).or_default() += 1;
        }
    }
    let (kept_friends, friends_out) = best(mutual, FRIEND_CAP);
    let kept: HashSet<i32> = kept_friends.iter().copied().collect();

    let mut shared: HashMap<i32, usize> = HashMap::new();
    for (friend, other) in &second {
        if kept.contains(friend) && !friends.contains(other) && *other != me {
            *shared.entry(*other).or_default() += 1;
        }
    }
    let (kept_second, second_out) = best(shared, FRIEND_OF_FRIEND_CAP);

    let mut ids = vec![me];
    ids.extend(&kept_friends);
    ids.extend(&kept_second);
    let rows = members_by_ring(db, me, &kept_friends, &kept_second).await?;
    let index: HashMap<i32, u32> = rows
        .iter()
        .enumerate()
        .map(|(position, (row, _))| (row.id, position as u32))
        .collect();

    let mut edges: BTreeSet<(u32, u32)> = BTreeSet::new();
    let mut link = |a: i32, b: i32| {
        if let (Some(&x), Some(&y)) = (index.get(&a), index.get(&b))
            && x != y
        {
            edges.insert((x.min(y), x.max(y)));
        }
    };
    for &friend in &kept_friends {
        link(me, friend);
    }
    for &(friend, other) in &second {
        link(friend, other);
    }
    for (a, b) in among(db, &kept_second).await? {
        link(a, b);
    }

    let sectors = first_sectors(db, &ids).await?;
    let nodes = rows
        .into_iter()
        .map(|(row, ring)| GraphNode {
            sector: sectors.get(&row.id).copied(),
            member: summary(row),
            ring,
        })
        .collect();
    Ok(FriendGraph {
        nodes,
        edges: edges.into_iter().collect(),
        left_out: u32::try_from(friends_out + second_out).unwrap_or(u32::MAX),
    })
}

/// Friendships from the viewer's visible `friends` to members the viewer may see,
/// as (friend, their friend) pairs, without the viewer.
async fn friends_of_friends(
    db: &Db,
    viewer: &Viewer,
    me: i32,
    friends: &HashSet<i32>,
) -> DomainResult<Vec<(i32, i32)>> {
    let my_friends = Query::select()
        .column(friendship::Column::FriendId)
        .from(friendship::Entity)
        .and_where(friendship::Column::MemberId.eq(me))
        .to_owned();
    let rows: Vec<(i32, i32)> = friendship::Entity::find()
        .select_only()
        .column(friendship::Column::MemberId)
        .column(friendship::Column::FriendId)
        .join(JoinType::InnerJoin, friendship::Relation::Friend.def())
        .filter(friendship::Column::MemberId.in_subquery(my_friends))
        .filter(friendship::Column::FriendId.ne(me))
        .filter(visible_to(viewer))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing friends of friends"))?;
    // A friend hidden from the viewer does not lead anywhere either.
    Ok(rows
        .into_iter()
        .filter(|(friend, _)| friends.contains(friend))
        .collect())
}

/// The `cap` ids with the highest scores (ties to the lower id), and how many
/// were left out.
fn best(scores: HashMap<i32, usize>, cap: usize) -> (Vec<i32>, usize) {
    let mut ranked: Vec<(i32, usize)> = scores.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let left_out = ranked.len().saturating_sub(cap);
    ranked.truncate(cap);
    (ranked.into_iter().map(|(id, _)| id).collect(), left_out)
}

/// The member rows of the picture in node order: the viewer, then each ring by
/// name.
async fn members_by_ring(
    db: &Db,
    me: i32,
    friends: &[i32],
    second: &[i32],
) -> DomainResult<Vec<(member::Model, Ring)>> {
    let mut ids = vec![me];
    ids.extend(friends);
    ids.extend(second);
    let mut rows: Vec<member::Model> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        rows.extend(
            member::Entity::find()
                .filter(member::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await
                .map_err(internal("loading the network's members"))?,
        );
    }
    rows.sort_by(|a, b| (&a.sort_name, a.id).cmp(&(&b.sort_name, b.id)));
    let friends: HashSet<i32> = friends.iter().copied().collect();
    let mut ringed: Vec<(member::Model, Ring)> = rows
        .into_iter()
        .map(|row| {
            let ring = if row.id == me {
                Ring::You
            } else if friends.contains(&row.id) {
                Ring::Friend
            } else {
                Ring::FriendOfFriend
            };
            (row, ring)
        })
        .collect();
    // Stable: names stay in order within each ring.
    ringed.sort_by_key(|(_, ring)| match ring {
        Ring::You => 0,
        Ring::Friend => 1,
        Ring::FriendOfFriend => 2,
    });
    Ok(ringed)
}

/// Friendships among `ids` (both directions, as stored).
async fn among(db: &Db, ids: &[i32]) -> DomainResult<Vec<(i32, i32)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Filtering the far end here, not in SQL: given two id lists SQLite probes
    // every pair of them (22,500 lookups for 150 members, ~12 ms at 100,000
    // members) instead of reading each member's few friends.
    let wanted: HashSet<i32> = ids.iter().copied().collect();
    let rows: Vec<(i32, i32)> = friendship::Entity::find()
        .select_only()
        .column(friendship::Column::MemberId)
        .column(friendship::Column::FriendId)
        .filter(friendship::Column::MemberId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing friendships among friends of friends"))?;
    Ok(rows
        .into_iter()
        .filter(|(_, friend)| wanted.contains(friend))
        .collect())
}

/// Each member's first sector by code, for the node's colour.
async fn first_sectors(db: &Db, ids: &[i32]) -> DomainResult<HashMap<i32, Sector>> {
    let mut sectors = HashMap::new();
    for chunk in ids.chunks(1000) {
        let rows: Vec<(i32, String)> = member_tag::Entity::find()
            .select_only()
            .column(member_tag::Column::MemberId)
            .column(member_tag::Column::Value)
            .filter(member_tag::Column::Kind.eq("sector"))
            .filter(member_tag::Column::MemberId.is_in(chunk.iter().copied()))
            .order_by_asc(member_tag::Column::MemberId)
            .order_by_asc(member_tag::Column::Value)
            .into_tuple()
            .all(db)
            .await
            .map_err(internal("loading the network's sectors"))?;
        for (id, code) in rows {
            if let Some(sector) = Sector::from_code(&code) {
                sectors.entry(id).or_insert(sector);
            }
        }
    }
    Ok(sectors)
}
