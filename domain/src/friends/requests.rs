//! Friend requests and their transitions: a pending request is accepted or
//! declined by its recipient, or cancelled by its sender. Each transition is one
//! conditional UPDATE of a pending row, so two racing clicks never both succeed.
//! The recipient is notified of a new request and the sender of an acceptance, in
//! the same transaction as the change.

use chrono::Utc;
use iey_dto::{NotificationKind, RequestOutcome};
use iey_entity::{friend_request, friendship, member};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, SqlErr, TransactionTrait,
};

use super::{are_friends, visible_member};
use crate::notifications::{read_about, record, withdraw};
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// The longest note a request may carry, in characters.
pub const NOTE_LIMIT: usize = 280;

pub(super) const PENDING: &str = "pending";
const ACCEPTED: &str = "accepted";
const DECLINED: &str = "declined";
const CANCELLED: &str = "cancelled";

/// Asks `to_handle` to be friends, with an optional note, and notifies them. The
/// recipient must be someone the viewer may see (else [`AppError::NotFound`]); a
/// request to someone who has already asked the viewer accepts theirs instead.
pub async fn send_request(
    db: &Db,
    viewer: &Viewer,
    to_handle: &str,
    note: &str,
) -> DomainResult<RequestOutcome> {
    let from = viewer.member_id()?;
    let note = clean_note(note)?;
    let sender = member::Entity::find_by_id(from)
        .one(db)
        .await
        .map_err(internal("loading a request's sender"))?
        .ok_or(AppError::Unauthenticated)?;
    if sender.email_verified_at.is_none() {
        return Err(refused(
            "Please confirm your email address before sending friend requests.",
        ));
    }
    let recipient = visible_member(db, viewer, to_handle).await?;
    if recipient.id == from {
        return Err(refused("You cannot send a friend request to yourself."));
    }
    let name = &recipient.display_name;
    if are_friends(db, from, recipient.id).await? {
        return Err(refused(format!("You are already friends with {name}.")));
    }
    if let Some(theirs) = pending(db, recipient.id, from).await? {
        settle(db, &theirs, ACCEPTED).await?;
        return Ok(RequestOutcome::BecameFriends);
    }
    let already_sent = || refused(format!("You have already sent {name} a friend request."));
    if pending(db, from, recipient.id).await?.is_some() {
        return Err(already_sent());
    }
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a friend request"))?;
    let stored = friend_request::Entity::insert(friend_request::ActiveModel {
        id: NotSet,
        from_id: Set(from),
        to_id: Set(recipient.id),
        note: Set(note),
        status: Set(PENDING.to_owned()),
        created_at: Set(Utc::now()),
        decided_at: Set(None),
    })
    .exec(&txn)
    .await;
    let request_id = match stored {
        Ok(stored) => stored.last_insert_id,
        // The same request sent twice at once: the partial unique index kept one.
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(already_sent());
        }
        Err(error) => return Err(internal("storing a friend request")(error)),
    };
    let kind = NotificationKind::FriendRequest;
    record(&txn, recipient.id, kind, from, Some(request_id)).await?;
    txn.commit()
        .await
        .map_err(internal("committing a friend request"))?;
    Ok(RequestOutcome::Sent)
}

/// Accepts a request sent to `viewer`: the two become friends (both rows are
/// written in the same transaction as the status change) and the sender is told.
/// A request across a block (one that raced the block) is [`AppError::NotFound`].
pub async fn accept(db: &Db, viewer: &Viewer, request_id: i32) -> DomainResult<()> {
    let request = as_recipient(
        db,
        viewer,
        request_id,
        "You cannot accept your own request; the other member has to.",
    )
    .await?;
    if crate::blocks::between(db, request.from_id, request.to_id).await? {
        return Err(AppError::NotFound);
    }
    settle(db, &request, ACCEPTED).await
}

/// Declines a request sent to `viewer`.
pub async fn decline(db: &Db, viewer: &Viewer, request_id: i32) -> DomainResult<()> {
    let request = as_recipient(
        db,
        viewer,
        request_id,
        "You cannot decline your own request; you can cancel it instead.",
    )
    .await?;
    settle(db, &request, DECLINED).await
}

/// Withdraws a request `viewer` sent.
pub async fn cancel(db: &Db, viewer: &Viewer, request_id: i32) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let request = load(db, request_id).await?;
    if request.from_id != me {
        return Err(if request.to_id == me {
            refused("Only the member who sent a request can cancel it; you can decline it.")
        } else {
            AppError::NotFound
        });
    }
    still_pending(&request)?;
    settle(db, &request, CANCELLED).await
}

/// The request `request_id` if `viewer` received it and it is still pending.
/// Its sender hears `own`; anyone else, [`AppError::NotFound`].
async fn as_recipient(
    db: &Db,
    viewer: &Viewer,
    request_id: i32,
    own: &'static str,
) -> DomainResult<friend_request::Model> {
    let me = viewer.member_id()?;
    let request = load(db, request_id).await?;
    if request.to_id != me {
        return Err(if request.from_id == me {
            refused(own)
        } else {
            AppError::NotFound
        });
    }
    still_pending(&request)?;
    Ok(request)
}

/// Moves `request` from pending to `status`, only if no one else moved it first.
/// Accepting also writes the friendship (both directions), settles a request the
/// other way, if the two asked each other at the same moment, and tells the
/// sender. The request's notification is marked read, or withdrawn if cancelled.
async fn settle(db: &Db, request: &friend_request::Model, status: &str) -> DomainResult<()> {
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a request decision"))?;
    let now = Utc::now();
    // The write comes first, so SQLite takes the write lock before any read.
    let claimed = friend_request::Entity::update_many()
        .col_expr(friend_request::Column::Status, status.into())
        .col_expr(friend_request::Column::DecidedAt, now.into())
        .filter(friend_request::Column::Id.eq(request.id))
        .filter(friend_request::Column::Status.eq(PENDING))
        .exec(&txn)
        .await
        .map_err(internal("deciding a friend request"))?;
    if claimed.rows_affected != 1 {
        let current = load(&txn, request.id).await?;
        return Err(still_pending(&current)
            .err()
            .unwrap_or_else(|| refused("This request is no longer pending.")));
    }
    let asked = NotificationKind::FriendRequest;
    if status == CANCELLED {
        withdraw(&txn, request.to_id, asked, request.id).await?;
    } else {
        read_about(&txn, request.to_id, asked, request.id).await?;
    }
    if status == ACCEPTED {
        if let Some(opposite) = pending(&txn, request.to_id, request.from_id).await? {
            friend_request::Entity::update_many()
                .col_expr(friend_request::Column::Status, ACCEPTED.into())
                .col_expr(friend_request::Column::DecidedAt, now.into())
                .filter(friend_request::Column::Id.eq(opposite.id))
                .filter(friend_request::Column::Status.eq(PENDING))
                .exec(&txn)
                .await
                .map_err(internal("settling the opposite request"))?;
            read_about(&txn, opposite.to_id, asked, opposite.id).await?;
        }
        let (a, b) = (request.from_id, request.to_id);
        friendship::Entity::insert_many([(a, b), (b, a)].map(|(member_id, friend_id)| {
            friendship::ActiveModel {
                member_id: Set(member_id),
                friend_id: Set(friend_id),
                created_at: Set(now),
            }
        }))
        .on_conflict(
            OnConflict::columns([friendship::Column::MemberId, friendship::Column::FriendId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await
        .map_err(internal("storing a friendship"))?;
        let kind = NotificationKind::FriendAccepted;
        record(&txn, request.from_id, kind, request.to_id, Some(request.id)).await?;
    }
    txn.commit()
        .await
        .map_err(internal("committing a request decision"))
}

/// The request `id`, or [`AppError::NotFound`].
async fn load<C: ConnectionTrait>(db: &C, id: i32) -> DomainResult<friend_request::Model> {
    friend_request::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(internal("loading a friend request"))?
        .ok_or(AppError::NotFound)
}

/// The pending request from `from` to `to`, if there is one.
async fn pending<C: ConnectionTrait>(
    db: &C,
    from: i32,
    to: i32,
) -> DomainResult<Option<friend_request::Model>> {
    friend_request::Entity::find()
        .filter(friend_request::Column::FromId.eq(from))
        .filter(friend_request::Column::ToId.eq(to))
        .filter(friend_request::Column::Status.eq(PENDING))
        .one(db)
        .await
        .map_err(internal("looking for a pending request"))
}

/// `Ok` for a pending request, else what became of it, in words.
fn still_pending(request: &friend_request::Model) -> DomainResult<()> {
    match request.status.as_str() {
        PENDING => Ok(()),
        ACCEPTED => Err(refused("This request has already been accepted.")),
        DECLINED => Err(refused("This request has already been declined.")),
        CANCELLED => Err(refused("This request was cancelled by its sender.")),
        _ => Err(refused("This request is no longer pending.")),
    }
}

/// The note as stored: trimmed, `None` when empty, at most [`NOTE_LIMIT`] characters.
fn clean_note(note: &str) -> DomainResult<Option<String>> {
    let note = note.trim();
    if note.chars().count() > NOTE_LIMIT {
        return Err(AppError::invalid(
            "note",
            format!("Please keep the note to {NOTE_LIMIT} characters or fewer."),
        ));
    }
    Ok((!note.is_empty()).then(|| note.to_owned()))
}

/// A request the rules do not allow, with the reason.
fn refused(message: impl Into<String>) -> AppError {
    AppError::invalid("request", message)
}
