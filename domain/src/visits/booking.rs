//! Requesting and deciding visits. A visitor asks for one free slot (with friends
//! along); the host approves, declines with a reason, or waitlists; either side
//! cancels with a reason; a place freed by a cancellation is offered to the first
//! on the waiting list. Approving claims places with one conditional UPDATE of the
//! slot's counter, so capacity holds even when two approvals race.

use chrono::{DateTime, Utc};
use iey_dto::{AppError, NotificationKind, OfferStatus, VisitRequestForm, VisitStatus};
use iey_entity::{member, visit, visit_companion, visit_offer};
use sea_orm::{ActiveValue::Set, EntityTrait, NotSet, QueryFilter, SqlErr, TransactionTrait};

mod access;
mod checks;
mod places;

use access::{as_host, change, party_to};

pub(crate) use checks::companions as companions_named;
use checks::{companions, overlapping, reason_given, tell_visitors};
pub(crate) use places::end_between;
use places::{claim, offer_freed_place, release};

use super::offers::{load_schedule, visible_offers};
use crate::notifications::record;
use crate::{Db, DomainResult, Viewer, internal};

/// The longest message to a host, and the longest reason.
pub const MESSAGE_LIMIT: usize = 1000;
/// The most friends one visitor can bring.
pub const COMPANION_LIMIT: usize = 10;
/// Statuses that hold or wait for a place.
pub(crate) const LIVE: [&str; 4] = ["requested", "approved", "waitlisted", "offered"];

/// Asks for the slot of offer `offer_id` starting at `form.starts_at`; the new
/// visit's id. Every problem is on its field.
pub async fn request_visit(
    db: &Db,
    viewer: &Viewer,
    offer_id: i32,
    form: &VisitRequestForm,
    now: DateTime<Utc>,
) -> DomainResult<i32> {
    let me = viewer.member_id()?;
    let offer = visit_offer::Entity::find_by_id(offer_id)
        .inner_join(member::Entity)
        .filter(visible_offers(viewer))
        .one(db)
        .await
        .map_err(internal("loading an offer to visit"))?
        .ok_or(AppError::NotFound)?;
    if offer.host_id == me {
        return Err(AppError::invalid(
            "starts_at",
            "You cannot ask to visit your own setting.",
        ));
    }
    if offer.status != OfferStatus::Published.code() {
        return Err(AppError::invalid(
            "starts_at",
            "This offer is not taking requests just now.",
        ));
    }
    let mut problems = crate::members::Problems::default();
    let schedule = load_schedule(db, &offer).await?;
    let slot = DateTime::parse_from_rfc3339(form.starts_at.trim())
        .ok()
        .and_then(|start| schedule.slot_at(now, start.with_timezone(&Utc)));
    if slot.is_none() {
        problems.add(
            "starts_at",
            "Please choose one of the times offered (that one is not open for requests).",
        );
    }
    let message = form.message.trim().replace("\r\n", "\n");
    if message.chars().count() > MESSAGE_LIMIT {
        problems.add(
            "message",
            format!("Please keep the message to {MESSAGE_LIMIT} characters."),
        );
    }
    if offer.requires_photo_id && !form.attest_photo_id {
        problems.add(
            "attest_photo_id",
            "This setting asks visitors to bring photo ID: please confirm you will.",
        );
    }
    if offer.requires_background_check && !form.attest_background_check {
        problems.add(
            "attest_background_check",
            "This setting asks for a background check: please confirm you have one.",
        );
    }
    let companions = companions(db, viewer, me, &form.companions, &mut problems).await?;
    let party = 1 + companions.len() as i32;
    if party > offer.capacity {
        problems.add(
            "companions",
            format!("This visit takes at most {} people in all.", offer.capacity),
        );
    }
    let Some(slot) = slot else {
        return Err(AppError::Validation { fields: problems.0 });
    };
    let mut people = vec![me];
    people.extend(companions.iter().map(|companion| companion.id));
    if let Some(busy) = overlapping(db, &people, slot.starts_at, slot.ends_at).await? {
        let whose = if busy == me {
            "You already have".to_owned()
        } else {
            let name = companions
                .iter()
                .find(|companion| companion.id == busy)
                .map_or("A companion", |companion| companion.display_name.as_str());
            format!("{name} already has")
        };
        problems.add(
            "starts_at",
            format!("{whose} a visit at that time. Please choose another."),
        );
    }
    if !problems.0.is_empty() {
        return Err(AppError::Validation { fields: problems.0 });
    }

    let txn = db.begin().await.map_err(internal("starting a visit"))?;
    let inserted = visit::Entity::insert(visit::ActiveModel {
        id: NotSet,
        offer_id: Set(offer.id),
        visitor_id: Set(me),
        starts_at: Set(slot.starts_at),
        ends_at: Set(slot.ends_at),
        party: Set(party),
        status: Set(VisitStatus::Requested.code().to_owned()),
        message: Set(message),
        attested_photo_id: Set(form.attest_photo_id),
        attested_background_check: Set(form.attest_background_check),
        reason: Set(None),
        changed_by: Set(Some(me)),
        sequence: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&txn)
    .await;
    let id = match inserted {
        Ok(result) => result.last_insert_id,
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(AppError::invalid(
                "starts_at",
                "You have already asked for this time.",
            ));
        }
        Err(error) => return Err(internal("storing a visit")(error)),
    };
    if !companions.is_empty() {
        visit_companion::Entity::insert_many(companions.iter().map(|companion| {
            visit_companion::ActiveModel {
                visit_id: Set(id),
                member_id: Set(companion.id),
            }
        }))
        .exec_without_returning(&txn)
        .await
        .map_err(internal("storing companions"))?;
    }
    record(
        &txn,
        offer.host_id,
        NotificationKind::VisitRequested,
        me,
        Some(id),
    )
    .await?;
    txn.commit().await.map_err(internal("committing a visit"))?;
    Ok(id)
}

/// The host approves visit `id` (requested or waitlisted), if the slot has room.
pub async fn approve(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<()> {
    let (visit, offer) = as_host(db, viewer, id).await?;
    let txn = db.begin().await.map_err(internal("starting an approval"))?;
    if !claim(&txn, &offer, &visit).await? {
        return Err(AppError::invalid(
            "visit",
            "This slot is full: put the request on the waiting list, or decline it.",
        ));
    }
    let from = [VisitStatus::Requested, VisitStatus::Waitlisted];
    change(&txn, &visit, &from, VisitStatus::Approved, None, viewer).await?;
    tell_visitors(&txn, &visit, NotificationKind::VisitApproved, offer.host_id).await?;
    txn.commit()
        .await
        .map_err(internal("committing an approval"))
}

/// The host puts requested visit `id` on the waiting list.
pub async fn waitlist(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<()> {
    let (visit, offer) = as_host(db, viewer, id).await?;
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a waitlisting"))?;
    let from = [VisitStatus::Requested];
    change(&txn, &visit, &from, VisitStatus::Waitlisted, None, viewer).await?;
    tell_visitors(
        &txn,
        &visit,
        NotificationKind::VisitWaitlisted,
        offer.host_id,
    )
    .await?;
    txn.commit()
        .await
        .map_err(internal("committing a waitlisting"))
}

/// The host declines visit `id` (not yet approved), saying why.
pub async fn decline(db: &Db, viewer: &Viewer, id: i32, reason: &str) -> DomainResult<()> {
    let reason = reason_given(reason)?;
    let (visit, offer) = as_host(db, viewer, id).await?;
    let txn = db.begin().await.map_err(internal("starting a decline"))?;
    let from = [
        VisitStatus::Requested,
        VisitStatus::Waitlisted,
        VisitStatus::Offered,
    ];
    change(
        &txn,
        &visit,
        &from,
        VisitStatus::Declined,
        Some(reason),
        viewer,
    )
    .await?;
    tell_visitors(&txn, &visit, NotificationKind::VisitDeclined, offer.host_id).await?;
    txn.commit().await.map_err(internal("committing a decline"))
}

/// The visitor or the host calls off visit `id`, saying why; the other side is
/// told. A place it held goes to the first on the waiting list who fits.
pub async fn cancel(db: &Db, viewer: &Viewer, id: i32, reason: &str) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let reason = reason_given(reason)?;
    let (visit, offer) = party_to(db, viewer, id).await?;
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a cancellation"))?;
    let held = visit.status == VisitStatus::Approved.code();
    let from = [
        VisitStatus::Requested,
        VisitStatus::Approved,
        VisitStatus::Waitlisted,
        VisitStatus::Offered,
    ];
    change(
        &txn,
        &visit,
        &from,
        VisitStatus::Cancelled,
        Some(reason),
        viewer,
    )
    .await?;
    if me == offer.host_id {
        tell_visitors(&txn, &visit, NotificationKind::VisitCancelled, me).await?;
    } else {
        record(
            &txn,
            offer.host_id,
            NotificationKind::VisitCancelled,
            me,
            Some(id),
        )
        .await?;
    }
    if held {
        release(&txn, &visit).await?;
        offer_freed_place(&txn, &offer, &visit).await?;
    }
    txn.commit()
        .await
        .map_err(internal("committing a cancellation"))
}

/// The visitor takes the place offered to them on visit `id`, if it is still free.
pub async fn take_place(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let (visit, offer) = party_to(db, viewer, id).await?;
    if visit.visitor_id != me {
        return Err(AppError::NotFound);
    }
    let txn = db
        .begin()
        .await
        .map_err(internal("starting to take a place"))?;
    if !claim(&txn, &offer, &visit).await? {
        let from = [VisitStatus::Offered];
        change(&txn, &visit, &from, VisitStatus::Waitlisted, None, viewer).await?;
        txn.commit()
            .await
            .map_err(internal("committing a lost place"))?;
        return Err(AppError::invalid(
            "visit",
            "Sorry, someone took that place first. You are back on the waiting list.",
        ));
    }
    let from = [VisitStatus::Offered];
    change(&txn, &visit, &from, VisitStatus::Approved, None, viewer).await?;
    record(
        &txn,
        offer.host_id,
        NotificationKind::VisitPlaceTaken,
        me,
        Some(id),
    )
    .await?;
    txn.commit()
        .await
        .map_err(internal("committing a taken place"))
}
