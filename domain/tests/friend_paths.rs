//! How you're connected: shortest friend chains on small hand-built graphs,
//! including none within four hops and chains that would cross a blocked,
//! unverified or hidden member. Runs on SQLite, and on PostgreSQL with
//! `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "friend_paths/support.rs"]
mod support;

use iey_domain::blocks::block;
use iey_domain::friends::connection;
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Viewer};
use support::{Member, chain, community, link, set_visibility, unverify};

/// The chain from `from` to `to` as member indices.
async fn path(test_db: &TestDb, members: &[Member], from: usize, to: usize) -> Vec<usize> {
    connection(&test_db.db, &members[from].viewer(), &members[to].handle)
        .await
        .unwrap()
        .into_iter()
        .map(|summary| {
            members
                .iter()
                .position(|m| m.handle == summary.handle)
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn a_friend_is_two_members_away_and_longer_chains_up_to_four_hops() {
    let (test_db, members) = community(7).await;
    chain(&test_db, &members, &[0, 1, 2, 3, 4, 5]).await;
    assert_eq!(path(&test_db, &members, 0, 1).await, [0, 1]);
    assert_eq!(path(&test_db, &members, 0, 2).await, [0, 1, 2]);
    assert_eq!(path(&test_db, &members, 0, 3).await, [0, 1, 2, 3]);
    assert_eq!(path(&test_db, &members, 0, 4).await, [0, 1, 2, 3, 4]);
    assert_eq!(path(&test_db, &members, 4, 0).await, [4, 3, 2, 1, 0]);
    assert!(
        path(&test_db, &members, 0, 5).await.is_empty(),
        "five hops is too far"
    );
    assert!(path(&test_db, &members, 0, 6).await.is_empty(), "no path");
    assert!(
        path(&test_db, &members, 6, 0).await.is_empty(),
        "no friends"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn no_path_for_oneself_or_a_visitor() {
    let (test_db, members) = community(3).await;
    chain(&test_db, &members, &[0, 1, 2]).await;
    assert!(path(&test_db, &members, 0, 0).await.is_empty());
    let visitor = connection(&test_db.db, &Viewer::Visitor, &members[2].handle).await;
    assert_eq!(visitor, Ok(Vec::new()));
    let nobody = connection(&test_db.db, &members[0].viewer(), "no-such-member").await;
    assert_eq!(nobody, Err(AppError::NotFound));
    test_db.remove().await;
}

#[tokio::test]
async fn the_shortest_chain_wins_and_ties_go_to_the_lowest_ids() {
    let (test_db, members) = community(9).await;
    // 0–5–8 is shortest; 0–1–2–8 and 0–3–4–8 are longer.
    chain(&test_db, &members, &[0, 1, 2, 8]).await;
    chain(&test_db, &members, &[0, 3, 4, 8]).await;
    assert_eq!(path(&test_db, &members, 0, 8).await, [0, 1, 2, 8]);
    chain(&test_db, &members, &[0, 5, 8]).await;
    assert_eq!(path(&test_db, &members, 0, 8).await, [0, 5, 8]);
    // Two routes of two hops: the one through the lower id.
    link(&test_db, &members, &[(0, 7), (7, 6)]).await;
    link(&test_db, &members, &[(0, 4), (4, 6)]).await;
    assert_eq!(path(&test_db, &members, 0, 6).await, [0, 4, 6]);
    assert_eq!(path(&test_db, &members, 6, 0).await, [6, 4, 0]);
    test_db.remove().await;
}

#[tokio::test]
async fn a_chain_goes_around_a_member_blocked_either_way() {
    let (test_db, members) = community(8).await;
    chain(&test_db, &members, &[0, 1, 2, 3]).await;
    chain(&test_db, &members, &[0, 4, 5, 6, 3]).await;
    assert_eq!(path(&test_db, &members, 0, 3).await, [0, 1, 2, 3]);
    // Member 2 blocks the viewer: the viewer's chains go the long way round.
    block(&test_db.db, &members[2].viewer(), &members[0].handle)
        .await
        .unwrap();
    assert_eq!(path(&test_db, &members, 0, 3).await, [0, 4, 5, 6, 3]);
    // The viewer blocks member 5 too: nothing is left.
    block(&test_db.db, &members[0].viewer(), &members[5].handle)
        .await
        .unwrap();
    assert!(path(&test_db, &members, 0, 3).await.is_empty());
    // Others still go through both.
    assert_eq!(path(&test_db, &members, 1, 3).await, [1, 2, 3]);
    assert_eq!(path(&test_db, &members, 4, 6).await, [4, 5, 6]);
    test_db.remove().await;
}

#[tokio::test]
async fn a_blocked_member_has_no_path_to_show() {
    let (test_db, members) = community(3).await;
    chain(&test_db, &members, &[0, 1, 2]).await;
    block(&test_db.db, &members[2].viewer(), &members[0].handle)
        .await
        .unwrap();
    for (from, to) in [(0, 2), (2, 0)] {
        let seen = connection(&test_db.db, &members[from].viewer(), &members[to].handle).await;
        assert_eq!(seen, Err(AppError::NotFound), "{from} to {to}");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn a_chain_never_crosses_a_hidden_member() {
    let (test_db, members) = community(8).await;
    chain(&test_db, &members, &[0, 1, 2, 3]).await;
    chain(&test_db, &members, &[0, 4, 5, 6, 3]).await;
    // Friends-only and not the viewer's friend: hidden, so not crossed.
    set_visibility(&test_db, &members[2], "friends").await;
    assert_eq!(path(&test_db, &members, 0, 3).await, [0, 4, 5, 6, 3]);
    // Unconfirmed members are hidden from everyone.
    unverify(&test_db, &members[5]).await;
    assert!(path(&test_db, &members, 0, 3).await.is_empty());
    // A friends-only friend of the viewer is theirs to see and to go through.
    set_visibility(&test_db, &members[1], "friends").await;
    link(&test_db, &members, &[(1, 7)]).await;
    assert_eq!(path(&test_db, &members, 0, 7).await, [0, 1, 7]);
    // Member 7 may not see friends-only member 2, so has no way to 3.
    assert_eq!(path(&test_db, &members, 2, 0).await, [2, 1, 0]);
    assert!(path(&test_db, &members, 7, 3).await.is_empty());
    test_db.remove().await;
}

#[tokio::test]
async fn a_hidden_member_is_not_found() {
    let (test_db, members) = community(3).await;
    chain(&test_db, &members, &[0, 1, 2]).await;
    set_visibility(&test_db, &members[2], "friends").await;
    let seen = connection(&test_db.db, &members[0].viewer(), &members[2].handle).await;
    assert_eq!(seen, Err(AppError::NotFound));
    assert_eq!(
        path(&test_db, &members, 1, 2).await,
        [1, 2],
        "a friend sees them"
    );
    test_db.remove().await;
}
