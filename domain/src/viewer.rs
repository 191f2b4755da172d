//! Who is asking: every query takes a viewer and returns only what they may see.

/// A member's role in running the community.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary member.
    Member,
    /// Looks after reports and the moderation queue.
    Moderator,
    /// Runs the instance.
    Admin,
}

impl Role {
    /// The stored code of the role.
    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }
}

/// The person a request is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Someone who is not logged in.
    Visitor,
    /// A logged-in member.
    Member {
        /// The member's id.
        id: i32,
        /// What they may do beyond an ordinary member.
        role: Role,
    },
}
