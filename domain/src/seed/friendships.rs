//! Friendships among demo members, drawn so the graph looks like a community's:
//! most friends are neighbours (same country, mostly the same sector, close in
//! joining order), so friends of friends overlap and suggestions have mutual
//! friends to count; a few links reach anyone anywhere, so chains between
//! strangers stay short.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use iey_entity::{friendship, member, member_tag};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{AppError, DomainResult, internal};

/// Friendship rows written in one statement (three values each).
const ROWS_PER_INSERT: usize = 4000;
/// The share of friendships made with neighbours (same country, close in the
/// country's list by sector).
const NEIGHBOURS: f64 = 0.65;
/// The share made with anyone in the same country; the rest go anywhere. With
/// these shares at 100,000 members about half of all friendships have a friend
/// in common, and about two random pairs in five are within four hops.
const COUNTRY: f64 = 0.15;
/// The random stream friendships draw from, apart from the members' own, so
/// adding friendships never changes who is seeded.
const STREAM: u64 = 7;

/// A member as the friendship drawing sees them.
#[derive(Debug, Clone)]
pub(super) struct Acquaintance {
    /// Their id.
    pub id: i32,
    /// Their country code.
    pub country: String,
    /// Their first sector's code.
    pub sector: String,
    /// When they joined.
    pub joined: DateTime<Utc>,
}

/// One friendship, smaller id first, with when it began.
pub(super) type Friendship = (i32, i32, DateTime<Utc>);

/// Draws about `per_member` friendships started by each of `people` (so each ends
/// up with about twice as many friends), the same ones for the same `seed`.
pub(super) fn draw(people: &[Acquaintance], per_member: u32, seed: u64) -> Vec<Friendship> {
    if people.len() < 2 || per_member == 0 {
        return Vec::new();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(STREAM);
    // Neighbourhoods: each country's members by sector, then by joining order.
    let mut by_country: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, person) in people.iter().enumerate() {
        by_country.entry(&person.country).or_default().push(index);
    }
    let mut countries: Vec<(&str, Vec<usize>)> = by_country.into_iter().collect();
    countries.sort_unstable_by_key(|(code, _)| *code);
    let window = 3 * per_member as usize;
    let mut friendships = Vec::with_capacity(people.len() * per_member as usize);
    for (_, mut street) in countries {
        street.sort_unstable_by(|&a, &b| {
            (&people[a].sector, people[a].id).cmp(&(&people[b].sector, people[b].id))
        });
        for (position, &index) in street.iter().enumerate() {
            for _ in 0..rng.random_range(0..=2 * per_member) {
                let kind: f64 = rng.random();
                let other = if street.len() < 2 || kind >= NEIGHBOURS + COUNTRY {
                    rng.random_range(0..people.len())
                } else if kind < NEIGHBOURS {
                    let step = rng.random_range(1..=window.min(street.len() - 1));
                    street[(position + step) % street.len()]
                } else {
                    street[rng.random_range(0..street.len())]
                };
                let (a, b) = (&people[index], &people[other]);
                if a.id == b.id {
                    continue;
                }
                let began = a.joined.max(b.joined) + Duration::minutes(rng.random_range(0..86_400));
                friendships.push((a.id.min(b.id), a.id.max(b.id), began));
            }
        }
    }
    friendships.sort_unstable();
    friendships.dedup_by_key(|(a, b, _)| (*a, *b));
    friendships
}

/// Writes `friendships` in both directions, in primary-key order.
pub(super) async fn insert<C: ConnectionTrait>(
    db: &C,
    friendships: &[Friendship],
) -> DomainResult<()> {
    let mut rows: Vec<Friendship> = friendships
        .iter()
        .flat_map(|&(a, b, began)| [(a, b, began), (b, a, began)])
        .collect();
    rows.sort_unstable_by_key(|(member_id, friend_id, _)| (*member_id, *friend_id));
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut statement = Query::insert();
        statement.into_table(friendship::Entity).columns([
            friendship::Column::MemberId,
            friendship::Column::FriendId,
            friendship::Column::CreatedAt,
        ]);
        for &(member_id, friend_id, began) in chunk {
            statement
                .values([member_id.into(), friend_id.into(), began.into()])
                .map_err(|error| {
                    tracing::error!(%error, "a demo friendship row does not fit its columns");
                    AppError::Internal
                })?;
        }
        db.execute(&statement)
            .await
            .map_err(internal("inserting demo friendships"))?;
    }
    Ok(())
}

/// Every verified member already in the database, for befriending them.
pub(super) async fn everyone<C: ConnectionTrait>(db: &C) -> DomainResult<Vec<Acquaintance>> {
    let mut sectors: HashMap<i32, String> = HashMap::new();
    let tags: Vec<(i32, String)> = member_tag::Entity::find()
        .select_only()
        .column(member_tag::Column::MemberId)
        .column(member_tag::Column::Value)
        .filter(member_tag::Column::Kind.eq("sector"))
        .order_by_asc(member_tag::Column::MemberId)
        .order_by_asc(member_tag::Column::Value)
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("reading members' sectors for friendships"))?;
    for (id, sector) in tags {
        sectors.entry(id).or_insert(sector);
    }
    let members: Vec<(i32, String, DateTime<Utc>)> = member::Entity::find()
        .select_only()
        .column(member::Column::Id)
        .column(member::Column::CountryCode)
        .column(member::Column::CreatedAt)
        .filter(member::Column::EmailVerifiedAt.is_not_null())
        .order_by_asc(member::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("reading members for friendships"))?;
    Ok(members
        .into_iter()
        .map(|(id, country, joined)| Acquaintance {
            id,
            country,
            sector: sectors.remove(&id).unwrap_or_default(),
            joined,
        })
        .collect())
}
