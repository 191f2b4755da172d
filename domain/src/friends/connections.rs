//! The friend graph as pages show it: everything the `/friends` page lists, and
//! the friend-graph part of a profile (where the viewer stands with the member,
//! their friends, the friends both share and how the two are connected).

use iey_dto::{FriendsOverview, MemberSummary, ProfileConnections, Relationship};
use iey_entity::{friend_request, friendship, member};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::requests::PENDING;
use super::{are_friends, incoming, outgoing, summary, views};
use crate::members::visible_to;
use crate::{AppError, Db, DomainResult, Viewer, internal};

/// The longest search of one's friends, in characters.
pub const FRIEND_SEARCH_LIMIT: usize = 100;
/// Suggestions the `/friends` page shows.
const OVERVIEW_SUGGESTIONS: u64 = 12;
/// Mutual friends a profile names.
const MUTUAL_SHOWN: u64 = 6;

/// Everything the `/friends` page lists for `viewer`: their friends (those whose
/// name or handle contains `search`, all without one), requests both ways,
/// people they may know and the members they blocked.
pub async fn overview(db: &Db, viewer: &Viewer, search: &str) -> DomainResult<FriendsOverview> {
    let me = viewer.member_id()?;
    let search = search.trim();
    if search.chars().count() > FRIEND_SEARCH_LIMIT {
        return Err(AppError::invalid(
            "q",
            format!("Please search for at most {FRIEND_SEARCH_LIMIT} characters."),
        ));
    }
    let friends_only = || {
        member::Entity::find()
            .filter(visible_to(viewer))
            .filter(member::Column::Id.in_subquery(friends_of_member(me)))
    };
    let mut matching = friends_only();
    if !search.is_empty() {
        let pattern =
            LikeExpr::new(format!("%{}%", escape_like(&search.to_lowercase()))).escape('\\');
        matching = matching.filter(
            Condition::any()
                .add(Expr::col((member::Entity, member::Column::SortName)).like(pattern.clone()))
                .add(Expr::col((member::Entity, member::Column::Handle)).like(pattern)),
        );
    }
    let friends: Vec<MemberSummary> = matching
        .order_by_asc(member::Column::SortName)
        .order_by_asc(member::Column::Id)
        .all(db)
        .await
        .map_err(internal("listing friends"))?
        .into_iter()
        .map(summary)
        .collect();
    let friend_total = if search.is_empty() {
        friends.len() as u64
    } else {
        friends_only()
            .count(db)
            .await
            .map_err(internal("counting friends"))?
    };
    Ok(FriendsOverview {
        friends,
        friend_total: clamp(friend_total),
        incoming: incoming(db, viewer).await?,
        outgoing: outgoing(db, viewer).await?,
        suggestions: super::suggestions(db, viewer, OVERVIEW_SUGGESTIONS).await?,
        blocked: crate::blocks::blocked_list(db, viewer).await?,
    })
}

/// The friend-graph part of `handle`'s profile as `viewer` sees it. A profile
/// the viewer may not see is [`AppError::NotFound`]; members see their own.
pub async fn profile_connections(
    db: &Db,
    viewer: &Viewer,
    handle: &str,
) -> DomainResult<ProfileConnections> {
    let mut may_see = Condition::any().add(visible_to(viewer));
    if let Viewer::Member { id, .. } = viewer {
        may_see = may_see.add(member::Column::Id.eq(*id));
    }
    let profile = member::Entity::find()
        .filter(may_see)
        .filter(member::Column::Handle.eq(handle.trim()))
        .one(db)
        .await
        .map_err(internal("loading a profile's member"))?
        .ok_or(AppError::NotFound)?;
    let friend_count = member::Entity::find()
        .filter(visible_to(viewer))
        .filter(member::Column::Id.in_subquery(friends_of_member(profile.id)))
        .count(db)
        .await
        .map_err(internal("counting a member's friends"))?;
    let relationship = relationship(db, viewer, profile.id).await?;
    let (mutual, mutual_count) = match (viewer, &relationship) {
        (Viewer::Member { id, .. }, relationship) if *relationship != Relationship::Yourself => {
            mutual_friends(db, viewer, *id, profile.id).await?
        }
        _ => (Vec::new(), 0),
    };
    let path = match relationship {
        Relationship::Strangers
        | Relationship::RequestSent { .. }
        | Relationship::RequestReceived(_) => {
            super::paths::shortest_path(db, viewer, profile.id).await?
        }
        Relationship::Visitor | Relationship::Yourself | Relationship::Friends => Vec::new(),
    };
    Ok(ProfileConnections {
        relationship,
        friend_count: clamp(friend_count),
        mutual,
        mutual_count,
        path,
    })
}

/// Where `viewer` stands with member `other`.
async fn relationship(db: &Db, viewer: &Viewer, other: i32) -> DomainResult<Relationship> {
    let Viewer::Member { id: me, .. } = *viewer else {
        return Ok(Relationship::Visitor);
    };
    if other == me {
        return Ok(Relationship::Yourself);
    }
    if are_friends(db, me, other).await? {
        return Ok(Relationship::Friends);
    }
    if let Some(sent) = pending(db, me, other).await? {
        return Ok(Relationship::RequestSent { id: sent.id });
    }
    if let Some(received) = pending(db, other, me).await? {
        let view = views(db, vec![received], |request| request.from_id).await?;
        if let Some(view) = view.into_iter().next() {
            return Ok(Relationship::RequestReceived(view));
        }
    }
    Ok(Relationship::Strangers)
}

/// The pending request from `from` to `to`, if there is one.
async fn pending(db: &Db, from: i32, to: i32) -> DomainResult<Option<friend_request::Model>> {
    friend_request::Entity::find()
        .filter(friend_request::Column::FromId.eq(from))
        .filter(friend_request::Column::ToId.eq(to))
        .filter(friend_request::Column::Status.eq(PENDING))
        .one(db)
        .await
        .map_err(internal("finding a pending request"))
}

/// The friends `me` and `other` share that `viewer` may see: the first few by
/// name, and how many there are.
async fn mutual_friends(
    db: &Db,
    viewer: &Viewer,
    me: i32,
    other: i32,
) -> DomainResult<(Vec<MemberSummary>, u32)> {
    let shared = || {
        member::Entity::find()
            .filter(visible_to(viewer))
            .filter(member::Column::Id.in_subquery(friends_of_member(me)))
            .filter(member::Column::Id.in_subquery(friends_of_member(other)))
    };
    let named = shared()
        .order_by_asc(member::Column::SortName)
        .order_by_asc(member::Column::Id)
        .limit(MUTUAL_SHOWN)
        .all(db)
        .await
        .map_err(internal("listing mutual friends"))?;
    let count = if (named.len() as u64) < MUTUAL_SHOWN {
        named.len() as u64
    } else {
        shared()
            .count(db)
            .await
            .map_err(internal("counting mutual friends"))?
    };
    Ok((named.into_iter().map(summary).collect(), clamp(count)))
}

/// The ids of `id`'s friends.
fn friends_of_member(id: i32) -> SelectStatement {
    Query::select()
        .column(friendship::Column::FriendId)
        .from(friendship::Entity)
        .cond_where(friendship::Column::MemberId.eq(id))
        .to_owned()
}

/// `text` with LIKE's wildcards (and the escape character) taken literally.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A count for the wire.
fn clamp(count: u64) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_taken_literally() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
