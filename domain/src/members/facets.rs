//! Facet counts: for each filter, how many members each value would leave given
//! the other active filters, counting only rows in the given scope.

use std::collections::BTreeMap;

use iey_dto::{DirectoryFacets, FacetValue, Sector};
use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect,
    QueryTrait, Statement,
};

use super::full_text::fts5_query;
use super::search::{AGE_BANDS, Facet, Search};
use super::search_index::numbered;
use super::{country_name, language_name};
use crate::{DomainResult, internal};

/// Interests shown beside the interest filter.
const TOP_INTERESTS: usize = 15;

/// Raw counts for one scope; counts of disjoint scopes add up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FacetCounts {
    /// Members matching the whole search.
    pub total: u64,
    /// Per facet, members per value.
    pub values: BTreeMap<Facet, BTreeMap<String, u64>>,
}

impl FacetCounts {
    /// Adds the counts of a scope disjoint from this one.
    pub fn add(&mut self, other: &FacetCounts) {
        self.total += other.total;
        for (facet, values) in &other.values {
            let mine = self.values.entry(*facet).or_default();
            for (value, count) in values {
                *mine.entry(value.clone()).or_default() += count;
            }
        }
    }

    /// Takes away the counts of a scope contained in this one.
    pub fn subtract(&mut self, other: &FacetCounts) {
        self.total = self.total.saturating_sub(other.total);
        for (facet, values) in &other.values {
            let mine = self.values.entry(*facet).or_default();
            for (value, count) in values {
                let left = mine.get(value).copied().unwrap_or(0).saturating_sub(*count);
                if left == 0 {
                    mine.remove(value);
                } else {
                    mine.insert(value.clone(), left);
                }
            }
        }
    }

    fn count(&self, facet: Facet, value: &str) -> u64 {
        self.values
            .get(&facet)
            .and_then(|values| values.get(value))
            .copied()
            .unwrap_or(0)
    }

    /// The counts as the form shows them: named, ordered, and always including
    /// the selected value (even at zero) so the form can show it.
    pub fn into_facets(self, search: &Search) -> DirectoryFacets {
        let list = |facet: Facet, label: &dyn Fn(&str) -> String| -> Vec<FacetValue> {
            let mut values: Vec<FacetValue> = self
                .values
                .get(&facet)
                .into_iter()
                .flatten()
                .filter(|(_, count)| **count > 0)
                .map(|(value, count)| FacetValue {
                    value: value.clone(),
                    label: label(value),
                    count: *count,
                })
                .collect();
            if let Some(selected) = search.selected(facet)
                && !values.iter().any(|value| value.value == selected)
            {
                values.push(FacetValue {
                    value: selected.to_owned(),
                    label: label(selected),
                    count: 0,
                });
            }
            values
        };
        let sector_label = |code: &str| {
            Sector::from_code(code)
                .map_or_else(|| code.to_owned(), |sector| sector.label().to_owned())
        };
        let mut sectors = list(Facet::Sector, &sector_label);
        sectors.sort_by_key(|value| Sector::from_code(&value.value));
        let mut countries = list(Facet::Country, &|code| country_name(code));
        countries.sort_by(|a, b| a.label.cmp(&b.label));
        let mut languages = list(Facet::Language, &|code| language_name(code));
        languages.sort_by(|a, b| a.label.cmp(&b.label));
        let mut age_bands = list(Facet::AgeBand, &str::to_owned);
        age_bands.sort_by_key(|value| AGE_BANDS.iter().position(|band| *band == value.value));
        let mut interests = list(Facet::Interest, &|tag| tag.replace('-', " "));
        interests.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        let selected = search.selected(Facet::Interest);
        let mut shown = 0;
        interests.retain(|value| {
            shown += 1;
            shown <= TOP_INTERESTS || Some(value.value.as_str()) == selected
        });
        DirectoryFacets {
            sectors,
            countries,
            languages,
            age_bands,
            interests,
            open_to_visits: self.count(Facet::OpenToVisits, "true"),
            open_to_mentoring: self.count(Facet::OpenToMentoring, "true"),
        }
    }
}

/// Counts every facet of `search` among the members in `scope`.
pub(crate) async fn count<C: ConnectionTrait>(
    db: &C,
    scope: &Condition,
    search: &Search,
) -> DomainResult<FacetCounts> {
    let backend = db.get_database_backend();
    let mut counts = FacetCounts::default();
    let among = |skip: &[Facet]| {
        Condition::all()
            .add(scope.clone())
            .add(search.matching(backend, skip))
    };

    // Tag facets without a selection are all counted among the members matching
    // the whole search, in one pass over their tags; a selected one among the
    // members matching the rest of the search.
    let facets = [
        (Facet::Sector, "sector"),
        (Facet::Language, "language"),
        (Facet::AgeBand, "age_band"),
        (Facet::Interest, "interest"),
    ];
    let (open, chosen): (Vec<_>, Vec<_>) = facets
        .into_iter()
        .partition(|(facet, _)| search.selected(*facet).is_none());
    let mut passes = vec![(Vec::new(), open)];
    passes.extend(chosen.into_iter().map(|pair| (vec![pair.0], vec![pair])));
    for (skip, facets) in passes {
        if facets.is_empty() {
            continue;
        }
        let members = member::Entity::find()
            .select_only()
            .column(member::Column::Id)
            .filter(among(&skip))
            .into_query();
        // Few matches: read each one's tags by member; many: scan the tags of each
        // kind. SQLite (without statistics) always picks the kind index, so the
        // first is asked for by hiding the kind column from it.
        let kind = if few_matches(db, search, &skip).await? {
            Expr::cust(r#""member_tag"."kind" || ''"#)
        } else {
            Expr::col((member_tag::Entity, member_tag::Column::Kind))
        };
        let rows: Vec<(String, String, i64)> = member_tag::Entity::find()
            .select_only()
            .column(member_tag::Column::Kind)
            .column(member_tag::Column::Value)
            .column_as(Expr::col(member_tag::Column::MemberId).count(), "n")
            .filter(kind.is_in(facets.iter().map(|(_, kind)| *kind)))
            .filter(member_tag::Column::MemberId.in_subquery(members))
            .group_by(member_tag::Column::Kind)
            .group_by(member_tag::Column::Value)
            .into_tuple()
            .all(db)
            .await
            .map_err(internal("counting directory tags"))?;
        for (facet, _) in &facets {
            counts.values.insert(*facet, BTreeMap::new());
        }
        for (kind, value, n) in rows {
            if let Some((facet, _)) = facets.iter().find(|(_, known)| *known == kind) {
                counts
                    .values
                    .entry(*facet)
                    .or_default()
                    .insert(value, as_count(n));
            }
        }
    }

    let rows: Vec<(String, i64)> = member::Entity::find()
        .select_only()
        .column(member::Column::CountryCode)
        .column_as(Expr::col(member::Column::Id).count(), "n")
        .filter(among(&[Facet::Country]))
        .group_by(member::Column::CountryCode)
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("counting directory countries"))?;
    counts.values.insert(Facet::Country, tally(rows));

    // The two yes/no filters and the total in one pass: each flag counted given
    // the other flag, the total given both.
    let visits = r#""member"."open_to_visits" = ?"#;
    let mentoring = r#""member"."open_to_mentoring" = ?"#;
    let when = |conditions: &[&str]| {
        let test = if conditions.is_empty() {
            "1 = 1".to_owned()
        } else {
            conditions.join(" AND ")
        };
        let values = vec![true; conditions.len()];
        let sql = format!("CAST(COALESCE(SUM(CASE WHEN {test} THEN 1 ELSE 0 END), 0) AS BIGINT)");
        Expr::cust_with_values(numbered(backend, &sql), values)
    };
    let only = |on: bool, test: &'static str| if on { vec![test] } else { vec![] };
    let visits_given = [vec![visits], only(search.open_to_mentoring, mentoring)].concat();
    let mentoring_given = [vec![mentoring], only(search.open_to_visits, visits)].concat();
    let total_given = [
        only(search.open_to_visits, visits),
        only(search.open_to_mentoring, mentoring),
    ]
    .concat();
    let row: Option<(i64, i64, i64)> = member::Entity::find()
        .select_only()
        .column_as(when(&total_given), "total")
        .column_as(when(&visits_given), "visits")
        .column_as(when(&mentoring_given), "mentoring")
        .filter(among(&[Facet::OpenToVisits, Facet::OpenToMentoring]))
        .into_tuple()
        .one(db)
        .await
        .map_err(internal("counting directory results"))?;
    let (total, visits, mentoring) = row.unwrap_or_default();
    counts.total = as_count(total);
    for (facet, n) in [
        (Facet::OpenToVisits, visits),
        (Facet::OpenToMentoring, mentoring),
    ] {
        counts
            .values
            .insert(facet, BTreeMap::from([("true".to_owned(), as_count(n))]));
    }
    Ok(counts)
}

/// Matches of full-text searches up to which tags are counted member by member.
const FEW: i64 = 10_000;

/// Whether the full-text part of `search` (less the filters in `skip`) matches
/// at most [`FEW`] members, counted without visibility (cheap: the index alone).
/// Only asked on SQLite; PostgreSQL plans by its own statistics.
async fn few_matches<C: ConnectionTrait>(
    db: &C,
    search: &Search,
    skip: &[Facet],
) -> DomainResult<bool> {
    let filters = search.filter_words(skip);
    if db.get_database_backend() != DbBackend::Sqlite
        || (search.terms.is_empty() && filters.is_empty())
    {
        return Ok(false);
    }
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT count(*) AS n FROM member_fts WHERE member_fts MATCH ?",
            [fts5_query(&search.terms, &filters).into()],
        ))
        .await
        .map_err(internal("counting full-text matches"))?;
    let n: i64 = match row {
        Some(row) => row
            .try_get("", "n")
            .map_err(internal("reading full-text matches"))?,
        None => 0,
    };
    Ok(n <= FEW)
}

fn tally(rows: Vec<(String, i64)>) -> BTreeMap<String, u64> {
    rows.into_iter()
        .map(|(value, n)| (value, as_count(n)))
        .collect()
}

fn as_count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
