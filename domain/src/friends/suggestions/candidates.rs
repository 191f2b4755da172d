//! Who may be suggested: friends of friends with their friends in common, the
//! members a viewer never sees suggested, and the viewer's sector and country
//! for members with few friends. Each query starts from the viewer (friendship's
//! primary key, the tag and country indexes) and never reads the whole
//! membership.

use chrono::{Duration, Utc};
use iey_entity::{friend_request, friendship, member, member_tag, suggestion_dismissal};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, JoinType, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};

use super::super::requests::PENDING;
use super::reasons::Traits;
use crate::members::visible_to;
use crate::{Db, DomainResult, Viewer, internal};

/// How long a declined request keeps the pair out of each other's suggestions.
const DECLINED_QUIET_DAYS: i64 = 90;
/// The most members of the viewer's sector or country one top-up query looks at.
const NEIGHBOUR_POOL: u64 = 100;
/// The column of a list of candidates that says who.
pub(super) const CANDIDATE: &str = "candidate_id";
/// The column of a list of candidates that says how many friends they share.
pub(super) const MUTUAL: &str = "mutual";

/// Friends of `me`'s friends, with how many of `me`'s friends (that `viewer` may
/// see) each has, as rows of [`CANDIDATE`] and [`MUTUAL`]. Walks the friendship
/// primary key twice: the viewer's ~20 rows, then each friend's ~20.
pub(super) fn friends_of_friends(viewer: &Viewer, me: i32) -> SelectStatement {
    let (mine, theirs) = (Alias::new("mine"), Alias::new("theirs"));
    let candidate = Expr::col((theirs.clone(), friendship::Column::FriendId));
    Query::select()
        .expr_as(candidate.clone(), Alias::new(CANDIDATE))
        .expr_as(
            Func::count(Expr::col((mine.clone(), friendship::Column::FriendId))),
            Alias::new(MUTUAL),
        )
        .from_as(friendship::Entity, mine.clone())
        // The friend in common, who must be someone the viewer may see.
        .inner_join(
            member::Entity,
            Expr::col((member::Entity, member::Column::Id))
                .equals((mine.clone(), friendship::Column::FriendId)),
        )
        .join_as(
            JoinType::InnerJoin,
            friendship::Entity,
            theirs.clone(),
            Expr::col((theirs.clone(), friendship::Column::MemberId))
                .equals((mine.clone(), friendship::Column::FriendId)),
        )
        .cond_where(
            Condition::all()
                .add(Expr::col((mine, friendship::Column::MemberId)).eq(me))
                .add(visible_to(viewer))
                .add(not_excluded(me, candidate.clone())),
        )
        .group_by_col((theirs, friendship::Column::FriendId))
        .to_owned()
}

/// `candidate` (a member id) may be suggested to `me`: not themselves, not a
/// friend, no request pending or declined in the last 90 days either way, and
/// not dismissed.
fn not_excluded(me: i32, candidate: Expr) -> Condition {
    let friends = Query::select()
        .column(friendship::Column::FriendId)
        .from(friendship::Entity)
        .cond_where(friendship::Column::MemberId.eq(me))
        .to_owned();
    let cutoff = Utc::now() - Duration::days(DECLINED_QUIET_DAYS);
    let open_or_recently_declined = Condition::any()
        .add(friend_request::Column::Status.eq(PENDING))
        .add(
            Condition::all()
                .add(friend_request::Column::Status.eq("declined"))
                .add(friend_request::Column::DecidedAt.gt(cutoff)),
        );
    let requests = |other, mine: friend_request::Column| {
        Query::select()
            .column(other)
            .from(friend_request::Entity)
            .cond_where(
                Condition::all()
                    .add(mine.eq(me))
                    .add(open_or_recently_declined.clone()),
            )
            .to_owned()
    };
    let dismissed = Query::select()
        .column(suggestion_dismissal::Column::DismissedId)
        .from(suggestion_dismissal::Entity)
        .cond_where(suggestion_dismissal::Column::MemberId.eq(me))
        .to_owned();
    Condition::all()
        .add(candidate.clone().ne(me))
        .add(candidate.clone().not_in_subquery(friends))
        .add(candidate.clone().not_in_subquery(requests(
            friend_request::Column::ToId,
            friend_request::Column::FromId,
        )))
        .add(candidate.clone().not_in_subquery(requests(
            friend_request::Column::FromId,
            friend_request::Column::ToId,
        )))
        .add(candidate.not_in_subquery(dismissed))
}

/// Members who share the viewer's sector or country, for a viewer whose friends
/// of friends are too few: up to [`NEIGHBOUR_POOL`] from each of "same country and
/// sector", "same sector" and "same country", asked in that order until there are
/// `wanted`. Each is a bounded walk of the country index or the tag index.
pub(super) async fn neighbours(
    db: &Db,
    viewer: &Viewer,
    me: i32,
    traits: &Traits,
    mut taken: Vec<i32>,
    wanted: u64,
) -> DomainResult<Vec<i32>> {
    let sectors = traits.values("sector");
    let pool = Ord::max(NEIGHBOUR_POOL, wanted);
    let member_id = Expr::col((member::Entity, member::Column::Id));
    let same_country = member::Column::CountryCode.eq(traits.country_code.clone());
    let has_sector = Query::select()
        .expr(Expr::val(1))
        .from(member_tag::Entity)
        .cond_where(
            Condition::all()
                .add(
                    Expr::col((member_tag::Entity, member_tag::Column::MemberId))
                        .equals((member::Entity, member::Column::Id)),
                )
                .add(member_tag::Column::Kind.eq("sector"))
                .add(member_tag::Column::Value.is_in(sectors.clone())),
        )
        .to_owned();
    let mut found = Vec::new();
    for step in 0..3 {
        if found.len() as u64 >= wanted {
            break;
        }
        let mut query = member::Entity::find()
            .select_only()
            .column(member::Column::Id)
            .filter(visible_to(viewer))
            .filter(not_excluded(me, member_id.clone()))
            .filter(member::Column::Id.is_not_in(taken.clone()))
            .limit(pool);
        query = match step {
            0 if !sectors.is_empty() => query
                .filter(same_country.clone())
                .filter(Expr::exists(has_sector.clone())),
            1 if !sectors.is_empty() => query
                .inner_join(member_tag::Entity)
                .filter(member_tag::Column::Kind.eq("sector"))
                .filter(member_tag::Column::Value.is_in(sectors.clone())),
            2 => query.filter(same_country.clone()),
            _ => continue,
        };
        let ids: Vec<i32> = query.into_tuple().all(db).await.map_err(internal(
            "finding members of the viewer's sector or country",
        ))?;
        for id in ids {
            if !taken.contains(&id) {
                taken.push(id);
                found.push(id);
            }
        }
    }
    Ok(found)
}

/// The members `ids` as candidates with no friend in common.
pub(super) fn strangers(ids: Vec<i32>) -> SelectStatement {
    Query::select()
        .expr_as(
            Expr::col((member::Entity, member::Column::Id)),
            Alias::new(CANDIDATE),
        )
        .expr_as(Expr::val(0i64), Alias::new(MUTUAL))
        .from(member::Entity)
        .cond_where(member::Column::Id.is_in(ids))
        .to_owned()
}
