//! The network picture's server function: a thin adapter over the domain.

use iey_dto::{AppError, FriendGraph};
use leptos::prelude::*;

/// The viewer's network: them, their friends and friends of friends they may
/// see. A visitor gets [`AppError::Unauthenticated`] (and a 401).
// Named `LoadFriendGraph` because the default name would be the wire type's.
#[server(name = LoadFriendGraph, endpoint = "friend_graph")]
pub async fn friend_graph() -> Result<FriendGraph, AppError> {
    let db = crate::server::db()?;
    let graph = iey_domain::friends::network(&db, &crate::server::viewer()).await;
    if let Err(error) = &graph {
        crate::server::set_error_status(error);
    }
    graph
}
