//! A friend a visitor brings along on a visit.

use sea_orm::entity::prelude::*;

/// One row of `visit_companion`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_companion")]
pub struct Model {
    /// The visit.
    #[sea_orm(primary_key, auto_increment = false)]
    pub visit_id: i32,
    /// The companion.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
}

/// Links from a companion to the visit and the member.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::visit::Entity",
        from = "Column::VisitId",
        to = "super::visit::Column::Id",
        on_delete = "Cascade"
    )]
    Visit,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::MemberId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Member,
}

impl Related<super::visit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Visit.def()
    }
}

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Member.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
