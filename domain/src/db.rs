//! Opening the database (SQLite by default, PostgreSQL to scale out) and migrating it.

use std::path::Path;
use std::time::Duration;

use iey_migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

/// The shared connection pool; cheap to clone.
pub type Db = DatabaseConnection;

/// Opens a pool for `url`. For SQLite the file and its folder are created when
/// missing, and every connection runs in WAL mode with foreign keys enforced, a
/// 16 MB page cache and the file memory-mapped (up to 256 MB): directory counts
/// at 100,000 members read far more than the default 2 MB cache holds.
pub async fn connect(url: &str) -> Result<Db, DbErr> {
    let url = prepare_sqlite_url(url)?;
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(if is_sqlite(&url) { 8 } else { 16 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .pragma("cache_size", "-16384")
                .pragma("mmap_size", "268435456")
        });
    Database::connect(options).await
}

/// Opens a PostgreSQL pool whose tables live in `schema` (used to isolate tests).
pub async fn connect_in_schema(url: &str, schema: &str) -> Result<Db, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(8)
        .connect_timeout(Duration::from_secs(5))
        .set_schema_search_path(schema.to_owned())
        .sqlx_logging(false);
    Database::connect(options).await
}

/// Brings the schema up to date.
pub async fn migrate(db: &Db) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Checks that the database answers (used by `/readyz`).
pub async fn ping(db: &Db) -> Result<(), DbErr> {
    db.ping().await
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Makes sure a SQLite file's folder exists and that sqlx may create the file.
fn prepare_sqlite_url(url: &str) -> Result<String, DbErr> {
    let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        return Ok(url.to_owned());
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path.starts_with(":memory:") {
        return Ok(url.to_owned());
    }
    if let Some(folder) = Path::new(path)
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|error| {
            DbErr::Custom(format!("cannot create {}: {error}", folder.display()))
        })?;
    }
    Ok(if query.contains("mode=") {
        url.to_owned()
    } else if query.is_empty() {
        format!("sqlite://{path}?mode=rwc")
    } else {
        format!("sqlite://{path}?{query}&mode=rwc")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_may_create_their_file() {
        assert_eq!(
            prepare_sqlite_url("sqlite://target/test-db-url/iey.db")
                .ok()
                .as_deref(),
            Some("sqlite://target/test-db-url/iey.db?mode=rwc")
        );
        assert_eq!(
            prepare_sqlite_url("sqlite::memory:").ok().as_deref(),
            Some("sqlite::memory:")
        );
        assert_eq!(
            prepare_sqlite_url("postgres://postgres@127.0.0.1/test")
                .ok()
                .as_deref(),
            Some("postgres://postgres@127.0.0.1/test")
        );
    }
}
