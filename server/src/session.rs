//! Who is asking: reads the session cookie once per request and puts the member
//! (an `iey_domain::accounts::SignedIn`) and the client's address into the
//! request's extensions, where server functions and pages find them.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use iey_app::server::{SESSION_COOKIE, ServerState};
use iey_domain::accounts::{Client, resolve_session};

/// Whether to believe `X-Forwarded-For` (only behind a proxy that sets it).
#[derive(Debug, Clone, Copy)]
pub struct TrustForwarded(pub bool);

/// Axum middleware: resolves the session cookie into the request's extensions.
pub async fn identify(
    State((server, trust)): State<(ServerState, TrustForwarded)>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = Client {
        ip: client_ip(&request, trust),
        user_agent: request
            .headers()
            .get(axum::http::header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
    };
    // Static files, photos (capability URLs) and health checks need no session:
    // skip the database for them (a directory page alone shows 24 photos).
    let wanted = needs_session(request.uri().path());
    if let Some(token) = wanted.then(|| session_token(&request)).flatten() {
        match resolve_session(&server.db, &token).await {
            Ok(Some(signed_in)) => {
                request.extensions_mut().insert(signed_in);
            }
            Ok(None) => {}
            // Treated as logged out for this request; the cause is logged.
            Err(_) => tracing::warn!("could not check a session; serving as a visitor"),
        }
    }
    request.extensions_mut().insert(client);
    next.run(request).await
}

/// Whether a request to `path` may depend on who is logged in.
fn needs_session(path: &str) -> bool {
    let anonymous = path.starts_with("/pkg/")
        || path.starts_with("/media/")
        || matches!(path, "/healthz" | "/readyz" | "/favicon.svg");
    !anonymous
}

fn session_token(request: &Request) -> Option<String> {
    request
        .headers()
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == SESSION_COOKIE && !cookie.value().is_empty())
        .map(|cookie| cookie.value().to_owned())
}

fn client_ip(request: &Request, trust: TrustForwarded) -> String {
    let forwarded = trust
        .0
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(',').next())
        .map(|ip| ip.trim().to_owned());
    forwarded
        .or_else(|| {
            request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_and_server_functions_look_up_the_session() {
        assert!(needs_session("/members"));
        assert!(needs_session("/api/upload_avatar"));
        assert!(!needs_session("/media/avatars/abc/64"));
        assert!(!needs_session("/pkg/iey.wasm"));
        assert!(!needs_session("/healthz"));
    }
}
