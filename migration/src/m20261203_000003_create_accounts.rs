//! Accounts: log-in sessions, single-use tokens (email verification, password reset,
//! email change) and rate-limit counters. Sessions and counters live in the database
//! so that several server instances share them.

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
                    .table(Session::Table)
                    .if_not_exists()
                    .col(pk_auto(Session::Id))
                    .col(string_len_uniq(Session::TokenHash, 64))
                    .col(integer(Session::MemberId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::LastSeenAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .col(string_len(Session::UserAgent, 200))
                    .col(string_len(Session::Ip, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_member")
                            .from(Session::Table, Session::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_session_member")
                    .table(Session::Table)
                    .col(Session::MemberId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountToken::Table)
                    .if_not_exists()
                    .col(string_len(AccountToken::TokenHash, 64).primary_key())
                    .col(integer(AccountToken::MemberId))
                    .col(string_len(AccountToken::Purpose, 24))
                    .col(string_len_null(AccountToken::NewEmail, 254))
                    .col(timestamp_with_time_zone(AccountToken::CreatedAt))
                    .col(timestamp_with_time_zone(AccountToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_account_token_member")
                            .from(AccountToken::Table, AccountToken::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_account_token_member")
                    .table(AccountToken::Table)
                    .col(AccountToken::MemberId)
                    .col(AccountToken::Purpose)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RateLimit::Table)
                    .if_not_exists()
                    .col(string_len(RateLimit::Key, 200).primary_key())
                    .col(big_integer(RateLimit::WindowStart))
                    .col(integer(RateLimit::Hits))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RateLimit::Table.into_iden(),
            AccountToken::Table.into_iden(),
            Session::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Identifiers of the `session` table.
#[derive(DeriveIden)]
pub enum Session {
    Table,
    Id,
    TokenHash,
    MemberId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    UserAgent,
    Ip,
}

/// Identifiers of the `account_token` table.
#[derive(DeriveIden)]
pub enum AccountToken {
    Table,
    TokenHash,
    MemberId,
    Purpose,
    NewEmail,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

/// Identifiers of the `rate_limit` table.
#[derive(DeriveIden)]
pub enum RateLimit {
    Table,
    Key,
    WindowStart,
    Hits,
}
