//! One member's profile, shown only to viewers the member's visibility allows.

mod bio;

use chrono::Utc;
use chrono_tz::Tz;
use iey_dto::{MemberProfile, Standing};
use iey_entity::{member, member_tag};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use bio::bio_pieces;

use super::{card, visible_to};
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// The profile of `handle` as `viewer` may see it. A hidden profile is
/// [`AppError::NotFound`], exactly like a missing one, so its existence never leaks.
/// Members always see their own, even before confirming their address.
pub async fn profile(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<MemberProfile> {
    let mut may_see = Condition::any().add(visible_to(viewer));
    if let Viewer::Member { id, .. } = viewer {
        may_see = may_see.add(member::Column::Id.eq(*id));
    }
    let row = member::Entity::find()
        .filter(may_see)
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
        local_time: local_time(&row.time_zone),
        time_zone: row.time_zone.clone(),
        bio: bio_pieces(&row.bio),
        open_to_visits: row.open_to_visits,
        open_to_mentoring: row.open_to_mentoring,
        joined: row.created_at.format("%B %Y").to_string(),
        // The profile's friendship panel says where the viewer stands, in full.
        card: card(row, tags, Standing::Nobody),
        languages,
        age_bands,
    })
}

/// The time now in `time_zone`, e.g. "14:05"; empty for a zone we do not know.
fn local_time(time_zone: &str) -> String {
    time_zone
        .parse::<Tz>()
        .map(|zone| Utc::now().with_timezone(&zone).format("%H:%M").to_string())
        .unwrap_or_default()
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

    #[test]
    fn local_time_needs_a_known_zone() {
        assert_eq!(local_time("Europe/Berlin").len(), 5);
        assert_eq!(local_time("Mars/Olympus"), "");
    }
}
