//! Server-side helpers for server functions: the shared state they read from the
//! request context, and who the viewer is.

use std::sync::Arc;
use std::time::Duration;

use iey_domain::accounts::{Client, SignedIn};
use iey_domain::community::SummaryCache;
use iey_domain::mail::Mailer;
use iey_domain::members::DirectoryCache;
use iey_domain::{AppError, Db, Viewer};
use leptos::prelude::use_context;

pub use crate::forms::keep_on_error;

/// How old the landing page's community figures may be.
const SUMMARY_TTL: Duration = Duration::from_secs(60);
/// How old the directory's totals and facet counts may be.
const DIRECTORY_TTL: Duration = Duration::from_secs(30);

/// What every request can reach: provided as Leptos context by the server binary.
#[derive(Clone)]
pub struct ServerState {
    /// The database pool.
    pub db: Db,
    /// The community figures, counted at most once a minute.
    pub community: Arc<SummaryCache>,
    /// The directory's totals and facet counts, per viewer class and search.
    pub directory: Arc<DirectoryCache>,
    /// Sends account and notification mail.
    pub mailer: Arc<Mailer>,
    /// Whether cookies get the `Secure` flag (the site is served over https).
    pub secure_cookies: bool,
}

impl ServerState {
    /// The state for a server over `db` that sends mail with `mailer`.
    pub fn new(db: Db, mailer: Mailer, secure_cookies: bool) -> Self {
        Self {
            db,
            community: Arc::new(SummaryCache::new(SUMMARY_TTL)),
            directory: Arc::new(DirectoryCache::new(DIRECTORY_TTL)),
            mailer: Arc::new(mailer),
            secure_cookies,
        }
    }
}

/// The shared state of the running server.
pub fn state() -> Result<ServerState, AppError> {
    use_context::<ServerState>().ok_or_else(|| {
        tracing::error!("server state missing from the request context");
        AppError::Internal
    })
}

/// The database pool of the running server.
pub fn db() -> Result<Db, AppError> {
    state().map(|state| state.db)
}

/// The member this request is made for: the session middleware put them in the
/// request's extensions; without a valid session cookie, a visitor.
pub fn viewer() -> Viewer {
    signed_in()
        .map(|signed_in| signed_in.viewer())
        .unwrap_or(Viewer::Visitor)
}

/// The logged-in member and their session, if any.
pub fn signed_in() -> Option<SignedIn> {
    use_context::<http::request::Parts>()?
        .extensions
        .get::<SignedIn>()
        .cloned()
}

/// The logged-in member, or `Unauthenticated`.
pub fn require_signed_in() -> Result<SignedIn, AppError> {
    signed_in().ok_or(AppError::Unauthenticated)
}

/// Where the request came from, for rate limits and the session list.
pub fn client() -> Client {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Client>().cloned())
        .unwrap_or_default()
}

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "iey_session";

/// Sets the session cookie to `token` (log in) or clears it (`None`, log out).
pub fn set_session_cookie(token: Option<&str>) -> Result<(), AppError> {
    let state = state()?;
    let builder = cookie::Cookie::build((SESSION_COOKIE, token.unwrap_or_default().to_owned()))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(state.secure_cookies);
    let max_age = if token.is_some() {
        cookie::time::Duration::days(iey_domain::accounts::SESSION_DAYS)
    } else {
        cookie::time::Duration::ZERO
    };
    let cookie = builder.max_age(max_age).build();
    let value = http::HeaderValue::from_str(&cookie.to_string()).map_err(|_| AppError::Internal)?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}

/// Answers a member's mistake with a 4xx status, never a 500.
pub fn set_error_status(error: &AppError) {
    set_status(error.status());
}

/// Sets the HTTP status of the page being rendered (e.g. 404 for a missing page).
pub fn set_status(status: u16) {
    if let (Some(response), Ok(code)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
}

/// Sends the page's Content Security Policy, allowing only our own scripts and the
/// inline hydration script that carries this request's nonce.
pub fn set_page_security_policy() {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce()
        .map(|nonce| format!(" 'nonce-{nonce}'"))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
