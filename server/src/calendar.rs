//! Calendar files: each member's private iCalendar feed at
//! `/calendar/{token}.ics`, which phone calendars fetch without a session (the
//! token is the key), and one visit's `.ics` for whoever may see the visit.

use axum::Router;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use iey_app::server::ServerState;
use iey_domain::AppError;
use iey_domain::accounts::SignedIn;
use iey_domain::visits::ical::{self, Site};

use crate::http::AppState;

/// The calendar routes, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar/{file}", get(feed))
        .route("/visits/{id}/calendar.ics", get(one_visit))
}

/// `GET /calendar/{token}.ics`: the feed of the member whose token it is.
async fn feed(State(server): State<ServerState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let site_url = server.mailer.link("");
    let site = Site { url: &site_url };
    match ical::feed(&server.db, token, &site, chrono::Utc::now()).await {
        // Calendars poll; five minutes of caching is kind to both sides.
        Ok(text) => calendar_file(text, "private, max-age=300", None),
        Err(error) => failure(&error),
    }
}

/// `GET /visits/{id}/calendar.ics`: one visit, for its members.
async fn one_visit(
    State(server): State<ServerState>,
    Path(id): Path<String>,
    signed_in: Option<Extension<SignedIn>>,
) -> Response {
    let (Ok(id), Some(Extension(signed_in))) = (id.parse::<i32>(), signed_in) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let site_url = server.mailer.link("");
    let site = Site { url: &site_url };
    match ical::visit_ics(&server.db, &signed_in.viewer(), id, &site).await {
        Ok(text) => calendar_file(text, "private, no-store", Some(&format!("visit-{id}.ics"))),
        Err(error) => failure(&error),
    }
}

/// A `text/calendar` response, as a download named `download` if given.
fn calendar_file(text: String, cache: &'static str, download: Option<&str>) -> Response {
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        text,
    )
        .into_response();
    if let Some(name) = download
        && let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A plain answer for a feed or file that can't be given.
fn failure(error: &AppError) -> Response {
    match error {
        AppError::NotFound | AppError::Unauthenticated => {
            (StatusCode::NOT_FOUND, "No such calendar.").into_response()
        }
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The calendar is unavailable just now.",
        )
            .into_response(),
    }
}
