//! The visit planner through HTTP, as a browser without JavaScript uses it: an
//! offer written (after a mistake) and published, a visit asked for and approved,
//! its calendar file for its members only, the private feed, and addresses that
//! don't exist answered with a 404, never a 500.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use axum::http::StatusCode;
use support::{TestApp, session_cookie};

/// Signs up `handle`, confirmed and public; returns their cookie.
async fn member(app: &TestApp, handle: &str) -> String {
    let email = format!("{handle}@example.org");
    let fields = [
        ("email", email.as_str()),
        ("password", "correct horse battery"),
        ("handle", handle),
        ("display_name", handle),
    ];
    let reply = app.submit("/signup", "/api/sign_up", &fields, "").await;
    app.test_db.set_visibility(handle, "public").await;
    session_cookie(&reply)
}

/// The offer form's fields: open every day, all day, in UTC, no notice.
fn offer_fields(name: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("form[setting_name]", name),
        ("form[setting_type]", "nursery"),
        ("form[address]", "1 Park Lane"),
        ("form[city]", "Leeds"),
        ("form[country]", "GB"),
        ("form[time_zone]", "UTC"),
        ("form[duration_minutes]", "60"),
        ("form[capacity]", "2"),
        ("form[min_notice_hours]", "0"),
        ("form[horizon_days]", "30"),
        ("form[visibility]", "members"),
        ("form[languages]", "en"),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    for day in 0..7 {
        fields.push((format!("form[weekly][{day}]"), "00:00-23:59".to_owned()));
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect()
}

/// The first `value="…"` after `marker` in `html`.
fn value_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let rest = &html[html.find(marker).expect(marker) + marker.len()..];
    let start = rest.find("value=\"").unwrap() + 7;
    let end = rest[start..].find('"').unwrap();
    &rest[start..start + end]
}

#[tokio::test]
async fn an_offer_is_written_published_booked_and_approved_without_javascript() {
    let app = TestApp::new().await;
    let host = member(&app, "hana-host").await;
    let guest = member(&app, "vic-visitor").await;
    let stranger = member(&app, "sam-stranger").await;

    // A mistake comes back to the form with the message and what was typed.
    let wrong = offer_fields("");
    let reply = app
        .submit(
            "/visits/offers/new",
            "/api/save_visit_offer",
            &pairs(&wrong),
            &host,
        )
        .await;
    assert!(
        reply.status.is_redirection(),
        "{} {}",
        reply.status,
        reply.body
    );
    assert!(
        reply.location().starts_with("/visits/offers/new?"),
        "{}",
        reply.location()
    );
    let back = app.get(reply.location(), &host).await;
    assert!(
        back.body.contains("Please enter the setting&#x27;s name.")
            || back.body.contains("Please enter the setting's name.")
    );
    assert!(back.body.contains("1 Park Lane"), "the address is kept");

    let right = offer_fields("Sunny Days Nursery");
    let reply = app
        .submit(
            "/visits/offers/new",
            "/api/save_visit_offer",
            &pairs(&right),
            &host,
        )
        .await;
    assert!(
        reply.status.is_redirection(),
        "{} {}",
        reply.status,
        reply.body
    );
    let offer_path = reply.location().split('?').next().unwrap().to_owned();
    let offer_id = offer_path.rsplit('/').next().unwrap().to_owned();
    let publish = [
        ("id", offer_id.as_str()),
        ("status", "published"),
        ("back", offer_path.as_str()),
    ];
    let reply = app
        .submit(&offer_path, "/api/visit_offer_status", &publish, &host)
        .await;
    assert!(
        reply.status.is_redirection(),
        "{} {}",
        reply.status,
        reply.body
    );

    // The visitor sees free times and asks for the first.
    let page = app.get(&offer_path, &guest).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Sunny Days Nursery"));
    let slot = value_after(&page.body, "name=\"form[starts_at]\"").to_owned();
    let ask = [
        ("offer_id", offer_id.as_str()),
        ("form[starts_at]", slot.as_str()),
        ("form[message]", "Hello!"),
        ("form[companions]", ""),
    ];
    let reply = app
        .submit(&offer_path, "/api/request_visit", &ask, &guest)
        .await;
    assert!(
        reply.status.is_redirection(),
        "{} {}",
        reply.status,
        reply.body
    );
    let visit_path = reply.location().split('?').next().unwrap().to_owned();
    assert!(visit_path.starts_with("/visits/"), "{visit_path}");
    let visit_id = visit_path.rsplit('/').next().unwrap().to_owned();

    // The host approves; the visit's calendar file is for its members only.
    let approve = [("id", visit_id.as_str()), ("back", "/visits")];
    let reply = app
        .submit("/visits", "/api/approve_visit", &approve, &host)
        .await;
    assert!(
        reply.status.is_redirection(),
        "{} {}",
        reply.status,
        reply.body
    );
    let ics = app.get(&format!("{visit_path}/calendar.ics"), &guest).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.body.contains("STATUS:CONFIRMED"), "{}", ics.body);
    for cookie in [stranger.as_str(), ""] {
        let hidden = app.get(&format!("{visit_path}/calendar.ics"), cookie).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(
        app.get(&visit_path, &stranger).await.status,
        StatusCode::NOT_FOUND
    );

    // Approving twice is the member's mistake, answered without a 500.
    let again = app
        .submit("/visits", "/api/approve_visit", &approve, &host)
        .await;
    assert!(
        again.status.is_redirection() || again.status.is_client_error(),
        "{}",
        again.status
    );
    app.remove().await;
}

#[tokio::test]
async fn addresses_that_do_not_exist_are_404s() {
    let app = TestApp::new().await;
    let me = member(&app, "pat-member").await;
    for path in [
        "/visits/abc",
        "/visits/99999",
        "/visits/offers/99999",
        "/visits/offers/abc/edit",
        "/visits/99999/calendar.ics",
        "/visits/abc/calendar.ics",
        "/calendar/not-a-token.ics",
        "/calendar/nothing",
    ] {
        assert_eq!(
            app.get(path, &me).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let calendar = app
        .get("/visits/calendar?view=sideways&date=99999-99-99", &me)
        .await;
    assert_eq!(
        calendar.status,
        StatusCode::OK,
        "a bad view or date falls back to this month"
    );
    app.remove().await;
}
