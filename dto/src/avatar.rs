//! Member avatars on the wire: where their images are served, and what can be wrong
//! with an upload, as short codes that can travel in a redirect's query string.

use serde::{Deserialize, Serialize};

use crate::{AppError, MemberCard};

/// The form field that carries the photo, and that upload errors are reported on.
pub const AVATAR_FIELD: &str = "avatar";

/// The side, in pixels, of the large avatar (profile pages).
pub const AVATAR_LARGE: u32 = 256;
/// The side, in pixels, of the small avatar (cards, lists).
pub const AVATAR_SMALL: u32 = 64;

/// Where the avatar image with `key` is served in `size` (256 or 64).
pub fn avatar_url(key: &str, size: u32) -> String {
    format!("/media/avatars/{key}/{size}")
}

impl MemberCard {
    /// The address of the member's uploaded avatar in `size`, if they have one.
    pub fn avatar_url(&self, size: u32) -> Option<String> {
        self.avatar.as_deref().map(|key| avatar_url(key, size))
    }
}

/// The logged-in member's own avatar, for the photo form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAvatar {
    /// The key of their uploaded photo, if they have one.
    pub avatar: Option<String>,
    /// Their initials, shown when there is no photo.
    pub initials: String,
}

/// Why an uploaded photo was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvatarProblem {
    /// No file was sent.
    Missing,
    /// More than 5 MB.
    TooLarge,
    /// Not a JPEG, PNG or WebP image, whatever its name says.
    WrongFormat,
    /// Too many pixels to decode safely.
    TooManyPixels,
    /// Looks like an image but cannot be decoded (damaged or cut short).
    Unreadable,
}

impl AvatarProblem {
    /// Every problem, for looking one up by its code.
    pub const ALL: [AvatarProblem; 5] = [
        AvatarProblem::Missing,
        AvatarProblem::TooLarge,
        AvatarProblem::WrongFormat,
        AvatarProblem::TooManyPixels,
        AvatarProblem::Unreadable,
    ];

    /// A short stable code, e.g. for `?avatar_error=too_large`.
    pub fn code(self) -> &'static str {
        match self {
            AvatarProblem::Missing => "missing",
            AvatarProblem::TooLarge => "too_large",
            AvatarProblem::WrongFormat => "wrong_format",
            AvatarProblem::TooManyPixels => "too_many_pixels",
            AvatarProblem::Unreadable => "unreadable",
        }
    }

    /// The problem with `code`, if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|problem| problem.code() == code)
    }

    /// What to tell the member.
    pub fn message(self) -> &'static str {
        match self {
            AvatarProblem::Missing => "Please choose a photo to upload.",
            AvatarProblem::TooLarge => {
                "That photo is larger than 5 MB. Please choose a smaller one."
            }
            AvatarProblem::WrongFormat => {
                "Please choose a JPEG, PNG or WebP photo. Other kinds of file cannot be used."
            }
            AvatarProblem::TooManyPixels => {
                "That image has too many pixels (at most 8000 on a side). Please choose a smaller one."
            }
            AvatarProblem::Unreadable => {
                "We could not read that photo; the file may be damaged. Please try another."
            }
        }
    }

    /// The problem an error reports on the avatar field, if any.
    pub fn of(error: &AppError) -> Option<Self> {
        let message = error.field_message(AVATAR_FIELD)?;
        Self::ALL
            .into_iter()
            .find(|problem| problem.message() == message)
    }
}

impl From<AvatarProblem> for AppError {
    fn from(problem: AvatarProblem) -> Self {
        AppError::invalid(AVATAR_FIELD, problem.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_survive_a_trip_through_their_code_and_their_error() {
        for problem in AvatarProblem::ALL {
            assert_eq!(AvatarProblem::from_code(problem.code()), Some(problem));
            assert_eq!(AvatarProblem::of(&problem.into()), Some(problem));
        }
        assert_eq!(AvatarProblem::from_code("<script>"), None);
        assert_eq!(AvatarProblem::of(&AppError::Internal), None);
    }

    #[test]
    fn avatar_urls_name_the_key_and_size() {
        assert_eq!(avatar_url("abc", 64), "/media/avatars/abc/64");
    }
}
