//! The friend graph through HTTP: a request sent from a profile and accepted from
//! the friends page without JavaScript, bad input that comes back (or gets a
//! clear 4xx) and never a 500, blocking, and the pages a visitor is asked to log
//! in for.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{Reply, TestApp, session_cookie};

/// A form's fields, as name and value.
type Fields<'a> = [(&'a str, &'a str)];

/// Signs up `handle` as "`name`", confirmed and public; returns their cookie and id.
async fn member(app: &TestApp, handle: &str, name: &str) -> (String, i32) {
    let email = format!("{handle}@example.org");
    let fields = [
        ("email", email.as_str()),
        ("password", "correct horse battery"),
        ("handle", handle),
        ("display_name", name),
    ];
    let reply = app.submit("/signup", "/api/sign_up", &fields, "").await;
    let id = app.test_db.set_visibility(handle, "public").await;
    (session_cookie(&reply), id)
}

/// A form post as the hydrated app sends it: JSON wanted back, no redirect.
async fn js_post(app: &TestApp, action: &str, fields: &[(&str, &str)], cookie: &str) -> Reply {
    post(app, action, fields, cookie, "application/json", None).await
}

/// A form post with the given `Accept` and (if any) full `Referer`.
async fn post(
    app: &TestApp,
    action: &str,
    fields: &[(&str, &str)],
    cookie: &str,
    accept: &str,
    referer: Option<&str>,
) -> Reply {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut request = Request::post(action)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept);
    if let Some(referer) = referer {
        request = request.header(header::REFERER, referer);
    }
    if !cookie.is_empty() {
        request = request.header(header::COOKIE, cookie);
    }
    app.send(request.body(Body::from(body)).unwrap()).await
}

/// The value of the first hidden input called `name` on a page.
#[track_caller]
fn hidden(page: &Reply, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = page.body.find(&marker).unwrap_or_else(|| {
        panic!("no {marker} in {}", page.body);
    }) + marker.len();
    page.body[start..].split('"').next().unwrap().to_owned()
}

/// Asserts the page says `text`.
#[track_caller]
fn shows(page: &Reply, text: &str) {
    assert!(page.body.contains(text), "{text:?} not in {}", page.body);
}

/// Asserts the page does not say `text`.
#[track_caller]
fn hides(page: &Reply, text: &str) {
    assert!(!page.body.contains(text), "{text:?} in {}", page.body);
}

/// The part of a page from `marker` to the end of its section.
#[track_caller]
fn section<'a>(page: &'a Reply, marker: &str) -> &'a str {
    let start = page.body.find(marker).unwrap_or_else(|| {
        panic!("no {marker} in {}", page.body);
    });
    let rest = &page.body[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// Asserts a redirect (302/303) and returns where to.
#[track_caller]
fn redirected(reply: &Reply) -> String {
    assert!(
        matches!(reply.status, StatusCode::FOUND | StatusCode::SEE_OTHER),
        "expected a redirect, got {}: {}",
        reply.status,
        reply.body
    );
    reply.location().to_owned()
}

/// Asserts a post without JavaScript came back to `page` (the Referer's path)
/// with the error in the address; returns that address.
#[track_caller]
fn came_back(reply: &Reply, page: &str, what: &str) -> String {
    assert!(reply.status.as_u16() < 500, "{what}: {}", reply.status);
    let back = redirected(reply);
    assert!(back.starts_with(&format!("{page}?")), "{what}: {back}");
    assert!(back.contains("__err="), "{what}: {back}");
    back
}

#[tokio::test]
async fn a_friend_request_is_sent_seen_and_accepted_without_javascript() {
    let app = TestApp::new().await;
    let (ana, _) = member(&app, "ana-test", "Ana Test").await;
    let (ben, _) = member(&app, "ben-test", "Ben Test").await;
    let profile = app.get("/members/ben-test", &ana).await;
    assert_eq!(profile.status, StatusCode::OK);
    shows(&profile, "Send friend request");

    let note = "We met at the Lisbon workshop & want to <keep> in touch";
    let fields = [
        ("handle", "ben-test"),
        ("note", note),
        ("back", "/members/ben-test"),
    ];
    let from = "/members/ben-test";
    let reply = app
        .submit(from, "/api/send_friend_request", &fields, &ana)
        .await;
    assert_eq!(redirected(&reply), "/members/ben-test?done=sent");
    let profile = app.get(reply.location(), &ana).await;
    shows(&profile, "Friend request sent.");
    shows(&profile, "You asked Ben Test to be friends");

    let notifications = app.get("/notifications", &ben).await;
    assert_eq!(notifications.status, StatusCode::OK);
    shows(&notifications, "Ana Test sent you a friend request.");
    shows(&notifications, ", 1 unread");

    let friends = app.get("/friends", &ben).await;
    assert_eq!(friends.status, StatusCode::OK);
    shows(&friends, "Friend requests (1)");
    let requests = section(&friends, r#"id="requests""#);
    assert!(requests.contains("Ana Test"), "{requests}");
    let as_text = "We met at the Lisbon workshop &amp; want to &lt;keep&gt; in touch";
    assert!(requests.contains(as_text), "the note, as text: {requests}");
    let id = hidden(&friends, "id");
    let accept = [("id", id.as_str()), ("back", "/friends")];
    let reply = app
        .submit("/friends", "/api/accept_friend_request", &accept, &ben)
        .await;
    assert_eq!(redirected(&reply), "/friends?done=accepted");
    let friends = app.get(reply.location(), &ben).await;
    shows(&friends, "You are now friends.");
    shows(&friends, "Your friends (1)");

    let profile = app.get("/members/ben-test", &ana).await;
    shows(&profile, "You and Ben Test are friends.");

    // Ana hears back; opening the notice reads it and goes where it leads.
    let notifications = app.get("/notifications", &ana).await;
    shows(&notifications, "Ben Test accepted your friend request.");
    let (id, link) = (hidden(&notifications, "id"), hidden(&notifications, "link"));
    assert!(link.starts_with('/'), "{link}");
    let open = [("id", id.as_str()), ("link", link.as_str())];
    let reply = app
        .submit("/notifications", "/api/open_notification", &open, &ana)
        .await;
    assert_eq!(redirected(&reply), link);
    let notifications = app.get("/notifications", &ana).await;
    hides(&notifications, "Unread: ");
    hides(&notifications, " unread</span>");
    app.remove().await;
}

#[tokio::test]
async fn a_directory_card_asks_and_then_says_so_keeping_the_search() {
    let app = TestApp::new().await;
    let (ana, _) = member(&app, "ana-test", "Ana Test").await;
    let (ben, _) = member(&app, "ben-test", "Benedikt Quist").await;
    let search = "/members?q=Quist";
    let cards = app.get(search, &ana).await;
    shows(&cards, "Add friend");
    shows(&cards, ": Benedikt Quist");
    shows(&app.get(search, "").await, "Benedikt Quist");
    hides(&app.get(search, "").await, "Add friend");

    let fields = [("handle", "ben-test"), ("note", ""), ("back", search)];
    let reply = app
        .submit(search, "/api/send_friend_request", &fields, &ana)
        .await;
    assert_eq!(redirected(&reply), "/members?q=Quist&done=sent");
    let cards = app.get(reply.location(), &ana).await;
    shows(&cards, "Friend request sent.");
    shows(&cards, "Benedikt Quist");
    hides(&cards, "Add friend");
    let theirs = app.get("/members?q=Ana", &ben).await;
    shows(&theirs, "Asked to be your friend: answer");
    app.remove().await;
}

#[tokio::test]
async fn bad_friend_graph_input_comes_back_with_the_problem_and_never_a_500() {
    let app = TestApp::new().await;
    let (ana, _) = member(&app, "ana-test", "Ana Test").await;
    let (ben, _) = member(&app, "ben-test", "Ben Test").await;
    let (cam, _) = member(&app, "cam-test", "Cam Test").await;
    let to_ben = [("handle", "ben-test"), ("note", ""), ("back", "/friends")];
    app.submit("/friends", "/api/send_friend_request", &to_ben, &cam)
        .await;
    let cams_request = hidden(&app.get("/friends", &ben).await, "id");
    let bens_notice = hidden(&app.get("/notifications", &ben).await, "id");

    let accept = |id: &'static str| [("id", id), ("back", "/friends")];
    let missing = accept("999999");
    let reply = app
        .submit("/friends", "/api/accept_friend_request", &missing, &ana)
        .await;
    came_back(&reply, "/friends", "no such request");
    let foreign = [("id", cams_request.as_str()), ("back", "/friends")];
    let reply = app
        .submit("/friends", "/api/accept_friend_request", &foreign, &ana)
        .await;
    let back = came_back(&reply, "/friends", "someone else's request");
    shows(&app.get(&back, &ana).await, "We could not find that page.");
    let friends = app.get("/friends", &ben).await;
    shows(&friends, "Friend requests (1)");

    let long = "x".repeat(281);
    let from = "/members/ben-test";
    let note = [("handle", "ben-test"), ("note", &long), ("back", from)];
    let reply = app
        .submit(from, "/api/send_friend_request", &note, &ana)
        .await;
    let page = app.get(&came_back(&reply, from, "a long note"), &ana).await;
    shows(&page, "Please keep the note to 280 characters or fewer.");
    shows(&page, &long);
    let reply = js_post(&app, "/api/send_friend_request", &note, &ana).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    shows(&reply, r#""field":"note""#);

    let nobody = [("handle", "nobody"), ("note", ""), ("back", "/members")];
    let unfriend = [("handle", "ben-test"), ("back", from)];
    let block_self = [("handle", "ana-test"), ("back", "/members/ana-test")];
    let unblock = [("handle", "cam-test"), ("back", "/settings")];
    let open = [("id", bens_notice.as_str()), ("link", "/friends")];
    let mistakes: [(&str, &str, &Fields, &str); 5] = [
        ("/members", "send_friend_request", &nobody, "missing"),
        (from, "unfriend", &unfriend, "not friends"),
        ("/members/ana-test", "block_member", &block_self, "oneself"),
        ("/settings", "unblock_member", &unblock, "not blocked"),
        ("/notifications", "open_notification", &open, "another's"),
    ];
    for (page, endpoint, fields, what) in mistakes {
        let action = format!("/api/{endpoint}");
        let reply = app.submit(page, &action, fields, &ana).await;
        came_back(&reply, page, what);
    }
    let notifications = app.get("/notifications", &ben).await;
    shows(&notifications, "Unread: ");

    // Where a form goes on is always on this site.
    let evil = [
        ("handle", "cam-test"),
        ("note", ""),
        ("back", "https://evil.example/"),
    ];
    let reply = app
        .submit("/members/cam-test", "/api/send_friend_request", &evil, &ana)
        .await;
    assert_eq!(redirected(&reply), "/friends?done=sent");
    let evil = [("id", bens_notice.as_str()), ("link", "//evil.example")];
    let reply = app
        .submit("/notifications", "/api/open_notification", &evil, &ben)
        .await;
    assert_eq!(redirected(&reply), "/notifications");

    // The hydrated app gets the typed error with a status that says what it is.
    let reply = js_post(&app, "/api/accept_friend_request", &missing, &ana).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    shows(&reply, r#""error":"not_found""#);
    let reply = js_post(&app, "/api/block_member", &block_self, &ana).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    shows(&reply, r#""field":"block""#);
    let reply = js_post(&app, "/api/send_friend_request", &to_ben, "").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.body);
    shows(&reply, r#""error":"unauthenticated""#);
    let reply = app
        .submit(from, "/api/send_friend_request", &to_ben, "")
        .await;
    came_back(&reply, from, "a visitor");
    app.remove().await;
}

/// An argument that does not parse is the member's mistake, shown on the page:
/// a 4xx for the hydrated app, and without JavaScript a way back to the page
/// (on this site only) with a message that is not "We could not reach IEY".
#[tokio::test]
async fn a_request_id_that_is_not_a_number_is_the_members_mistake() {
    let app = TestApp::new().await;
    let (ana, _) = member(&app, "ana-test", "Ana Test").await;
    let fields = [("id", "abc"), ("back", "/friends")];
    let action = "/api/accept_friend_request";
    let reply = js_post(&app, action, &fields, &ana).await;
    assert!(reply.status.is_client_error(), "{}", reply.status);
    hides(&reply, "unreachable");
    let reply = app.submit("/friends", action, &fields, &ana).await;
    let page = app
        .get(&came_back(&reply, "/friends", "not a number"), &ana)
        .await;
    shows(&page, r#"role="alert""#);
    hides(&page, "We could not reach IEY");
    let elsewhere = Some("https://evil.example/friends");
    let reply = post(&app, action, &fields, &ana, "text/html", elsewhere).await;
    let location = reply.location();
    assert!(!location.contains("evil.example"), "{location}");
    app.remove().await;
}

/// A refused change tells the member why, even when its problem names no input
/// of the form ("block", "friend", "request").
#[tokio::test]
async fn a_refused_change_says_why() {
    let app = TestApp::new().await;
    let (ana, _) = member(&app, "ana-test", "Ana Test").await;
    member(&app, "ben-test", "Ben Test").await;
    let block = [("handle", "ana-test"), ("back", "/members/ana-test")];
    let unfriend = [("handle", "ben-test"), ("back", "/members/ben-test")];
    for (fields, endpoint, reason) in [
        (block, "block_member", "You cannot block yourself."),
        (unfriend, "unfriend", "You are not friends with Ben Test."),
    ] {
        let (page, action) = (fields[1].1, format!("/api/{endpoint}"));
        let reply = app.submit(page, &action, &fields, &ana).await;
        shows(
            &app.get(&came_back(&reply, page, reason), &ana).await,
            reason,
        );
    }
    app.remove().await;
}

#[tokio::test]
async fn a_blocked_member_sees_nothing_of_the_blocker_until_unblocked() {
    let app = TestApp::new().await;
    let (ana, ana_id) = member(&app, "ana-test", "Ana Test").await;
    let (ben, ben_id) = member(&app, "ben-test", "Benedikt Quist").await;
    let (cam, _) = member(&app, "cam-test", "Cam Test").await;
    app.test_db.befriend(ana_id, ben_id).await;
    shows(&app.get("/members?q=Quist", &ana).await, "Benedikt Quist");

    let block = [("handle", "ana-test"), ("back", "/members/ana-test")];
    let reply = app
        .submit("/members/ana-test", "/api/block_member", &block, &ben)
        .await;
    assert_eq!(redirected(&reply), "/friends?done=blocked");

    let profile = app.get("/members/ben-test", &ana).await;
    assert_eq!(profile.status, StatusCode::NOT_FOUND);
    shows(&profile, "We could not find that page");
    hides(&profile, "Benedikt Quist");
    let search = app.get("/members?q=Quist", &ana).await;
    assert_eq!(search.status, StatusCode::OK);
    hides(&search, "Benedikt Quist");
    hides(&search, "ben-test");
    shows(&app.get("/members?q=Quist", &cam).await, "Benedikt Quist");
    let friends = app.get("/friends", &ana).await;
    shows(&friends, "Your friends (0)");
    hides(&friends, "Benedikt Quist");

    let friends = app.get("/friends", &ben).await;
    shows(&friends, "Your friends (0)");
    let blocked = section(&friends, r#"id="blocked""#);
    assert!(blocked.contains("Ana Test"), "{blocked}");
    let settings = app.get("/settings", &ben).await;
    let blocked = section(&settings, r#"id="blocked-heading""#);
    assert!(blocked.contains("Ana Test"), "{blocked}");
    assert!(blocked.contains("Unblock"), "{blocked}");

    let unblock = [("handle", "ana-test"), ("back", "/settings")];
    let reply = app
        .submit("/settings", "/api/unblock_member", &unblock, &ben)
        .await;
    assert_eq!(redirected(&reply), "/settings?done=unblocked");
    let settings = app.get(reply.location(), &ben).await;
    shows(&settings, "Unblocked.");
    let blocked = section(&settings, r#"id="blocked-heading""#);
    assert!(!blocked.contains("Ana Test"), "{blocked}");
    let profile = app.get("/members/ben-test", &ana).await;
    assert_eq!(profile.status, StatusCode::OK);
    shows(&profile, "Send friend request");
    app.remove().await;
}

#[tokio::test]
async fn visitors_are_asked_to_log_in_for_friends_and_notifications() {
    let app = TestApp::new().await;
    for page in ["/friends", "/notifications", "/friends/graph"] {
        let reply = app.get(page, "").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{page}");
        shows(&reply, &format!("/login?next={page}"));
    }
    app.remove().await;
}
