//! Media routes in-process: stored avatars with long-lived cache headers, 404 for
//! anything unknown, generated initials that no markup gets into, and the upload
//! route's size limit and login check.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "support/app.rs"]
mod support;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer, avatars};
use support::{TestApp, session_cookie};
use tower::ServiceExt;

const ANA: &[(&str, &str)] = &[
    ("email", "ana@example.org"),
    ("password", "a long enough secret"),
    ("handle", "ana-lopez"),
    ("display_name", "Ana López"),
    ("time_zone", "Europe/Madrid"),
];

async fn app() -> (axum::Router, TestApp) {
    let app = TestApp::new().await;
    (app.router.clone(), app)
}

/// A member who uploads through the router; returns the viewer for domain calls.
async fn some_member(test_db: &TestDb) -> Viewer {
    iey_domain::seed::seed_members(
        &test_db.db,
        iey_domain::seed::SeedOptions {
            members: 2,
            seed: 21,
            friendships_per_member: 0,
        },
    )
    .await
    .unwrap();
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    Viewer::Member {
        id,
        role: Role::Member,
    }
}

async fn send(router: &axum::Router, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, body.to_vec())
}

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn jpeg() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut bytes)
        .encode_image(&image::RgbImage::from_pixel(
            120,
            90,
            image::Rgb([200, 60, 30]),
        ))
        .unwrap();
    bytes
}

/// A multipart form with `photo` in the `avatar` field.
fn upload_request(photo: &[u8], accept: &str, cookie: &str) -> Request<Body> {
    let boundary = "iey-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(photo);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = Request::post(iey_server::media::UPLOAD_PATH);
    if !cookie.is_empty() {
        request = request.header(header::COOKIE, cookie);
    }
    request
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, accept)
        .header(header::REFERER, "http://127.0.0.1:3000/settings/profile")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_stored_avatar_is_served_with_cache_headers() {
    let (router, app) = app().await;
    let viewer = some_member(&app.test_db).await;
    let key = avatars::upload(&app.test_db.db, &viewer, jpeg())
        .await
        .unwrap();

    for size in [256, 64] {
        let (status, headers, body) = get(&router, &format!("/media/avatars/{key}/{size}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert!(body.starts_with(&[0xff, 0xd8]), "a JPEG");
        let etag = headers[header::ETAG].clone();
        assert!(etag.to_str().unwrap().contains(&key));

        let again = Request::get(format!("/media/avatars/{key}/{size}"))
            .header(header::IF_NONE_MATCH, etag)
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = send(&router, again).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());
    }
    app.remove().await;
}

#[tokio::test]
async fn unknown_avatars_are_a_plain_404() {
    let (router, app) = app().await;
    for uri in [
        "/media/avatars/0123456789abcdef0123456789abcdef/256",
        "/media/avatars/0123456789abcdef0123456789abcdef/128",
        "/media/avatars/0123456789abcdef0123456789abcdef/big",
        "/media/avatars/not-a-key/64",
        "/media/avatars/%2E%2E%2Fetc/64",
    ] {
        let (status, headers, body) = get(&router, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/plain"),
            "{uri}"
        );
        assert_eq!(body, b"Not found");
    }
    app.remove().await;
}

#[tokio::test]
async fn initials_come_as_an_svg_that_markup_cannot_get_into() {
    let (router, app) = app().await;
    let (status, headers, body) = get(&router, "/media/initials/al.svg?colour=3").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "image/svg+xml; charset=utf-8"
    );
    assert!(
        headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("public")
    );
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "no scripts: {csp}");
    let svg = String::from_utf8(body).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains(">AL</text>"),
        "{svg}"
    );

    let (status, _, body) = get(
        &router,
        "/media/initials/%3Cscript%3Ealert(1)%3C%2Fscript%3E?colour=x",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let svg = String::from_utf8(body).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains(">SC</text>"), "{svg}");
    app.remove().await;
}

#[tokio::test]
async fn a_too_large_upload_goes_back_to_the_form_with_a_message() {
    let (router, app) = app().await;
    let huge = vec![0u8; 7 * 1024 * 1024];
    let (status, headers, _) = send(&router, upload_request(&huge, "text/html", "")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers[header::LOCATION],
        "/settings/profile?avatar_error=too_large#photo"
    );
    let (status, _, body) = send(&router, upload_request(&huge, "application/json", "")).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let body = String::from_utf8(body).unwrap();
    assert!(
        body.contains(r#""error":"validation""#) && body.contains("5 MB"),
        "{body}"
    );
    app.remove().await;
}

#[tokio::test]
async fn visitors_who_upload_are_sent_to_log_in() {
    let (router, app) = app().await;
    let (status, headers, _) = send(&router, upload_request(&jpeg(), "text/html", "")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers[header::LOCATION], "/login?next=/settings/profile");
    app.remove().await;
}

#[tokio::test]
async fn a_member_uploads_replaces_and_removes_their_photo_without_javascript() {
    let (router, app) = app().await;
    let signed_up = app.submit("/signup", "/api/sign_up", ANA, "").await;
    let cookie = session_cookie(&signed_up);
    assert!(!cookie.is_empty(), "signed up and logged in");
    let ana = Viewer::Member {
        id: app.test_db.set_visibility("ana-lopez", "members").await,
        role: Role::Member,
    };
    let key_of_ana = || async { avatars::mine(&app.test_db.db, &ana).await.unwrap().avatar };

    let (status, headers, _) = send(&router, upload_request(&jpeg(), "text/html", &cookie)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        headers[header::LOCATION],
        "/settings/profile?avatar=saved#photo"
    );
    let key = key_of_ana().await.expect("the photo is saved");
    let (status, _, _) = get(&router, &format!("/media/avatars/{key}/256")).await;
    assert_eq!(status, StatusCode::OK);

    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let (status, headers, _) = send(&router, upload_request(gif, "text/html", &cookie)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        headers[header::LOCATION],
        "/settings/profile?avatar_error=wrong_format#photo"
    );
    assert_eq!(
        key_of_ana().await,
        Some(key.clone()),
        "a refused file changes nothing"
    );

    let reply = app
        .submit("/settings/profile", "/api/remove_avatar", &[], &cookie)
        .await;
    assert_eq!(reply.status, StatusCode::FOUND, "{}", reply.body);
    assert_eq!(reply.location(), "/settings/profile?avatar=removed#photo");
    assert_eq!(key_of_ana().await, None);
    let (status, _, _) = get(&router, &format!("/media/avatars/{key}/256")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the old photo is gone");
    app.remove().await;
}
