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

    /// The role stored as `code`; unknown codes are ordinary members.
    pub fn from_code(code: &str) -> Role {
        match code {
            "moderator" => Role::Moderator,
            "admin" => Role::Admin,
            _ => Role::Member,
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

impl Viewer {
    /// The member's id, or `Unauthenticated` for a visitor.
    pub fn member_id(&self) -> Result<i32, crate::AppError> {
        match self {
            Viewer::Visitor => Err(crate::AppError::Unauthenticated),
            Viewer::Member { id, .. } => Ok(*id),
        }
    }
}
