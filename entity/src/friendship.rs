//! One direction of a friendship: both directions are stored, one row each.

use sea_orm::entity::prelude::*;

/// One row of `friendship`: `friend_id` is a friend of `member_id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "friendship")]
pub struct Model {
    /// The member whose friend this is.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// Their friend.
    #[sea_orm(primary_key, auto_increment = false)]
    pub friend_id: i32,
    /// When they became friends (UTC).
    pub created_at: DateTimeUtc,
}

/// Links from a friendship to both members.
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
        from = "Column::FriendId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Friend,
}

impl ActiveModelBehavior for ActiveModel {}
