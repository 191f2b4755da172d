//! One page of directory results in the chosen order, paged by keyset: the cursor
//! is the last row's sort key and id, so pages never skip or repeat members.

use chrono::{DateTime, Utc};
use iey_dto::DirectorySort;
use iey_entity::member;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::search::{Cursor, Search};
use super::{PAGE_SIZE, visible_to};
use crate::{Db, DomainResult, Viewer, internal};

/// The members of the page `search` asks for, in order, and the next page's cursor.
pub(crate) async fn page(
    db: &Db,
    viewer: &Viewer,
    search: &Search,
) -> DomainResult<(Vec<member::Model>, Option<String>)> {
    let backend = db.get_database_backend();
    let relevance = || {
        if search.sort == DirectorySort::Relevance {
            search.relevance(backend)
        } else {
            Expr::cust("CAST(0 AS BIGINT)")
        }
    };
    let mut select = member::Entity::find()
        .select_only()
        .column(member::Column::Id)
        .column(member::Column::SortName)
        .column(member::Column::CreatedAt)
        .column_as(relevance(), "relevance")
        .filter(visible_to(viewer))
        .filter(search.matching(backend, &[]));
    if let Some(cursor) = &search.cursor {
        select = select.filter(after(cursor, relevance()));
    }
    select = match search.sort {
        DirectorySort::Name => select
            .order_by_asc(member::Column::SortName)
            .order_by_asc(member::Column::Id),
        DirectorySort::Newest => select
            .order_by_desc(member::Column::CreatedAt)
            .order_by_desc(member::Column::Id),
        DirectorySort::Relevance => select
            .order_by(relevance(), Order::Desc)
            .order_by_asc(member::Column::SortName)
            .order_by_asc(member::Column::Id),
    };
    let mut keys: Vec<(i32, String, DateTime<Utc>, i64)> = select
        .limit(PAGE_SIZE + 1)
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("listing directory page"))?;
    let next = if keys.len() as u64 > PAGE_SIZE {
        keys.truncate(PAGE_SIZE as usize);
        keys.last().map(|(id, sort_name, created_at, score)| {
            let (id, sort_name) = (*id, sort_name.clone());
            match search.sort {
                DirectorySort::Name => Cursor::Name { sort_name, id },
                DirectorySort::Newest => Cursor::Newest {
                    created_at: *created_at,
                    id,
                },
                DirectorySort::Relevance => Cursor::Relevance {
                    score: *score,
                    sort_name,
                    id,
                },
            }
            .encode()
        })
    } else {
        None
    };
    let mut rows = member::Entity::find()
        .filter(member::Column::Id.is_in(keys.iter().map(|(id, ..)| *id)))
        .all(db)
        .await
        .map_err(internal("loading directory members"))?;
    rows.sort_by_key(|row| keys.iter().position(|(id, ..)| *id == row.id));
    Ok((rows, next))
}

/// Rows after `cursor` in its order.
fn after(cursor: &Cursor, relevance: Expr) -> Condition {
    let by_name = |sort_name: &str, id: i32| {
        Condition::any()
            .add(member::Column::SortName.gt(sort_name))
            .add(
                Condition::all()
                    .add(member::Column::SortName.eq(sort_name))
                    .add(member::Column::Id.gt(id)),
            )
    };
    match cursor {
        Cursor::Name { sort_name, id } => by_name(sort_name, *id),
        Cursor::Newest { created_at, id } => Condition::any()
            .add(member::Column::CreatedAt.lt(*created_at))
            .add(
                Condition::all()
                    .add(member::Column::CreatedAt.eq(*created_at))
                    .add(member::Column::Id.lt(*id)),
            ),
        Cursor::Relevance {
            score,
            sort_name,
            id,
        } => Condition::any().add(relevance.clone().lt(*score)).add(
            Condition::all()
                .add(relevance.eq(*score))
                .add(by_name(sort_name, *id)),
        ),
    }
}
