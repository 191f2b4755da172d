//! People you may know: friends of friends, ranked by how many friends they share
//! with the viewer and then by what else they have in common, topped up for
//! members with few friends by people of their sector and country. Candidates
//! are counted and ranked in SQL (see [`candidates`]); only the few shown are
//! loaded, with their tags, to say why.

mod candidates;
mod reasons;

use std::collections::HashMap;

use chrono::Utc;
use iey_dto::Suggestion;
use iey_entity::{member, member_tag, suggestion_dismissal};
use sea_orm::sea_query::{
    Alias, CaseStatement, Expr, ExprTrait, Func, OnConflict, Order, Query, SelectStatement,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect,
};

use super::{summary, visible_member};
use crate::members::visible_to;
use crate::{AppError, Db, DomainResult, Viewer, internal};
use candidates::{CANDIDATE, MUTUAL, friends_of_friends, neighbours, strangers};
use reasons::{COUNTRY_WEIGHT, TAG_WEIGHTS, Traits};

/// Up to `limit` people `viewer` may know, best first, each with the reasons why.
pub async fn suggestions(db: &Db, viewer: &Viewer, limit: u64) -> DomainResult<Vec<Suggestion>> {
    let me = viewer.member_id()?;
    if limit == 0 {
        return Ok(Vec::new());
    }
    let traits = traits_of(db, me).await?;
    let mut ranked = rank(db, viewer, &traits, friends_of_friends(viewer, me), limit).await?;
    let wanted = limit.saturating_sub(ranked.len() as u64);
    if wanted > 0 {
        let taken: Vec<i32> = ranked.iter().map(|(id, _)| *id).collect();
        let pool = neighbours(db, viewer, me, &traits, taken, wanted).await?;
        if !pool.is_empty() {
            ranked.extend(rank(db, viewer, &traits, strangers(pool), wanted).await?);
        }
    }
    described(db, &traits, ranked).await
}

/// `viewer` no longer wants `handle` suggested. Dismissing twice is harmless; a
/// member the viewer may not see is [`AppError::NotFound`].
pub async fn dismiss_suggestion(db: &Db, viewer: &Viewer, handle: &str) -> DomainResult<()> {
    let me = viewer.member_id()?;
    let other = visible_member(db, viewer, handle).await?;
    if other.id == me {
        return Err(AppError::invalid(
            "suggestion",
            "You are never suggested to yourself.",
        ));
    }
    suggestion_dismissal::Entity::insert(suggestion_dismissal::ActiveModel {
        member_id: Set(me),
        dismissed_id: Set(other.id),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([
            suggestion_dismissal::Column::MemberId,
            suggestion_dismissal::Column::DismissedId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map_err(internal("storing a dismissed suggestion"))?;
    Ok(())
}

/// The viewer's country and tags.
async fn traits_of(db: &Db, me: i32) -> DomainResult<Traits> {
    let country = member::Entity::find_by_id(me)
        .select_only()
        .column(member::Column::CountryCode)
        .into_tuple::<String>()
        .one(db)
        .await
        .map_err(internal("loading the viewer's country"))?
        .ok_or(AppError::Unauthenticated)?;
    let tags = member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(me))
        .all(db)
        .await
        .map_err(internal("loading the viewer's tags"))?;
    Ok(Traits::new(country, tags))
}

/// Up to `limit` of the candidates in `source` (rows of [`CANDIDATE`] and
/// [`MUTUAL`]) that `viewer` may see, best first: most friends in common, then the
/// most in common with `traits` by [`TAG_WEIGHTS`] and [`COUNTRY_WEIGHT`].
async fn rank(
    db: &Db,
    viewer: &Viewer,
    traits: &Traits,
    source: SelectStatement,
    limit: u64,
) -> DomainResult<Vec<(i32, u32)>> {
    let list = Alias::new("candidate");
    let member_id = Expr::col((member::Entity, member::Column::Id));
    let same_country = Expr::case(
        member::Column::CountryCode.eq(traits.country_code.clone()),
        COUNTRY_WEIGHT,
    )
    .finally(0);
    let mut query = Query::select();
    query
        .expr_as(member_id.clone(), Alias::new(CANDIDATE))
        .expr_as(
            Expr::col((list.clone(), Alias::new(MUTUAL))),
            Alias::new(MUTUAL),
        )
        .from_subquery(source, list.clone())
        .inner_join(
            member::Entity,
            member_id
                .clone()
                .equals((list.clone(), Alias::new(CANDIDATE))),
        )
        .cond_where(visible_to(viewer))
        .group_by_col((list.clone(), Alias::new(MUTUAL)))
        .group_by_col((member::Entity, member::Column::Id))
        .group_by_col((member::Entity, member::Column::CountryCode))
        .order_by((list, Alias::new(MUTUAL)), Order::Desc)
        .limit(limit);
    // Each of the viewer's tags a candidate also has adds its kind's weight.
    let mut shared = Condition::any();
    let mut weight = CaseStatement::new();
    for (kind, kind_weight) in TAG_WEIGHTS {
        let values = traits.values(kind);
        if !values.is_empty() {
            shared = shared.add(
                Condition::all()
                    .add(member_tag::Column::Kind.eq(kind))
                    .add(member_tag::Column::Value.is_in(values)),
            );
            weight = weight.case(member_tag::Column::Kind.eq(kind), kind_weight);
        }
    }
    if shared.is_empty() {
        query.order_by_expr(same_country.into(), Order::Desc);
    } else {
        query.left_join(
            member_tag::Entity,
            Condition::all()
                .add(
                    Expr::col((member_tag::Entity, member_tag::Column::MemberId))
                        .equals((member::Entity, member::Column::Id)),
                )
                .add(shared),
        );
        let weight: Expr = weight.finally(0).into();
        let score = Expr::from(Func::sum(weight)).add(same_country);
        query.order_by_expr(score, Order::Desc);
    }
    query.order_by((member::Entity, member::Column::Id), Order::Asc);
    let rows = db
        .query_all(&query)
        .await
        .map_err(internal("ranking suggestions"))?;
    rows.iter()
        .map(|row| {
            let id = row.try_get::<i32>("", CANDIDATE)?;
            let mutual = row.try_get::<i64>("", MUTUAL)?;
            Ok((id, u32::try_from(mutual).unwrap_or(u32::MAX)))
        })
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(internal("reading ranked suggestions"))
}

/// The ranked candidates as suggestions, each with its reasons; a candidate
/// with no reason at all is left out.
async fn described(
    db: &Db,
    traits: &Traits,
    ranked: Vec<(i32, u32)>,
) -> DomainResult<Vec<Suggestion>> {
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = ranked.iter().map(|(id, _)| *id).collect();
    let mut rows: HashMap<i32, member::Model> = member::Entity::find()
        .filter(member::Column::Id.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(internal("loading suggested members"))?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let mut tags: HashMap<i32, Vec<member_tag::Model>> = HashMap::new();
    for tag in member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.is_in(ids))
        .all(db)
        .await
        .map_err(internal("loading suggested members' tags"))?
    {
        tags.entry(tag.member_id).or_default().push(tag);
    }
    Ok(ranked
        .into_iter()
        .filter_map(|(id, mutual)| {
            let row = rows.remove(&id)?;
            let theirs = Traits::new(
                row.country_code.clone(),
                tags.remove(&id).unwrap_or_default(),
            );
            let reasons = reasons::reasons(mutual, traits, &theirs);
            (!reasons.is_empty()).then(|| Suggestion {
                member: summary(row),
                reasons,
            })
        })
        .collect())
}
