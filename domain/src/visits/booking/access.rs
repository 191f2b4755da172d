//! Who may decide on a visit, and the one way its status changes: a conditional
//! UPDATE from the statuses it may come from, so two decisions at once can't both
//! apply.

use chrono::Utc;
use iey_dto::{AppError, VisitStatus};
use iey_entity::{visit, visit_offer};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use crate::{Db, DomainResult, Viewer, internal};

/// Visit `id` and its offer when `viewer` hosts it (else [`AppError::NotFound`];
/// a visitor blocked since asking is not found either).
pub(super) async fn as_host(
    db: &Db,
    viewer: &Viewer,
    id: i32,
) -> DomainResult<(visit::Model, visit_offer::Model)> {
    let me = viewer.member_id()?;
    let (visit, offer) = visit_and_offer(db, id).await?;
    if offer.host_id != me || crate::blocks::between(db, me, visit.visitor_id).await? {
        return Err(AppError::NotFound);
    }
    Ok((visit, offer))
}

/// Visit `id` and its offer when `viewer` asked for it or hosts it.
pub(super) async fn party_to(
    db: &Db,
    viewer: &Viewer,
    id: i32,
) -> DomainResult<(visit::Model, visit_offer::Model)> {
    let me = viewer.member_id()?;
    let (visit, offer) = visit_and_offer(db, id).await?;
    if visit.visitor_id != me && offer.host_id != me {
        return Err(AppError::NotFound);
    }
    let other = if me == offer.host_id {
        visit.visitor_id
    } else {
        offer.host_id
    };
    if crate::blocks::between(db, me, other).await? {
        return Err(AppError::NotFound);
    }
    Ok((visit, offer))
}

async fn visit_and_offer(db: &Db, id: i32) -> DomainResult<(visit::Model, visit_offer::Model)> {
    visit::Entity::find_by_id(id)
        .find_also_related(visit_offer::Entity)
        .one(db)
        .await
        .map_err(internal("loading a visit"))?
        .and_then(|(visit, offer)| Some((visit, offer?)))
        .ok_or(AppError::NotFound)
}

/// Moves `visit` from one of `from` to `to`, bumping its calendar sequence; a
/// visit no longer in one of `from` (someone else changed it first) is refused.
pub(super) async fn change(
    txn: &DatabaseTransaction,
    visit: &visit::Model,
    from: &[VisitStatus],
    to: VisitStatus,
    reason: Option<String>,
    viewer: &Viewer,
) -> DomainResult<()> {
    let mut update = visit::Entity::update_many()
        .col_expr(visit::Column::Status, Expr::value(to.code()))
        .col_expr(visit::Column::ChangedBy, Expr::value(viewer.member_id()?))
        .col_expr(
            visit::Column::Sequence,
            Expr::col(visit::Column::Sequence).add(1),
        )
        .col_expr(visit::Column::UpdatedAt, Expr::value(Utc::now()));
    if let Some(reason) = reason {
        update = update.col_expr(visit::Column::Reason, Expr::value(reason));
    }
    let changed = update
        .filter(visit::Column::Id.eq(visit.id))
        .filter(visit::Column::Status.is_in(from.iter().map(|status| status.code())))
        .exec(txn)
        .await
        .map_err(internal("changing a visit"))?;
    if changed.rows_affected == 0 {
        let now = VisitStatus::from_code(&visit.status).map_or("changed", |status| status.label());
        return Err(AppError::invalid(
            "visit",
            format!(
                "This visit can't be changed that way (it is {}).",
                now.to_lowercase()
            ),
        ));
    }
    Ok(())
}
