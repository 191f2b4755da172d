//! The places of a slot: approving claims them with one conditional UPDATE of
//! the slot's counter, cancelling gives them back and offers them to the first
//! on the waiting list who fits.

use chrono::Utc;
use iey_dto::{NotificationKind, VisitStatus};
use iey_entity::{visit, visit_offer, visit_slot};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};

use crate::notifications::record;
use crate::{DomainResult, internal};

/// Claims `visit`'s places in its slot; false when they don't fit.
pub(super) async fn claim(
    txn: &DatabaseTransaction,
    offer: &visit_offer::Model,
    visit: &visit::Model,
) -> DomainResult<bool> {
    visit_slot::Entity::insert(visit_slot::ActiveModel {
        offer_id: Set(offer.id),
        starts_at: Set(visit.starts_at),
        taken: Set(0),
    })
    .on_conflict(
        OnConflict::columns([visit_slot::Column::OfferId, visit_slot::Column::StartsAt])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await
    .map_err(internal("opening a slot's counter"))?;
    let claimed = visit_slot::Entity::update_many()
        .col_expr(
            visit_slot::Column::Taken,
            Expr::col(visit_slot::Column::Taken).add(visit.party),
        )
        .filter(visit_slot::Column::OfferId.eq(offer.id))
        .filter(visit_slot::Column::StartsAt.eq(visit.starts_at))
        .filter(
            Expr::col(visit_slot::Column::Taken)
                .add(visit.party)
                .lte(offer.capacity),
        )
        .exec(txn)
        .await
        .map_err(internal("claiming places"))?;
    Ok(claimed.rows_affected == 1)
}

/// Gives back `visit`'s places in its slot.
pub(super) async fn release(txn: &DatabaseTransaction, visit: &visit::Model) -> DomainResult<()> {
    visit_slot::Entity::update_many()
        .col_expr(
            visit_slot::Column::Taken,
            Expr::col(visit_slot::Column::Taken).sub(visit.party),
        )
        .filter(visit_slot::Column::OfferId.eq(visit.offer_id))
        .filter(visit_slot::Column::StartsAt.eq(visit.starts_at))
        .filter(visit_slot::Column::Taken.gte(visit.party))
        .exec(txn)
        .await
        .map_err(internal("releasing places"))?;
    Ok(())
}

/// Offers the places `freed` gave back to the first waitlisted visit of the same
/// slot that fits in what is now free.
pub(super) async fn offer_freed_place(
    txn: &DatabaseTransaction,
    offer: &visit_offer::Model,
    freed: &visit::Model,
) -> DomainResult<()> {
    let taken: i32 = visit_slot::Entity::find_by_id((offer.id, freed.starts_at))
        .one(txn)
        .await
        .map_err(internal("reading a slot's places"))?
        .map_or(0, |slot| slot.taken);
    let free = offer.capacity - taken;
    let next = visit::Entity::find()
        .filter(visit::Column::OfferId.eq(offer.id))
        .filter(visit::Column::StartsAt.eq(freed.starts_at))
        .filter(visit::Column::Status.eq(VisitStatus::Waitlisted.code()))
        .filter(visit::Column::Party.lte(free))
        .order_by_asc(visit::Column::CreatedAt)
        .order_by_asc(visit::Column::Id)
        .one(txn)
        .await
        .map_err(internal("finding the waiting list"))?;
    let Some(next) = next else {
        return Ok(());
    };
    visit::Entity::update_many()
        .col_expr(
            visit::Column::Status,
            Expr::value(VisitStatus::Offered.code()),
        )
        .col_expr(
            visit::Column::Sequence,
            Expr::col(visit::Column::Sequence).add(1),
        )
        .col_expr(visit::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(visit::Column::Id.eq(next.id))
        .filter(visit::Column::Status.eq(VisitStatus::Waitlisted.code()))
        .exec(txn)
        .await
        .map_err(internal("offering a freed place"))?;
    record(
        txn,
        next.visitor_id,
        NotificationKind::VisitPlaceOffered,
        offer.host_id,
        Some(next.id),
    )
    .await
}

/// Ends every live visit between members `a` and `b` (either hosting the other)
/// when one blocks the other: each is cancelled, its places given back, and
/// nobody is told (neither may see the other any more).
pub(crate) async fn end_between(txn: &DatabaseTransaction, a: i32, b: i32) -> DomainResult<()> {
    for (host, visitor) in [(a, b), (b, a)] {
        let live = visit::Entity::find()
            .inner_join(visit_offer::Entity)
            .filter(visit_offer::Column::HostId.eq(host))
            .filter(visit::Column::VisitorId.eq(visitor))
            .filter(visit::Column::Status.is_in(super::LIVE))
            .all(txn)
            .await
            .map_err(internal("finding visits between a blocked pair"))?;
        for found in live {
            visit::Entity::update_many()
                .col_expr(
                    visit::Column::Status,
                    Expr::value(VisitStatus::Cancelled.code()),
                )
                .col_expr(
                    visit::Column::Sequence,
                    Expr::col(visit::Column::Sequence).add(1),
                )
                .col_expr(visit::Column::UpdatedAt, Expr::value(Utc::now()))
                .filter(visit::Column::Id.eq(found.id))
                .exec(txn)
                .await
                .map_err(internal("cancelling a visit between a blocked pair"))?;
            if found.status == VisitStatus::Approved.code() {
                release(txn, &found).await?;
            }
        }
    }
    Ok(())
}
