//! Email addresses as accounts use them: trimmed, lower-cased and checked.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use iey_entity::member;

use crate::{DomainResult, internal};

/// The longest address SMTP allows.
const MAX_EMAIL_CHARS: usize = 254;

/// The address as stored: trimmed and lower-case, so one person can't sign up
/// twice as `Ana@x.org` and `ana@x.org`.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// What is wrong with an (already normalised) address, if anything.
pub(crate) fn email_problem(email: &str) -> Option<&'static str> {
    if email.is_empty() {
        return Some("Please enter your email address.");
    }
    let valid = email.chars().count() <= MAX_EMAIL_CHARS
        && email.parse::<lettre::Address>().is_ok()
        && email
            .rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
    (!valid).then_some("That does not look like an email address, e.g. name@example.org.")
}

/// Whether an account other than `except` already uses `email`.
pub(crate) async fn email_taken<C: ConnectionTrait>(
    db: &C,
    email: &str,
    except: Option<i32>,
) -> DomainResult<bool> {
    let mut query = member::Entity::find().filter(member::Column::Email.eq(email));
    if let Some(id) = except {
        query = query.filter(member::Column::Id.ne(id));
    }
    let count = query
        .count(db)
        .await
        .map_err(internal("checking whether an email is taken"))?;
    Ok(count > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised_and_checked() {
        assert_eq!(normalise_email("  Ana@Example.ORG "), "ana@example.org");
        assert_eq!(email_problem("ana@example.org"), None);
        assert!(email_problem("").is_some());
        assert!(email_problem("ana").is_some());
        assert!(email_problem("ana@example").is_some());
        assert!(email_problem("ana@@example.org").is_some());
        assert!(email_problem("ana @example.org").is_some());
        assert!(email_problem(&format!("{}@example.org", "a".repeat(250))).is_some());
    }
}
