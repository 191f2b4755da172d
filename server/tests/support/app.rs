//! A router over a fresh database for in-process tests, with helpers to send
//! requests as a browser would and a mail outbox the test can read.

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use iey_app::server::ServerState;
use iey_domain::mail::Mailer;
use iey_domain::testing::TestDb;
use iey_server::session::TrustForwarded;
use tower::ServiceExt;

/// One rendering test at a time: Leptos' server rendering can stall when several
/// tokio runtimes (one per test) render in one process at once.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The router, its database and its outbox.
pub struct TestApp {
    pub router: axum::Router,
    pub test_db: TestDb,
    pub outbox: PathBuf,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// What came back.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    /// The `Location` header, if any.
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::sending_through(None).await
    }

    /// An app whose mail goes to the SMTP server at `smtp_url`, or the outbox.
    pub async fn sending_through(smtp_url: Option<&str>) -> TestApp {
        let turn = ONE_AT_A_TIME.lock().await;
        let test_db = TestDb::fresh().await;
        let outbox = std::env::temp_dir().join(format!(
            "iey-outbox-{}",
            iey_domain::accounts::random_token()
        ));
        let mailer = Mailer::new(
            smtp_url,
            outbox.clone(),
            "IEY <noreply@example.org>",
            "http://iey.test",
        )
        .unwrap();
        let server = ServerState::new(test_db.db.clone(), mailer, false);
        let router = iey_server::http::router(server, std::env::temp_dir(), TrustForwarded(false));
        TestApp {
            router,
            test_db,
            outbox,
            _turn: turn,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    /// A GET with an optional cookie.
    pub async fn get(&self, uri: &str, cookie: &str) -> Reply {
        let mut request = Request::get(uri);
        if !cookie.is_empty() {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A plain HTML form post from `page`, as a browser without JavaScript sends it.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        cookie: &str,
    ) -> Reply {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let mut request = Request::post(action)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("http://iey.test{page}"));
        if !cookie.is_empty() {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// The token after `prefix` in the newest mail of the outbox.
    pub fn mailed_token(&self, prefix: &str) -> String {
        iey_domain::testing::token_in_newest_mail(&self.outbox, prefix)
    }

    pub async fn remove(self) {
        let _ = std::fs::remove_dir_all(&self.outbox);
        self.test_db.remove().await;
    }
}

/// The `name=value` of the session cookie a response sets.
pub fn session_cookie(reply: &Reply) -> String {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("iey_session="))
        .and_then(|value| value.split(';').next())
        .unwrap_or_default()
        .to_owned()
}
