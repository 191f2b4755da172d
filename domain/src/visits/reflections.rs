//! Notes after a visit: each member of a visit that took place may write one,
//! kept private or shared with the others of that visit.

use chrono::{DateTime, Utc};
use iey_dto::{AppError, ReflectionView};
use iey_entity::{member, visit, visit_reflection};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use super::view::visit_page;
use crate::blocks::not_blocked_with;
use crate::{Db, DomainResult, Viewer, internal};

/// The longest reflection.
pub const REFLECTION_LIMIT: usize = 4000;

/// Saves `viewer`'s reflection on visit `id` (an empty one is removed). Only the
/// members of an approved visit that has ended may write one.
pub async fn save_reflection(
    db: &Db,
    viewer: &Viewer,
    id: i32,
    body: &str,
    shared: bool,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let me = viewer.member_id()?;
    visit_page(db, viewer, id).await?;
    let visit = visit::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(internal("loading a visit to reflect on"))?
        .ok_or(AppError::NotFound)?;
    if visit.status != "approved" || visit.ends_at > now {
        return Err(AppError::invalid(
            "body",
            "You can write a reflection once the visit has taken place.",
        ));
    }
    let body = body.trim().replace("\r\n", "\n");
    let length = body.chars().count();
    if length > REFLECTION_LIMIT {
        return Err(AppError::invalid(
            "body",
            format!(
                "Please keep the reflection to {REFLECTION_LIMIT} characters (it has {length})."
            ),
        ));
    }
    if body.is_empty() {
        visit_reflection::Entity::delete_by_id((id, me))
            .exec(db)
            .await
            .map_err(internal("removing a reflection"))?;
        return Ok(());
    }
    visit_reflection::Entity::insert(visit_reflection::ActiveModel {
        visit_id: Set(id),
        member_id: Set(me),
        body: Set(body),
        shared: Set(shared),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            visit_reflection::Column::VisitId,
            visit_reflection::Column::MemberId,
        ])
        .update_columns([
            visit_reflection::Column::Body,
            visit_reflection::Column::Shared,
            visit_reflection::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal("saving a reflection"))?;
    Ok(())
}

/// The reflections on visit `id` that `viewer` may read: their own, and the
/// others' shared ones (never across a block).
pub async fn reflections(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<Vec<ReflectionView>> {
    let me = viewer.member_id()?;
    visit_page(db, viewer, id).await?;
    let rows = visit_reflection::Entity::find()
        .find_also_related(member::Entity)
        .filter(visit_reflection::Column::VisitId.eq(id))
        .filter(
            Condition::any()
                .add(visit_reflection::Column::MemberId.eq(me))
                .add(visit_reflection::Column::Shared.eq(true)),
        )
        .filter(not_blocked_with(member::Column::Id, me))
        .order_by_asc(visit_reflection::Column::UpdatedAt)
        .all(db)
        .await
        .map_err(internal("loading reflections"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(row, author)| {
            let author = author?;
            Some(ReflectionView {
                mine: author.id == me,
                author: crate::friends::summary(author),
                body: row.body,
                shared: row.shared,
            })
        })
        .collect())
}
