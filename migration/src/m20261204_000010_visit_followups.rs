//! What visits need around them: each member's private calendar feed token,
//! reminders sent (so each goes out once), notes after a visit, and declared
//! working hours for finding a time for a group.

use sea_orm_migration::{prelude::*, schema::*};

use super::m20261203_000001_create_member::Member;
use super::m20261204_000009_create_visits::{Visit, parent};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeed::Table)
                    .if_not_exists()
                    .col(integer(CalendarFeed::MemberId).primary_key())
                    .col(string_len(CalendarFeed::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(CalendarFeed::CreatedAt))
                    .foreign_key(&mut parent(
                        "fk_calendar_feed_member",
                        CalendarFeed::Table,
                        CalendarFeed::MemberId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // Reminders sent, one row per visit, member and lead time: claiming the
        // row is what makes a reminder go out once, across restarts and instances.
        manager
            .create_table(
                Table::create()
                    .table(VisitReminder::Table)
                    .if_not_exists()
                    .col(integer(VisitReminder::VisitId))
                    .col(integer(VisitReminder::MemberId))
                    .col(small_integer(VisitReminder::LeadHours))
                    .col(timestamp_with_time_zone(VisitReminder::SentAt))
                    .primary_key(
                        Index::create()
                            .col(VisitReminder::VisitId)
                            .col(VisitReminder::MemberId)
                            .col(VisitReminder::LeadHours),
                    )
                    .foreign_key(&mut parent(
                        "fk_visit_reminder_visit",
                        VisitReminder::Table,
                        VisitReminder::VisitId,
                        Visit::Table,
                        Visit::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // After a visit, each side's reflection: private, or shared with the other.
        manager
            .create_table(
                Table::create()
                    .table(VisitReflection::Table)
                    .if_not_exists()
                    .col(integer(VisitReflection::VisitId))
                    .col(integer(VisitReflection::MemberId))
                    .col(text(VisitReflection::Body))
                    .col(boolean(VisitReflection::Shared).default(false))
                    .col(timestamp_with_time_zone(VisitReflection::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(VisitReflection::VisitId)
                            .col(VisitReflection::MemberId),
                    )
                    .foreign_key(&mut parent(
                        "fk_visit_reflection_visit",
                        VisitReflection::Table,
                        VisitReflection::VisitId,
                        Visit::Table,
                        Visit::Id,
                    ))
                    .foreign_key(&mut parent(
                        "fk_visit_reflection_member",
                        VisitReflection::Table,
                        VisitReflection::MemberId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // Each member's declared working hours, on their own clock: the days (0 =
        // Monday, comma-separated) and the hours, for finding a time for a group.
        manager
            .create_table(
                Table::create()
                    .table(WorkingHours::Table)
                    .if_not_exists()
                    .col(integer(WorkingHours::MemberId).primary_key())
                    .col(string_len(WorkingHours::Days, 20))
                    .col(integer(WorkingHours::StartMinute))
                    .col(integer(WorkingHours::EndMinute))
                    .foreign_key(&mut parent(
                        "fk_working_hours_member",
                        WorkingHours::Table,
                        WorkingHours::MemberId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // Approved visits by start, for the reminder worker.
        manager
            .create_index(
                Index::create()
                    .name("idx_visit_status_start")
                    .table(Visit::Table)
                    .col(Visit::Status)
                    .col(Visit::StartsAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_visit_status_start")
                    .table(Visit::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            WorkingHours::Table.into_iden(),
            VisitReflection::Table.into_iden(),
            VisitReminder::Table.into_iden(),
            CalendarFeed::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Identifiers of the `calendar_feed` table.
#[derive(DeriveIden)]
pub enum CalendarFeed {
    Table,
    MemberId,
    TokenHash,
    CreatedAt,
}

/// Identifiers of the `visit_reminder` table.
#[derive(DeriveIden)]
pub enum VisitReminder {
    Table,
    VisitId,
    MemberId,
    LeadHours,
    SentAt,
}

/// Identifiers of the `visit_reflection` table.
#[derive(DeriveIden)]
pub enum VisitReflection {
    Table,
    VisitId,
    MemberId,
    Body,
    Shared,
    UpdatedAt,
}

/// Identifiers of the `working_hours` table.
#[derive(DeriveIden)]
pub enum WorkingHours {
    Table,
    MemberId,
    Days,
    StartMinute,
    EndMinute,
}
