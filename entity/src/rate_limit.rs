//! A counter of attempts in a fixed time window, e.g. log-ins from one address.

use sea_orm::entity::prelude::*;

/// One row of `rate_limit`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limit")]
pub struct Model {
    /// What is limited and for whom, e.g. `login:ip:203.0.113.9`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Start of the current window, in seconds since the Unix epoch.
    pub window_start: i64,
    /// Attempts counted in the current window.
    pub hits: i32,
}

/// Counters relate to nothing else.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
