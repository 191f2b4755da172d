//! A single-use, expiring token sent by email: to verify an address, reset a
//! password or confirm a new address. Only its SHA-256 hash is stored.

use sea_orm::entity::prelude::*;

/// One row of `account_token`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account_token")]
pub struct Model {
    /// Hex SHA-256 of the token in the emailed link.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// Whose account the token acts on.
    pub member_id: i32,
    /// `verify_email`, `reset_password` or `change_email`.
    pub purpose: String,
    /// For `change_email`: the address that becomes the member's once confirmed.
    pub new_email: Option<String>,
    /// When it was sent.
    pub created_at: DateTimeUtc,
    /// After this it no longer works.
    pub expires_at: DateTimeUtc,
    /// When it was used; a used token never works again.
    pub used_at: Option<DateTimeUtc>,
}

/// Links from a token to its member.
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
