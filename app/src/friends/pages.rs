//! Pages of the friend graph.

pub use super::blocked::BlockedMembers;
pub use super::connections::ProfileConnectionsPanel;
pub use super::graph::FriendGraphPage;
pub use super::overview::FriendsPage;
