//! Media the pages link to: members' avatar images, served from the database so any
//! instance can answer; generated initials for members without a photo; and the size
//! limit in front of the photo upload.

use std::pin::Pin;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use iey_app::server::ServerState;
use iey_domain::AppError;
use iey_domain::avatars::{self, AvatarProblem, MAX_UPLOAD_BYTES};

use crate::http::AppState;

/// Where the photo form posts to (the `upload_avatar` server function).
pub const UPLOAD_PATH: &str = "/api/upload_avatar";
/// The page with the photo form, where a refused upload is sent back to.
const PHOTO_FORM: &str = "/settings/profile";
/// The most an upload request may carry: the photo plus the form around it.
pub const UPLOAD_BODY_LIMIT: u64 = MAX_UPLOAD_BYTES as u64 + 1024 * 1024;
/// How much of a too-large upload we read and drop so the browser sees our answer
/// instead of a reset connection; anything bigger is cut off.
const DRAIN_LIMIT: u64 = 32 * 1024 * 1024;
/// Avatar images never change: a new photo gets a new key.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Generated initials only change if the palette does.
const INITIALS_CACHE: &str = "public, max-age=2592000";

/// The media routes, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/media/avatars/{key}/{size}", get(avatar_image))
        .route("/media/initials/{initials}", get(initials_image))
}

/// `GET /media/avatars/{key}/{size}`: a stored avatar image, cacheable for ever.
/// The key is an unguessable capability that only appears in what the viewer may
/// see, so no session is needed.
async fn avatar_image(
    State(server): State<ServerState>,
    Path((key, size)): Path<(String, String)>,
    request_headers: HeaderMap,
) -> Response {
    let Ok(size) = size.parse::<u32>() else {
        return not_found();
    };
    let image = match avatars::image(&server.db, &key, size).await {
        Ok(image) => image,
        Err(AppError::NotFound) => return not_found(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let (Ok(etag), Ok(content_type)) = (
        HeaderValue::from_str(&format!("\"{key}-{size}\"")),
        HeaderValue::from_str(&image.content_type),
    ) else {
        return not_found();
    };
    let cached = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == etag || tag.trim() == "*");
    let headers = [
        (header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)),
        (header::ETAG, etag),
    ];
    if cached {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    (
        StatusCode::OK,
        headers,
        [(header::CONTENT_TYPE, content_type)],
        image.bytes,
    )
        .into_response()
}

/// `GET /media/initials/{initials}[.svg]?colour=N`: up to two letters on a coloured
/// circle from a fixed palette with readable contrast.
async fn initials_image(
    Path(initials): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let initials = initials.strip_suffix(".svg").unwrap_or(&initials);
    let colour = query
        .iter()
        .find(|(name, _)| name == "colour")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(0);
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, INITIALS_CACHE),
        ],
        avatars::initials_svg(initials, colour),
    )
        .into_response()
}

/// A short plain 404: these addresses are fetched by `<img>`, not read.
fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not found",
    )
        .into_response()
}

/// Middleware: an upload that says it is bigger than [`UPLOAD_BODY_LIMIT`] is
/// answered with the form's "too large" message before it reaches the server
/// function (which stops reading at 5 MB itself, for uploads that do not say).
pub async fn limit_photo_uploads(request: Request, next: Next) -> Response {
    if request.method() != Method::POST || request.uri().path() != UPLOAD_PATH {
        return next.run(request).await;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let Some(declared) = declared.filter(|&length| length > UPLOAD_BODY_LIMIT) else {
        return next.run(request).await;
    };
    let plain_form = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if declared <= DRAIN_LIMIT {
        drain(request.into_body()).await;
    }
    let problem = AvatarProblem::TooLarge;
    if plain_form {
        let to = format!("{PHOTO_FORM}?avatar_error={}#photo", problem.code());
        return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
    }
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "application/json")],
        format!(
            r#"{{"error":"validation","fields":[{{"field":"avatar","message":"{}"}}]}}"#,
            problem.message().replace('"', "\\\"")
        ),
    )
        .into_response()
}

/// Reads and drops a request body, at most [`DRAIN_LIMIT`] bytes, holding none of it.
async fn drain(mut body: Body) {
    let mut read = 0u64;
    while read <= DRAIN_LIMIT {
        match std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            Some(Ok(frame)) => {
                read += frame
                    .data_ref()
                    .map_or(0, |data| u64::try_from(data.len()).unwrap_or(u64::MAX));
            }
            _ => break,
        }
    }
}
