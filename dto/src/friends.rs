//! What the friend graph sends to the browser: friends, requests and their outcomes.

use serde::{Deserialize, Serialize};

/// A member in a friends list or on a request: enough to show and link to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSummary {
    /// URL-safe name, for `/members/{handle}`.
    pub handle: String,
    /// The name the member shows.
    pub display_name: String,
    /// Up to two initials, for the generated avatar.
    pub initials: String,
    /// Their role, e.g. "Health visitor".
    pub headline: String,
    /// Key of their avatar images; `None` shows the initials.
    pub avatar: Option<String>,
}

/// A pending friend request as one side sees it: `member` is the other side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendRequestView {
    /// The request's id, for accept, decline and cancel.
    pub id: i32,
    /// The sender (incoming) or the recipient (outgoing).
    pub member: MemberSummary,
    /// The sender's note, if they wrote one.
    pub note: Option<String>,
    /// When it was sent, e.g. "3 December 2026".
    pub sent: String,
}

/// What sending a friend request did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestOutcome {
    /// The request waits for the other member.
    Sent,
    /// The other member had already asked, so the two are now friends.
    BecameFriends,
}

/// Where the viewer stands with a member shown in a list (a directory card), for
/// the one friend button the list offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Nothing to offer: a visitor, or the viewer's own card.
    #[default]
    Nobody,
    /// No friendship and no pending request: the viewer may ask.
    MayAsk,
    /// The viewer asked and waits for an answer.
    Asked,
    /// The member asked the viewer; the answer is on the friends page.
    AskedYou,
    /// The two are friends.
    Friends,
}
