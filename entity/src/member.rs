//! A member of the community and their profile.

use sea_orm::entity::prelude::*;

/// One row of `member`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub handle: String,
    #[sea_orm(unique)]
    pub email: String,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub sort_name: String,
    pub headline: String,
    pub organisation_name: Option<String>,
    pub country_code: String,
    pub city: String,
    pub time_zone: String,
    #[sea_orm(column_type = "Text")]
    pub bio: String,
    pub visibility: String,
    pub open_to_visits: bool,
    pub open_to_mentoring: bool,
    pub role: String,
    pub email_verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
