//! One member blocking another: from then on neither sees the other anywhere.

use sea_orm::entity::prelude::*;

/// One row of `member_block`: `blocker_id` blocked `blocked_id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member_block")]
pub struct Model {
    /// The member who blocked.
    #[sea_orm(primary_key, auto_increment = false)]
    pub blocker_id: i32,
    /// The member they blocked.
    #[sea_orm(primary_key, auto_increment = false)]
    pub blocked_id: i32,
    /// When (UTC).
    pub created_at: DateTimeUtc,
}

/// Links from a block to both members.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::BlockerId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Blocker,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::BlockedId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Blocked,
}

impl ActiveModelBehavior for ActiveModel {}
