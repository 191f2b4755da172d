//! iCalendar (RFC 5545) for visits: one visit as a `.ics` download, and each
//! member's private feed that phone calendars subscribe to without logging in.
//! Times are UTC (no VTIMEZONE needed); a visit's UID never changes, its
//! SEQUENCE rises with every change and DTSTAMP is when it last changed, so
//! calendars update events in place; a cancelled or declined visit stays in the
//! feed as STATUS:CANCELLED so subscribers drop it.
//!
//! The feed's address holds a random token; only its SHA-256 is stored, so the
//! address is shown once when made. Making a new one retires the old.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use iey_entity::calendar_feed;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::rows::{VisitRow, complete, visits_between};
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// How far back and ahead a feed reaches.
const FEED_PAST_DAYS: i64 = 90;
const FEED_AHEAD_DAYS: i64 = 400;

/// Where the calendar files point: the site's address, e.g.
/// `https://iey.example.org`, and its host name for UIDs.
#[derive(Debug, Clone)]
pub struct Site<'a> {
    /// The public address without a trailing slash.
    pub url: &'a str,
}

impl Site<'_> {
    fn host(&self) -> &str {
        let rest = self.url.split("://").nth(1).unwrap_or(self.url);
        rest.split(['/', ':']).next().unwrap_or("iey")
    }
}

/// Makes (or remakes) `viewer`'s feed token; the token, to show once.
pub async fn new_feed_token(db: &Db, viewer: &Viewer) -> DomainResult<String> {
    let me = viewer.member_id()?;
    let token = crate::accounts::random_token();
    calendar_feed::Entity::insert(calendar_feed::ActiveModel {
        member_id: Set(me),
        token_hash: Set(crate::accounts::token_hash(&token)),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(calendar_feed::Column::MemberId)
            .update_columns([
                calendar_feed::Column::TokenHash,
                calendar_feed::Column::CreatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal("storing a calendar feed token"))?;
    Ok(token)
}

/// Turns `viewer`'s feed off: its address stops working.
pub async fn revoke_feed(db: &Db, viewer: &Viewer) -> DomainResult<()> {
    let me = viewer.member_id()?;
    calendar_feed::Entity::delete_by_id(me)
        .exec(db)
        .await
        .map_err(internal("revoking a calendar feed"))?;
    Ok(())
}

/// When `viewer`'s current feed address was made, if they have one.
pub async fn feed_made(db: &Db, viewer: &Viewer) -> DomainResult<Option<DateTime<Utc>>> {
    let me = viewer.member_id()?;
    Ok(calendar_feed::Entity::find_by_id(me)
        .one(db)
        .await
        .map_err(internal("loading a calendar feed"))?
        .map(|feed| feed.created_at))
}

/// The feed behind `token`: the member's visits from three months back to a year
/// ahead. An unknown or retired token is [`AppError::NotFound`].
pub async fn feed(
    db: &Db,
    token: &str,
    site: &Site<'_>,
    now: DateTime<Utc>,
) -> DomainResult<String> {
    if token.len() > 128 {
        return Err(AppError::NotFound);
    }
    let owner = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(crate::accounts::token_hash(token)))
        .one(db)
        .await
        .map_err(internal("finding a calendar feed"))?
        .ok_or(AppError::NotFound)?;
    let rows = visits_between(
        db,
        owner.member_id,
        now - Duration::days(FEED_PAST_DAYS),
        now + Duration::days(FEED_AHEAD_DAYS),
    )
    .await?;
    let mut calendar = Calendar::new();
    calendar.name("IEY visits");
    for row in &rows {
        calendar.push(event(row, owner.member_id, site));
    }
    Ok(calendar.done().to_string())
}

/// Visit `id` as a one-event calendar file, for its visitor, companions or host.
pub async fn visit_ics(db: &Db, viewer: &Viewer, id: i32, site: &Site<'_>) -> DomainResult<String> {
    let me = viewer.member_id()?;
    // The page's own rule of who may see a visit.
    super::view::visit_page(db, viewer, id).await?;
    let found = iey_entity::visit::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(internal("loading a visit for its calendar file"))?
        .ok_or(AppError::NotFound)?;
    let row = complete(db, me, vec![found])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let mut calendar = Calendar::new();
    calendar.push(event(&row, me, site));
    Ok(calendar.done().to_string())
}

/// The VEVENT of `row` as member `me` sees it.
fn event(row: &VisitRow, me: i32, site: &Site<'_>) -> Event {
    let hosting = row.offer.host_id == me;
    let status = match row.visit.status.as_str() {
        "approved" => EventStatus::Confirmed,
        "cancelled" | "declined" => EventStatus::Cancelled,
        _ => EventStatus::Tentative,
    };
    let summary = if hosting {
        format!(
            "Visit from {} – {}",
            row.visitor.display_name, row.offer.setting_name
        )
    } else {
        format!("Visit to {}", row.offer.setting_name)
    };
    let link = format!("{}/visits/{}", site.url, row.visit.id);
    let location = if row.offer.online {
        "Online".to_owned()
    } else if hosting || row.visit.status == "approved" {
        [row.offer.address.as_str(), row.offer.city.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        row.offer.city.clone()
    };
    let state =
        iey_dto::VisitStatus::from_code(&row.visit.status).map_or("", |status| status.label());
    Event::new()
        .uid(&format!("visit-{}@{}", row.visit.id, site.host()))
        .summary(&summary)
        .description(&format!("{state}. Host: {}. {link}", row.host.display_name))
        .location(&location)
        .url(&link)
        .starts(row.visit.starts_at)
        .ends(row.visit.ends_at)
        .timestamp(row.visit.updated_at)
        .sequence(u32::try_from(row.visit.sequence).unwrap_or(0))
        .status(status)
        .done()
}
