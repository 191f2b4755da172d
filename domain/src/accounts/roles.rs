//! Roles: who may moderate and who runs the instance. Granted from the command line.

use iey_entity::member;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::email::normalise_email;
use crate::{AppError, Db, DomainResult, Role, internal};

/// Gives the account with `email` the `role`. `NotFound` when there is none.
pub async fn grant_role(db: &Db, email: &str, role: Role) -> DomainResult<()> {
    let updated = member::Entity::update_many()
        .col_expr(member::Column::Role, role.code().into())
        .filter(member::Column::Email.eq(normalise_email(email)))
        .exec(db)
        .await
        .map_err(internal("granting a role"))?;
    if updated.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
