//! A member saying "not this one" to a people-you-may-know suggestion.

use sea_orm::entity::prelude::*;

/// One row of `suggestion_dismissal`: `member_id` dismissed `dismissed_id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "suggestion_dismissal")]
pub struct Model {
    /// The member who was shown the suggestion.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// The member they no longer want suggested.
    #[sea_orm(primary_key, auto_increment = false)]
    pub dismissed_id: i32,
    /// When (UTC).
    pub created_at: DateTimeUtc,
}

/// Links from a dismissal to both members.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::MemberId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Member,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::DismissedId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Dismissed,
}

impl ActiveModelBehavior for ActiveModel {}
