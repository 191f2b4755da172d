//! Editing one's own profile: the stored values as a form, and saving a form
//! after checking every field, in one transaction with the member's tags and
//! search document.

pub(crate) mod choices;
mod tags;
mod validate;

use chrono::Utc;
use iey_dto::{FieldError, ProfileChoices, ProfileEditor, ProfileForm};
use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, JoinType, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, RelationTrait, SqlErr, TransactionTrait,
};

use super::visible_to;
use crate::{AppError, Db, DomainResult, Viewer, internal};
use choices::COMMON_LANGUAGES;
pub use tags::interest_tag;
use validate::{CleanProfile, validate};
pub(crate) use validate::{Problems, handle_problem};

/// How many interest suggestions the form offers.
const SUGGESTIONS: u64 = 30;

/// The viewer's stored profile as a form to edit. Visitors must log in first.
pub async fn editable_profile(db: &Db, viewer: &Viewer) -> DomainResult<ProfileForm> {
    let id = member_id(viewer)?;
    let row = member::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(internal("loading a profile to edit"))?
        .ok_or(AppError::NotFound)?;
    let tags = member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(id))
        .order_by_asc(member_tag::Column::Value)
        .all(db)
        .await
        .map_err(internal("loading tags to edit"))?;
    let mut form = ProfileForm {
        display_name: row.display_name,
        handle: row.handle,
        headline: row.headline,
        organisation: row.organisation_name.unwrap_or_default(),
        country: row.country_code,
        city: row.city,
        time_zone: row.time_zone,
        bio: row.bio,
        visibility: row.visibility,
        open_to_visits: row.open_to_visits,
        open_to_mentoring: row.open_to_mentoring,
        ..ProfileForm::default()
    };
    let (mut other_languages, mut interests) = (Vec::new(), Vec::new());
    for tag in tags {
        match tag.kind.as_str() {
            "sector" => form.sectors.push(tag.value),
            "age_band" => form.age_bands.push(tag.value),
            "language" if COMMON_LANGUAGES.contains(&tag.value.as_str()) => {
                form.languages.push(tag.value)
            }
            "language" => other_languages.push(tag.value),
            "interest" => interests.push(tag.value.replace('-', " ")),
            _ => {}
        }
    }
    form.other_languages = other_languages.join(", ");
    form.interests = interests.join(", ");
    Ok(form)
}

/// Everything the edit page needs: the viewer's profile as a form and the lists
/// the form picks from.
pub async fn profile_editor(db: &Db, viewer: &Viewer) -> DomainResult<ProfileEditor> {
    let form = editable_profile(db, viewer).await?;
    Ok(ProfileEditor {
        handle: form.handle.clone(),
        form,
        choices: ProfileChoices {
            countries: choices::countries(),
            time_zones: choices::time_zones(),
            languages: choices::common_languages(),
            interests: interest_suggestions(db, viewer, "").await?,
        },
    })
}

/// Checks every field of `form` and saves the viewer's profile, tags and search
/// document together. Returns the (possibly new) handle, or every field problem
/// at once as [`AppError::Validation`].
pub async fn update_profile(db: &Db, viewer: &Viewer, form: ProfileForm) -> DomainResult<String> {
    let id = member_id(viewer)?;
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a profile update"))?;
    let (clean, mut problems) = match validate(&form) {
        Ok(clean) => (Some(clean), Vec::new()),
        Err(problems) => (None, problems),
    };
    let handle = form.handle.trim().to_lowercase();
    let handle_checked = problems.iter().all(|problem| problem.field != "handle");
    if handle_checked && handle_taken(&txn, &handle, id).await? {
        problems.push(taken());
    }
    let clean = match clean {
        Some(clean) if problems.is_empty() => clean,
        _ => return Err(AppError::Validation { fields: problems }),
    };

    let row = member::Entity::find_by_id(id)
        .one(&txn)
        .await
        .map_err(internal("loading a profile to update"))?
        .ok_or(AppError::NotFound)?;
    let mut row: member::ActiveModel = row.into();
    row.sort_name = Set(sort_name(&clean.display_name));
    row.display_name = Set(clean.display_name.clone());
    row.handle = Set(clean.handle.clone());
    row.headline = Set(clean.headline.clone());
    row.organisation_name = Set(clean.organisation.clone());
    row.country_code = Set(clean.country.clone());
    row.city = Set(clean.city.clone());
    row.time_zone = Set(clean.time_zone.clone());
    row.bio = Set(clean.bio.clone());
    row.visibility = Set(clean.visibility.clone());
    row.open_to_visits = Set(clean.open_to_visits);
    row.open_to_mentoring = Set(clean.open_to_mentoring);
    row.updated_at = Set(Utc::now());
    if let Err(error) = row.update(&txn).await {
        // Another member took the handle between our check and this write.
        if let Some(SqlErr::UniqueConstraintViolation(_)) = error.sql_err() {
            return Err(AppError::Validation {
                fields: vec![taken()],
            });
        }
        return Err(internal("saving a profile")(error));
    }

    member_tag::Entity::delete_many()
        .filter(member_tag::Column::MemberId.eq(id))
        .exec(&txn)
        .await
        .map_err(internal("clearing profile tags"))?;
    let tags = tag_rows(id, &clean);
    if !tags.is_empty() {
        member_tag::Entity::insert_many(tags)
            .exec(&txn)
            .await
            .map_err(internal("saving profile tags"))?;
    }
    crate::members::reindex(&txn, id).await?;
    txn.commit()
        .await
        .map_err(internal("committing a profile update"))?;
    Ok(clean.handle)
}

/// The interest tags most used by members `viewer` may see that start with
/// `prefix`, most used first, in the words the form shows ("outdoor play").
pub async fn interest_suggestions(
    db: &Db,
    viewer: &Viewer,
    prefix: &str,
) -> DomainResult<Vec<String>> {
    let prefix = interest_tag(prefix);
    let mut query = member_tag::Entity::find()
        .select_only()
        .column(member_tag::Column::Value)
        .join(JoinType::InnerJoin, member_tag::Relation::Member.def())
        .filter(member_tag::Column::Kind.eq("interest"))
        .filter(visible_to(viewer));
    if !prefix.is_empty() {
        query = query.filter(member_tag::Column::Value.starts_with(&prefix));
    }
    let tags = query
        .group_by(member_tag::Column::Value)
        .order_by(Expr::col(member_tag::Column::MemberId).count(), Order::Desc)
        .order_by_asc(member_tag::Column::Value)
        .limit(SUGGESTIONS)
        .into_tuple::<String>()
        .all(db)
        .await
        .map_err(internal("suggesting interests"))?;
    Ok(tags.into_iter().map(|tag| tag.replace('-', " ")).collect())
}

/// The id of a logged-in viewer; visitors must log in.
fn member_id(viewer: &Viewer) -> DomainResult<i32> {
    match viewer {
        Viewer::Visitor => Err(AppError::Unauthenticated),
        Viewer::Member { id, .. } => Ok(*id),
    }
}

/// Whether another member already has `handle`, in any letter case.
async fn handle_taken<C: sea_orm::ConnectionTrait>(
    db: &C,
    handle: &str,
    me: i32,
) -> DomainResult<bool> {
    let others = member::Entity::find()
        .filter(Expr::expr(Func::lower(Expr::col(member::Column::Handle))).eq(handle))
        .filter(member::Column::Id.ne(me))
        .count(db)
        .await
        .map_err(internal("checking a handle"))?;
    Ok(others > 0)
}

fn taken() -> FieldError {
    FieldError {
        field: "handle".to_owned(),
        message: "That handle is taken. Please choose another.".to_owned(),
    }
}

/// The name the directory sorts by, built the same way as the seeder's.
fn sort_name(display_name: &str) -> String {
    display_name.to_lowercase()
}

fn tag_rows(member_id: i32, clean: &CleanProfile) -> Vec<member_tag::ActiveModel> {
    let kinds = [
        ("sector", &clean.sectors),
        ("language", &clean.languages),
        ("age_band", &clean.age_bands),
        ("interest", &clean.interests),
    ];
    kinds
        .into_iter()
        .flat_map(|(kind, values)| {
            values.iter().map(move |value| member_tag::ActiveModel {
                member_id: Set(member_id),
                kind: Set(kind.to_owned()),
                value: Set(value.clone()),
            })
        })
        .collect()
}
