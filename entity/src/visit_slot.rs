//! Places taken in one slot of an offer, claimed by approvals with a conditional
//! UPDATE so capacity is never exceeded.

use sea_orm::entity::prelude::*;

/// One row of `visit_slot`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_slot")]
pub struct Model {
    /// The offer.
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    /// The slot's start (UTC).
    #[sea_orm(primary_key, auto_increment = false)]
    pub starts_at: DateTimeUtc,
    /// Places taken by approved visits.
    pub taken: i32,
}

/// Links from a slot to its offer.
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
