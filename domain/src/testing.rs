//! Fresh, migrated databases for tests: SQLite by default, PostgreSQL when
//! `IEY_TEST_DB=postgres` (each test gets its own schema, dropped afterwards).

use sea_orm::{ConnectionTrait, DbErr};

use crate::Db;
use crate::db::{connect, connect_in_schema, migrate};

/// The PostgreSQL server tests use unless `IEY_TEST_POSTGRES` says otherwise.
pub const DEFAULT_TEST_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A migrated database that belongs to one test.
pub struct TestDb {
    /// The connection to use.
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresSchema { admin: Db, schema: String },
}

impl TestDb {
    /// Makes a new empty database with the real migrations applied. Panics when the
    /// backend asked for is unreachable: a test run must fail, never skip.
    #[allow(clippy::expect_used)]
    pub async fn fresh() -> TestDb {
        let backend = std::env::var("IEY_TEST_DB").unwrap_or_else(|_| "sqlite".to_owned());
        let test_db = match backend.as_str() {
            "postgres" => Self::postgres().await,
            "sqlite" => Self::sqlite().await,
            other => panic!("IEY_TEST_DB must be sqlite or postgres, not {other}"),
        }
        .expect("open a test database");
        migrate(&test_db.db)
            .await
            .expect("migrate the test database");
        test_db
    }

    async fn sqlite() -> Result<TestDb, DbErr> {
        let path = std::env::temp_dir().join(format!("iey-test-{}.db", uuid::Uuid::new_v4()));
        let db = connect(&format!("sqlite://{}", path.display())).await?;
        Ok(TestDb {
            db,
            cleanup: Cleanup::SqliteFile(path),
        })
    }

    async fn postgres() -> Result<TestDb, DbErr> {
        let url =
            std::env::var("IEY_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_TEST_POSTGRES.to_owned());
        let admin = connect(&url).await?;
        let schema = format!("iey_test_{}", uuid::Uuid::new_v4().simple());
        admin
            .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
            .await?;
        let db = connect_in_schema(&url, &schema).await?;
        Ok(TestDb {
            db,
            cleanup: Cleanup::PostgresSchema { admin, schema },
        })
    }

    /// Closes the database and removes it. Call at the end of each test.
    #[allow(clippy::expect_used)]
    pub async fn remove(self) {
        self.db.close().await.expect("close the test database");
        match self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PostgresSchema { admin, schema } => {
                admin
                    .execute_unprepared(&format!("DROP SCHEMA {schema} CASCADE"))
                    .await
                    .expect("drop the test schema");
            }
        }
    }
}
