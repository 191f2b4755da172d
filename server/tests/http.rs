//! The router end to end in-process: health, readiness, server-rendered pages,
//! status codes, server functions and the headers every response carries.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use iey_app::server::ServerState;
use iey_domain::mail::Mailer;
use iey_domain::seed::{SeedOptions, seed_members};
use iey_domain::testing::TestDb;
use iey_server::session::TrustForwarded;
use tower::ServiceExt;

/// One rendering test at a time: Leptos' server rendering can stall when several
/// tokio runtimes (one per test) render in one process at once. A real server has
/// one runtime, and the load benchmark and e2e suite exercise it concurrently.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct App {
    router: axum::Router,
    test_db: TestDb,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

async fn app() -> App {
    let turn = ONE_AT_A_TIME.lock().await;
    let test_db = TestDb::fresh().await;
    seed_members(
        &test_db.db,
        SeedOptions {
            members: 60,
            seed: 5,
            friendships_per_member: 0,
        },
    )
    .await
    .unwrap();
    let outbox = std::env::temp_dir().join(format!("iey-outbox-{}", std::process::id()));
    let mailer = Mailer::new(
        None,
        outbox,
        "IEY <noreply@example.org>",
        "http://127.0.0.1:3000",
    )
    .unwrap();
    let server = ServerState::new(test_db.db.clone(), mailer, false);
    let router = iey_server::http::router(server, site_root(), TrustForwarded(false));
    App {
        router,
        test_db,
        _turn: turn,
    }
}

/// A built site of two files, as `cargo leptos build` leaves one.
fn site_root() -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("iey-site-{}", std::process::id()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(
        root.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::write(root.join("pkg/iey.css"), "body { margin: 0 }").unwrap();
    root
}

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_and_readiness() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let (status, _, body) = get(&router, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, _, body) = get(&router, "/readyz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ready"));
    test_db.remove().await;
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    test_db.db.clone().close().await.unwrap();
    let (status, _, _) = get(&router, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn the_landing_page_is_rendered_with_the_community_figures() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let (status, headers, body) = get(&router, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1"), "{body}");
    assert!(
        body.contains("stats__value"),
        "figures are in the HTML: {body}"
    );
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "inline scripts carry the nonce"
    );
    assert!(!csp.contains("unsafe-inline"));
    test_db.remove().await;
}

#[tokio::test]
async fn unknown_pages_are_404_with_a_page() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let (status, headers, body) = get(&router, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("We could not find that page"));
    assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    test_db.remove().await;
}

#[tokio::test]
async fn every_response_carries_security_headers_and_a_request_id() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    for uri in ["/", "/healthz", "/members", "/nope"] {
        let (_, headers, _) = get(&router, uri).await;
        for name in [
            "content-security-policy",
            "x-content-type-options",
            "referrer-policy",
            "x-frame-options",
            "x-request-id",
        ] {
            assert!(headers.contains_key(name), "{uri} lacks {name}");
        }
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
    }
    test_db.remove().await;
}

/// Pages and the site's files asked for at the same moment, as a browser does,
/// each keep their own headers: a file never takes a page's policy, and a page
/// never goes out without it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_files_fetched_together_keep_their_own_headers() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let mut replies = tokio::task::JoinSet::new();
    for _ in 0..40 {
        for uri in ["/members", "/favicon.svg", "/about", "/pkg/iey.css"] {
            let router = router.clone();
            replies.spawn(async move { (uri, get(&router, uri).await) });
        }
    }
    while let Some(reply) = replies.join_next().await {
        let (uri, (status, headers, _)) = reply.unwrap();
        assert_eq!(status, StatusCode::OK, "{uri}");
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        if uri.contains('.') {
            assert!(
                csp.starts_with("default-src 'none'"),
                "{uri} took a page's policy: {csp}"
            );
        } else {
            assert!(
                csp.contains("script-src 'self'"),
                "{uri} lost its policy: {csp}"
            );
        }
    }
    test_db.remove().await;
}

#[tokio::test]
async fn a_bad_page_cursor_is_a_message_not_a_500() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let (status, _, body) = get(&router, "/members?after=rubbish").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("role=\"alert\""), "{body}");
    test_db.remove().await;
}

#[tokio::test]
async fn server_functions_answer_with_typed_errors() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let request = Request::post("/api/browse_members")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("query[q]={}", "x".repeat(300))))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains(r#""error":"validation""#), "{body}");

    // Someone the viewer may not see is a 404 to a server function too, not a 500.
    let request = Request::post("/api/profile_connections")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("handle=nobody-here"))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(String::from_utf8_lossy(&body), r#"{"error":"not_found"}"#);
    test_db.remove().await;
}

#[tokio::test]
async fn profiles_show_to_visitors_only_when_public() {
    let App {
        router,
        test_db,
        _turn,
    } = app().await;
    let handles = test_db.handles(2).await;
    test_db.set_visibility(&handles[0], "public").await;
    test_db.set_visibility(&handles[1], "members").await;

    let (status, _, body) = get(&router, &format!("/members/{}", handles[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>"), "{body}");

    let (status, _, body) = get(&router, &format!("/members/{}", handles[1])).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a members-only profile is hidden from visitors"
    );
    assert!(body.contains("We could not find that page"));
    test_db.remove().await;
}
