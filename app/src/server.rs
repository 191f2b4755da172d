//! Server-side helpers for server functions: the shared state they read from the
//! request context, and who the viewer is.

use std::sync::Arc;
use std::time::Duration;

use iey_domain::community::SummaryCache;
use iey_domain::{AppError, Db, Viewer};
use leptos::prelude::use_context;

/// How old the landing page's community figures may be.
const SUMMARY_TTL: Duration = Duration::from_secs(60);

/// What every request can reach: provided as Leptos context by the server binary.
#[derive(Clone)]
pub struct ServerState {
    /// The database pool.
    pub db: Db,
    /// The community figures, counted at most once a minute.
    pub community: Arc<SummaryCache>,
}

impl ServerState {
    /// The state for a server over `db`.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            community: Arc::new(SummaryCache::new(SUMMARY_TTL)),
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

/// The member this request is made for. Until accounts land everyone is a visitor.
pub fn viewer() -> Viewer {
    Viewer::Visitor
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
