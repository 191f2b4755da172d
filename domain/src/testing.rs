//! Fresh, migrated databases for tests: SQLite by default, PostgreSQL when
//! `IEY_TEST_DB=postgres` (each test gets its own schema, dropped afterwards).

use iey_entity::member;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use crate::Db;
use crate::db::{connect, connect_in_schema, migrate};
use crate::seed::{SeedOptions, seed_members};

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

    /// A fresh database with `members` demo members drawn from `seed`.
    #[allow(clippy::expect_used)]
    pub async fn seeded(members: usize, seed: u64) -> TestDb {
        let test_db = Self::fresh().await;
        seed_members(
            &test_db.db,
            SeedOptions {
                members,
                seed,
                friendships_per_member: 0,
            },
        )
        .await
        .expect("seed the test database");
        test_db
    }

    /// The handles of the first `limit` members, in the order they were added.
    #[allow(clippy::expect_used)]
    pub async fn handles(&self, limit: u64) -> Vec<String> {
        member::Entity::find()
            .order_by_asc(member::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await
            .expect("list members")
            .into_iter()
            .map(|m| m.handle)
            .collect()
    }

    /// Makes `handle` a verified member with `visibility`; returns their id.
    #[allow(clippy::expect_used)]
    pub async fn set_visibility(&self, handle: &str, visibility: &str) -> i32 {
        let row = member::Entity::find()
            .filter(member::Column::Handle.eq(handle))
            .one(&self.db)
            .await
            .expect("find the member")
            .expect("the member exists");
        let id = row.id;
        let mut row: member::ActiveModel = row.into();
        row.visibility = Set(visibility.to_owned());
        row.email_verified_at = Set(Some(chrono::Utc::now()));
        row.update(&self.db).await.expect("update the member");
        id
    }

    /// Makes members `a_id` and `b_id` friends (both directions, as the friend
    /// graph stores them).
    #[allow(clippy::expect_used)]
    pub async fn befriend(&self, a_id: i32, b_id: i32) {
        let now = chrono::Utc::now();
        iey_entity::friendship::Entity::insert_many([(a_id, b_id), (b_id, a_id)].map(
            |(member_id, friend_id)| iey_entity::friendship::ActiveModel {
                member_id: Set(member_id),
                friend_id: Set(friend_id),
                created_at: Set(now),
            },
        ))
        .exec(&self.db)
        .await
        .expect("store the friendship");
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

/// The token after `prefix` in the newest mail file in `dir`.
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub fn token_in_newest_mail(dir: &std::path::Path, prefix: &str) -> String {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    // By time written, then by name (outbox names start with a timestamp).
    files.sort_by_key(|path| {
        let written = std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok();
        (written, path.clone())
    });
    let raw = std::fs::read_to_string(files.last().unwrap()).unwrap();
    // Long lines travel quoted-printable: soft breaks and `=3D` for `=`.
    let text = raw
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {text}"))
        + prefix.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
