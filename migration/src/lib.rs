//! The schema, built change by change; the same migrations run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261203_000001_create_member;
mod m20261203_000002_create_member_tag;
mod m20261203_000003_create_accounts;
mod m20261203_000004_create_member_search;
mod m20261203_000005_create_avatar;
mod m20261203_000006_search_filters;
mod m20261203_000007_create_friend_request;
mod m20261203_000008_friend_graph;
mod m20261204_000009_create_visits;
mod m20261204_000010_visit_followups;

/// Runs every migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261203_000001_create_member::Migration),
            Box::new(m20261203_000002_create_member_tag::Migration),
            Box::new(m20261203_000003_create_accounts::Migration),
            Box::new(m20261203_000004_create_member_search::Migration),
            Box::new(m20261203_000005_create_avatar::Migration),
            Box::new(m20261203_000006_search_filters::Migration),
            Box::new(m20261203_000007_create_friend_request::Migration),
            Box::new(m20261203_000008_friend_graph::Migration),
            Box::new(m20261204_000009_create_visits::Migration),
            Box::new(m20261204_000010_visit_followups::Migration),
        ]
    }
}
