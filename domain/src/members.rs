//! The member directory: who the viewer may see, searched and paged, and each
//! member's profile.

mod profile;

pub use profile::{language_name, profile};

use std::collections::HashMap;

use iey_dto::{MemberCard, MemberPage, MemberQuery, Sector};
use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{AppError, Db, DomainResult, Viewer, internal};

/// Members shown on one directory page.
pub const PAGE_SIZE: u64 = 24;
/// The longest search text we accept.
const MAX_QUERY_CHARS: usize = 200;

/// The rule of who may appear to `viewer`: verified members whose visibility lets
/// the viewer see them. Every query that lists members starts from this.
pub fn visible_to(viewer: &Viewer) -> Condition {
    let verified = member::Column::EmailVerifiedAt.is_not_null();
    match viewer {
        Viewer::Visitor => Condition::all()
            .add(verified)
            .add(member::Column::Visibility.eq("public")),
        // Friends-only profiles join this once the friend graph exists.
        Viewer::Member { id, .. } => Condition::all().add(verified).add(
            Condition::any()
                .add(member::Column::Visibility.is_in(["public", "members"]))
                .add(member::Column::Id.eq(*id)),
        ),
    }
}

/// One page of the directory for `viewer`, sorted by name.
pub async fn browse(db: &Db, viewer: &Viewer, query: &MemberQuery) -> DomainResult<MemberPage> {
    let words = query.q.trim().to_lowercase();
    if words.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::invalid(
            "q",
            format!("Please search with at most {MAX_QUERY_CHARS} characters."),
        ));
    }
    let cursor = parse_cursor(&query.after)?;

    let mut matching = visible_to(viewer);
    for word in words.split_whitespace() {
        let pattern = format!("%{}%", escape_like(word));
        matching = matching.add(
            Condition::any()
                .add(member::Column::SortName.like(&pattern))
                .add(Expr::expr(Func::lower(Expr::col(member::Column::Headline))).like(&pattern))
                .add(
                    Expr::expr(Func::lower(Expr::col(member::Column::OrganisationName)))
                        .like(&pattern),
                ),
        );
    }
    let total = member::Entity::find()
        .filter(matching.clone())
        .count(db)
        .await
        .map_err(internal("counting directory results"))?;

    let mut page_query = member::Entity::find().filter(matching);
    if let Some((sort_name, id)) = &cursor {
        page_query = page_query.filter(
            Condition::any()
                .add(member::Column::SortName.gt(sort_name.as_str()))
                .add(
                    Condition::all()
                        .add(member::Column::SortName.eq(sort_name.as_str()))
                        .add(member::Column::Id.gt(*id)),
                ),
        );
    }
    let mut rows = page_query
        .order_by_asc(member::Column::SortName)
        .order_by_asc(member::Column::Id)
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await
        .map_err(internal("listing directory page"))?;
    let next = if rows.len() as u64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last()
            .map(|last| format!("{}|{}", last.sort_name, last.id))
    } else {
        None
    };
    let mut tags = tags_of(db, rows.iter().map(|row| row.id)).await?;
    let members = rows
        .into_iter()
        .map(|row| {
            let member_tags = tags.remove(&row.id).unwrap_or_default();
            card(row, member_tags)
        })
        .collect();
    Ok(MemberPage {
        members,
        total,
        next,
    })
}

/// The English name of an ISO 3166-1 alpha-2 country code.
pub fn country_name(code: &str) -> String {
    isocountry::CountryCode::for_alpha2(code)
        .map(|country| country.name().to_owned())
        .unwrap_or_else(|_| code.to_owned())
}

/// Up to two initials for a generated avatar.
pub fn initials(display_name: &str) -> String {
    display_name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .take(2)
        .collect()
}

/// A member's directory card from their row and tags.
fn card(row: member::Model, tags: Vec<member_tag::Model>) -> MemberCard {
    let mut sectors = Vec::new();
    let mut interests = Vec::new();
    for tag in tags {
        match tag.kind.as_str() {
            "sector" => sectors.extend(Sector::from_code(&tag.value)),
            "interest" => interests.push(tag.value),
            _ => {}
        }
    }
    sectors.sort();
    interests.sort();
    MemberCard {
        initials: initials(&row.display_name),
        country: country_name(&row.country_code),
        handle: row.handle,
        display_name: row.display_name,
        headline: row.headline,
        organisation: row.organisation_name,
        city: row.city,
        sectors,
        interests,
        avatar: row.avatar_key,
    }
}

async fn tags_of(
    db: &Db,
    member_ids: impl Iterator<Item = i32>,
) -> DomainResult<HashMap<i32, Vec<member_tag::Model>>> {
    let ids: Vec<i32> = member_ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.is_in(ids))
        .all(db)
        .await
        .map_err(internal("loading member tags"))?;
    let mut by_member: HashMap<i32, Vec<member_tag::Model>> = HashMap::new();
    for row in rows {
        by_member.entry(row.member_id).or_default().push(row);
    }
    Ok(by_member)
}

/// Reads a cursor of the form `sort_name|id`; anything else is a bad link.
fn parse_cursor(after: &str) -> DomainResult<Option<(String, i32)>> {
    if after.is_empty() {
        return Ok(None);
    }
    after
        .rsplit_once('|')
        .and_then(|(name, id)| Some((name.to_owned(), id.parse().ok()?)))
        .map(Some)
        .ok_or_else(|| {
            AppError::invalid(
                "after",
                "That page link is not valid. Start again from the first page.",
            )
        })
}

/// Drops LIKE wildcards from a search word, so `%` or `_` cannot match everything.
fn escape_like(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_the_first_letters_of_two_words() {
        assert_eq!(initials("Ana María López"), "AM");
        assert_eq!(initials("zoë"), "Z");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn cursors_must_name_a_position() {
        assert_eq!(parse_cursor(""), Ok(None));
        assert_eq!(
            parse_cursor("ana|lopez|42"),
            Ok(Some(("ana|lopez".to_owned(), 42)))
        );
        assert!(parse_cursor("nonsense").is_err());
    }

    #[test]
    fn countries_are_named_in_english() {
        assert_eq!(country_name("DE"), "Germany");
        assert_eq!(country_name("??"), "??");
    }
}
