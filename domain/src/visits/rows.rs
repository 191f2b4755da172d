//! Reading a member's visits: as visitor, as companion and as host, each through
//! its own index, with the host and visitor loaded in one query. A visit whose
//! other side is blocked either way is left out, so calendars and feeds never
//! show someone the member cannot see.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use iey_dto::MemberSummary;
use iey_entity::{member, visit, visit_companion, visit_offer};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DerivePartialModel, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::blocks::not_blocked_with;
use crate::{DomainResult, internal};

/// A visit with its offer, host and visitor.
#[derive(Debug, Clone)]
pub(crate) struct VisitRow {
    pub visit: visit::Model,
    pub offer: visit_offer::Model,
    pub host: Person,
    pub visitor: Person,
}

/// The few columns of a member a visit shows (a busy member's feed reads
/// hundreds, and whole member rows carry bios).
#[derive(Debug, Clone, DerivePartialModel)]
#[sea_orm(entity = "member::Entity")]
pub(crate) struct Person {
    pub id: i32,
    pub handle: String,
    pub display_name: String,
    pub headline: String,
    pub avatar_key: Option<String>,
}

impl Person {
    /// The person as lists show them.
    pub(crate) fn summary(&self) -> MemberSummary {
        MemberSummary {
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            initials: crate::members::initials(&self.display_name),
            headline: self.headline.clone(),
            avatar: self.avatar_key.clone(),
        }
    }
}

/// The zone member `id` reads times in (UTC if unknown).
pub(crate) async fn member_zone<C: ConnectionTrait>(db: &C, id: i32) -> DomainResult<Tz> {
    let zone: Option<String> = member::Entity::find_by_id(id)
        .select_only()
        .column(member::Column::TimeZone)
        .into_tuple()
        .one(db)
        .await
        .map_err(internal("loading a member's time zone"))?;
    Ok(zone.and_then(|zone| zone.parse().ok()).unwrap_or(Tz::UTC))
}

/// The visits of member `me` (hosted, asked for or joined) starting in
/// `[from, until)`, in time order.
pub(crate) async fn visits_between<C: ConnectionTrait>(
    db: &C,
    me: i32,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DomainResult<Vec<VisitRow>> {
    let in_range = |find: sea_orm::Select<visit::Entity>| {
        find.filter(visit::Column::StartsAt.gte(from))
            .filter(visit::Column::StartsAt.lt(until))
    };
    let hosted = Query::select()
        .column(visit_offer::Column::Id)
        .from(visit_offer::Entity)
        .and_where(visit_offer::Column::HostId.eq(me))
        .to_owned();
    let joined = Query::select()
        .column(visit_companion::Column::VisitId)
        .from(visit_companion::Entity)
        .and_where(visit_companion::Column::MemberId.eq(me))
        .to_owned();
    let mut visits = Vec::new();
    for find in [
        in_range(visit::Entity::find().filter(visit::Column::VisitorId.eq(me))),
        in_range(visit::Entity::find().filter(visit::Column::OfferId.in_subquery(hosted))),
        in_range(visit::Entity::find().filter(visit::Column::Id.in_subquery(joined))),
    ] {
        visits.extend(
            find.all(db)
                .await
                .map_err(internal("loading a member's visits"))?,
        );
    }
    visits.sort_by_key(|visit| (visit.starts_at, visit.id));
    visits.dedup_by_key(|visit| visit.id);
    complete(db, me, visits).await
}

/// `visits` with their offers and people; those with someone blocked with `me`
/// (or gone) are dropped.
pub(crate) async fn complete<C: ConnectionTrait>(
    db: &C,
    me: i32,
    visits: Vec<visit::Model>,
) -> DomainResult<Vec<VisitRow>> {
    if visits.is_empty() {
        return Ok(Vec::new());
    }
    let mut offer_ids: Vec<i32> = visits.iter().map(|visit| visit.offer_id).collect();
    offer_ids.sort_unstable();
    offer_ids.dedup();
    let offers: HashMap<i32, visit_offer::Model> = visit_offer::Entity::find()
        .filter(visit_offer::Column::Id.is_in(offer_ids))
        .all(db)
        .await
        .map_err(internal("loading visits' offers"))?
        .into_iter()
        .map(|offer| (offer.id, offer))
        .collect();
    let mut people: Vec<i32> = visits.iter().map(|visit| visit.visitor_id).collect();
    people.extend(offers.values().map(|offer| offer.host_id));
    people.sort_unstable();
    people.dedup();
    let members: HashMap<i32, Person> = member::Entity::find()
        .filter(member::Column::Id.is_in(people))
        .filter(not_blocked_with(member::Column::Id, me))
        .order_by_asc(member::Column::Id)
        .into_partial_model::<Person>()
        .all(db)
        .await
        .map_err(internal("loading visits' people"))?
        .into_iter()
        .map(|member| (member.id, member))
        .collect();
    Ok(visits
        .into_iter()
        .filter_map(|visit| {
            let offer = offers.get(&visit.offer_id)?.clone();
            let host = members.get(&offer.host_id)?.clone();
            let visitor = members.get(&visit.visitor_id)?.clone();
            Some(VisitRow {
                visit,
                offer,
                host,
                visitor,
            })
        })
        .collect())
}
