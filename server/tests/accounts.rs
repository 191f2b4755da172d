//! Accounts through HTTP as a browser without JavaScript uses them: forms that
//! come back with their problems and what was typed, the session cookie, email
//! confirmation from the outbox, settings, log-out and rate limits.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use axum::http::{StatusCode, header};
use support::{TestApp, session_cookie};

const ANA: &[(&str, &str)] = &[
    ("email", "ana@example.org"),
    ("password", "a long enough secret"),
    ("handle", "ana-lopez"),
    ("display_name", "Ana López"),
    ("time_zone", "Europe/Madrid"),
];

#[tokio::test]
async fn a_bad_sign_up_comes_back_with_messages_and_what_was_typed_but_not_the_password() {
    let app = TestApp::new().await;
    let reply = app
        .submit(
            "/signup",
            "/api/sign_up",
            &[
                ("email", "ana@"),
                ("password", "short pw"),
                ("handle", "Ana López!"),
                ("display_name", "Ana 100% López"),
            ],
            "",
        )
        .await;
    assert_eq!(reply.status, StatusCode::FOUND, "{}", reply.body);
    let back = reply.location().to_owned();
    assert!(back.starts_with("/signup?"), "{back}");
    assert!(back.contains("__err="), "{back}");
    assert!(
        !back.contains("short"),
        "passwords never travel in addresses: {back}"
    );
    assert!(session_cookie(&reply).is_empty());

    let page = app.get(&back, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("That does not look like an email address"),
        "{}",
        page.body
    );
    assert!(page.body.contains("at least 10 characters"));
    assert!(page.body.contains("letters a–z, digits and hyphens"));
    assert!(
        page.body.contains(r#"value="ana@""#),
        "the email is kept: {}",
        page.body
    );
    assert!(
        page.body.contains(r#"value="Ana 100% López""#),
        "names are kept exactly"
    );
    assert!(page.body.contains(r#"aria-invalid="true""#));
    assert!(
        page.body
            .contains(r#"aria-describedby="field-password-hint field-password-error""#)
    );
    app.remove().await;
}

#[tokio::test]
async fn sign_up_confirm_settings_and_log_out_without_javascript() {
    let app = TestApp::new().await;
    let reply = app.submit("/signup", "/api/sign_up", ANA, "").await;
    assert_eq!(reply.location(), "/settings/profile?welcome=1");
    let set_cookie = reply.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("Path=/") && set_cookie.contains("Max-Age="),
        "{set_cookie}"
    );
    let cookie = session_cookie(&reply);

    let settings = app.get("/settings", &cookie).await;
    assert!(
        settings.body.contains("ana@example.org"),
        "{}",
        settings.body
    );
    assert!(settings.body.contains("not confirmed yet"));
    assert!(settings.body.contains("Please confirm your email address"));
    assert!(
        settings.body.contains("Ana López"),
        "the menu names the member"
    );

    let token = app.mailed_token("/verify-email?token=");
    assert!(token.len() > 20, "{token}");
    let confirm = app.get(&format!("/verify-email?token={token}"), "").await;
    assert!(
        confirm.body.contains("Confirm my email address"),
        "opening the link changes nothing yet"
    );
    let reply = app
        .submit(
            "/verify-email",
            "/api/confirm_email",
            &[("token", &token)],
            "",
        )
        .await;
    assert_eq!(reply.location(), "/verify-email?confirmed=1");
    let settings = app.get("/settings", &cookie).await;
    assert!(settings.body.contains("(confirmed)"), "{}", settings.body);

    let link = format!("/verify-email?token={token}");
    let again = app
        .submit(&link, "/api/confirm_email", &[("token", &token)], "")
        .await;
    let page = app.get(again.location(), "").await;
    assert!(page.body.contains("already been used"), "{}", page.body);

    let reply = app.submit("/settings", "/api/log_out", &[], &cookie).await;
    assert!(
        reply.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let settings = app.get("/settings", &cookie).await;
    assert!(
        settings.body.contains("to see your settings"),
        "the old cookie no longer works"
    );
    app.remove().await;
}

#[tokio::test]
async fn log_in_sends_members_on_and_never_off_site() {
    let app = TestApp::new().await;
    app.submit("/signup", "/api/sign_up", ANA, "").await;
    let login = |next: &'static str| {
        [
            ("email", "ana@example.org"),
            ("password", "a long enough secret"),
            ("next", next),
        ]
    };
    let reply = app
        .submit("/login", "/api/log_in", &login("/settings"), "")
        .await;
    assert_eq!(reply.location(), "/settings");
    assert!(!session_cookie(&reply).is_empty());
    let reply = app
        .submit("/login", "/api/log_in", &login("//evil.example"), "")
        .await;
    assert_eq!(reply.location(), "/members");

    let wrong = [
        ("email", "ana@example.org"),
        ("password", "not my password"),
    ];
    let reply = app.submit("/login", "/api/log_in", &wrong, "").await;
    let page = app.get(reply.location(), "").await;
    assert!(
        page.body.contains("do not match an account"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"value="ana@example.org""#));
    app.remove().await;
}

#[tokio::test]
async fn too_many_log_ins_get_429_and_a_readable_wait() {
    let app = TestApp::new().await;
    let wrong = [
        ("email", "nobody@example.org"),
        ("password", "not my password"),
    ];
    let mut last = None;
    for _ in 0..11 {
        let request = axum::http::Request::post("/api/log_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(axum::body::Body::from(
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(wrong)
                    .finish(),
            ))
            .unwrap();
        last = Some(app.send(request).await);
    }
    let last = last.unwrap();
    assert_eq!(last.status, StatusCode::TOO_MANY_REQUESTS, "{}", last.body);
    assert!(last.body.contains("rate_limited"), "{}", last.body);

    let reply = app.submit("/login", "/api/log_in", &wrong, "").await;
    let page = app.get(reply.location(), "").await;
    assert!(
        page.body.contains("Too many attempts. Please try again in"),
        "{}",
        page.body
    );
    app.remove().await;
}
