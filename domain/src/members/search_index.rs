//! Each member's search document: their words normalised the same way for both
//! databases (ASCII, lower case, split on anything that is not a letter or digit),
//! then indexed by SQLite FTS5 or a PostgreSQL `tsvector`, beside the member's
//! filter words (see `full_text`).

use std::collections::HashMap;

use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Statement, Value,
};

use super::full_text::filter_words_of;
use crate::{DomainResult, internal};

/// Documents written in one statement.
const BATCH: usize = 500;

/// What the index holds for one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SearchDocument {
    /// Whose document this is.
    pub member_id: i32,
    /// Display name and handle.
    pub names: String,
    /// Headline and organisation.
    pub roles: String,
    /// Interest tags.
    pub interests: String,
    /// Every searchable word: the fields above and the bio.
    pub document: String,
}

/// The fields a member is found by.
pub(crate) struct Searchable<'a> {
    pub member_id: i32,
    pub display_name: &'a str,
    pub handle: &'a str,
    pub headline: &'a str,
    pub organisation: Option<&'a str>,
    pub bio: &'a str,
    pub interests: &'a [String],
}

impl SearchDocument {
    /// The document for a member's searchable fields.
    pub fn of(member: &Searchable<'_>) -> Self {
        let names = spaced(&[member.display_name, member.handle]);
        let roles = spaced(&[member.headline, member.organisation.unwrap_or("")]);
        let interest_text: Vec<&str> = member.interests.iter().map(String::as_str).collect();
        let interests = spaced(&interest_text);
        let document = words(&format!("{names} {roles} {interests} {}", member.bio)).join(" ");
        SearchDocument {
            member_id: member.member_id,
            names,
            roles,
            interests,
            document,
        }
    }
}

/// The search words of `text`: "Zoë O'Neil-Smith" → `zoe`, `o`, `neil`, `smith`.
pub(crate) fn words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of several fields with a space before each and one at the end, so
/// that `LIKE '% heal%'` finds a word starting "heal" and `LIKE '% a %'` the word "a".
fn spaced(fields: &[&str]) -> String {
    let mut text: String = fields
        .iter()
        .flat_map(|field| words(field))
        .map(|word| format!(" {word}"))
        .collect();
    if !text.is_empty() {
        text.push(' ');
    }
    text
}

/// Rebuilds `member_id`'s search document from their profile and interests; call
/// it after every change to those (inside the same transaction). A member who no
/// longer exists loses their document.
pub async fn reindex<C: ConnectionTrait>(db: &C, member_id: i32) -> DomainResult<()> {
    let Some(row) = member::Entity::find_by_id(member_id)
        .one(db)
        .await
        .map_err(internal("loading a member to index"))?
    else {
        return forget(db, member_id).await;
    };
    let interests: Vec<String> = member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(member_id))
        .filter(member_tag::Column::Kind.eq("interest"))
        .order_by_asc(member_tag::Column::Value)
        .all(db)
        .await
        .map_err(internal("loading interests to index"))?
        .into_iter()
        .map(|tag| tag.value)
        .collect();
    let document = SearchDocument::of(&Searchable {
        member_id,
        display_name: &row.display_name,
        handle: &row.handle,
        headline: &row.headline,
        organisation: row.organisation_name.as_deref(),
        bio: &row.bio,
        interests: &interests,
    });
    write_documents(db, std::slice::from_ref(&document)).await
}

/// Indexes every member who has no search document yet (members added before
/// search existed, or by hand); returns how many. Cheap when there are none.
pub async fn reindex_missing<C: ConnectionTrait>(db: &C) -> DomainResult<usize> {
    let mut indexed = 0;
    loop {
        let rows = member::Entity::find()
            .filter(
                member::Column::Id.not_in_subquery(
                    Query::select()
                        .column(Alias::new("member_id"))
                        .from(Alias::new("member_search"))
                        .to_owned(),
                ),
            )
            .order_by_asc(member::Column::Id)
            .limit(BATCH as u64)
            .all(db)
            .await
            .map_err(internal("finding members to index"))?;
        if rows.is_empty() {
            return Ok(indexed);
        }
        let mut interests: HashMap<i32, Vec<String>> = HashMap::new();
        for tag in member_tag::Entity::find()
            .filter(member_tag::Column::MemberId.is_in(rows.iter().map(|row| row.id)))
            .filter(member_tag::Column::Kind.eq("interest"))
            .order_by_asc(member_tag::Column::Value)
            .all(db)
            .await
            .map_err(internal("loading interests to index"))?
        {
            interests.entry(tag.member_id).or_default().push(tag.value);
        }
        let documents: Vec<SearchDocument> = rows
            .iter()
            .map(|row| {
                SearchDocument::of(&Searchable {
                    member_id: row.id,
                    display_name: &row.display_name,
                    handle: &row.handle,
                    headline: &row.headline,
                    organisation: row.organisation_name.as_deref(),
                    bio: &row.bio,
                    interests: interests.get(&row.id).map_or(&[], Vec::as_slice),
                })
            })
            .collect();
        write_documents(db, &documents).await?;
        indexed += documents.len();
    }
}

/// Removes a member's document.
async fn forget<C: ConnectionTrait>(db: &C, member_id: i32) -> DomainResult<()> {
    let backend = db.get_database_backend();
    let mut statements = vec!["DELETE FROM member_search WHERE member_id = ?"];
    if backend == DbBackend::Sqlite {
        statements.push("DELETE FROM member_fts WHERE rowid = ?");
    }
    for sql in statements {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            numbered(backend, sql),
            [member_id.into()],
        ))
        .await
        .map_err(internal("removing a search document"))?;
    }
    Ok(())
}

/// Writes (or replaces) documents, a few hundred per statement, each with the
/// member's filter words read from their row and tags; the seeder uses this for
/// whole batches of new members (after writing their rows and tags).
pub(crate) async fn write_documents<C: ConnectionTrait>(
    db: &C,
    documents: &[SearchDocument],
) -> DomainResult<()> {
    let backend = db.get_database_backend();
    let postgres = backend == DbBackend::Postgres;
    for chunk in documents.chunks(BATCH) {
        let ids: Vec<i32> = chunk.iter().map(|document| document.member_id).collect();
        let filters = filter_words_of(db, &ids).await?;
        let filters_of = |id: i32| filters.get(&id).cloned().unwrap_or_default();
        let (row, columns, document_update) = if postgres {
            (
                "(?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', ?))",
                "member_id, names, roles, interests, document, filters",
                ", document = excluded.document, filters = excluded.filters",
            )
        } else {
            ("(?, ?, ?, ?)", "member_id, names, roles, interests", "")
        };
        let rows = vec![row; chunk.len()].join(", ");
        let sql = format!(
            "INSERT INTO member_search ({columns}) VALUES {rows} ON CONFLICT (member_id) DO \
             UPDATE SET names = excluded.names, roles = excluded.roles, \
             interests = excluded.interests{document_update}"
        );
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 6);
        for document in chunk {
            values.push(document.member_id.into());
            values.push(document.names.clone().into());
            values.push(document.roles.clone().into());
            values.push(document.interests.clone().into());
            if postgres {
                values.push(document.document.clone().into());
                values.push(filters_of(document.member_id).into());
            }
        }
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            numbered(backend, &sql),
            values,
        ))
        .await
        .map_err(internal("writing search documents"))?;

        if !postgres {
            let sql = format!(
                "INSERT OR REPLACE INTO member_fts (rowid, document, filters) VALUES {}",
                vec!["(?, ?, ?)"; chunk.len()].join(", ")
            );
            let values: Vec<Value> = chunk
                .iter()
                .flat_map(|document| {
                    [
                        Value::from(document.member_id),
                        document.document.clone().into(),
                        filters_of(document.member_id).into(),
                    ]
                })
                .collect();
            db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
                .await
                .map_err(internal("indexing search documents"))?;
        }
    }
    Ok(())
}

/// `sql` with PostgreSQL's `$1, $2, …` in place of `?` when the backend needs them
/// (also for `Expr::cust_with_values`, which numbers each expression's values from 1).
pub(crate) fn numbered(backend: DbBackend, sql: &str) -> String {
    if backend != DbBackend::Postgres {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
