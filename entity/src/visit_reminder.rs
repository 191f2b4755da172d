//! A reminder sent about a visit: one row per visit, member and lead time, so
//! each reminder goes out once.

use sea_orm::entity::prelude::*;

/// One row of `visit_reminder`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_reminder")]
pub struct Model {
    /// The visit.
    #[sea_orm(primary_key, auto_increment = false)]
    pub visit_id: i32,
    /// The member reminded.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// How many hours before the start (24 or 1).
    #[sea_orm(primary_key, auto_increment = false)]
    pub lead_hours: i16,
    /// When it was sent (UTC).
    pub sent_at: DateTimeUtc,
}

/// Links from a reminder to its visit.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::visit::Entity",
        from = "Column::VisitId",
        to = "super::visit::Column::Id",
        on_delete = "Cascade"
    )]
    Visit,
}

impl ActiveModelBehavior for ActiveModel {}
