//! In-app notifications: a member is told when someone asks to be their friend
//! and when someone accepts their request. Only members the viewer may see (see
//! [`crate::members::visible_to`]) appear as actors, so a block or a change of
//! visibility hides what they caused. The notifications issue (#7) builds the
//! full system (more kinds, email, push) on this.

use chrono::Utc;
use chrono_tz::Tz;
use iey_dto::{NotificationKind, NotificationView};
use iey_entity::{member, notification};
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationTrait,
};

use crate::members::visible_to;
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// The most notifications [`list`] returns at once.
pub const LIST_LIMIT: u64 = 100;

/// Every kind this module shows; rows of other kinds are left alone.
const KINDS: [NotificationKind; 10] = [
    NotificationKind::FriendRequest,
    NotificationKind::FriendAccepted,
    NotificationKind::VisitRequested,
    NotificationKind::VisitApproved,
    NotificationKind::VisitWaitlisted,
    NotificationKind::VisitDeclined,
    NotificationKind::VisitCancelled,
    NotificationKind::VisitPlaceOffered,
    NotificationKind::VisitPlaceTaken,
    NotificationKind::VisitReminder,
];

/// The stored code of `kind`.
fn code(kind: NotificationKind) -> &'static str {
    match kind {
        NotificationKind::FriendRequest => "friend_request",
        NotificationKind::FriendAccepted => "friend_accepted",
        NotificationKind::VisitRequested => "visit_requested",
        NotificationKind::VisitApproved => "visit_approved",
        NotificationKind::VisitWaitlisted => "visit_waitlisted",
        NotificationKind::VisitDeclined => "visit_declined",
        NotificationKind::VisitCancelled => "visit_cancelled",
        NotificationKind::VisitPlaceOffered => "visit_place_offered",
        NotificationKind::VisitPlaceTaken => "visit_place_taken",
        NotificationKind::VisitReminder => "visit_reminder",
    }
}

/// The kind stored as `code`, if this module knows it.
fn kind_of(code_stored: &str) -> Option<NotificationKind> {
    KINDS.into_iter().find(|kind| code(*kind) == code_stored)
}

/// Tells `member_id` that `actor_id` did `kind` (about `object_id`). Nothing is
/// recorded for one's own actions or between a blocked pair.
pub(crate) async fn record<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    kind: NotificationKind,
    actor_id: i32,
    object_id: Option<i32>,
) -> DomainResult<()> {
    if actor_id == member_id || crate::blocks::between(db, member_id, actor_id).await? {
        return Ok(());
    }
    notification::Entity::insert(notification::ActiveModel {
        id: NotSet,
        member_id: Set(member_id),
        kind: Set(code(kind).to_owned()),
        actor_id: Set(Some(actor_id)),
        object_id: Set(object_id),
        created_at: Set(Utc::now()),
        read_at: Set(None),
    })
    .exec_without_returning(db)
    .await
    .map_err(internal("recording a notification"))?;
    Ok(())
}

/// Marks read what `member_id` was told of `kind` about `object_id`: it has been
/// dealt with (a request accepted or declined). Scoped to the member, so it runs
/// on `idx_notification_member`.
pub(crate) async fn read_about<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    kind: NotificationKind,
    object_id: i32,
) -> DomainResult<()> {
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notification::Column::MemberId.eq(member_id))
        .filter(notification::Column::Kind.eq(code(kind)))
        .filter(notification::Column::ObjectId.eq(object_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await
        .map_err(internal("marking notifications about something read"))?;
    Ok(())
}

/// Deletes what `member_id` was told of `kind` about `object_id` and has not
/// read: deleting the object (a cancelled request) withdraws its unread
/// notifications.
pub(crate) async fn withdraw<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    kind: NotificationKind,
    object_id: i32,
) -> DomainResult<()> {
    notification::Entity::delete_many()
        .filter(notification::Column::MemberId.eq(member_id))
        .filter(notification::Column::Kind.eq(code(kind)))
        .filter(notification::Column::ObjectId.eq(object_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await
        .map_err(internal("withdrawing notifications"))?;
    Ok(())
}

/// The viewer's notifications, newest first, at most `limit` (and at most
/// [`LIST_LIMIT`]), leaving out those whose actor the viewer may not see.
pub async fn list(db: &Db, viewer: &Viewer, limit: u64) -> DomainResult<Vec<NotificationView>> {
    let me = viewer.member_id()?;
    let zone = member::Entity::find_by_id(me)
        .one(db)
        .await
        .map_err(internal("loading a member's time zone"))?
        .ok_or(AppError::Unauthenticated)?
        .time_zone
        .parse::<Tz>()
        .unwrap_or(Tz::UTC);
    let rows = notification::Entity::find()
        .join(JoinType::InnerJoin, notification::Relation::Actor.def())
        .filter(shown_to(viewer, me))
        .order_by_desc(notification::Column::Id)
        .limit(limit.min(LIST_LIMIT))
        .select_also(member::Entity)
        .all(db)
        .await
        .map_err(internal("listing notifications"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(row, actor)| {
            let kind = kind_of(&row.kind)?;
            let actor = actor?;
            let link = match kind {
                NotificationKind::FriendRequest => "/friends".to_owned(),
                NotificationKind::FriendAccepted => format!("/members/{}", actor.handle),
                _ => format!("/visits/{}", row.object_id.unwrap_or_default()),
            };
            Some(NotificationView {
                id: row.id,
                kind,
                actor: crate::friends::summary(actor),
                when: row
                    .created_at
                    .with_timezone(&zone)
                    .format("%-d %B %Y, %H:%M")
                    .to_string(),
                unread: row.read_at.is_none(),
                link,
            })
        })
        .collect())
}

/// How many of the viewer's notifications are unread (for the badge); visitors
/// have none. One query, on `idx_notification_member`.
pub async fn unread_count(db: &Db, viewer: &Viewer) -> DomainResult<u32> {
    let Viewer::Member { id: me, .. } = viewer else {
        return Ok(0);
    };
    let count = notification::Entity::find()
        .join(JoinType::InnerJoin, notification::Relation::Actor.def())
        .filter(shown_to(viewer, *me))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await
        .map_err(internal("counting unread notifications"))?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Marks the viewer's notification `id` read. One that is not theirs (or whose
/// actor they may no longer see) is [`AppError::NotFound`]; marking twice is
/// harmless.
pub async fn mark_read(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let theirs = Condition::all()
        .add(notification::Column::Id.eq(id))
        .add(notification::Column::MemberId.eq(me))
        .add(notification::Column::ActorId.in_subquery(visible_actors(viewer)));
    let marked = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(theirs.clone())
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await
        .map_err(internal("marking a notification read"))?;
    if marked.rows_affected == 0 {
        notification::Entity::find()
            .filter(theirs)
            .one(db)
            .await
            .map_err(internal("finding a notification"))?
            .ok_or(AppError::NotFound)?;
    }
    Ok(())
}

/// Marks every unread notification the viewer can see read; returns how many.
pub async fn mark_all_read(db: &Db, viewer: &Viewer) -> DomainResult<u32> {
    let me = viewer.member_id()?;
    let marked = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notification::Column::MemberId.eq(me))
        .filter(notification::Column::ReadAt.is_null())
        .filter(notification::Column::Kind.is_in(KINDS.map(code)))
        .filter(notification::Column::ActorId.in_subquery(visible_actors(viewer)))
        .exec(db)
        .await
        .map_err(internal("marking notifications read"))?;
    Ok(u32::try_from(marked.rows_affected).unwrap_or(u32::MAX))
}

/// Member `me`'s notifications of known kinds whose actor (joined as `member`)
/// `viewer` may see.
fn shown_to(viewer: &Viewer, me: i32) -> Condition {
    Condition::all()
        .add(notification::Column::MemberId.eq(me))
        .add(notification::Column::Kind.is_in(KINDS.map(code)))
        .add(visible_to(viewer))
}

/// The ids of the members `viewer` may see.
fn visible_actors(viewer: &Viewer) -> SelectStatement {
    Query::select()
        .column(member::Column::Id)
        .from(member::Entity)
        .cond_where(visible_to(viewer))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stored_as_their_snake_case_codes() {
        for kind in KINDS {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code(kind)));
            assert_eq!(kind_of(code(kind)), Some(kind));
        }
        assert_eq!(kind_of("message"), None);
    }
}
