//! The member directory: who the viewer may see, searched, filtered, counted and
//! paged, and each member's profile.

mod cache;
mod edit;
mod facets;
mod full_text;
mod listing;
mod profile;
mod search;
mod search_index;

pub use cache::DirectoryCache;
pub(crate) use edit::Problems;
pub(crate) use edit::choices;
pub(crate) use edit::handle_problem;
pub use edit::{
    editable_profile, interest_suggestions, interest_tag, profile_editor, update_profile,
};
pub use profile::{language_name, profile};
pub(crate) use search_index::{SearchDocument, Searchable, write_documents};
pub use search_index::{reindex, reindex_missing};

use std::collections::HashMap;

use iey_dto::{MemberCard, MemberPage, MemberQuery, Sector, Standing};
use iey_entity::{friendship, member, member_tag};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{Db, DomainResult, Viewer, internal};
use cache::ViewerClass;
use search::Search;

/// Members shown on one directory page.
pub const PAGE_SIZE: u64 = 24;
/// Visibilities every logged-in member may see.
const MEMBER_VISIBLE: [&str; 2] = ["public", "members"];

/// The rule of who may appear to `viewer`: verified members whose visibility lets
/// the viewer see them (friends-only profiles to their friends; members always see
/// themselves), minus anyone blocked by or blocking the viewer. Every query that
/// lists or finds members starts from this, so later features get it by
/// construction.
pub fn visible_to(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Visitor => class_scope(ViewerClass::Visitor),
        Viewer::Member { id, .. } => Condition::all()
            .add(
                Condition::any()
                    .add(class_scope(ViewerClass::Member))
                    .add(own_scope(*id)),
            )
            .add(crate::blocks::not_blocked_with(member::Column::Id, *id)),
    }
}

/// What every viewer of a class may see.
fn class_scope(class: ViewerClass) -> Condition {
    let verified = member::Column::EmailVerifiedAt.is_not_null();
    match class {
        ViewerClass::Visitor => Condition::all()
            .add(verified)
            .add(member::Column::Visibility.eq("public")),
        ViewerClass::Member => Condition::all()
            .add(verified)
            .add(member::Column::Visibility.is_in(MEMBER_VISIBLE)),
    }
}

/// What member `id` sees beyond every member: themselves and their friends'
/// friends-only profiles. Disjoint from the member class, so counts add up.
fn own_scope(id: i32) -> Condition {
    let friends = Query::select()
        .column(friendship::Column::FriendId)
        .from(friendship::Entity)
        .and_where(friendship::Column::MemberId.eq(id))
        .to_owned();
    Condition::all()
        .add(member::Column::EmailVerifiedAt.is_not_null())
        .add(member::Column::Visibility.is_not_in(MEMBER_VISIBLE))
        .add(
            Condition::any().add(member::Column::Id.eq(id)).add(
                Condition::all()
                    .add(member::Column::Visibility.eq("friends"))
                    .add(member::Column::Id.in_subquery(friends)),
            ),
        )
}

/// One page of the directory for `viewer`, with its total and facet counts.
pub async fn browse(db: &Db, viewer: &Viewer, query: &MemberQuery) -> DomainResult<MemberPage> {
    directory(db, viewer, query, None).await
}

/// [`browse`], taking the class-wide counts from `cache` when it has them.
async fn directory(
    db: &Db,
    viewer: &Viewer,
    query: &MemberQuery,
    cache: Option<&DirectoryCache>,
) -> DomainResult<MemberPage> {
    let search = Search::parse(query)?;
    let (rows, next) = listing::page(db, viewer, &search).await?;
    let counts = match (cache, viewer) {
        (None, _) => facets::count(db, &visible_to(viewer), &search).await?,
        (Some(cache), viewer) => {
            let class = match viewer {
                Viewer::Visitor => ViewerClass::Visitor,
                Viewer::Member { .. } => ViewerClass::Member,
            };
            let key = search.key();
            let mut counts = match cache.get(class, &key).await {
                Some(counts) => counts,
                None => {
                    let counts = facets::count(db, &class_scope(class), &search).await?;
                    cache.put(class, key, counts.clone());
                    counts
                }
            };
            if let Viewer::Member { id, .. } = viewer {
                let own = own_scope(*id);
                let any_own = member::Entity::find()
                    .filter(own.clone())
                    .count(db)
                    .await
                    .map_err(internal("counting a member's own rows"))?;
                if any_own > 0 {
                    counts.add(&facets::count(db, &own, &search).await?);
                }
                // The class-wide counts include members hidden from this viewer by
                // a block; take those out.
                let blocked = Condition::all()
                    .add(class_scope(class))
                    .add(crate::blocks::blocked_with(member::Column::Id, *id));
                let any_blocked = member::Entity::find()
                    .filter(blocked.clone())
                    .count(db)
                    .await
                    .map_err(internal("counting a member's blocked rows"))?;
                if any_blocked > 0 {
                    counts.subtract(&facets::count(db, &blocked, &search).await?);
                }
            }
            counts
        }
    };
    let ids: Vec<i32> = rows.iter().map(|row| row.id).collect();
    let mut tags = tags_of(db, ids.iter().copied()).await?;
    let standings = crate::friends::standings(db, viewer, &ids).await?;
    let members = rows
        .into_iter()
        .map(|row| {
            let member_tags = tags.remove(&row.id).unwrap_or_default();
            let standing = standings.get(&row.id).copied().unwrap_or_default();
            card(row, member_tags, standing)
        })
        .collect::<Vec<_>>();
    // Cached counts may be seconds old: the page never says fewer members match
    // than it shows, nor "none" beside a card, nor some on an empty first page.
    let total = match (members.len() as u64, query.after.is_empty()) {
        (0, true) => 0,
        (shown, _) => counts.total.max(shown),
    };
    Ok(MemberPage {
        members,
        total,
        next,
        facets: counts.into_facets(&search),
        sort: search.sort,
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

/// A member's directory card from their row, tags and where the viewer stands.
fn card(row: member::Model, tags: Vec<member_tag::Model>, standing: Standing) -> MemberCard {
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
        standing,
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
    fn countries_are_named_in_english() {
        assert_eq!(country_name("DE"), "Germany");
        assert_eq!(country_name("??"), "??");
    }
}
