//! Single-use, expiring tokens for links sent by email.

use chrono::{Duration, Utc};
use iey_entity::account_token;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{random_token, token_hash};
use crate::{AppError, DomainResult, internal};

/// What an emailed link is for, and how long it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Confirms the address given at sign-up.
    VerifyEmail,
    /// Lets the member choose a new password.
    ResetPassword,
    /// Confirms a new address before it replaces the old one.
    ChangeEmail,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::ChangeEmail => "change_email",
        }
    }

    fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail => Duration::days(3),
            Purpose::ResetPassword => Duration::hours(1),
            Purpose::ChangeEmail => Duration::days(1),
        }
    }
}

/// Creates a token for `member_id` and returns it; only its hash is stored.
/// Earlier unused tokens of the same purpose stop working.
pub(crate) async fn issue<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    purpose: Purpose,
    new_email: Option<String>,
) -> DomainResult<String> {
    let now = Utc::now();
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, now.into())
        .filter(account_token::Column::MemberId.eq(member_id))
        .filter(account_token::Column::Purpose.eq(purpose.code()))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map_err(internal("retiring earlier tokens"))?;
    let token = random_token();
    account_token::Entity::insert(account_token::ActiveModel {
        token_hash: Set(token_hash(&token)),
        member_id: Set(member_id),
        purpose: Set(purpose.code().to_owned()),
        new_email: Set(new_email),
        created_at: Set(now),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
    })
    .exec(db)
    .await
    .map_err(internal("storing a token"))?;
    Ok(token)
}

/// Uses up `token`: returns its row if it exists, is for `purpose`, has not
/// expired and was never used; afterwards it never works again, even when two
/// requests race with the same link.
pub(crate) async fn redeem<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: Purpose,
) -> DomainResult<account_token::Model> {
    let hash = token_hash(token.trim());
    let now = Utc::now();
    let claimed = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, now.into())
        .filter(account_token::Column::TokenHash.eq(hash.as_str()))
        .filter(account_token::Column::Purpose.eq(purpose.code()))
        .filter(account_token::Column::UsedAt.is_null())
        .filter(account_token::Column::ExpiresAt.gt(now))
        .exec(db)
        .await
        .map_err(internal("redeeming a token"))?;
    if claimed.rows_affected != 1 {
        return Err(AppError::invalid(
            "token",
            "This link has expired or has already been used. Please ask for a new one.",
        ));
    }
    account_token::Entity::find_by_id(hash)
        .one(db)
        .await
        .map_err(internal("loading a redeemed token"))?
        .ok_or(AppError::Internal)
}
