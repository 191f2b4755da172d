//! The HTTP server: routes, shared state, middleware and graceful shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{HeaderName, StatusCode};
use axum::routing::get;
use axum::serve::ListenerExt;
use iey_app::server::ServerState;
use iey_app::{App, shell};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::security;
use crate::session::{self, TrustForwarded};

/// Everything a handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Where the site's files are and how Leptos renders.
    pub leptos_options: LeptosOptions,
    /// What server functions read from context.
    pub server: ServerState,
}

/// Builds the router over `server` (database, mailer...), serving the built site
/// from `site_root`.
pub fn router(server: ServerState, site_root: PathBuf, trust: TrustForwarded) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("iey")
        .site_root(site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .build();
    let state = AppState {
        leptos_options: leptos_options.clone(),
        server,
    };
    let context = {
        let server = state.server.clone();
        move || {
            provide_context(server.clone());
            leptos::nonce::provide_nonce();
        }
    };
    let routes = generate_route_list(App);
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(crate::media::routes())
        .merge(crate::calendar::routes())
        .merge(crate::assets::routes(&site_root))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(axum::middleware::from_fn(crate::media::limit_photo_uploads))
        .layer(axum::middleware::from_fn(crate::server_fns::tidy_failures))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(
                    |request: &axum::http::Request<axum::body::Body>| {
                        let id = request
                            .headers()
                            .get("x-request-id")
                            .and_then(|id| id.to_str().ok())
                            .unwrap_or("-");
                        tracing::info_span!("request", id, method = %request.method(), uri = %request.uri())
                    },
                ))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Duration::from_secs(30),
                ))
                .layer(CompressionLayer::new())
                .layer(CatchPanicLayer::custom(fault_page))
                .layer(axum::middleware::from_fn_with_state(
                    (state.server.clone(), trust),
                    session::identify,
                )),
        )
        // Outermost, so that timeouts and errors carry the headers too.
        .layer(axum::middleware::map_response(security::add_headers))
        .with_state(state)
}

/// Serves until SIGTERM or ctrl-c, then finishes the requests in flight.
pub async fn serve(
    server: ServerState,
    addr: SocketAddr,
    site_root: PathBuf,
    trust: TrustForwarded,
) -> std::io::Result<()> {
    let app = router(server, site_root, trust).into_make_service_with_connect_info::<SocketAddr>();
    // Without TCP_NODELAY each small response waits for a delayed ACK (~40 ms).
    let listener = tokio::net::TcpListener::bind(addr).await?.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    tracing::info!("IEY is listening on http://{addr}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

/// Liveness: the process answers. Touches nothing else.
async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers too.
async fn readyz(State(server): State<ServerState>) -> (StatusCode, &'static str) {
    match iey_domain::db::ping(&server.db).await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// What a visitor sees if a handler panics: a plain page, logged, never a dropped
/// connection.
fn fault_page(_: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    use axum::response::IntoResponse;
    tracing::error!("a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        axum::response::Html(FAULT_PAGE),
    )
        .into_response()
}

const FAULT_PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<link rel=\"stylesheet\" href=\"/pkg/iey.css\"><title>Something went wrong · IEY</title></head>\
<body><main id=\"main\" class=\"site-main\"><div class=\"container error-page\">\
<p class=\"error-page__code\" aria-hidden=\"true\">500</p><h1>Something went wrong on our side</h1>\
<p>Please try again in a moment. If it keeps happening, tell the people who run this site.</p>\
<p><a class=\"btn btn--primary\" href=\"/\">Go to the home page</a></p></div></main></body></html>";

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_readable_500_page() {
        let response = fault_page(Box::new("boom"));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(FAULT_PAGE.contains("<h1>Something went wrong on our side</h1>"));
        assert!(!FAULT_PAGE.contains("boom"), "the cause stays in the log");
    }
}
