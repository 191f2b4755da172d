//! Figures about the community as a whole.

use iey_dto::CommunitySummary;
use iey_entity::{member, member_tag};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Select};

use crate::{Db, DomainResult, internal};

/// How many members, countries, sectors and languages the directory holds. Counts
/// only verified members; anyone may see these totals.
pub async fn summary(db: &Db) -> DomainResult<CommunitySummary> {
    let verified = || member::Entity::find().filter(member::Column::EmailVerifiedAt.is_not_null());
    let tags = |kind: &str| member_tag::Entity::find().filter(member_tag::Column::Kind.eq(kind));
    let distinct_values = || Expr::expr(Func::count_distinct(Expr::col(member_tag::Column::Value)));
    Ok(CommunitySummary {
        members: count(db, verified(), Expr::col(member::Column::Id).count()).await?,
        countries: count(
            db,
            verified(),
            Expr::expr(Func::count_distinct(Expr::col(member::Column::CountryCode))),
        )
        .await?,
        sectors: count(db, tags("sector"), distinct_values()).await?,
        languages: count(db, tags("language"), distinct_values()).await?,
    })
}

/// Runs `query` selecting only the aggregate `counted`, as a count.
async fn count<E: EntityTrait>(db: &Db, query: Select<E>, counted: Expr) -> DomainResult<u64> {
    let value = query
        .select_only()
        .column_as(counted, "n")
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(internal("counting the community"))?
        .unwrap_or(0);
    Ok(u64::try_from(value).unwrap_or(0))
}

/// The community figures, recomputed at most once per `ttl`. The landing page shows
/// them on every visit, and counting a large community on each would be wasteful.
pub struct SummaryCache {
    ttl: std::time::Duration,
    latest: std::sync::Mutex<Option<(std::time::Instant, CommunitySummary)>>,
}

impl SummaryCache {
    /// A cache whose figures may be up to `ttl` old.
    pub fn new(ttl: std::time::Duration) -> Self {
        Self {
            ttl,
            latest: std::sync::Mutex::new(None),
        }
    }

    /// The figures, counted afresh when the last count is older than the ttl.
    pub async fn summary(&self, db: &Db) -> DomainResult<CommunitySummary> {
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        let counted = summary(db).await?;
        if let Ok(mut latest) = self.latest.lock() {
            *latest = Some((std::time::Instant::now(), counted.clone()));
        }
        Ok(counted)
    }

    fn fresh(&self) -> Option<CommunitySummary> {
        let latest = self.latest.lock().ok()?;
        let (at, figures) = latest.as_ref()?;
        (at.elapsed() < self.ttl).then(|| figures.clone())
    }
}
