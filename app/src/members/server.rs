//! Server functions of the member directory: thin adapters over the domain.

use iey_dto::{AppError, MemberPage, MemberProfile, MemberQuery};
use leptos::prelude::*;

/// One page of the directory for the current viewer.
#[server(endpoint = "browse_members")]
pub async fn browse_members(query: MemberQuery) -> Result<MemberPage, AppError> {
    let db = crate::server::db()?;
    iey_domain::members::browse(&db, &crate::server::viewer(), &query).await
}

/// A member's profile, if the current viewer may see it.
#[server(endpoint = "member_profile")]
pub async fn get_member_profile(handle: String) -> Result<MemberProfile, AppError> {
    let db = crate::server::db()?;
    iey_domain::members::profile(&db, &crate::server::viewer(), &handle).await
}
