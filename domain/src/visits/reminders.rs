//! Reminders 24 hours and 1 hour before an approved visit, in the app and by
//! email, to the visitor, their companions and the host. A background task calls
//! [`send_due`] every minute; each reminder is claimed by inserting its
//! `visit_reminder` row first, so it goes out once however many instances run and
//! however often the server restarts. A reminder that fell due while the server
//! was down goes out when it is back, if the visit has not started; when the
//! hour's reminder is due the day's is not sent any more.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use iey_dto::NotificationKind;
use iey_entity::{member, visit, visit_companion, visit_offer, visit_reminder};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::mail::{Mail, Mailer};
use crate::notifications::record;
use crate::{Db, DomainResult, internal};

/// The lead times, nearest first.
const LEADS: [i16; 2] = [1, 24];
/// The most visits one pass reminds about (the next pass takes the rest).
const PASS_LIMIT: u64 = 500;

/// Sends every reminder due at `now` that has not gone out; how many went.
pub async fn send_due(db: &Db, mailer: &Mailer, now: DateTime<Utc>) -> DomainResult<usize> {
    let mut sent = 0;
    for lead in LEADS {
        let due = visit::Entity::find()
            .filter(visit::Column::Status.eq("approved"))
            .filter(visit::Column::StartsAt.gt(now))
            .filter(visit::Column::StartsAt.lte(now + Duration::hours(i64::from(lead))))
            .order_by_asc(visit::Column::StartsAt)
            .limit(PASS_LIMIT)
            .find_also_related(visit_offer::Entity)
            .all(db)
            .await
            .map_err(internal("finding visits to remind of"))?;
        for (visit, offer) in due {
            let Some(offer) = offer else { continue };
            for (member, other) in people(db, &visit, &offer).await? {
                if claim(db, visit.id, member.id, lead, now).await? {
                    if lead == 1 {
                        // The day's reminder would only repeat this one.
                        claim(db, visit.id, member.id, 24, now).await?;
                    }
                    remind(db, mailer, &visit, &offer, &member, other, lead).await?;
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}

/// Who is reminded of `visit`, each with the member on the other side (the
/// notification's actor): the visitor and companions (the host), and the host
/// (the visitor).
async fn people(
    db: &Db,
    visit: &visit::Model,
    offer: &visit_offer::Model,
) -> DomainResult<Vec<(member::Model, i32)>> {
    let mut ids = vec![visit.visitor_id, offer.host_id];
    let companions: Vec<i32> = visit_companion::Entity::find()
        .select_only()
        .column(visit_companion::Column::MemberId)
        .filter(visit_companion::Column::VisitId.eq(visit.id))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing companions to remind"))?;
    ids.extend(companions);
    let members = member::Entity::find()
        .filter(member::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(internal("loading members to remind"))?;
    Ok(members
        .into_iter()
        .map(|member| {
            let other = if member.id == offer.host_id {
                visit.visitor_id
            } else {
                offer.host_id
            };
            (member, other)
        })
        .collect())
}

/// Claims the reminder of `visit_id` for `member_id` `lead` hours ahead; false
/// when it was claimed before.
async fn claim(
    db: &Db,
    visit_id: i32,
    member_id: i32,
    lead: i16,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let inserted = visit_reminder::Entity::insert(visit_reminder::ActiveModel {
        visit_id: Set(visit_id),
        member_id: Set(member_id),
        lead_hours: Set(lead),
        sent_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            visit_reminder::Column::VisitId,
            visit_reminder::Column::MemberId,
            visit_reminder::Column::LeadHours,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal("claiming a reminder"))?;
    Ok(inserted == 1)
}

/// Tells `member` in the app and by email that `visit` starts within `lead` hours.
async fn remind(
    db: &Db,
    mailer: &Mailer,
    visit: &visit::Model,
    offer: &visit_offer::Model,
    member: &member::Model,
    other: i32,
    lead: i16,
) -> DomainResult<()> {
    record(
        db,
        member.id,
        NotificationKind::VisitReminder,
        other,
        Some(visit.id),
    )
    .await?;
    let zone: Tz = member.time_zone.parse().unwrap_or(Tz::UTC);
    let starts = visit.starts_at.with_timezone(&zone);
    let when = if lead == 1 {
        "within the hour"
    } else {
        "tomorrow"
    };
    let hosting = member.id == offer.host_id;
    let what = if hosting {
        format!("A visit to {} that you host", offer.setting_name)
    } else {
        format!("Your visit to {}", offer.setting_name)
    };
    let text = format!(
        "Hello {name},\n\n{what} starts {when}: {at} ({zone}).\n\nDetails, directions and the \
         other side's message: {link}\n\nIf you can no longer go, please cancel it there so the \
         place can go to someone else.\n\n-- IEY, the Institute of Early Years\n",
        name = member.display_name,
        at = starts.format("%A %-d %B %Y, %H:%M"),
        zone = zone.name(),
        link = mailer.link(&format!("/visits/{}", visit.id)),
    );
    let subject = format!(
        "Reminder: {} {when}, {}",
        offer.setting_name,
        starts.format("%H:%M")
    );
    if let Err(error) = mailer
        .send(Mail {
            to: member.email.clone(),
            subject,
            text,
        })
        .await
    {
        // The in-app reminder stands; mail trouble is logged by the mailer.
        tracing::warn!(
            ?error,
            visit = visit.id,
            "a visit reminder could not be mailed"
        );
    }
    Ok(())
}
