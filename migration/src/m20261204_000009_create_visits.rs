//! The visit planner: hosts' offers for their settings with weekly windows and
//! dated exceptions, the visits members request (with companions), a capacity
//! counter per slot that bookings claim with one conditional UPDATE.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

use super::m20261203_000001_create_member::Member;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A foreign key from `table.column` to `to.id`, removed with its parent.
pub(crate) fn parent(
    name: &str,
    table: impl IntoIden,
    column: impl IntoIden,
    to: impl IntoIden,
    to_id: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(to, to_id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(VisitOffer::Table)
                    .if_not_exists()
                    .col(pk_auto(VisitOffer::Id))
                    .col(integer(VisitOffer::HostId))
                    .col(string_len(VisitOffer::SettingName, 120))
                    .col(string_len(VisitOffer::SettingType, 24))
                    .col(text(VisitOffer::Address).default(""))
                    .col(string_len(VisitOffer::City, 120).default(""))
                    .col(string_len(VisitOffer::CountryCode, 2))
                    .col(string_len(VisitOffer::TimeZone, 64))
                    .col(boolean(VisitOffer::Online).default(false))
                    .col(text_null(VisitOffer::MeetingLink))
                    .col(text(VisitOffer::Description).default(""))
                    .col(text(VisitOffer::WhatYouSee).default(""))
                    .col(integer(VisitOffer::DurationMinutes))
                    .col(integer(VisitOffer::Capacity))
                    .col(boolean(VisitOffer::RequiresPhotoId).default(false))
                    .col(boolean(VisitOffer::RequiresBackgroundCheck).default(false))
                    .col(string_len(VisitOffer::Languages, 120).default(""))
                    .col(text(VisitOffer::AccessibilityNotes).default(""))
                    .col(text(VisitOffer::PracticalNotes).default(""))
                    .col(integer(VisitOffer::MinNoticeHours).default(24))
                    .col(integer(VisitOffer::HorizonDays).default(90))
                    .col(string_len(VisitOffer::Status, 16).default("draft"))
                    .col(string_len(VisitOffer::Visibility, 16).default("members"))
                    .col(timestamp_with_time_zone(VisitOffer::CreatedAt))
                    .col(timestamp_with_time_zone(VisitOffer::UpdatedAt))
                    .foreign_key(&mut parent(
                        "fk_visit_offer_host",
                        VisitOffer::Table,
                        VisitOffer::HostId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // Browsing starts from published offers of a country; a host's own list
        // from the host.
        for (name, columns) in [
            (
                "idx_visit_offer_status_country",
                vec![VisitOffer::Status, VisitOffer::CountryCode, VisitOffer::Id],
            ),
            ("idx_visit_offer_host", vec![VisitOffer::HostId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(VisitOffer::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(VisitWindow::Table)
                    .if_not_exists()
                    .col(pk_auto(VisitWindow::Id))
                    .col(integer(VisitWindow::OfferId))
                    .col(small_integer(VisitWindow::Weekday))
                    .col(integer(VisitWindow::StartMinute))
                    .col(integer(VisitWindow::EndMinute))
                    .foreign_key(&mut parent(
                        "fk_visit_window_offer",
                        VisitWindow::Table,
                        VisitWindow::OfferId,
                        VisitOffer::Table,
                        VisitOffer::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VisitException::Table)
                    .if_not_exists()
                    .col(pk_auto(VisitException::Id))
                    .col(integer(VisitException::OfferId))
                    .col(date(VisitException::OnDate))
                    .col(string_len(VisitException::Kind, 16))
                    .col(integer_null(VisitException::StartMinute))
                    .col(integer_null(VisitException::EndMinute))
                    .foreign_key(&mut parent(
                        "fk_visit_exception_offer",
                        VisitException::Table,
                        VisitException::OfferId,
                        VisitOffer::Table,
                        VisitOffer::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, table, column) in [
            (
                "idx_visit_window_offer",
                VisitWindow::Table.into_iden(),
                VisitWindow::OfferId.into_iden(),
            ),
            (
                "idx_visit_exception_offer",
                VisitException::Table.into_iden(),
                VisitException::OfferId.into_iden(),
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Visit::Table)
                    .if_not_exists()
                    .col(pk_auto(Visit::Id))
                    .col(integer(Visit::OfferId))
                    .col(integer(Visit::VisitorId))
                    .col(timestamp_with_time_zone(Visit::StartsAt))
                    .col(timestamp_with_time_zone(Visit::EndsAt))
                    .col(integer(Visit::Party).default(1))
                    .col(string_len(Visit::Status, 16))
                    .col(text(Visit::Message).default(""))
                    .col(boolean(Visit::AttestedPhotoId).default(false))
                    .col(boolean(Visit::AttestedBackgroundCheck).default(false))
                    .col(text_null(Visit::Reason))
                    .col(integer_null(Visit::ChangedBy))
                    .col(integer(Visit::Sequence).default(0))
                    .col(timestamp_with_time_zone(Visit::CreatedAt))
                    .col(timestamp_with_time_zone(Visit::UpdatedAt))
                    .foreign_key(&mut parent(
                        "fk_visit_offer",
                        Visit::Table,
                        Visit::OfferId,
                        VisitOffer::Table,
                        VisitOffer::Id,
                    ))
                    .foreign_key(&mut parent(
                        "fk_visit_visitor",
                        Visit::Table,
                        Visit::VisitorId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // A slot's visits, a visitor's calendar, each in time order.
        for (name, first) in [
            ("idx_visit_offer_start", Visit::OfferId),
            ("idx_visit_visitor_start", Visit::VisitorId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Visit::Table)
                        .col(first)
                        .col(Visit::StartsAt)
                        .to_owned(),
                )
                .await?;
        }
        // One live request per visitor and slot, even when two arrive at once.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS uq_visit_live \
                 ON visit (offer_id, visitor_id, starts_at) \
                 WHERE status IN ('requested', 'approved', 'waitlisted', 'offered')",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(VisitCompanion::Table)
                    .if_not_exists()
                    .col(integer(VisitCompanion::VisitId))
                    .col(integer(VisitCompanion::MemberId))
                    .primary_key(
                        Index::create()
                            .col(VisitCompanion::VisitId)
                            .col(VisitCompanion::MemberId),
                    )
                    .foreign_key(&mut parent(
                        "fk_visit_companion_visit",
                        VisitCompanion::Table,
                        VisitCompanion::VisitId,
                        Visit::Table,
                        Visit::Id,
                    ))
                    .foreign_key(&mut parent(
                        "fk_visit_companion_member",
                        VisitCompanion::Table,
                        VisitCompanion::MemberId,
                        Member::Table,
                        Member::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_visit_companion_member")
                    .table(VisitCompanion::Table)
                    .col(VisitCompanion::MemberId)
                    .col(VisitCompanion::VisitId)
                    .to_owned(),
            )
            .await?;

        // Places taken per slot: approving claims them with
        // `UPDATE … SET taken = taken + n WHERE taken + n <= capacity`, atomic on
        // one row on both databases, so two approvals at once never overbook.
        manager
            .create_table(
                Table::create()
                    .table(VisitSlot::Table)
                    .if_not_exists()
                    .col(integer(VisitSlot::OfferId))
                    .col(timestamp_with_time_zone(VisitSlot::StartsAt))
                    .col(integer(VisitSlot::Taken).default(0))
                    .primary_key(
                        Index::create()
                            .col(VisitSlot::OfferId)
                            .col(VisitSlot::StartsAt),
                    )
                    .foreign_key(&mut parent(
                        "fk_visit_slot_offer",
                        VisitSlot::Table,
                        VisitSlot::OfferId,
                        VisitOffer::Table,
                        VisitOffer::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            VisitSlot::Table.into_iden(),
            VisitCompanion::Table.into_iden(),
            Visit::Table.into_iden(),
            VisitException::Table.into_iden(),
            VisitWindow::Table.into_iden(),
            VisitOffer::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Identifiers of the `visit_offer` table.
#[derive(DeriveIden)]
pub enum VisitOffer {
    Table,
    Id,
    HostId,
    SettingName,
    SettingType,
    Address,
    City,
    CountryCode,
    TimeZone,
    Online,
    MeetingLink,
    Description,
    WhatYouSee,
    DurationMinutes,
    Capacity,
    RequiresPhotoId,
    RequiresBackgroundCheck,
    Languages,
    AccessibilityNotes,
    PracticalNotes,
    MinNoticeHours,
    HorizonDays,
    Status,
    Visibility,
    CreatedAt,
    UpdatedAt,
}

/// Identifiers of the `visit_window` table.
#[derive(DeriveIden)]
pub enum VisitWindow {
    Table,
    Id,
    OfferId,
    Weekday,
    StartMinute,
    EndMinute,
}

/// Identifiers of the `visit_exception` table.
#[derive(DeriveIden)]
pub enum VisitException {
    Table,
    Id,
    OfferId,
    OnDate,
    Kind,
    StartMinute,
    EndMinute,
}

/// Identifiers of the `visit` table.
#[derive(DeriveIden)]
pub enum Visit {
    Table,
    Id,
    OfferId,
    VisitorId,
    StartsAt,
    EndsAt,
    Party,
    Status,
    Message,
    AttestedPhotoId,
    AttestedBackgroundCheck,
    Reason,
    ChangedBy,
    Sequence,
    CreatedAt,
    UpdatedAt,
}

/// Identifiers of the `visit_companion` table.
#[derive(DeriveIden)]
pub enum VisitCompanion {
    Table,
    VisitId,
    MemberId,
}

/// Identifiers of the `visit_slot` table.
#[derive(DeriveIden)]
pub enum VisitSlot {
    Table,
    OfferId,
    StartsAt,
    Taken,
}
