//! Filter words in the search index: each member's entry gets a second column of
//! words standing for their country, tags and yes/no filters (an FTS5 column on
//! SQLite, a `filters` tsvector with its own GIN index on PostgreSQL), so searches
//! intersect words and filters inside the full-text index. The old entries lack
//! those words, so they are cleared; `iey serve` rebuilds missing ones at start
//! (`members::reindex_missing`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                // detail=column: column filters need it ("document : heal*").
                db.execute_unprepared("DROP TABLE IF EXISTS member_fts")
                    .await?;
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE member_fts USING fts5(document, filters, \
                     content='', contentless_delete=1, detail=column, prefix='2 3')",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "ALTER TABLE member_search ADD COLUMN filters tsvector NOT NULL \
                     DEFAULT ''::tsvector",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_member_search_filters ON member_search USING GIN (filters)",
                )
                .await?;
            }
        }
        db.execute_unprepared("DELETE FROM member_search").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                db.execute_unprepared("DROP TABLE IF EXISTS member_fts")
                    .await?;
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE member_fts USING fts5(document, content='', \
                     contentless_delete=1, detail=none, prefix='2 3')",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared("DROP INDEX IF EXISTS idx_member_search_filters")
                    .await?;
                db.execute_unprepared("ALTER TABLE member_search DROP COLUMN filters")
                    .await?;
            }
        }
        db.execute_unprepared("DELETE FROM member_search").await?;
        Ok(())
    }
}
