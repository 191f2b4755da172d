//! A weekly opening of a visit offer, in the setting's time zone.

use sea_orm::entity::prelude::*;

/// One row of `visit_window`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_window")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The offer.
    pub offer_id: i32,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: i16,
    /// Local start, in minutes after midnight.
    pub start_minute: i32,
    /// Local end, in minutes after midnight.
    pub end_minute: i32,
}

/// Links from a window to its offer.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::visit_offer::Entity",
        from = "Column::OfferId",
        to = "super::visit_offer::Column::Id",
        on_delete = "Cascade"
    )]
    Offer,
}

impl ActiveModelBehavior for ActiveModel {}
