//! A visit a member asked for: one slot of an offer, and what became of it.

use sea_orm::entity::prelude::*;

/// One row of `visit`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit")]
pub struct Model {
    /// Surrogate key; also the calendar event's UID.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The offer visited.
    pub offer_id: i32,
    /// The member who asked.
    pub visitor_id: i32,
    /// When it starts (UTC).
    pub starts_at: DateTimeUtc,
    /// When it ends (UTC).
    pub ends_at: DateTimeUtc,
    /// How many places it takes: the visitor and their companions.
    pub party: i32,
    /// `requested`, `approved`, `waitlisted`, `offered` (a freed place the visitor
    /// may take), `declined` or `cancelled`.
    pub status: String,
    /// The visitor's message to the host.
    #[sea_orm(column_type = "Text")]
    pub message: String,
    /// The visitor said they will bring photo ID.
    pub attested_photo_id: bool,
    /// The visitor attested to a background check.
    pub attested_background_check: bool,
    /// Why it was declined or cancelled.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// Who made the last change of status.
    pub changed_by: Option<i32>,
    /// Bumped on every change, for calendars (iCalendar SEQUENCE).
    pub sequence: i32,
    /// When it was asked for (UTC).
    pub created_at: DateTimeUtc,
    /// When it last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Links from a visit to its offer and visitor.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::visit_offer::Entity",
        from = "Column::OfferId",
        to = "super::visit_offer::Column::Id",
        on_delete = "Cascade"
    )]
    Offer,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::VisitorId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Visitor,
}

impl Related<super::visit_offer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Offer.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
