//! The friend graph: requests and their transitions, friendships (stored in both
//! directions, one row each) and the lists the friends page shows.

mod connections;
mod network;
mod paths;
mod requests;
mod standing;
mod suggestions;

pub use connections::{FRIEND_SEARCH_LIMIT, overview, profile_connections};
pub use network::{FRIEND_CAP, FRIEND_OF_FRIEND_CAP, network};
pub use paths::{MAX_HOPS, connection};
pub use requests::{NOTE_LIMIT, accept, cancel, decline, send_request};
pub(crate) use standing::standings;
pub use suggestions::{dismiss_suggestion, suggestions};

use std::collections::HashMap;

use iey_dto::{FriendRequestView, MemberSummary};
use iey_entity::{friend_request, friendship, member};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::members::{initials, visible_to};
use crate::{AppError, Db, DomainResult, Viewer, internal};
use requests::PENDING;

/// The friends of `viewer` that they may see, by name.
pub async fn friends_of(db: &Db, viewer: &Viewer) -> DomainResult<Vec<MemberSummary>> {
    let id = viewer.member_id()?;
    let friends = Query::select()
        .column(friendship::Column::FriendId)
        .from(friendship::Entity)
        .and_where(friendship::Column::MemberId.eq(id))
        .to_owned();
    let rows = member::Entity::find()
        .filter(visible_to(viewer))
        .filter(member::Column::Id.in_subquery(friends))
        .order_by_asc(member::Column::SortName)
        .order_by_asc(member::Column::Id)
        .all(db)
        .await
        .map_err(internal("listing friends"))?;
    Ok(rows.into_iter().map(summary).collect())
}

/// Ends the friendship between `viewer` and `handle`, in both directions. Either
/// side may do it; a member the viewer may not see is [`AppError::NotFound`].
pub async fn unfriend(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<()> {
    let id = viewer.member_id()?;
    let other = visible_member(db, viewer, handle).await?;
    let ended = friendship::Entity::delete_many()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(friendship::Column::MemberId.eq(id))
                        .add(friendship::Column::FriendId.eq(other.id)),
                )
                .add(
                    Condition::all()
                        .add(friendship::Column::MemberId.eq(other.id))
                        .add(friendship::Column::FriendId.eq(id)),
                ),
        )
        .exec(db)
        .await
        .map_err(internal("ending a friendship"))?;
    if ended.rows_affected == 0 {
        return Err(AppError::invalid(
            "friend",
            format!("You are not friends with {}.", other.display_name),
        ));
    }
    Ok(())
}

/// Pending requests sent to `viewer`, newest first.
pub async fn incoming(db: &Db, viewer: &Viewer) -> DomainResult<Vec<FriendRequestView>> {
    let me = viewer.member_id()?;
    let requests = pending_list(db, friend_request::Column::ToId.eq(me)).await?;
    views(db, requests, |request| request.from_id).await
}

/// Pending requests `viewer` has sent, newest first.
pub async fn outgoing(db: &Db, viewer: &Viewer) -> DomainResult<Vec<FriendRequestView>> {
    let me = viewer.member_id()?;
    let requests = pending_list(db, friend_request::Column::FromId.eq(me)).await?;
    views(db, requests, |request| request.to_id).await
}

/// Pending requests matching `side`, newest first.
async fn pending_list(
    db: &Db,
    side: sea_orm::sea_query::SimpleExpr,
) -> DomainResult<Vec<friend_request::Model>> {
    friend_request::Entity::find()
        .filter(side)
        .filter(friend_request::Column::Status.eq(PENDING))
        .order_by_desc(friend_request::Column::CreatedAt)
        .order_by_desc(friend_request::Column::Id)
        .all(db)
        .await
        .map_err(internal("listing friend requests"))
}

/// Each request with the member on the other side (`other` picks their id).
async fn views(
    db: &Db,
    requests: Vec<friend_request::Model>,
    other: fn(&friend_request::Model) -> i32,
) -> DomainResult<Vec<FriendRequestView>> {
    let ids: Vec<i32> = requests.iter().map(other).collect();
    let mut members: HashMap<i32, member::Model> = member::Entity::find()
        .filter(member::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(internal("loading request members"))?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    Ok(requests
        .into_iter()
        .filter_map(|request| {
            let member = members.remove(&other(&request))?;
            Some(FriendRequestView {
                id: request.id,
                member: summary(member),
                note: request.note,
                sent: request.created_at.format("%-d %B %Y").to_string(),
            })
        })
        .collect())
}

/// Whether `a` and `b` are friends.
pub(crate) async fn are_friends<C: ConnectionTrait>(db: &C, a: i32, b: i32) -> DomainResult<bool> {
    let row = friendship::Entity::find_by_id((a, b))
        .one(db)
        .await
        .map_err(internal("checking a friendship"))?;
    Ok(row.is_some())
}

/// The member `handle` if `viewer` may see them, else [`AppError::NotFound`].
async fn visible_member(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<member::Model> {
    member::Entity::find()
        .filter(visible_to(viewer))
        .filter(member::Column::Handle.eq(handle.trim()))
        .one(db)
        .await
        .map_err(internal("finding a member"))?
        .ok_or(AppError::NotFound)
}

/// A member's summary for friends lists and requests.
pub(crate) fn summary(row: member::Model) -> MemberSummary {
    MemberSummary {
        initials: initials(&row.display_name),
        handle: row.handle,
        display_name: row.display_name,
        headline: row.headline,
        avatar: row.avatar_key,
    }
}
