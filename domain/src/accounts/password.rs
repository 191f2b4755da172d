//! Passwords: checked for length, hashed with argon2id off the async threads, and
//! verified in the same time whether or not the account exists.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;

use crate::{AppError, DomainResult};

/// The shortest password we accept.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest: hashing is deliberately slow, so unbounded input is a weapon.
const MAX_PASSWORD_CHARS: usize = 200;

/// What is wrong with a new password, if anything.
pub(crate) fn password_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Some(format!(
            "Please choose a password of at least {MIN_PASSWORD_CHARS} characters."
        ))
    } else if chars > MAX_PASSWORD_CHARS {
        Some(format!(
            "Please choose a password of at most {MAX_PASSWORD_CHARS} characters."
        ))
    } else {
        None
    }
}

/// The argon2id hash (PHC string, salt included) of `password`.
pub(crate) async fn hash_password(password: String) -> DomainResult<String> {
    blocking(move || {
        let mut salt_bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut salt_bytes);
        let salt = SaltString::encode_b64(&salt_bytes).map_err(|error| {
            tracing::error!(%error, "could not encode a salt");
            AppError::Internal
        })?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| {
                tracing::error!(%error, "password hashing failed");
                AppError::Internal
            })
    })
    .await
}

/// Whether `password` matches `stored`. With no stored hash (no such account, or
/// one without a password) a dummy hash is checked, so the answer takes as long.
pub(crate) async fn verify_password(
    password: String,
    stored: Option<String>,
) -> DomainResult<bool> {
    blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let matches = PasswordHash::new(&stored)
            .map(|hash| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false);
        Ok(known && matches)
    })
    .await
}

/// Runs CPU-heavy work on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> DomainResult<T> + Send + 'static,
) -> DomainResult<T> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "blocking task failed");
        AppError::Internal
    })?
}

/// The argon2id hash of a random password nobody knows, with default parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qw0ciRbyKf1s6bZYHLDqbmCfJ9q9z0RGlWbtBnYoLzQ";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_only_their_password() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("correct horse battery".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify_password("wrong horse battery".into(), Some(hash))
                .await
                .unwrap()
        );
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn length_rules() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("exactly10!").is_none());
        assert!(password_problem(&"x".repeat(201)).is_some());
    }
}
