//! One member's profile, shown only to viewers the member's visibility allows.

use iey_dto::MemberProfile;
use iey_entity::{member, member_tag};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{card, visible_to};
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// The profile of `handle` as `viewer` may see it. A hidden profile is
/// [`AppError::NotFound`], exactly like a missing one, so its existence never leaks.
pub async fn profile(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<MemberProfile> {
    let row = member::Entity::find()
        .filter(visible_to(viewer))
        .filter(member::Column::Handle.eq(handle))
        .one(db)
        .await
        .map_err(internal("loading a profile"))?
        .ok_or(AppError::NotFound)?;
    let tags = member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(row.id))
        .order_by_asc(member_tag::Column::Value)
        .all(db)
        .await
        .map_err(internal("loading profile tags"))?;

    let mut languages = Vec::new();
    let mut age_bands = Vec::new();
    for tag in &tags {
        match tag.kind.as_str() {
            "language" => languages.push(language_name(&tag.value)),
            "age_band" => age_bands.push(tag.value.clone()),
            _ => {}
        }
    }
    Ok(MemberProfile {
        time_zone: row.time_zone.clone(),
        bio: row.bio.clone(),
        open_to_visits: row.open_to_visits,
        open_to_mentoring: row.open_to_mentoring,
        joined: row.created_at.format("%B %Y").to_string(),
        card: card(row, tags),
        languages,
        age_bands,
    })
}

/// The English name of an ISO 639-1 language code.
pub fn language_name(code: &str) -> String {
    isolang::Language::from_639_1(code)
        .map(|language| language.to_name().to_owned())
        .unwrap_or_else(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_named_in_english() {
        assert_eq!(language_name("de"), "German");
        assert_eq!(language_name("xx"), "xx");
    }
}
