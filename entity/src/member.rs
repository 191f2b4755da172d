//! A member of the community and their profile.

use sea_orm::entity::prelude::*;

/// One row of `member`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Unique, URL-safe name used in profile addresses.
    #[sea_orm(unique)]
    pub handle: String,
    /// Login and contact address, unique.
    #[sea_orm(unique)]
    pub email: String,
    /// Argon2id hash; `None` for accounts that cannot log in yet (demo data).
    pub password_hash: Option<String>,
    /// The name the member shows.
    pub display_name: String,
    /// Lower-cased display name, for sorting and keyset paging.
    pub sort_name: String,
    /// Their role, e.g. "Health visitor".
    pub headline: String,
    /// The organisation they work for, as typed.
    pub organisation_name: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// City or region.
    pub city: String,
    /// IANA time zone, e.g. "Europe/London".
    pub time_zone: String,
    /// Plain-text biography.
    #[sea_orm(column_type = "Text")]
    pub bio: String,
    /// `public`, `members` or `friends`.
    pub visibility: String,
    /// Happy to host visits to their setting.
    pub open_to_visits: bool,
    /// Happy to mentor others.
    pub open_to_mentoring: bool,
    /// `member`, `moderator` or `admin`.
    pub role: String,
    /// When the email address was confirmed; unverified members stay out of the directory.
    pub email_verified_at: Option<DateTimeUtc>,
    /// When the account was made (UTC).
    pub created_at: DateTimeUtc,
    /// When the profile last changed (UTC).
    pub updated_at: DateTimeUtc,
    /// Key of their current avatar images in `avatar`; `None` shows generated initials.
    pub avatar_key: Option<String>,
}

/// Links from a member to other tables.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::member_tag::Entity")]
    MemberTag,
}

impl Related<super::member_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MemberTag.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
