//! The one error type every server function and domain call returns, with a
//! user-facing message and per-field validation errors for forms.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// A problem with one form field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's name, as in the form's `name` attribute.
    pub field: String,
    /// What is wrong, in words the member understands.
    pub message: String,
}

/// Everything that can go wrong, as the member should hear it. Causes of internal
/// errors are logged on the server and never sent to the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum AppError {
    /// Some fields of a form need fixing.
    #[error("Please check the highlighted fields.")]
    Validation {
        /// The fields and what is wrong with each.
        fields: Vec<FieldError>,
    },
    /// The action needs a logged-in member.
    #[error("Please log in to do that.")]
    Unauthenticated,
    /// The viewer may not do this.
    #[error("You are not allowed to do that.")]
    Forbidden,
    /// The thing does not exist, or the viewer may not see it.
    #[error("We could not find that page.")]
    NotFound,
    /// Too many attempts in a short time.
    #[error("Too many attempts. Please try again in {retry_after_secs} seconds.")]
    RateLimited {
        /// How long to wait before trying again.
        retry_after_secs: u64,
    },
    /// A fault on our side; the details are in the server log.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// A request whose arguments could not be read (a form field of the wrong
    /// kind, a missing one): the member's page is out of date or was tampered with.
    #[error("We could not read what was sent. Please reload the page and try again.")]
    BadRequest {
        /// What could not be read, for logs.
        detail: String,
    },
    /// The browser could not talk to the server (network down, bad response).
    #[error("We could not reach IEY. Check your connection and try again.")]
    Unreachable {
        /// What the transport layer reported, for the browser console.
        detail: String,
    },
}

impl AppError {
    /// A validation error for a single field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Validation {
            fields: vec![FieldError {
                field: field.to_owned(),
                message: message.into(),
            }],
        }
    }

    /// The HTTP status that answers this error: 4xx for the member's mistakes and
    /// refusals, 500 only for faults on our side.
    pub fn status(&self) -> u16 {
        match self {
            Self::Validation { .. } => 422,
            Self::BadRequest { .. } => 400,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::RateLimited { .. } => 429,
            Self::Internal | Self::Unreachable { .. } => 500,
        }
    }

    /// The message for one form field, if this error names it.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            Self::Validation { fields } => fields
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.as_str()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => Self::BadRequest {
                detail: value.to_string(),
            },
            other => Self::Unreachable {
                detail: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_travel_as_tagged_json() {
        let error = AppError::invalid("email", "That does not look like an email address.");
        let json = serde_json::to_string(&error).unwrap();
        assert!(json.contains(r#""error":"validation""#), "{json}");
        let back: AppError = serde_json::from_str(&json).unwrap();
        assert_eq!(back, error);
        assert_eq!(
            back.field_message("email"),
            Some("That does not look like an email address.")
        );
        assert_eq!(back.field_message("password"), None);
    }

    #[test]
    fn only_our_own_faults_are_a_500() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::invalid("note", "Too long.").status(), 422);
        assert_eq!(AppError::Internal.status(), 500);
    }

    #[test]
    fn arguments_that_do_not_parse_are_a_bad_request() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("id".to_owned()));
        assert!(matches!(error, AppError::BadRequest { .. }), "{error:?}");
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Request("down".to_owned()));
        assert!(matches!(error, AppError::Unreachable { .. }), "{error:?}");
    }

    #[test]
    fn internal_errors_say_nothing_about_the_cause() {
        let message = AppError::Internal.to_string();
        assert!(message.contains("on our side"));
    }
}
