//! A directory search, checked field by field and turned into SQL conditions that
//! read the same on SQLite and PostgreSQL (only the full-text match differs: words
//! and filters are both matched by the full-text index, see `full_text`).

use chrono::{DateTime, Utc};
use iey_dto::{DirectorySort, FieldError, MemberQuery, Sector};
use sea_orm::sea_query::Expr;
use sea_orm::{Condition, DbBackend};

use super::full_text::{self, filter_word};
use super::search_index::{numbered, words};
use crate::{AppError, DomainResult};

/// The longest search text we accept.
const MAX_QUERY_CHARS: usize = 200;
/// Search words beyond this many are ignored.
const MAX_TERMS: usize = 8;
/// Age bands members say they work with, youngest first.
pub(crate) const AGE_BANDS: [&str; 5] = ["0-1", "1-2", "2-3", "3-5", "5-8"];

/// The filters of the directory, one facet each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Facet {
    Sector,
    Country,
    Language,
    AgeBand,
    Interest,
    OpenToVisits,
    OpenToMentoring,
}

/// Where the next page starts: the last row's sort key and id.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cursor {
    Name {
        sort_name: String,
        id: i32,
    },
    Newest {
        created_at: DateTime<Utc>,
        id: i32,
    },
    Relevance {
        score: i64,
        sort_name: String,
        id: i32,
    },
}

/// A checked directory search.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Search {
    /// Normalised search words; each matches the start of a word (one letter: the whole word).
    pub terms: Vec<String>,
    /// Tag filters as (facet, kind, value).
    pub tags: Vec<(Facet, &'static str, String)>,
    pub country: Option<String>,
    pub open_to_visits: bool,
    pub open_to_mentoring: bool,
    pub sort: DirectorySort,
    pub cursor: Option<Cursor>,
}

impl Search {
    /// Checks every field of `query`; each bad one gets its own message.
    pub fn parse(query: &MemberQuery) -> DomainResult<Search> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: &str| {
            problems.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        };
        if query.q.chars().count() > MAX_QUERY_CHARS {
            problem(
                "q",
                &format!("Please search with at most {MAX_QUERY_CHARS} characters."),
            );
        }
        let mut terms = words(&query.q);
        terms.dedup();
        terms.truncate(MAX_TERMS);

        let mut tags = Vec::new();
        let sector = query.sector.trim();
        if !sector.is_empty() {
            match Sector::from_code(sector) {
                Some(sector) => tags.push((Facet::Sector, "sector", sector.code().to_owned())),
                None => problem("sector", "Choose a sector from the list."),
            }
        }
        let language = query.language.trim().to_ascii_lowercase();
        if !language.is_empty() {
            if language.len() == 2 && isolang::Language::from_639_1(&language).is_some() {
                tags.push((Facet::Language, "language", language));
            } else {
                problem("language", "Choose a language from the list.");
            }
        }
        let age_band = query.age_band.trim();
        if !age_band.is_empty() {
            match AGE_BANDS.iter().find(|band| **band == age_band) {
                Some(band) => tags.push((Facet::AgeBand, "age_band", (*band).to_owned())),
                None => problem("age_band", "Choose an age band from the list."),
            }
        }
        let interest = query.interest.trim().to_ascii_lowercase();
        if !interest.is_empty() {
            let tag_like = interest.len() <= 64
                && interest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-');
            if tag_like {
                tags.push((Facet::Interest, "interest", interest));
            } else {
                problem("interest", "Choose an interest from the list.");
            }
        }
        let country = query.country.trim().to_ascii_uppercase();
        let country = if country.is_empty() {
            None
        } else if country.len() == 2 && isocountry::CountryCode::for_alpha2(&country).is_ok() {
            Some(country)
        } else {
            problem("country", "Choose a country from the list.");
            None
        };
        let sort = match query.sort.trim() {
            "" if terms.is_empty() => DirectorySort::Name,
            "" => DirectorySort::Relevance,
            code => DirectorySort::from_code(code).unwrap_or_else(|| {
                problem("sort", "Choose an order from the list.");
                DirectorySort::Name
            }),
        };
        // Without words every member is as relevant as the next: list them by name.
        let sort = if sort == DirectorySort::Relevance && terms.is_empty() {
            DirectorySort::Name
        } else {
            sort
        };
        let cursor = parse_cursor(sort, &query.after);
        if cursor.is_err() {
            problem(
                "after",
                "That page link is not valid. Start again from the first page.",
            );
        }
        if !problems.is_empty() {
            return Err(AppError::Validation { fields: problems });
        }
        Ok(Search {
            terms,
            tags,
            country,
            open_to_visits: query.open_to_visits,
            open_to_mentoring: query.open_to_mentoring,
            sort,
            cursor: cursor.unwrap_or(None),
        })
    }

    /// What the result set depends on (not its order or page): the facet cache key.
    pub fn key(&self) -> String {
        format!(
            "{}\u{1f}{:?}\u{1f}{:?}\u{1f}{}{}",
            self.terms.join(" "),
            self.tags,
            self.country,
            self.open_to_visits,
            self.open_to_mentoring
        )
    }

    /// The value selected for `facet`, if any.
    pub fn selected(&self, facet: Facet) -> Option<&str> {
        match facet {
            Facet::Country => self.country.as_deref(),
            _ => self
                .tags
                .iter()
                .find(|(tagged, _, _)| *tagged == facet)
                .map(|(_, _, value)| value.as_str()),
        }
    }

    /// Members matching the words and every filter except those in `skip`: one
    /// full-text condition (see [`full_text`]); none when nothing is asked.
    pub fn matching(&self, backend: DbBackend, skip: &[Facet]) -> Condition {
        let mut condition = Condition::all();
        let filters = self.filter_words(skip);
        if let Some(text) = full_text::condition(backend, &self.terms, &filters) {
            condition = condition.add(text);
        }
        condition
    }

    /// The filter words of every filter except those in `skip`.
    pub fn filter_words(&self, skip: &[Facet]) -> Vec<String> {
        let mut filters = Vec::new();
        for (facet, kind, value) in &self.tags {
            if !skip.contains(facet) {
                filters.push(filter_word(kind, value));
            }
        }
        if let Some(country) = &self.country
            && !skip.contains(&Facet::Country)
        {
            filters.push(filter_word(full_text::COUNTRY, country));
        }
        for (on, facet, value) in [
            (self.open_to_visits, Facet::OpenToVisits, "visits"),
            (self.open_to_mentoring, Facet::OpenToMentoring, "mentoring"),
        ] {
            if on && !skip.contains(&facet) {
                filters.push(filter_word(full_text::OPEN_TO, value));
            }
        }
        filters
    }

    /// How well a member matches the words: per word, 4 when it starts a word of
    /// their name or handle, else 2 for headline or organisation, else 1 for an
    /// interest (0 when only the bio has it). The same integer on both databases.
    pub fn relevance(&self, backend: DbBackend) -> Expr {
        let mut sql = String::from("CAST(COALESCE((SELECT 0");
        let mut values = Vec::new();
        for term in &self.terms {
            let pattern = if term.len() > 1 {
                format!("% {term}%")
            } else {
                format!("% {term} %")
            };
            sql.push_str(
                " + CASE WHEN s.names LIKE ? THEN 4 WHEN s.roles LIKE ? THEN 2 \
                 WHEN s.interests LIKE ? THEN 1 ELSE 0 END",
            );
            values.extend([pattern.clone(), pattern.clone(), pattern]);
        }
        sql.push_str(r#" FROM member_search s WHERE s.member_id = "member"."id"), 0) AS BIGINT)"#);
        Expr::cust_with_values(numbered(backend, &sql), values)
    }
}

/// Reads a cursor written by [`Cursor::encode`] for `sort`.
fn parse_cursor(sort: DirectorySort, after: &str) -> Result<Option<Cursor>, ()> {
    if after.is_empty() {
        return Ok(None);
    }
    let (key, id) = after.rsplit_once('|').ok_or(())?;
    let id: i32 = id.parse().map_err(|_| ())?;
    Ok(Some(match sort {
        DirectorySort::Name => Cursor::Name {
            sort_name: key.to_owned(),
            id,
        },
        DirectorySort::Newest => Cursor::Newest {
            created_at: DateTime::parse_from_rfc3339(key)
                .map_err(|_| ())?
                .with_timezone(&Utc),
            id,
        },
        DirectorySort::Relevance => {
            let (score, sort_name) = key.split_once('|').ok_or(())?;
            Cursor::Relevance {
                score: score.parse().map_err(|_| ())?,
                sort_name: sort_name.to_owned(),
                id,
            }
        }
    }))
}

impl Cursor {
    /// The text form that goes in the `after` parameter.
    pub fn encode(&self) -> String {
        match self {
            Cursor::Name { sort_name, id } => format!("{sort_name}|{id}"),
            Cursor::Newest { created_at, id } => format!(
                "{}|{id}",
                created_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            ),
            Cursor::Relevance {
                score,
                sort_name,
                id,
            } => format!("{score}|{sort_name}|{id}"),
        }
    }
}

#[cfg(test)]
mod tests;
