//! Avatars: each member's uploaded photo, re-encoded in two sizes and kept in the
//! database (not on disk) so that any number of server instances can serve it.

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
                    .table(Avatar::Table)
                    .if_not_exists()
                    // A fresh random key per upload: the address changes when the photo
                    // does, so the images can be cached for ever.
                    .col(string_len(Avatar::Key, 32))
                    .col(integer(Avatar::Size))
                    .col(integer(Avatar::MemberId))
                    .col(string_len(Avatar::ContentType, 32))
                    .col(blob(Avatar::Bytes))
                    .col(timestamp_with_time_zone(Avatar::CreatedAt))
                    .primary_key(Index::create().col(Avatar::Key).col(Avatar::Size))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_avatar_member")
                            .from(Avatar::Table, Avatar::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Replacing or removing a photo deletes the member's old images.
        manager
            .create_index(
                Index::create()
                    .name("idx_avatar_member")
                    .table(Avatar::Table)
                    .col(Avatar::MemberId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Member::Table)
                    .add_column(string_len_null(MemberAvatar::AvatarKey, 32))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Member::Table)
                    .drop_column(MemberAvatar::AvatarKey)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Avatar::Table).to_owned())
            .await
    }
}

/// Identifiers of the `avatar` table.
#[derive(DeriveIden)]
pub enum Avatar {
    Table,
    Key,
    Size,
    MemberId,
    ContentType,
    Bytes,
    CreatedAt,
}

/// The column this migration adds to `member`.
#[derive(DeriveIden)]
pub enum MemberAvatar {
    AvatarKey,
}
