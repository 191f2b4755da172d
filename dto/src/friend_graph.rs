//! What the rest of the friend graph sends to the browser: where a profile stands
//! with the viewer, people they may know, how they are connected, the picture of
//! their network, and their in-app notifications.

use serde::{Deserialize, Serialize};

use crate::{FriendRequestView, MemberSummary, Sector};

/// Where the viewer stands with the member whose profile they are looking at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relationship {
    /// A visitor who is not logged in.
    Visitor,
    /// The viewer's own profile.
    Yourself,
    /// No friendship and no pending request.
    Strangers,
    /// The viewer asked; the request `id` is pending.
    RequestSent {
        /// The request, for cancelling it.
        id: i32,
    },
    /// The member asked the viewer; the request is pending.
    RequestReceived(FriendRequestView),
    /// The two are friends.
    Friends,
}

/// The friend-graph part of a profile page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileConnections {
    /// Where the viewer stands with this member.
    pub relationship: Relationship,
    /// How many friends of the member the viewer may see.
    pub friend_count: u32,
    /// Friends the two share (that the viewer may see), up to a handful, and how
    /// many there are in all.
    pub mutual: Vec<MemberSummary>,
    /// How many mutual friends there are in all.
    pub mutual_count: u32,
    /// The shortest chain of friends from the viewer to this member, both ends
    /// included; empty when there is none within four hops (or for visitors, one's
    /// own profile and friends).
    pub path: Vec<MemberSummary>,
}

/// Why a member is suggested: the strongest reason first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestionReason {
    /// This many friends in common.
    MutualFriends(u32),
    /// A sector both work in.
    Sector(Sector),
    /// The country both are in (its English name).
    Country(String),
    /// A language both speak (its English name).
    Language(String),
    /// An interest both listed.
    Interest(String),
    /// An age band both work with, e.g. "3-5".
    AgeBand(String),
}

/// One person the viewer may know, with the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Who.
    pub member: MemberSummary,
    /// Why, strongest first; never empty.
    pub reasons: Vec<SuggestionReason>,
}

/// Everything the `/friends` page lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendsOverview {
    /// Friends matching the page's search (all of them without one), by name.
    pub friends: Vec<MemberSummary>,
    /// How many friends the viewer has in all.
    pub friend_total: u32,
    /// Requests waiting for the viewer's answer, newest first.
    pub incoming: Vec<FriendRequestView>,
    /// Requests the viewer sent that wait, newest first.
    pub outgoing: Vec<FriendRequestView>,
    /// People the viewer may know, best first.
    pub suggestions: Vec<Suggestion>,
    /// Members the viewer blocked, by name.
    pub blocked: Vec<MemberSummary>,
}

/// Where a node sits in the network picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ring {
    /// The viewer.
    You,
    /// A friend of the viewer.
    Friend,
    /// A friend of a friend.
    FriendOfFriend,
}

/// One member in the network picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphNode {
    /// Who.
    pub member: MemberSummary,
    /// Their first sector, for the node's colour.
    pub sector: Option<Sector>,
    /// How far from the viewer.
    pub ring: Ring,
}

/// The viewer, their friends and friends of friends, and the friendships among
/// them. Edges index into `nodes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendGraph {
    /// The members, the viewer first.
    pub nodes: Vec<GraphNode>,
    /// Friendships between nodes, each once, as index pairs (smaller first).
    pub edges: Vec<(u32, u32)>,
    /// Friends of friends left out to keep the picture readable.
    pub left_out: u32,
}

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// Someone sent the member a friend request.
    FriendRequest,
    /// Someone accepted the member's friend request.
    FriendAccepted,
    /// A member asked to visit a setting the member hosts.
    VisitRequested,
    /// The host approved the member's visit.
    VisitApproved,
    /// The host put the member's request on the waiting list.
    VisitWaitlisted,
    /// The host declined the member's request.
    VisitDeclined,
    /// The other side cancelled a visit.
    VisitCancelled,
    /// A place came free on a visit the member waits for.
    VisitPlaceOffered,
    /// A visitor took a place offered from the waiting list.
    VisitPlaceTaken,
    /// A visit starts soon.
    VisitReminder,
}

/// One notification as its member sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    /// Its id, for marking it read.
    pub id: i32,
    /// What happened.
    pub kind: NotificationKind,
    /// Who did it.
    pub actor: MemberSummary,
    /// When, e.g. "3 December 2026, 17:46" in the member's time zone.
    pub when: String,
    /// Not yet read.
    pub unread: bool,
    /// Where it leads, e.g. "/friends".
    pub link: String,
}
