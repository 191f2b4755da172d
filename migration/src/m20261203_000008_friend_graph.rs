//! The rest of the friend graph: blocks (one row per blocker and blocked member),
//! suggestions a member dismissed, and in-app notifications (the notifications
//! issue builds delivery on top of this table).

use sea_orm_migration::{prelude::*, schema::*};

use super::m20261203_000001_create_member::Member;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A pair table keyed (member, other): blocks and dismissed suggestions.
        for (table, member, other, created) in [
            (
                MemberBlock::Table.into_iden(),
                MemberBlock::BlockerId.into_iden(),
                MemberBlock::BlockedId.into_iden(),
                MemberBlock::CreatedAt.into_iden(),
            ),
            (
                SuggestionDismissal::Table.into_iden(),
                SuggestionDismissal::MemberId.into_iden(),
                SuggestionDismissal::DismissedId.into_iden(),
                SuggestionDismissal::CreatedAt.into_iden(),
            ),
        ] {
            let name = table.to_string();
            manager
                .create_table(
                    Table::create()
                        .table(table.clone())
                        .if_not_exists()
                        .col(integer(member.clone()))
                        .col(integer(other.clone()))
                        .col(timestamp_with_time_zone(created))
                        .primary_key(Index::create().col(member.clone()).col(other.clone()))
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_{name}_member"))
                                .from(table.clone(), member)
                                .to(Member::Table, Member::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_{name}_other"))
                                .from(table.clone(), other.clone())
                                .to(Member::Table, Member::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
        }
        // "Who blocked me" is looked up from the other side.
        manager
            .create_index(
                Index::create()
                    .name("idx_member_block_blocked")
                    .table(MemberBlock::Table)
                    .col(MemberBlock::BlockedId)
                    .col(MemberBlock::BlockerId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notification::Table)
                    .if_not_exists()
                    .col(pk_auto(Notification::Id))
                    .col(integer(Notification::MemberId))
                    .col(string_len(Notification::Kind, 32))
                    .col(integer_null(Notification::ActorId))
                    .col(integer_null(Notification::ObjectId))
                    .col(timestamp_with_time_zone(Notification::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notification::ReadAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notification_member")
                            .from(Notification::Table, Notification::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notification_actor")
                            .from(Notification::Table, Notification::ActorId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A member's list, newest first, and their unread count.
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_member")
                    .table(Notification::Table)
                    .col(Notification::MemberId)
                    .col(Notification::ReadAt)
                    .col(Notification::Id)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notification::Table.into_iden(),
            SuggestionDismissal::Table.into_iden(),
            MemberBlock::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Identifiers of the `member_block` table.
#[derive(DeriveIden)]
pub enum MemberBlock {
    Table,
    BlockerId,
    BlockedId,
    CreatedAt,
}

/// Identifiers of the `suggestion_dismissal` table.
#[derive(DeriveIden)]
pub enum SuggestionDismissal {
    Table,
    MemberId,
    DismissedId,
    CreatedAt,
}

/// Identifiers of the `notification` table.
#[derive(DeriveIden)]
pub enum Notification {
    Table,
    Id,
    MemberId,
    Kind,
    ActorId,
    ObjectId,
    CreatedAt,
    ReadAt,
}
