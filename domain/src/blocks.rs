//! Blocking: once either of two members blocks the other, neither sees the other
//! anywhere. The rule lives in [`not_blocked_with`], which
//! [`crate::members::visible_to`] applies to every query that finds members, so
//! every feature built on it (directory, profiles, friends, suggestions, paths,
//! and later chat and visits) hides blocked pairs without doing anything itself.

use chrono::Utc;
use iey_dto::MemberSummary;
use iey_entity::{friend_request, friendship, member, member_block, notification};
use sea_orm::sea_query::{OnConflict, Query, SelectStatement};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use crate::friends::summary;
use crate::members::visible_to;
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// Members `id` blocked.
fn blocked_by(id: i32) -> SelectStatement {
    Query::select()
        .column(member_block::Column::BlockedId)
        .from(member_block::Entity)
        .and_where(member_block::Column::BlockerId.eq(id))
        .to_owned()
}

/// Members who blocked `id`.
fn blocking(id: i32) -> SelectStatement {
    Query::select()
        .column(member_block::Column::BlockerId)
        .from(member_block::Entity)
        .and_where(member_block::Column::BlockedId.eq(id))
        .to_owned()
}

/// `column` (a member id) is not blocked by, and has not blocked, member `id`.
pub fn not_blocked_with(column: impl ColumnTrait, id: i32) -> Condition {
    Condition::all()
        .add(column.not_in_subquery(blocked_by(id)))
        .add(column.not_in_subquery(blocking(id)))
}

/// `column` (a member id) is blocked by, or has blocked, member `id`.
pub(crate) fn blocked_with(column: impl ColumnTrait, id: i32) -> Condition {
    Condition::any()
        .add(column.in_subquery(blocked_by(id)))
        .add(column.in_subquery(blocking(id)))
}

/// Whether either of `a` and `b` has blocked the other.
pub async fn between<C: ConnectionTrait>(db: &C, a: i32, b: i32) -> DomainResult<bool> {
    let row = member_block::Entity::find()
        .filter(Condition::any().add(pair(a, b)).add(pair(b, a)))
        .one(db)
        .await
        .map_err(internal("checking for a block"))?;
    Ok(row.is_some())
}

/// The block of `blocked` by `blocker`.
fn pair(blocker: i32, blocked: i32) -> Condition {
    Condition::all()
        .add(member_block::Column::BlockerId.eq(blocker))
        .add(member_block::Column::BlockedId.eq(blocked))
}

/// `viewer` blocks `handle`: any friendship between them ends, pending requests
/// either way are closed and notifications between them are withdrawn. The member
/// must be someone the viewer may see, or have a request pending to the viewer;
/// anyone else is [`AppError::NotFound`]. Blocking twice is harmless.
pub async fn block(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let other = blockable(db, viewer, handle).await?;
    if other.id == me {
        return Err(AppError::invalid("block", "You cannot block yourself."));
    }
    let txn = db.begin().await.map_err(internal("starting a block"))?;
    let now = Utc::now();
    member_block::Entity::insert(member_block::ActiveModel {
        blocker_id: Set(me),
        blocked_id: Set(other.id),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            member_block::Column::BlockerId,
            member_block::Column::BlockedId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await
    .map_err(internal("storing a block"))?;
    let both = |first, second| Condition::all().add(first).add(second);
    friendship::Entity::delete_many()
        .filter(
            Condition::any()
                .add(both(
                    friendship::Column::MemberId.eq(me),
                    friendship::Column::FriendId.eq(other.id),
                ))
                .add(both(
                    friendship::Column::MemberId.eq(other.id),
                    friendship::Column::FriendId.eq(me),
                )),
        )
        .exec(&txn)
        .await
        .map_err(internal("ending a blocked friendship"))?;
    for (from, to, status) in [(me, other.id, "cancelled"), (other.id, me, "declined")] {
        friend_request::Entity::update_many()
            .col_expr(friend_request::Column::Status, status.into())
            .col_expr(friend_request::Column::DecidedAt, now.into())
            .filter(friend_request::Column::FromId.eq(from))
            .filter(friend_request::Column::ToId.eq(to))
            .filter(friend_request::Column::Status.eq("pending"))
            .exec(&txn)
            .await
            .map_err(internal("closing a blocked member's requests"))?;
    }
    notification::Entity::delete_many()
        .filter(
            Condition::any()
                .add(both(
                    notification::Column::MemberId.eq(me),
                    notification::Column::ActorId.eq(other.id),
                ))
                .add(both(
                    notification::Column::MemberId.eq(other.id),
                    notification::Column::ActorId.eq(me),
                )),
        )
        .exec(&txn)
        .await
        .map_err(internal("withdrawing a blocked member's notifications"))?;
    crate::visits::booking::end_between(&txn, me, other.id).await?;
    txn.commit().await.map_err(internal("committing a block"))
}

/// `viewer` lifts their block of `handle`. Lifting a block the viewer never made
/// (or the other member's block of them) is [`AppError::NotFound`].
pub async fn unblock(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let other = member::Entity::find()
        .filter(member::Column::Handle.eq(handle.trim()))
        .filter(member::Column::Id.in_subquery(blocked_by(me)))
        .one(db)
        .await
        .map_err(internal("finding a blocked member"))?
        .ok_or(AppError::NotFound)?;
    member_block::Entity::delete_many()
        .filter(pair(me, other.id))
        .exec(db)
        .await
        .map_err(internal("lifting a block"))?;
    Ok(())
}

/// The members `viewer` blocked, by name (the settings page lists them to unblock).
pub async fn blocked_list(db: &Db, viewer: &Viewer) -> DomainResult<Vec<MemberSummary>> {
    let me = viewer.member_id()?;
    let rows = member::Entity::find()
        .filter(member::Column::Id.in_subquery(blocked_by(me)))
        .order_by_asc(member::Column::SortName)
        .order_by_asc(member::Column::Id)
        .all(db)
        .await
        .map_err(internal("listing blocked members"))?;
    Ok(rows.into_iter().map(summary).collect())
}

/// The member `handle`, if `viewer` may see them, they have a request pending
/// to the viewer (a request can be blocked from the requests list), or the viewer
/// has blocked them already (so blocking twice is harmless, not a 404).
async fn blockable(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<member::Model> {
    let me = viewer.member_id()?;
    let asked_me = Query::select()
        .column(friend_request::Column::FromId)
        .from(friend_request::Entity)
        .and_where(friend_request::Column::ToId.eq(me))
        .and_where(friend_request::Column::Status.eq("pending"))
        .to_owned();
    member::Entity::find()
        .filter(member::Column::Handle.eq(handle.trim()))
        .filter(
            Condition::any()
                .add(visible_to(viewer))
                .add(member::Column::Id.in_subquery(asked_me))
                .add(member::Column::Id.in_subquery(blocked_by(me))),
        )
        .one(db)
        .await
        .map_err(internal("finding a member to block"))?
        .ok_or(AppError::NotFound)
}
