//! Figures about the community as a whole.

use iey_dto::CommunitySummary;
use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{Db, DomainResult, internal};

/// How many members, countries, sectors and languages the directory holds. Counts
/// only verified members; anyone may see these totals.
pub async fn summary(db: &Db) -> DomainResult<CommunitySummary> {
    let verified = member::Column::EmailVerifiedAt.is_not_null();
    let members = member::Entity::find()
        .filter(verified.clone())
        .select_only()
        .column_as(Expr::col(member::Column::Id).count(), "n")
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(internal("counting members"))?
        .unwrap_or(0);
    let countries = member::Entity::find()
        .filter(verified)
        .select_only()
        .column_as(
            Expr::expr(Func::count_distinct(Expr::col(member::Column::CountryCode))),
            "n",
        )
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(internal("counting countries"))?
        .unwrap_or(0);
    Ok(CommunitySummary {
        members: to_count(members),
        countries: to_count(countries),
        sectors: distinct_tags(db, "sector").await?,
        languages: distinct_tags(db, "language").await?,
    })
}

async fn distinct_tags(db: &Db, kind: &str) -> DomainResult<u64> {
    let count = member_tag::Entity::find()
        .filter(member_tag::Column::Kind.eq(kind))
        .select_only()
        .column_as(
            Expr::expr(Func::count_distinct(Expr::col(member_tag::Column::Value))),
            "n",
        )
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(internal("counting tags"))?
        .unwrap_or(0);
    Ok(to_count(count))
}

fn to_count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}
