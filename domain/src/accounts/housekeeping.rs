//! Clearing out what accounts leave behind: ended sessions, spent tokens and old
//! rate-limit counters. Run now and then by the server; safe on every instance.

use chrono::{Duration, Utc};
use iey_entity::{account_token, rate_limit, session};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::{Db, DomainResult, internal};

/// How many rows a sweep removed, for the log.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Expired sessions.
    pub sessions: u64,
    /// Used or expired tokens older than a week.
    pub tokens: u64,
    /// Rate-limit counters idle for a day.
    pub counters: u64,
}

/// Deletes expired sessions, tokens spent or expired over a week ago (kept a
/// while so a reused link still says "already used"), and idle counters.
pub async fn sweep(db: &Db) -> DomainResult<Swept> {
    let now = Utc::now();
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lt(now))
        .exec(db)
        .await
        .map_err(internal("sweeping sessions"))?
        .rows_affected;
    let week_ago = now - Duration::days(7);
    let tokens = account_token::Entity::delete_many()
        .filter(
            Condition::any()
                .add(account_token::Column::UsedAt.lt(week_ago))
                .add(account_token::Column::ExpiresAt.lt(week_ago)),
        )
        .exec(db)
        .await
        .map_err(internal("sweeping tokens"))?
        .rows_affected;
    let counters = rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::WindowStart.lt((now - Duration::days(1)).timestamp()))
        .exec(db)
        .await
        .map_err(internal("sweeping rate limits"))?
        .rows_affected;
    Ok(Swept {
        sessions,
        tokens,
        counters,
    })
}
