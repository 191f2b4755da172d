//! Where a viewer stands with each member of a list, in three indexed lookups
//! whatever the list's length: the directory's cards use it for their button.

use std::collections::HashMap;

use iey_dto::Standing;
use iey_entity::{friend_request, friendship};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::requests::PENDING;
use crate::{Db, DomainResult, Viewer, internal};

/// Where `viewer` stands with each of the members `ids` (all of them
/// [`Standing::Nobody`] for a visitor; the viewer's own card too).
pub(crate) async fn standings(
    db: &Db,
    viewer: &Viewer,
    ids: &[i32],
) -> DomainResult<HashMap<i32, Standing>> {
    let Viewer::Member { id: me, .. } = *viewer else {
        return Ok(HashMap::new());
    };
    let others: Vec<i32> = ids.iter().copied().filter(|id| *id != me).collect();
    if others.is_empty() {
        return Ok(HashMap::new());
    }
    let mut standing: HashMap<i32, Standing> =
        others.iter().map(|id| (*id, Standing::MayAsk)).collect();
    use friend_request::Column::{FromId, ToId};
    let asked = pending_between(db, (FromId, ToId), me, &others).await?;
    for id in asked {
        standing.insert(id, Standing::Asked);
    }
    let asked_you = pending_between(db, (ToId, FromId), me, &others).await?;
    for id in asked_you {
        standing.insert(id, Standing::AskedYou);
    }
    let friends: Vec<i32> = friendship::Entity::find()
        .select_only()
        .column(friendship::Column::FriendId)
        .filter(friendship::Column::MemberId.eq(me))
        .filter(friendship::Column::FriendId.is_in(others))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("looking up friendships for a list"))?;
    for id in friends {
        standing.insert(id, Standing::Friends);
    }
    Ok(standing)
}

/// The members of `others` on the `theirs` side of a pending request whose
/// `mine` side is `me`.
async fn pending_between(
    db: &Db,
    (mine, theirs): (friend_request::Column, friend_request::Column),
    me: i32,
    others: &[i32],
) -> DomainResult<Vec<i32>> {
    friend_request::Entity::find()
        .select_only()
        .column(theirs)
        .filter(mine.eq(me))
        .filter(theirs.is_in(others.iter().copied()))
        .filter(friend_request::Column::Status.eq(PENDING))
        .into_tuple()
        .all(db)
        .await
        .map_err(internal("looking up pending requests for a list"))
}
