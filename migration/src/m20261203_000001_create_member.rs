//! Members: the people of the community, with the profile fields the directory shows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Member::Table)
                    .if_not_exists()
                    .col(pk_auto(Member::Id))
                    .col(string_uniq(Member::Handle))
                    .col(string_uniq(Member::Email))
                    .col(string_null(Member::PasswordHash))
                    .col(string(Member::DisplayName))
                    // Lower-cased display name: the directory sorts and pages on it.
                    .col(string(Member::SortName))
                    .col(string(Member::Headline).default(""))
                    .col(string_null(Member::OrganisationName))
                    .col(string_len(Member::CountryCode, 2))
                    .col(string(Member::City).default(""))
                    .col(string(Member::TimeZone))
                    .col(text(Member::Bio).default(""))
                    .col(string_len(Member::Visibility, 16).default("members"))
                    .col(boolean(Member::OpenToVisits).default(false))
                    .col(boolean(Member::OpenToMentoring).default(false))
                    .col(string_len(Member::Role, 16).default("member"))
                    .col(timestamp_with_time_zone_null(Member::EmailVerifiedAt))
                    .col(timestamp_with_time_zone(Member::CreatedAt))
                    .col(timestamp_with_time_zone(Member::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_member_sort_name")
                    .table(Member::Table)
                    .col(Member::SortName)
                    .col(Member::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_member_country")
                    .table(Member::Table)
                    .col(Member::CountryCode)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Member::Table).to_owned())
            .await
    }
}

/// Identifiers of the `member` table.
#[derive(DeriveIden)]
pub enum Member {
    Table,
    Id,
    Handle,
    Email,
    PasswordHash,
    DisplayName,
    SortName,
    Headline,
    OrganisationName,
    CountryCode,
    City,
    TimeZone,
    Bio,
    Visibility,
    OpenToVisits,
    OpenToMentoring,
    Role,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}
