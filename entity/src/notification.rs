//! Something a member is told about in the app: a kind, who caused it and what it
//! is about.

use sea_orm::entity::prelude::*;

/// One row of `notification`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    /// Surrogate key; newer notifications have larger ids.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The member told.
    pub member_id: i32,
    /// What happened, e.g. `friend_request` or `friend_accepted`.
    pub kind: String,
    /// The member who caused it, if a member did.
    pub actor_id: Option<i32>,
    /// The id of what it is about (a friend request, later a message or a visit).
    pub object_id: Option<i32>,
    /// When (UTC).
    pub created_at: DateTimeUtc,
    /// When the member read it; `None` while unread.
    pub read_at: Option<DateTimeUtc>,
}

/// Links from a notification to its members.
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
        from = "Column::ActorId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Actor,
}

impl ActiveModelBehavior for ActiveModel {}
