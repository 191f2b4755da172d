//! One tag of a member: a sector, language, age band or interest.

use sea_orm::entity::prelude::*;

/// One row of `member_tag`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member_tag")]
pub struct Model {
    /// The member the tag belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// `sector`, `language`, `age_band` or `interest`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    /// The sector code, ISO 639-1 language, age band or interest tag.
    #[sea_orm(primary_key, auto_increment = false)]
    pub value: String,
}

/// Links from a tag to its member.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
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
