//! A friend request from one member to another, and what became of it.

use sea_orm::entity::prelude::*;

/// One row of `friend_request`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "friend_request")]
pub struct Model {
    /// Surrogate key, used in accept/decline/cancel forms.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The member who asked.
    pub from_id: i32,
    /// The member asked.
    pub to_id: i32,
    /// An optional short note from the sender (at most 280 characters).
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// `pending`, `accepted`, `declined` or `cancelled`.
    pub status: String,
    /// When it was sent (UTC).
    pub created_at: DateTimeUtc,
    /// When it stopped being pending (UTC).
    pub decided_at: Option<DateTimeUtc>,
}

/// Links from a request to both members.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::FromId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    From,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::ToId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    To,
}

impl ActiveModelBehavior for ActiveModel {}
