//! Member tags: sectors, languages, age bands and interests, one row each, so the
//! directory can filter on them and count results per value.

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
                    .table(MemberTag::Table)
                    .if_not_exists()
                    .col(integer(MemberTag::MemberId))
                    .col(string_len(MemberTag::Kind, 16))
                    .col(string_len(MemberTag::Value, 64))
                    .primary_key(
                        Index::create()
                            .col(MemberTag::MemberId)
                            .col(MemberTag::Kind)
                            .col(MemberTag::Value),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_member_tag_member")
                            .from(MemberTag::Table, MemberTag::MemberId)
                            .to(Member::Table, Member::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Filters and facet counts go from a tag value to its members.
        manager
            .create_index(
                Index::create()
                    .name("idx_member_tag_value")
                    .table(MemberTag::Table)
                    .col(MemberTag::Kind)
                    .col(MemberTag::Value)
                    .col(MemberTag::MemberId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MemberTag::Table).to_owned())
            .await
    }
}

/// Identifiers of the `member_tag` table.
#[derive(DeriveIden)]
pub enum MemberTag {
    Table,
    MemberId,
    Kind,
    Value,
}
