//! One stored avatar image: a member's photo, re-encoded, in one size.

use sea_orm::entity::prelude::*;

/// One row of `avatar`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "avatar")]
pub struct Model {
    /// Random key of one upload; `member.avatar_key` points at the current one.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Side of the square image in pixels (256 or 64).
    #[sea_orm(primary_key, auto_increment = false)]
    pub size: i32,
    /// The member whose photo this is.
    pub member_id: i32,
    /// MIME type of `bytes`, e.g. "image/jpeg".
    pub content_type: String,
    /// The encoded image, with no metadata.
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
    /// When it was uploaded (UTC).
    pub created_at: DateTimeUtc,
}

/// Links from an avatar image to its member.
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
