//! Server functions of the member directory: thin adapters over the domain.

use iey_dto::{AppError, MemberPage, MemberQuery};
use leptos::prelude::*;

/// One page of the directory for the current viewer.
#[server(endpoint = "browse_members")]
pub async fn browse_members(query: MemberQuery) -> Result<MemberPage, AppError> {
    let db = crate::server::db()?;
    iey_domain::members::browse(&db, &crate::server::viewer(), &query).await
}
