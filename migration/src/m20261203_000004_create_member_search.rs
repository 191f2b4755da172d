//! Directory search: one search document per member, indexed by each database's
//! own full-text search (an FTS5 table on SQLite, a `tsvector` with a GIN index on
//! PostgreSQL), and the `friendship` table that friends-only profiles are shown by.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use super::m20261203_000001_create_member::Member;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Both directions of a friendship are stored, one row each, so "my friends"
        // is always a primary-key range scan on `member_id`.
        manager
            .create_table(
                Table::create()
                    .table(Friendship::Table)
                    .if_not_exists()
                    .col(integer(Friendship::MemberId))
                    .col(integer(Friendship::FriendId))
                    .col(timestamp_with_time_zone(Friendship::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(Friendship::MemberId)
                            .col(Friendship::FriendId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_friendship_member")
                            .from(Friendship::Table, Friendship::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_friendship_friend")
                            .from(Friendship::Table, Friendship::FriendId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_friendship_friend")
                    .table(Friendship::Table)
                    .col(Friendship::FriendId)
                    .to_owned(),
            )
            .await?;
        // The "newest" sort pages on (created_at, id).
        manager
            .create_index(
                Index::create()
                    .name("idx_member_created_at")
                    .table(Member::Table)
                    .col(Member::CreatedAt)
                    .col(Member::Id)
                    .to_owned(),
            )
            .await?;
        // Covers a country filter with everything else the directory checks or
        // sorts on, so filtering by country never reads the wide member rows.
        manager
            .create_index(
                Index::create()
                    .name("idx_member_directory")
                    .table(Member::Table)
                    .col(Member::CountryCode)
                    .col(Member::Visibility)
                    .col(Member::EmailVerifiedAt)
                    .col(Member::SortName)
                    .col(Member::OpenToVisits)
                    .col(Member::OpenToMentoring)
                    .col(Member::CreatedAt)
                    .to_owned(),
            )
            .await?;
        // Normalised text per field group (lower-case ASCII words, space-separated,
        // with a leading space) that relevance is scored from on both databases.
        manager
            .create_table(
                Table::create()
                    .table(MemberSearch::Table)
                    .if_not_exists()
                    .col(integer(MemberSearch::MemberId).primary_key())
                    .col(text(MemberSearch::Names).default(""))
                    .col(text(MemberSearch::Roles).default(""))
                    .col(text(MemberSearch::Interests).default(""))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_member_search_member")
                            .from(MemberSearch::Table, MemberSearch::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                // Contentless: the words are indexed, not stored twice; the rowid is
                // the member's id. Prefix indexes make "he*" and "hea*" cheap.
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS member_fts USING fts5(\
                     document, content='', contentless_delete=1, detail=none, prefix='2 3')",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER IF NOT EXISTS member_fts_forget AFTER DELETE ON member \
                     BEGIN DELETE FROM member_fts WHERE rowid = old.id; END",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "ALTER TABLE member_search ADD COLUMN document tsvector NOT NULL \
                     DEFAULT ''::tsvector",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_member_search_document ON member_search USING GIN (document)",
                )
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            let db = manager.get_connection();
            db.execute_unprepared("DROP TRIGGER IF EXISTS member_fts_forget")
                .await?;
            db.execute_unprepared("DROP TABLE IF EXISTS member_fts")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(MemberSearch::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_member_directory")
                    .table(Member::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_member_created_at")
                    .table(Member::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Friendship::Table).to_owned())
            .await
    }
}

/// Identifiers of the `friendship` table.
#[derive(DeriveIden)]
pub enum Friendship {
    Table,
    MemberId,
    FriendId,
    CreatedAt,
}

/// Identifiers of the `member_search` table.
#[derive(DeriveIden)]
pub enum MemberSearch {
    Table,
    MemberId,
    Names,
    Roles,
    Interests,
}
