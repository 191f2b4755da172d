//! Pages of the friend graph.

pub use super::actions::FriendActions;
pub use super::blocked::{BlockedMembers, blocked_members};
pub use super::connections::{ProfileConnectionsPanel, connections_resource};
pub use super::graph::FriendGraphPage;
pub use super::overview::FriendsPage;
