//! The profile editor through HTTP: without JavaScript a form with problems comes
//! back as typed (markup in it stays text), a JavaScript client gets 422, a good
//! save goes to the profile, and the photo form shows its problems on its field.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{TestApp, session_cookie};

/// Signs up a member, confirms them, and returns their cookie.
async fn member(app: &TestApp) -> String {
    let fields = [
        ("email", "ana@example.org"),
        ("password", "correct horse battery"),
        ("handle", "ana-test"),
        ("display_name", "Ana Test"),
    ];
    let reply = app.submit("/signup", "/api/sign_up", &fields, "").await;
    app.test_db.set_visibility("ana-test", "public").await;
    session_cookie(&reply)
}

const BAD: &str = "form%5Bdisplay_name%5D=&form%5Bhandle%5D=ab&form%5Bbio%5D=100%25+%3C%2Ftextarea%3E%3Cscript%3Ex\
    &form%5Bsectors%5D%5B%5D=health&form%5Bsectors%5D%5B%5D=police&form%5Bcountry%5D=ES\
    &form%5Btime_zone%5D=Europe%2FMadrid&form%5Bvisibility%5D=public&form%5Bopen_to_visits%5D=true";

fn save(cookie: &str, accept: &str, body: String) -> Request<Body> {
    Request::post("/api/save_profile")
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT, accept)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, "http://localhost/settings/profile")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn the_profile_form_keeps_what_was_typed_without_javascript() {
    let app = TestApp::new().await;
    let page = app.get("/settings/profile", "").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.body.contains("/login"));

    let cookie = member(&app).await;
    let reply = app.send(save(&cookie, "text/html", BAD.to_owned())).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let back = reply.location().to_owned();
    assert!(back.starts_with("/settings/profile?draft=1"), "{back}");
    let page = app.get(&back, &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    for kept in [
        "role=\"alert\"",
        "aria-invalid=\"true\"",
        "Please enter your name.",
        "value=\"ab\"",
        "value=\"police\" checked",
        "100% &lt;/textarea&gt;&lt;script&gt;x",
    ] {
        assert!(page.body.contains(kept), "{kept} in {}", page.body);
    }

    let reply = app
        .send(save(&cookie, "application/json", BAD.to_owned()))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains(r#""error":"validation""#));

    let good = BAD
        .replace("display_name%5D=&", "display_name%5D=Ana&")
        .replace("handle%5D=ab", "handle%5D=ana-new");
    let reply = app.send(save(&cookie, "text/html", good)).await;
    assert_eq!(
        (reply.status, reply.location()),
        (StatusCode::FOUND, "/members/ana-new")
    );
    let page = app.get("/members/ana-new", "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("&lt;/textarea&gt;&lt;script&gt;x"));
    app.remove().await;
}

#[tokio::test]
async fn the_photo_form_shows_its_problem_on_its_field() {
    let app = TestApp::new().await;
    let cookie = member(&app).await;
    let page = app
        .get("/settings/profile?avatar_error=wrong_format", &cookie)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let field = page.body.split("id=\"avatar-file\"").nth(1).unwrap();
    let field = &field[..field.find('>').unwrap()];
    assert!(field.contains(r#"aria-invalid="true""#), "{field}");
    assert!(field.contains("avatar-file-problem"), "{field}");
    assert!(page.body.contains("JPEG, PNG or WebP"));
    app.remove().await;
}
