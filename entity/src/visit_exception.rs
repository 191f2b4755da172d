//! A dated change to an offer's weekly windows: a closed day, a closed part of a
//! day, or an extra opening.

use sea_orm::entity::prelude::*;

/// One row of `visit_exception`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_exception")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The offer.
    pub offer_id: i32,
    /// The local date it applies to.
    pub on_date: Date,
    /// `closed_day`, `closed_part` or `extra`.
    pub kind: String,
    /// Local start in minutes after midnight (not for a closed day).
    pub start_minute: Option<i32>,
    /// Local end in minutes after midnight (not for a closed day).
    pub end_minute: Option<i32>,
}

/// Links from an exception to its offer.
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
