//! Helpers for the account tests: a mail outbox in a temporary folder, and forms.

use std::path::PathBuf;

use iey_domain::accounts::{Client, SignUp};
use iey_domain::mail::Mailer;

/// A mailer whose outbox the test can read.
pub struct Outbox {
    pub mailer: Mailer,
    dir: PathBuf,
}

impl Outbox {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "iey-test-outbox-{}",
            iey_domain::accounts::random_token()
        ));
        let mailer = Mailer::new(
            None,
            dir.clone(),
            "IEY <noreply@example.org>",
            "http://iey.test",
        )
        .unwrap();
        Self { mailer, dir }
    }

    /// How many mails were written.
    pub fn count(&self) -> usize {
        std::fs::read_dir(&self.dir)
            .map(|dir| dir.count())
            .unwrap_or(0)
    }

    /// The token of the last link starting with `prefix` in the newest mail.
    pub fn last_link(&self, prefix: &str) -> String {
        iey_domain::testing::token_in_newest_mail(&self.dir, prefix)
    }
}

impl Drop for Outbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn ana() -> SignUp {
    SignUp {
        email: "ana@example.org".into(),
        password: "a long enough secret".into(),
        handle: "ana-lopez".into(),
        display_name: "Ana López".into(),
        time_zone: "Europe/Madrid".into(),
    }
}

pub fn client(ip: &str) -> Client {
    Client {
        ip: ip.into(),
        user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0".into(),
    }
}
