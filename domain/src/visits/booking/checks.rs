//! What a request or a decision is checked against: the reason given, the friends
//! brought along, and the visits the people already have at that time.

use chrono::{DateTime, Utc};
use iey_dto::{AppError, NotificationKind};
use iey_entity::{member, visit, visit_companion};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::{COMPANION_LIMIT, LIVE, MESSAGE_LIMIT};
use crate::members::visible_to;
use crate::notifications::record;
use crate::{Db, DomainResult, Viewer, internal};

/// Tells the visitor and their companions that the host did `kind`.
pub(super) async fn tell_visitors<C: ConnectionTrait>(
    db: &C,
    visit: &visit::Model,
    kind: NotificationKind,
    actor: i32,
) -> DomainResult<()> {
    record(db, visit.visitor_id, kind, actor, Some(visit.id)).await?;
    let companions: Vec<i32> = visit_companion::Entity::find()
        .select_only()
        .column(visit_companion::Column::MemberId)
        .filter(visit_companion::Column::VisitId.eq(visit.id))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing companions"))?;
    for companion in companions {
        record(db, companion, kind, actor, Some(visit.id)).await?;
    }
    Ok(())
}

/// A reason, trimmed, or a message asking for one.
pub(super) fn reason_given(reason: &str) -> DomainResult<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "reason",
            "Please give a reason, so the other side knows.",
        ));
    }
    if reason.chars().count() > MESSAGE_LIMIT {
        return Err(AppError::invalid(
            "reason",
            format!("Please keep the reason to {MESSAGE_LIMIT} characters."),
        ));
    }
    Ok(reason.to_owned())
}

/// The friends named in `typed` (handles separated by commas or spaces), each a
/// friend of the visitor they may see; problems go on "companions".
pub(crate) async fn companions(
    db: &Db,
    viewer: &Viewer,
    me: i32,
    typed: &str,
    problems: &mut crate::members::Problems,
) -> DomainResult<Vec<member::Model>> {
    let mut handles: Vec<String> = Vec::new();
    for handle in typed
        .split([',', ' ', ';', '\n'])
        .map(|handle| handle.trim().trim_start_matches('@').to_lowercase())
        .filter(|handle| !handle.is_empty())
    {
        if !handles.contains(&handle) {
            handles.push(handle);
        }
    }
    if handles.len() > COMPANION_LIMIT {
        problems.add(
            "companions",
            format!("Please bring at most {COMPANION_LIMIT} friends."),
        );
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for handle in handles {
        let friend = member::Entity::find()
            .filter(visible_to(viewer))
            .filter(member::Column::Handle.eq(handle.as_str()))
            .filter(member::Column::Id.ne(me))
            .one(db)
            .await
            .map_err(internal("finding a companion"))?;
        match friend {
            Some(friend) if crate::friends::are_friends(db, me, friend.id).await? => {
                found.push(friend);
            }
            _ => problems.add(
                "companions",
                format!("@{handle} is not one of your friends, so they can't come along."),
            ),
        }
    }
    Ok(found)
}

/// The first of `people` with a live visit (as visitor or companion) overlapping
/// `[starts, ends)`.
pub(super) async fn overlapping(
    db: &Db,
    people: &[i32],
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> DomainResult<Option<i32>> {
    let overlaps = Condition::all()
        .add(visit::Column::Status.is_in(LIVE))
        .add(visit::Column::StartsAt.lt(ends))
        .add(visit::Column::EndsAt.gt(starts));
    let as_visitor: Option<i32> = visit::Entity::find()
        .select_only()
        .column(visit::Column::VisitorId)
        .filter(overlaps.clone())
        .filter(visit::Column::VisitorId.is_in(people.iter().copied()))
        .into_tuple()
        .one(db)
        .await
        .map_err(internal("looking for overlapping visits"))?;
    if as_visitor.is_some() {
        return Ok(as_visitor);
    }
    visit_companion::Entity::find()
        .select_only()
        .column(visit_companion::Column::MemberId)
        .inner_join(visit::Entity)
        .filter(overlaps)
        .filter(visit_companion::Column::MemberId.is_in(people.iter().copied()))
        .into_tuple()
        .one(db)
        .await
        .map_err(internal("looking for overlapping visits as a companion"))
}
