//! Accounts: signing up, logging in, sessions, email verification, password
//! reset and changes, and roles. Secrets (passwords, session and email tokens)
//! are stored only as hashes.

mod email;
mod housekeeping;
mod login;
mod password;
mod rate_limit;
mod roles;
mod sessions;
mod settings;
mod signup;
mod tokens;

pub use email::normalise_email;
pub use housekeeping::{Swept, sweep};
pub use login::{LogIn, log_in};
pub use password::MIN_PASSWORD_CHARS;
pub use rate_limit::{Limit, hit as rate_limit_hit};
pub use roles::grant_role;
pub use sessions::{
    SESSION_DAYS, SignedIn, end_all_sessions, end_session, resolve_session, sessions_of,
};
pub use settings::{
    change_email, change_password, confirm_email, request_password_reset, resend_verification,
    reset_password,
};
pub use signup::{SignUp, sign_up};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Who is making a request, as far as rate limits and the session list care.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Client {
    /// The address the request came from.
    pub ip: String,
    /// The browser's User-Agent header.
    pub user_agent: String,
}

/// 256 random bits, URL-safe: session cookies and emailed tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored in place of a token: its SHA-256, in hex. Tokens are random
/// and long, so a fast hash is enough to make a leaked table useless.
pub(crate) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }
}
