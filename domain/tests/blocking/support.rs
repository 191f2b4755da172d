//! Helpers for the blocking matrix: three verified public members with words and
//! countries nobody else has, and what each viewer finds of the others.

use iey_domain::members::{DirectoryCache, browse, reindex};
use iey_domain::testing::TestDb;
use iey_domain::{Role, Viewer};
use iey_dto::{MemberPage, MemberQuery};
use iey_entity::{member, member_tag};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// One member of a test: handle, id, and themselves as a viewer.
pub struct Member {
    pub handle: String,
    pub id: i32,
    pub viewer: Viewer,
    /// A word in their name that nobody else's has.
    pub word: &'static str,
    /// Their country, which nobody else is in.
    pub country: &'static str,
}

/// A member of `test_db` made verified with `visibility`.
pub async fn member_as(test_db: &TestDb, handle: &str, visibility: &str) -> Viewer {
    let id = test_db.set_visibility(handle, visibility).await;
    Viewer::Member {
        id,
        role: Role::Member,
    }
}

/// Ana, Ben and Carl: verified public members of a small seeded community, each
/// with a unique name word and country. All three share the word "quixote".
pub async fn three() -> (TestDb, [Member; 3]) {
    let test_db = TestDb::seeded(12, 31).await;
    let handles = test_db.handles(3).await;
    let people = [
        ("Quixote Xanthippe", "xanthippe", "IS"),
        ("Quixote Xerxes", "xerxes", "LU"),
        ("Quixote Xenia", "xenia", "MT"),
    ];
    let mut members = Vec::new();
    for (handle, (name, word, country)) in handles.into_iter().zip(people) {
        let viewer = member_as(&test_db, &handle, "public").await;
        let id = viewer.member_id().unwrap();
        let mut row: member::ActiveModel = member::Entity::find_by_id(id)
            .one(&test_db.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        row.display_name = Set(name.to_owned());
        row.sort_name = Set(name.to_lowercase());
        row.country_code = Set(country.to_owned());
        row.update(&test_db.db).await.unwrap();
        reindex(&test_db.db, id).await.unwrap();
        members.push(Member {
            handle,
            id,
            viewer,
            word,
            country,
        });
    }
    let Ok(members) = <[Member; 3]>::try_from(members) else {
        panic!("three members");
    };
    (test_db, members)
}

/// Who blocks whom in each run of a test: Ana blocks Ben, then Ben blocks Ana.
pub fn both_ways<'a>(ana: &'a Member, ben: &'a Member) -> [(&'a Member, &'a Member); 2] {
    [(ana, ben), (ben, ana)]
}

/// One directory page for `viewer`, with or without the shared count cache.
pub async fn page(
    test_db: &TestDb,
    cache: Option<&DirectoryCache>,
    viewer: &Viewer,
    query: &MemberQuery,
) -> MemberPage {
    match cache {
        Some(cache) => cache.browse(&test_db.db, viewer, query).await,
        None => browse(&test_db.db, viewer, query).await,
    }
    .unwrap()
}

/// Every handle `viewer` finds for `query`, over all pages.
pub async fn handles_found(test_db: &TestDb, viewer: &Viewer, query: &MemberQuery) -> Vec<String> {
    let mut query = query.clone();
    let mut found = Vec::new();
    loop {
        let page = page(test_db, None, viewer, &query).await;
        found.extend(page.members.into_iter().map(|card| card.handle));
        match page.next {
            Some(next) => query.after = next,
            None => return found,
        }
    }
}

/// The directory search for `words`.
pub fn search(words: &str) -> MemberQuery {
    MemberQuery {
        q: words.to_owned(),
        ..MemberQuery::default()
    }
}

/// Member `id`'s tag values of `kind`.
pub async fn tags(test_db: &TestDb, id: i32, kind: &str) -> Vec<String> {
    member_tag::Entity::find()
        .filter(member_tag::Column::MemberId.eq(id))
        .filter(member_tag::Column::Kind.eq(kind))
        .all(&test_db.db)
        .await
        .unwrap()
        .into_iter()
        .map(|tag| tag.value)
        .collect()
}
