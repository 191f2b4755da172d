//! Mail over real SMTP: a sign-up's confirmation mail reaches an SMTP server
//! (Python's aiosmtpd, started by this test) and the link in it works.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use iey_domain::testing::token_in_newest_mail;
use support::{TestApp, session_cookie};

/// An aiosmtpd server storing what it receives in a Maildir; stopped on drop.
struct SmtpSink {
    child: Child,
    maildir: PathBuf,
    port: u16,
}

impl SmtpSink {
    fn start() -> SmtpSink {
        let python = std::env::var("IEY_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let maildir = std::env::temp_dir().join(format!("iey-smtp-{port}-{}", std::process::id()));
        let child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "start aiosmtpd with {python} (scripts/install-tools.sh installs it): {error}"
                )
            });
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not start; is it installed for {python}?"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        SmtpSink {
            child,
            maildir,
            port,
        }
    }

    /// Waits for the `count`th message to arrive.
    fn wait_for(&self, count: usize) {
        let started = Instant::now();
        let received = || {
            std::fs::read_dir(self.maildir.join("new"))
                .map(|dir| dir.count())
                .unwrap_or(0)
        };
        while received() < count {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no mail arrived over SMTP"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}

#[tokio::test]
async fn the_confirmation_mail_arrives_over_smtp_and_its_link_works() {
    let sink = SmtpSink::start();
    let app = TestApp::sending_through(Some(&format!("smtp://127.0.0.1:{}", sink.port))).await;
    let reply = app
        .submit(
            "/signup",
            "/api/sign_up",
            &[
                ("email", "zoe@example.org"),
                ("password", "a long enough secret"),
                ("handle", "zoe"),
                ("display_name", "Zoë Martin"),
            ],
            "",
        )
        .await;
    assert_eq!(reply.location(), "/settings/profile?welcome=1");
    let cookie = session_cookie(&reply);
    sink.wait_for(1);
    let raw = std::fs::read_dir(sink.maildir.join("new"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let raw = std::fs::read_to_string(raw).unwrap();
    assert!(raw.contains("To: zoe@example.org"), "{raw}");
    assert!(
        raw.contains("Subject: Confirm your email address for IEY"),
        "{raw}"
    );

    let token = token_in_newest_mail(
        &sink.maildir.join("new"),
        "http://iey.test/verify-email?token=",
    );
    let link = format!("/verify-email?token={token}");
    let reply = app
        .submit(&link, "/api/confirm_email", &[("token", &token)], "")
        .await;
    assert_eq!(reply.location(), "/verify-email?confirmed=1");
    let settings = app.get("/settings", &cookie).await;
    assert!(settings.body.contains("(confirmed)"), "{}", settings.body);
    app.remove().await;
}
