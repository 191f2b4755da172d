//! Tidies what server functions answer when they fail: Leptos answers every
//! error with 500, so an error that is the sender's mistake or a refusal (an
//! argument that does not parse, a member the viewer may not see) gets its own
//! 4xx status; and a failed plain form post is sent back only to a page of this
//! site, never to another one named in its Referer.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The prefix of every server function's address.
const API: &str = "/api/";
/// Error bodies larger than this are left as they are.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The middleware: see the module's documentation.
pub async fn tidy_failures(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with(API) {
        return next.run(request).await;
    }
    let mut response = next.run(request).await;
    keep_redirect_on_site(&mut response);
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_LIMIT).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::from("Something went wrong on our side."));
    };
    if let Some(status) = status_of(&bytes) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The status an error body (a serialized `AppError`) should have been sent with.
fn status_of(body: &[u8]) -> Option<StatusCode> {
    let error = serde_json::from_slice::<iey_dto::AppError>(body).ok()?;
    StatusCode::from_u16(error.status()).ok()
}

/// Turns an absolute `Location` (Leptos copies the Referer into it) into a path on
/// this site.
fn keep_redirect_on_site(response: &mut Response) {
    let Some(location) = response.headers().get(header::LOCATION) else {
        return;
    };
    let Some(path) = location.to_str().ok().and_then(on_site) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&path) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

/// The path and query of an absolute or protocol-relative URL; `None` for a
/// path that is already on this site.
fn on_site(location: &str) -> Option<String> {
    if location.starts_with('/') && !location.starts_with("//") {
        return None;
    }
    let url = url::Url::parse(location)
        .or_else(|_| url::Url::parse(&format!("http:{location}")))
        .ok();
    Some(match url {
        Some(url) => match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        },
        None => "/".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_elsewhere_become_paths_here() {
        assert_eq!(on_site("/friends?done=sent"), None);
        assert_eq!(
            on_site("https://evil.example/friends?__err=x").as_deref(),
            Some("/friends?__err=x")
        );
        assert_eq!(on_site("//evil.example/a").as_deref(), Some("/a"));
    }

    #[test]
    fn errors_get_their_own_status() {
        let status = |body: &[u8]| status_of(body).map(|status| status.as_u16());
        assert_eq!(
            status(br#"{"error":"bad_request","detail":"id"}"#),
            Some(400)
        );
        assert_eq!(status(br#"{"error":"not_found"}"#), Some(404));
        assert_eq!(status(br#"{"error":"internal"}"#), Some(500));
        assert_eq!(status(b"not json"), None);
    }
}
