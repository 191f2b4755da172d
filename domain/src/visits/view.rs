//! Visits as their members see them: one visit's page, the requests waiting for a
//! host (with any clash in the host's own diary), and a member's coming visits.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use iey_dto::{AppError, VisitStatus, VisitView};
use iey_entity::{member, visit, visit_companion, visit_offer};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::offers::{local_place, place_name};
use super::rows::{VisitRow, complete, member_zone, visits_between};
use super::shown_time;
use crate::blocks::not_blocked_with;
use crate::{Db, DomainResult, Viewer, internal};

/// How far ahead the list of coming visits looks.
const UPCOMING_DAYS: i64 = 120;
/// How long before a request a clashing visit may start (visits last at most a
/// few hours).
const CLASH_LOOK_BACK_HOURS: i64 = 12;
/// Statuses that hold a place or wait for one.
const LIVE: [&str; 4] = ["requested", "approved", "waitlisted", "offered"];

/// Visit `id` as `viewer` (its visitor, a companion or its host) sees it; anyone
/// else, or across a block, gets [`AppError::NotFound`].
pub async fn visit_page(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<VisitView> {
    let me = viewer.member_id()?;
    let found = visit::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(internal("loading a visit"))?
        .ok_or(AppError::NotFound)?;
    let row = complete(db, me, vec![found])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let companions = companions_of(db, me, row.visit.id).await?;
    let joined = companions.iter().any(|companion| companion.id == me);
    if row.offer.host_id != me && row.visit.visitor_id != me && !joined {
        return Err(AppError::NotFound);
    }
    let zone = member_zone(db, me).await?;
    let mut view = view(&row, me, zone, companions);
    if view.hosting
        && matches!(
            view.status,
            VisitStatus::Requested | VisitStatus::Waitlisted
        )
    {
        view.conflict = clash(db, me, &row).await?;
    }
    Ok(view)
}

/// Visits waiting for `viewer`'s answer as host, oldest request first, each with
/// any clash in the host's diary.
pub async fn waiting_for_me(
    db: &Db,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> DomainResult<Vec<VisitView>> {
    let me = viewer.member_id()?;
    let visits = visit::Entity::find()
        .inner_join(visit_offer::Entity)
        .filter(visit_offer::Column::HostId.eq(me))
        .filter(visit::Column::Status.is_in(["requested", "waitlisted"]))
        .filter(visit::Column::StartsAt.gte(now))
        .order_by_asc(visit::Column::CreatedAt)
        .limit(100)
        .all(db)
        .await
        .map_err(internal("listing requests to answer"))?;
    let zone = member_zone(db, me).await?;
    let rows = complete(db, me, visits).await?;
    // The host's diary over every request's time, read once for the whole list.
    let from = rows.iter().map(|row| row.visit.starts_at).min();
    let until = rows.iter().map(|row| row.visit.ends_at).max();
    let diary = match (from, until) {
        (Some(from), Some(until)) => {
            visits_between(db, me, from - Duration::hours(CLASH_LOOK_BACK_HOURS), until).await?
        }
        _ => Vec::new(),
    };
    let mut views = Vec::new();
    for row in rows {
        let companions = companions_of(db, me, row.visit.id).await?;
        let mut shown = view(&row, me, zone, companions);
        shown.conflict = clash_in(&diary, me, &row);
        views.push(shown);
    }
    Ok(views)
}

/// `viewer`'s live visits from `now` on (hosted, asked for or joined), soonest
/// first, at most `limit`.
pub async fn upcoming(
    db: &Db,
    viewer: &Viewer,
    now: DateTime<Utc>,
    limit: usize,
) -> DomainResult<Vec<VisitView>> {
    let me = viewer.member_id()?;
    let zone = member_zone(db, me).await?;
    let rows = visits_between(db, me, now, now + Duration::days(UPCOMING_DAYS)).await?;
    let mut views = Vec::new();
    for row in rows
        .iter()
        .filter(|row| LIVE.contains(&row.visit.status.as_str()))
        .take(limit)
    {
        let companions = companions_of(db, me, row.visit.id).await?;
        views.push(view(row, me, zone, companions));
    }
    Ok(views)
}

/// The view of `row` for member `me` in `zone`.
pub(crate) fn view(row: &VisitRow, me: i32, zone: Tz, companions: Vec<member::Model>) -> VisitView {
    let setting_zone = row.offer.time_zone.parse().unwrap_or(Tz::UTC);
    let status = VisitStatus::from_code(&row.visit.status).unwrap_or(VisitStatus::Requested);
    let hosting = row.offer.host_id == me;
    VisitView {
        id: row.visit.id,
        offer_id: row.offer.id,
        setting_name: row.offer.setting_name.clone(),
        place: place_name(&row.offer),
        starts: shown_time(
            row.visit.starts_at,
            zone,
            setting_zone,
            local_place(&row.offer),
        ),
        ends: row
            .visit
            .ends_at
            .with_timezone(&zone)
            .format("%H:%M")
            .to_string(),
        status,
        host: row.host.summary(),
        visitor: row.visitor.summary(),
        companions: companions
            .into_iter()
            .map(crate::friends::summary)
            .collect(),
        message: row.visit.message.clone(),
        reason: row.visit.reason.clone(),
        hosting,
        meeting_link: (row.offer.online && status == VisitStatus::Approved)
            .then(|| row.offer.meeting_link.clone())
            .flatten(),
        address: (!row.offer.online && (hosting || status == VisitStatus::Approved))
            .then(|| row.offer.address.clone()),
        conflict: None,
        past: row.visit.ends_at <= Utc::now(),
    }
}

/// The companions of visit `id` that `me` may see.
pub(crate) async fn companions_of(db: &Db, me: i32, id: i32) -> DomainResult<Vec<member::Model>> {
    Ok(visit_companion::Entity::find()
        .find_also_related(member::Entity)
        .filter(visit_companion::Column::VisitId.eq(id))
        .filter(not_blocked_with(member::Column::Id, me))
        .order_by_asc(member::Column::SortName)
        .all(db)
        .await
        .map_err(internal("loading a visit's companions"))?
        .into_iter()
        .filter_map(|(_, member)| member)
        .collect())
}

/// What else host `me` has on at `row`'s time: another approved visit of theirs,
/// as host or as visitor; `None` when the time is clear.
async fn clash(db: &Db, me: i32, row: &VisitRow) -> DomainResult<Option<String>> {
    let from = row.visit.starts_at - Duration::hours(CLASH_LOOK_BACK_HOURS);
    let diary = visits_between(db, me, from, row.visit.ends_at).await?;
    Ok(clash_in(&diary, me, row))
}

/// The first approved visit in host `me`'s `diary` that overlaps `row` (other
/// than `row`'s own slot, which may hold several visitors), as the host reads it.
fn clash_in(diary: &[VisitRow], me: i32, row: &VisitRow) -> Option<String> {
    diary
        .iter()
        .find(|other| {
            let same_slot =
                other.offer.id == row.offer.id && other.visit.starts_at == row.visit.starts_at;
            !same_slot
                && other.visit.status == VisitStatus::Approved.code()
                && other.visit.starts_at < row.visit.ends_at
                && other.visit.ends_at > row.visit.starts_at
        })
        .map(|other| {
            let with = if other.offer.host_id == me {
                &other.visitor.display_name
            } else {
                &other.host.display_name
            };
            format!(
                "You already have an approved visit then: {} with {with}.",
                other.offer.setting_name
            )
        })
}
