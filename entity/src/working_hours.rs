//! A member's declared working hours, on their own clock: used to find a visit
//! time that suits several people in different time zones.

use sea_orm::entity::prelude::*;

/// One row of `working_hours`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "working_hours")]
pub struct Model {
    /// The member.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// Working days, 0 (Monday) to 6, comma-separated, e.g. "0,1,2,3,4".
    pub days: String,
    /// Start, in minutes after local midnight.
    pub start_minute: i32,
    /// End, in minutes after local midnight.
    pub end_minute: i32,
}

/// Links from working hours to their member.
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
