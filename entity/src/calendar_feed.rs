//! A member's private calendar feed: the hash of the secret in its address.

use sea_orm::entity::prelude::*;

/// One row of `calendar_feed`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feed")]
pub struct Model {
    /// The member whose visits it lists.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// SHA-256 (hex) of the secret token; the token itself is never stored.
    pub token_hash: String,
    /// When this token was made (UTC).
    pub created_at: DateTimeUtc,
}

/// Links from a feed to its member.
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

impl ActiveModelBehavior for ActiveModel {}
