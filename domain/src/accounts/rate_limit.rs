//! Rate limits kept in the database, so every server instance counts together:
//! a fixed window per key, e.g. ten log-ins per quarter hour from one address.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

use crate::{AppError, DomainResult, internal};

/// How many attempts a key may make, and per how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Attempts allowed in one window.
    pub max: i32,
    /// The window's length, in seconds.
    pub window_secs: i64,
}

/// Counts one attempt for `key`. When the key has used up its window, returns
/// [`AppError::RateLimited`] with the seconds until the window ends.
pub async fn hit<C: ConnectionTrait>(db: &C, key: &str, limit: Limit) -> DomainResult<()> {
    let now = chrono::Utc::now().timestamp();
    hit_at(db, key, limit, now).await
}

/// [`hit`] at a given time, in seconds since the Unix epoch (for tests).
pub(crate) async fn hit_at<C: ConnectionTrait>(
    db: &C,
    key: &str,
    limit: Limit,
    now: i64,
) -> DomainResult<()> {
    let expired_before = now - limit.window_secs;
    // One statement, so two instances counting at once can't both slip through.
    let sql = "INSERT INTO rate_limit (key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN rate_limit.window_start <= $3 THEN 1 ELSE rate_limit.hits + 1 END, \
           window_start = CASE WHEN rate_limit.window_start <= $4 THEN $5 ELSE rate_limit.window_start END \
         RETURNING hits, window_start";
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => sql.replace('$', "?"),
        _ => sql.to_owned(),
    };
    let statement = Statement::from_sql_and_values(
        backend,
        sql,
        [
            key.into(),
            now.into(),
            expired_before.into(),
            expired_before.into(),
            now.into(),
        ],
    );
    let row = db
        .query_one_raw(statement)
        .await
        .map_err(internal("counting a rate-limited attempt"))?
        .ok_or(AppError::Internal)?;
    let hits: i32 = row
        .try_get("", "hits")
        .map_err(internal("reading a rate limit"))?;
    let window_start: i64 = row
        .try_get("", "window_start")
        .map_err(internal("reading a rate limit"))?;
    if hits > limit.max {
        let retry_after_secs = (window_start + limit.window_secs - now).max(1);
        return Err(AppError::RateLimited {
            retry_after_secs: u64::try_from(retry_after_secs).unwrap_or(1),
        });
    }
    Ok(())
}
