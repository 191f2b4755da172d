//! Small hand-built friend graphs for the path and network tests: a community of
//! verified public members (in id order, so a lower index is a lower id) and the
//! friendships a test asks for.

use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer};
use iey_entity::{friendship, member};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// One member of a test community.
pub struct Member {
    /// Their id.
    pub id: i32,
    /// Their handle.
    pub handle: String,
}

impl Member {
    /// The member as a viewer.
    pub fn viewer(&self) -> Viewer {
        Viewer::Member {
            id: self.id,
            role: Role::Member,
        }
    }
}

/// `size` verified, public members with no friends yet, lowest id first.
pub async fn community(size: usize) -> (TestDb, Vec<Member>) {
    let test_db = TestDb::seeded(size, 77).await;
    member::Entity::update_many()
        .col_expr(member::Column::Visibility, Expr::value("public"))
        .col_expr(
            member::Column::EmailVerifiedAt,
            Expr::value(chrono::Utc::now()),
        )
        .exec(&test_db.db)
        .await
        .unwrap();
    let members = member::Entity::find()
        .order_by_asc(member::Column::Id)
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| Member {
            id: row.id,
            handle: row.handle,
        })
        .collect();
    (test_db, members)
}

/// Makes each pair of `members` (by index) friends, both directions.
pub async fn link(test_db: &TestDb, members: &[Member], pairs: &[(usize, usize)]) {
    let now = chrono::Utc::now();
    let rows: Vec<friendship::ActiveModel> = pairs
        .iter()
        .flat_map(|&(a, b)| [(a, b), (b, a)])
        .map(|(a, b)| friendship::ActiveModel {
            member_id: Set(members[a].id),
            friend_id: Set(members[b].id),
            created_at: Set(now),
        })
        .collect();
    for chunk in rows.chunks(500) {
        friendship::Entity::insert_many(chunk.to_vec())
            .exec(&test_db.db)
            .await
            .unwrap();
    }
}

/// Friends along a chain of `members` by index: `[0, 1, 2]` links 0–1 and 1–2.
pub async fn chain(test_db: &TestDb, members: &[Member], indices: &[usize]) {
    let pairs: Vec<(usize, usize)> = indices.windows(2).map(|w| (w[0], w[1])).collect();
    link(test_db, members, &pairs).await;
}

/// Sets a member's visibility (public, members or friends).
pub async fn set_visibility(test_db: &TestDb, member: &Member, visibility: &str) {
    member::Entity::update_many()
        .col_expr(member::Column::Visibility, Expr::value(visibility))
        .filter(member::Column::Id.eq(member.id))
        .exec(&test_db.db)
        .await
        .unwrap();
}

/// Takes back a member's email confirmation.
pub async fn unverify(test_db: &TestDb, member: &Member) {
    member::Entity::update_many()
        .col_expr(
            member::Column::EmailVerifiedAt,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .filter(member::Column::Id.eq(member.id))
        .exec(&test_db.db)
        .await
        .unwrap();
}
