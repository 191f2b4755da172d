//! A member's note after a visit: private, or shared with the other side.

use sea_orm::entity::prelude::*;

/// One row of `visit_reflection`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_reflection")]
pub struct Model {
    /// The visit.
    #[sea_orm(primary_key, auto_increment = false)]
    pub visit_id: i32,
    /// Who wrote it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// The note.
    pub body: String,
    /// The other side may read it.
    pub shared: bool,
    /// When it was last written (UTC).
    pub updated_at: DateTimeUtc,
}

/// Links from a reflection to its visit.
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

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Member.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
