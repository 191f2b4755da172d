//! A logged-in browser: the cookie holds a random token, this row its SHA-256 hash.

use sea_orm::entity::prelude::*;

/// One row of `session`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// Shown in the session list, so one session can be ended.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Hex SHA-256 of the cookie's token; the token itself is never stored.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The member logged in.
    pub member_id: i32,
    /// When they logged in.
    pub created_at: DateTimeUtc,
    /// The last request made with it (updated at most every few minutes).
    pub last_seen_at: DateTimeUtc,
    /// After this the session no longer works.
    pub expires_at: DateTimeUtc,
    /// The browser's User-Agent at log-in, cut short, to recognise the device.
    pub user_agent: String,
    /// The address they logged in from.
    pub ip: String,
}

/// Links from a session to its member.
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
