//! The full-text side of a search: besides its words, each member's search entry
//! holds one filter word per filter value they have (country, sectors, languages,
//! age bands, interests, open to visits or mentoring), in a column of its own, so
//! the full-text index intersects the words and the filters by itself (an FTS5 AND
//! query on SQLite, two `@@` matches on PostgreSQL) instead of joining tag lists.
//! Visibility is not a filter word: it is always checked on the member's row.

use std::collections::HashMap;

use iey_entity::{member, member_tag};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect};

use super::search_index::numbered;
use crate::{DomainResult, internal};

/// The filter kind of a member's country.
pub(crate) const COUNTRY: &str = "country";
/// The filter kind of the yes/no filters (values `visits` and `mentoring`).
pub(crate) const OPEN_TO: &str = "open_to";

/// The word standing for filter `kind` = `value`: both spelled in lower-case
/// letters only (each byte as two of `a`–`p`) and joined by `z`, so every pair
/// has its own word, and both databases' tokenizers keep it whole.
pub(crate) fn filter_word(kind: &str, value: &str) -> String {
    let spell = |text: &str| -> String {
        text.bytes()
            .flat_map(|byte| [b'a' + (byte >> 4), b'a' + (byte & 0x0f)])
            .map(char::from)
            .collect()
    };
    format!("{}z{}", spell(kind), spell(value))
}

/// The filter words of each of `member_ids`, space-separated, read from their
/// rows and tags (call it inside the transaction that changed them).
pub(crate) async fn filter_words_of<C: ConnectionTrait>(
    db: &C,
    member_ids: &[i32],
) -> DomainResult<HashMap<i32, String>> {
    let rows: Vec<(i32, String, bool, bool)> = member::Entity::find()
        .select_only()
        .column(member::Column::Id)
        .column(member::Column::CountryCode)
        .column(member::Column::OpenToVisits)
        .column(member::Column::OpenToMentoring)
        .filter(member::Column::Id.is_in(member_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("loading filters to index"))?;
    let mut words: HashMap<i32, Vec<String>> = HashMap::new();
    for (id, country, visits, mentoring) in rows {
        let mine = words.entry(id).or_default();
        if !country.is_empty() {
            mine.push(filter_word(COUNTRY, &country));
        }
        for (on, value) in [(visits, "visits"), (mentoring, "mentoring")] {
            if on {
                mine.push(filter_word(OPEN_TO, value));
            }
        }
    }
    let tags: Vec<(i32, String, String)> = member_tag::Entity::find()
        .select_only()
        .column(member_tag::Column::MemberId)
        .column(member_tag::Column::Kind)
        .column(member_tag::Column::Value)
        .filter(member_tag::Column::MemberId.is_in(member_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("loading tags to index"))?;
    for (id, kind, value) in tags {
        words
            .entry(id)
            .or_default()
            .push(filter_word(&kind, &value));
    }
    Ok(words
        .into_iter()
        .map(|(id, words)| (id, words.join(" ")))
        .collect())
}

/// Members whose document has every one of `terms` (each the start of a word; one
/// letter: the whole word) and every filter word in `filters`; `None` when there
/// is neither. Terms are normalised ASCII letters and digits and filter words
/// letters only, so nothing typed can break either database's query syntax.
pub(crate) fn condition(backend: DbBackend, terms: &[String], filters: &[String]) -> Option<Expr> {
    if terms.is_empty() && filters.is_empty() {
        return None;
    }
    Some(if backend == DbBackend::Postgres {
        let mut tests = Vec::new();
        let mut values = Vec::new();
        if !terms.is_empty() {
            tests.push("document @@ to_tsquery('simple', ?)");
            let query: Vec<String> = terms
                .iter()
                .map(|term| {
                    if term.len() > 1 {
                        format!("{term}:*")
                    } else {
                        term.clone()
                    }
                })
                .collect();
            values.push(query.join(" & "));
        }
        if !filters.is_empty() {
            tests.push("filters @@ to_tsquery('simple', ?)");
            values.push(filters.join(" & "));
        }
        let sql = format!(
            r#""member"."id" IN (SELECT member_id FROM member_search WHERE {})"#,
            tests.join(" AND ")
        );
        Expr::cust_with_values(numbered(backend, &sql), values)
    } else {
        Expr::cust_with_values(
            r#""member"."id" IN (SELECT rowid FROM member_fts WHERE member_fts MATCH ?)"#,
            [fts5_query(terms, filters)],
        )
    })
}

/// The FTS5 query for `terms` in the document column and `filters` in theirs.
pub(crate) fn fts5_query(terms: &[String], filters: &[String]) -> String {
    let words = terms.iter().map(|term| {
        if term.len() > 1 {
            format!("document : \"{term}\"*")
        } else {
            format!("document : \"{term}\"")
        }
    });
    let filters = filters.iter().map(|word| format!("filters : \"{word}\""));
    words.chain(filters).collect::<Vec<_>>().join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_words_are_letters_and_tell_kinds_and_values_apart() {
        assert_eq!(filter_word("a", "b"), "gbzgc");
        let words = [
            filter_word("sector", "health"),
            filter_word("interest", "health"),
            filter_word(COUNTRY, "GB"),
            filter_word(OPEN_TO, "visits"),
            filter_word("age_band", "3-5"),
        ];
        for word in &words {
            assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{word}");
        }
        for (i, a) in words.iter().enumerate() {
            assert!(words[i + 1..].iter().all(|b| b != a));
        }
    }
}
