//! Friend requests: one row per request, kept after it is decided so the history
//! (and later "declined recently") can be read. At most one request per ordered
//! pair of members is pending at a time.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

use super::m20261203_000001_create_member::Member;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FriendRequest::Table)
                    .if_not_exists()
                    .col(pk_auto(FriendRequest::Id))
                    .col(integer(FriendRequest::FromId))
                    .col(integer(FriendRequest::ToId))
                    .col(text_null(FriendRequest::Note))
                    .col(string_len(FriendRequest::Status, 16).default("pending"))
                    .col(timestamp_with_time_zone(FriendRequest::CreatedAt))
                    .col(timestamp_with_time_zone_null(FriendRequest::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_friend_request_from")
                            .from(FriendRequest::Table, FriendRequest::FromId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_friend_request_to")
                            .from(FriendRequest::Table, FriendRequest::ToId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // "My incoming pending" and "my outgoing pending", newest first, each start
        // from one member and one status.
        for (name, column) in [
            ("idx_friend_request_to", FriendRequest::ToId),
            ("idx_friend_request_from", FriendRequest::FromId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(FriendRequest::Table)
                        .col(column)
                        .col(FriendRequest::Status)
                        .col(FriendRequest::CreatedAt)
                        .to_owned(),
                )
                .await?;
        }
        // One pending request per ordered pair, even when two arrive at once; it
        // also answers "is a request pending between A and B" (looked up both ways).
        // Partial unique indexes read the same on SQLite and PostgreSQL.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS uq_friend_request_pending \
                 ON friend_request (from_id, to_id) WHERE status = 'pending'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FriendRequest::Table).to_owned())
            .await
    }
}

/// Identifiers of the `friend_request` table.
#[derive(DeriveIden)]
pub enum FriendRequest {
    Table,
    Id,
    FromId,
    ToId,
    Note,
    Status,
    CreatedAt,
    DecidedAt,
}
