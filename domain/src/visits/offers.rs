//! Visit offers: a host writes one (a draft), publishes, pauses or closes it, and
//! members browse the offers they may see with the next free slots in their own
//! time zone. [`visible_offers`] is the one rule of who sees which offer.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use iey_dto::{AppError, OfferCard, OfferEditor, OfferForm, OfferStatus, OfferView, WEEKDAYS};
use iey_entity::{friendship, member, member_tag, visit_exception, visit_offer, visit_window};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    NotSet, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

mod cards;
mod stored;

pub(crate) use cards::{Window, free_slots};
use cards::{card, cards};
use stored::{empty_schedule, fill, form_of, load_schedules, split_codes, store_schedule};

use super::form::validate;
use super::schedule::Schedule;
use crate::members::{country_name, language_name, visible_to};
use crate::{Db, DomainResult, Viewer, internal};

/// Offers on one page of the list.
pub const OFFERS_PAGE: u64 = 20;
/// Free slots a card shows.
const CARD_SLOTS: usize = 3;
/// How far ahead a card and an offer page look for free slots.
const LOOK_AHEAD_DAYS: i64 = 28;
/// Free slots an offer's page lists.
const PAGE_SLOTS: usize = 60;

/// What a list of offers is narrowed to; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct OfferQuery {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// A code from [`SETTING_TYPES`].
    pub setting_type: String,
    /// `online`, `in_person` or empty.
    pub format: String,
    /// A sector code the host works in (see [`iey_dto::Sector`]).
    pub sector: String,
    /// Only offers with a free slot on these days (the viewer's dates, inclusive).
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// The last id of the previous page.
    pub after: Option<i32>,
}

/// The offers `viewer` may see: published or paused offers whose host they may
/// see (so never across a block), by the offer's own visibility; hosts always see
/// their own. For queries that join `member` as the host.
pub(crate) fn visible_offers(viewer: &Viewer) -> Condition {
    let shown = visit_offer::Column::Status.is_in(["published", "paused"]);
    match viewer {
        Viewer::Visitor => Condition::all()
            .add(shown)
            .add(visit_offer::Column::Visibility.eq("public"))
            .add(visible_to(viewer)),
        Viewer::Member { id, .. } => {
            let friends = Query::select()
                .column(friendship::Column::FriendId)
                .from(friendship::Entity)
                .and_where(friendship::Column::MemberId.eq(*id))
                .to_owned();
            let allowed = Condition::any()
                .add(visit_offer::Column::Visibility.is_in(["public", "members"]))
                .add(visit_offer::Column::HostId.in_subquery(friends));
            Condition::any()
                .add(visit_offer::Column::HostId.eq(*id))
                .add(
                    Condition::all()
                        .add(shown)
                        .add(allowed)
                        .add(visible_to(viewer)),
                )
        }
    }
}

/// Writes a new offer for `viewer` as a draft; its id.
pub async fn create_offer(db: &Db, viewer: &Viewer, form: &OfferForm) -> DomainResult<i32> {
    let me = viewer.member_id()?;
    let clean = validate(form).map_err(|fields| AppError::Validation { fields })?;
    let txn = db.begin().await.map_err(internal("starting an offer"))?;
    let now = Utc::now();
    let mut row = visit_offer::ActiveModel {
        id: NotSet,
        host_id: Set(me),
        status: Set(OfferStatus::Draft.code().to_owned()),
        created_at: Set(now),
        ..Default::default()
    };
    fill(&mut row, &clean, now);
    let saved = row
        .insert(&txn)
        .await
        .map_err(internal("storing an offer"))?;
    store_schedule(&txn, saved.id, &clean.schedule).await?;
    txn.commit()
        .await
        .map_err(internal("committing an offer"))?;
    Ok(saved.id)
}

/// Replaces offer `id`'s details and times; only its host may.
pub async fn update_offer(db: &Db, viewer: &Viewer, id: i32, form: &OfferForm) -> DomainResult<()> {
    let row = hosted(db, viewer, id).await?;
    let clean = validate(form).map_err(|fields| AppError::Validation { fields })?;
    let txn = db
        .begin()
        .await
        .map_err(internal("starting an offer change"))?;
    let mut row: visit_offer::ActiveModel = row.into();
    fill(&mut row, &clean, Utc::now());
    row.update(&txn)
        .await
        .map_err(internal("changing an offer"))?;
    for delete in [
        visit_window::Entity::delete_many()
            .filter(visit_window::Column::OfferId.eq(id))
            .exec(&txn)
            .await,
        visit_exception::Entity::delete_many()
            .filter(visit_exception::Column::OfferId.eq(id))
            .exec(&txn)
            .await,
    ] {
        delete.map_err(internal("replacing an offer's times"))?;
    }
    store_schedule(&txn, id, &clean.schedule).await?;
    txn.commit()
        .await
        .map_err(internal("committing an offer change"))?;
    Ok(())
}

/// Publishes, pauses or closes offer `id` (or takes it back to a draft); only its
/// host may, and only an offer with weekly times can be published.
pub async fn set_offer_status(
    db: &Db,
    viewer: &Viewer,
    id: i32,
    status: OfferStatus,
) -> DomainResult<()> {
    let row = hosted(db, viewer, id).await?;
    if status == OfferStatus::Published {
        let schedule = load_schedule(db, &row).await?;
        if schedule.windows.is_empty() {
            return Err(AppError::invalid(
                "status",
                "Add at least one weekly time before publishing the offer.",
            ));
        }
    }
    let mut row: visit_offer::ActiveModel = row.into();
    row.status = Set(status.code().to_owned());
    row.updated_at = Set(Utc::now());
    row.update(db)
        .await
        .map_err(internal("changing an offer's status"))?;
    Ok(())
}

/// Offer `id` as its host's form shows it, for editing.
pub async fn offer_form(db: &Db, viewer: &Viewer, id: i32) -> DomainResult<OfferForm> {
    let row = hosted(db, viewer, id).await?;
    let schedule = load_schedule(db, &row).await?;
    Ok(form_of(row, &schedule))
}

/// The offer form for `viewer`: offer `id` as stored (theirs only), or a new
/// offer in their own country and time zone; with the lists the form picks from.
pub async fn offer_editor(db: &Db, viewer: &Viewer, id: Option<i32>) -> DomainResult<OfferEditor> {
    let me = viewer.member_id()?;
    let form = match id {
        Some(id) => offer_form(db, viewer, id).await?,
        None => {
            let host = member::Entity::find_by_id(me)
                .one(db)
                .await
                .map_err(internal("loading a new host"))?
                .ok_or(AppError::Unauthenticated)?;
            OfferForm {
                country: host.country_code,
                time_zone: host.time_zone,
                duration_minutes: "60".to_owned(),
                capacity: "2".to_owned(),
                min_notice_hours: "48".to_owned(),
                horizon_days: "90".to_owned(),
                visibility: "members".to_owned(),
                setting_type: "nursery".to_owned(),
                weekly: vec![String::new(); 7],
                ..OfferForm::default()
            }
        }
    };
    Ok(OfferEditor {
        id,
        form,
        countries: crate::members::choices::countries(),
        time_zones: crate::members::choices::time_zones(),
    })
}

/// The offers `viewer` hosts, newest first, with their next free slots.
pub async fn my_offers(db: &Db, viewer: &Viewer) -> DomainResult<Vec<OfferCard>> {
    let me = viewer.member_id()?;
    let rows = visit_offer::Entity::find()
        .filter(visit_offer::Column::HostId.eq(me))
        .order_by_desc(visit_offer::Column::Id)
        .find_also_related(member::Entity)
        .all(db)
        .await
        .map_err(internal("listing a host's offers"))?;
    cards(db, viewer, rows, Utc::now(), None).await
}

/// One page of the offers `viewer` may see, newest first, each with its next free
/// slots in the viewer's zone.
pub async fn browse_offers(
    db: &Db,
    viewer: &Viewer,
    query: &OfferQuery,
    now: DateTime<Utc>,
) -> DomainResult<Vec<OfferCard>> {
    let mut find = visit_offer::Entity::find()
        .find_also_related(member::Entity)
        .filter(visible_offers(viewer))
        .filter(visit_offer::Column::Status.eq("published"));
    let country = query.country.trim().to_uppercase();
    if !country.is_empty() {
        find = find.filter(visit_offer::Column::CountryCode.eq(country));
    }
    if !query.setting_type.is_empty() {
        find = find.filter(visit_offer::Column::SettingType.eq(query.setting_type.trim()));
    }
    match query.format.as_str() {
        "online" => find = find.filter(visit_offer::Column::Online.eq(true)),
        "in_person" => find = find.filter(visit_offer::Column::Online.eq(false)),
        _ => {}
    }
    if !query.sector.trim().is_empty() {
        let hosts = Query::select()
            .column(member_tag::Column::MemberId)
            .from(member_tag::Entity)
            .and_where(member_tag::Column::Kind.eq("sector"))
            .and_where(member_tag::Column::Value.eq(query.sector.trim()))
            .to_owned();
        find = find.filter(visit_offer::Column::HostId.in_subquery(hosts));
    }
    if let Some(after) = query.after {
        find = find.filter(visit_offer::Column::Id.lt(after));
    }
    // With dates, offers without a free slot then drop out: read more to fill a page.
    let reading = if query.days.is_some() {
        OFFERS_PAGE * 3
    } else {
        OFFERS_PAGE
    };
    let rows = find
        .order_by_desc(visit_offer::Column::Id)
        .limit(reading)
        .all(db)
        .await
        .map_err(internal("browsing offers"))?;
    let mut found = cards(db, viewer, rows, now, query.days).await?;
    found.truncate(OFFERS_PAGE as usize);
    Ok(found)
}

/// Offer `id` as `viewer` sees it, with its free slots over the coming weeks. An
/// offer they may not see is [`AppError::NotFound`], like a missing one.
pub async fn offer(
    db: &Db,
    viewer: &Viewer,
    id: i32,
    now: DateTime<Utc>,
) -> DomainResult<OfferView> {
    let (row, host) = visit_offer::Entity::find_by_id(id)
        .find_also_related(member::Entity)
        .filter(visible_offers(viewer))
        .one(db)
        .await
        .map_err(internal("loading an offer"))?
        .and_then(|(row, host)| Some((row, host?)))
        .ok_or(AppError::NotFound)?;
    let schedule = load_schedule(db, &row).await?;
    let zone = viewer_zone(db, viewer, &row).await?;
    let slots = if row.status == "published" {
        free_slots(db, &row, &schedule, zone, Window::ahead(now), PAGE_SLOTS).await?
    } else {
        Vec::new()
    };
    let weekly = WEEKDAYS
        .iter()
        .zip(form_of(row.clone(), &schedule).weekly)
        .filter(|(_, times)| !times.is_empty())
        .map(|((_, day), times)| format!("{day} {}", times.replace('-', "–")))
        .collect();
    let yours = viewer.member_id().is_ok_and(|me| me == row.host_id);
    let mut card = card(&row, host, Vec::new());
    card.next_slots = slots.iter().take(CARD_SLOTS).cloned().collect();
    Ok(OfferView {
        card,
        address: yours.then_some(row.address),
        time_zone: row.time_zone,
        online: row.online,
        description: row.description,
        what_you_see: row.what_you_see,
        capacity: u32::try_from(row.capacity).unwrap_or(0),
        requires_photo_id: row.requires_photo_id,
        requires_background_check: row.requires_background_check,
        languages: split_codes(&row.languages).map(language_name).collect(),
        accessibility_notes: row.accessibility_notes,
        practical_notes: row.practical_notes,
        weekly,
        yours,
        slots,
    })
}

/// The schedule of `offer`, from its windows and exceptions.
pub(crate) async fn load_schedule<C: ConnectionTrait>(
    db: &C,
    offer: &visit_offer::Model,
) -> DomainResult<Schedule> {
    let mut schedules = load_schedules(db, std::slice::from_ref(offer)).await?;
    Ok(schedules
        .remove(&offer.id)
        .unwrap_or_else(|| empty_schedule(offer)))
}

/// The zone `viewer` reads times in: their profile's, else the setting's.
pub(crate) async fn viewer_zone<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    offer: &visit_offer::Model,
) -> DomainResult<Tz> {
    let setting = offer.time_zone.parse::<Tz>().unwrap_or(Tz::UTC);
    let Viewer::Member { id, .. } = viewer else {
        return Ok(setting);
    };
    let zone: Option<String> = member::Entity::find_by_id(*id)
        .select_only()
        .column(member::Column::TimeZone)
        .into_tuple()
        .one(db)
        .await
        .map_err(internal("loading the viewer's time zone"))?;
    Ok(zone.and_then(|zone| zone.parse().ok()).unwrap_or(setting))
}

/// "Leeds, United Kingdom", or "Online".
pub(crate) fn place_name(offer: &visit_offer::Model) -> String {
    if offer.online {
        return "Online".to_owned();
    }
    let country = country_name(&offer.country_code);
    if offer.city.is_empty() {
        country
    } else {
        format!("{}, {country}", offer.city)
    }
}

/// What the setting's local time is named by: its city, else its name.
pub(crate) fn local_place(offer: &visit_offer::Model) -> &str {
    if offer.city.is_empty() {
        &offer.setting_name
    } else {
        &offer.city
    }
}

/// Offer `id` if `viewer` hosts it, else [`AppError::NotFound`].
pub(crate) async fn hosted<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i32,
) -> DomainResult<visit_offer::Model> {
    let me = viewer.member_id()?;
    visit_offer::Entity::find_by_id(id)
        .filter(visit_offer::Column::HostId.eq(me))
        .one(db)
        .await
        .map_err(internal("loading a hosted offer"))?
        .ok_or(AppError::NotFound)
}
