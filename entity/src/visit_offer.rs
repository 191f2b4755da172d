//! A host's offer of visits to their setting: what visitors will see, how long a
//! visit lasts, how many can come at once and when (see `visit_window`).

use sea_orm::entity::prelude::*;

/// One row of `visit_offer`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visit_offer")]
pub struct Model {
    /// Surrogate key, used in the offer's address.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The member who hosts.
    pub host_id: i32,
    /// The setting's name, e.g. "Sunny Days Nursery".
    pub setting_name: String,
    /// `nursery`, `childrens_centre`, `school`, `health_clinic`, `police_unit`,
    /// `family_hub` or `other`.
    pub setting_type: String,
    /// Street address (empty for online visits).
    #[sea_orm(column_type = "Text")]
    pub address: String,
    /// City or region.
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// The setting's IANA time zone; windows are in it.
    pub time_zone: String,
    /// Visits happen online rather than in person.
    pub online: bool,
    /// The meeting link of an online visit, shown to approved visitors only.
    #[sea_orm(column_type = "Text", nullable)]
    pub meeting_link: Option<String>,
    /// About the setting and the visit.
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// What visitors will see.
    #[sea_orm(column_type = "Text")]
    pub what_you_see: String,
    /// Length of one visit.
    pub duration_minutes: i32,
    /// Visitors per slot.
    pub capacity: i32,
    /// Visitors must bring photo ID.
    pub requires_photo_id: bool,
    /// Visitors must attest to a background check.
    pub requires_background_check: bool,
    /// Languages the visit is held in (ISO 639-1, comma-separated).
    pub languages: String,
    /// Step-free access, hearing loops and the like.
    #[sea_orm(column_type = "Text")]
    pub accessibility_notes: String,
    /// Parking, drop-off and nap times to avoid.
    #[sea_orm(column_type = "Text")]
    pub practical_notes: String,
    /// No slot starts sooner than this after a request.
    pub min_notice_hours: i32,
    /// No slot starts later than this many days ahead.
    pub horizon_days: i32,
    /// `draft`, `published`, `paused` or `closed`.
    pub status: String,
    /// `public`, `members` or `friends`.
    pub visibility: String,
    /// When it was created (UTC).
    pub created_at: DateTimeUtc,
    /// When it last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Links from an offer to its host.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::HostId",
        to = "super::member::Column::Id",
        on_delete = "Cascade"
    )]
    Host,
}

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Host.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
