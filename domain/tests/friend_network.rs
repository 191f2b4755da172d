//! The picture of a member's network: rings, edges, sectors, caps, and that
//! blocked and hidden members never appear. Runs on SQLite, and on PostgreSQL
//! with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "friend_paths/support.rs"]
mod support;

use std::collections::{BTreeSet, HashMap};

use iey_domain::blocks::block;
use iey_domain::friends::{FRIEND_CAP, FRIEND_OF_FRIEND_CAP, network};
use iey_domain::{AppError, Viewer};
use iey_dto::{FriendGraph, Ring, Sector};
use iey_entity::member_tag;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::{Member, community, link, set_visibility, unverify};

/// Each node's member index and ring, in node order.
fn rings(graph: &FriendGraph, members: &[Member]) -> Vec<(usize, Ring)> {
    graph
        .nodes
        .iter()
        .map(|node| {
            let index = members
                .iter()
                .position(|m| m.handle == node.member.handle)
                .unwrap();
            (index, node.ring)
        })
        .collect()
}

/// The edges as pairs of member indices (smaller first).
fn edges(graph: &FriendGraph, members: &[Member]) -> BTreeSet<(usize, usize)> {
    let index = rings(graph, members);
    graph
        .edges
        .iter()
        .map(|&(a, b)| {
            let (x, y) = (index[a as usize].0, index[b as usize].0);
            (x.min(y), x.max(y))
        })
        .collect()
}

#[tokio::test]
async fn the_network_has_you_friends_and_friends_of_friends_with_their_friendships() {
    let (test_db, members) = community(7).await;
    let pairs = [
        (0, 1),
        (0, 2),
        (1, 2),
        (1, 3),
        (2, 3),
        (2, 4),
        (3, 4),
        (4, 5),
    ];
    link(&test_db, &members, &pairs).await;
    let graph = network(&test_db.db, &members[0].viewer()).await.unwrap();

    let nodes = rings(&graph, &members);
    assert_eq!(nodes[0], (0, Ring::You), "the viewer comes first");
    let ring_of: HashMap<usize, Ring> = nodes.iter().copied().collect();
    let expected = HashMap::from([
        (0, Ring::You),
        (1, Ring::Friend),
        (2, Ring::Friend),
        (3, Ring::FriendOfFriend),
        (4, Ring::FriendOfFriend),
    ]);
    assert_eq!(ring_of, expected, "5 is three hops away, 6 knows nobody");
    assert!(
        nodes.windows(2).all(|w| ring(w[0].1) <= ring(w[1].1)),
        "rings in order: {nodes:?}"
    );
    assert!(graph.edges.iter().all(|(a, b)| a < b));
    assert!(
        graph.edges.windows(2).all(|w| w[0] < w[1]),
        "sorted, once each"
    );
    let drawn = edges(&graph, &members);
    let wanted: BTreeSet<(usize, usize)> = pairs[..7].iter().copied().collect();
    assert_eq!(drawn, wanted);
    assert_eq!(graph.left_out, 0);
    test_db.remove().await;
}

fn ring(ring: Ring) -> u8 {
    match ring {
        Ring::You => 0,
        Ring::Friend => 1,
        Ring::FriendOfFriend => 2,
    }
}

#[tokio::test]
async fn each_node_is_coloured_by_its_first_sector() {
    let (test_db, members) = community(4).await;
    link(&test_db, &members, &[(0, 1), (1, 2), (2, 3)]).await;
    let graph = network(&test_db.db, &members[0].viewer()).await.unwrap();
    assert_eq!(graph.nodes.len(), 3);
    for node in &graph.nodes {
        let member = members
            .iter()
            .find(|m| m.handle == node.member.handle)
            .unwrap();
        let first = member_tag::Entity::find()
            .filter(member_tag::Column::MemberId.eq(member.id))
            .filter(member_tag::Column::Kind.eq("sector"))
            .all(&test_db.db)
            .await
            .unwrap()
            .into_iter()
            .map(|tag| tag.value)
            .min();
        assert_eq!(node.sector, first.as_deref().and_then(Sector::from_code));
        assert!(node.sector.is_some(), "every demo member has a sector");
    }
    test_db.remove().await;
}

#[tokio::test]
async fn blocked_and_hidden_members_never_appear() {
    let (test_db, members) = community(9).await;
    let pairs = [
        (0, 1),
        (0, 2),
        (0, 3),
        (1, 4),
        (1, 5),
        (2, 6),
        (2, 7),
        (4, 8),
        (5, 8),
    ];
    link(&test_db, &members, &pairs).await;
    // Friend 3 is friends-only: the viewer's friend, so shown.
    set_visibility(&test_db, &members[3], "friends").await;
    // Friend of a friend 5 is friends-only and 6 unconfirmed: hidden.
    set_visibility(&test_db, &members[5], "friends").await;
    unverify(&test_db, &members[6]).await;
    // Friend 2 blocks the viewer (ending their friendship); 4 is blocked by them.
    block(&test_db.db, &members[2].viewer(), &members[0].handle)
        .await
        .unwrap();
    block(&test_db.db, &members[0].viewer(), &members[4].handle)
        .await
        .unwrap();
    let graph = network(&test_db.db, &members[0].viewer()).await.unwrap();
    let shown: BTreeSet<usize> = rings(&graph, &members).iter().map(|n| n.0).collect();
    assert_eq!(shown, BTreeSet::from([0, 1, 3]));
    assert_eq!(edges(&graph, &members), BTreeSet::from([(0, 1), (0, 3)]));
    // Member 5's own picture: they see 1 and through 1 the viewer; 4 and 8 too.
    let theirs = network(&test_db.db, &members[5].viewer()).await.unwrap();
    let shown: BTreeSet<usize> = rings(&theirs, &members).iter().map(|n| n.0).collect();
    assert_eq!(shown, BTreeSet::from([5, 1, 8, 0, 4]));
    // The blocked member's picture has no trace of the viewer (nor of 5, who
    // shows their profile to friends only).
    let blocked = network(&test_db.db, &members[4].viewer()).await.unwrap();
    let shown: BTreeSet<usize> = rings(&blocked, &members).iter().map(|n| n.0).collect();
    assert_eq!(shown, BTreeSet::from([4, 1, 8]));
    test_db.remove().await;
}

#[tokio::test]
async fn a_visitor_has_no_network() {
    let (test_db, _) = community(1).await;
    assert_eq!(
        network(&test_db.db, &Viewer::Visitor).await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn big_networks_keep_the_best_connected_and_count_the_rest() {
    let size = FRIEND_CAP + FRIEND_OF_FRIEND_CAP + 20;
    let (test_db, members) = community(size).await;
    // The viewer (0) has FRIEND_CAP + 5 friends; friends 1..=5 know each other.
    let friends = 1..=FRIEND_CAP + 5;
    let mut pairs: Vec<(usize, usize)> = friends.clone().map(|f| (0, f)).collect();
    for a in 1..=5 {
        pairs.extend((a + 1..=5).map(|b| (a, b)));
    }
    // Everyone else is a friend of friend 1; the first ten also of friend 2.
    let second: Vec<usize> = (FRIEND_CAP + 6..size).collect();
    pairs.extend(second.iter().map(|&s| (1, s)));
    pairs.extend(second[..10].iter().map(|&s| (2, s)));
    link(&test_db, &members, &pairs).await;

    let graph = network(&test_db.db, &members[0].viewer()).await.unwrap();
    let nodes = rings(&graph, &members);
    let friends_shown: BTreeSet<usize> = nodes
        .iter()
        .filter(|n| n.1 == Ring::Friend)
        .map(|n| n.0)
        .collect();
    assert_eq!(friends_shown.len(), FRIEND_CAP);
    assert!(
        (1..=5).all(|f| friends_shown.contains(&f)),
        "most mutual kept"
    );
    assert!(
        !friends_shown.contains(&(FRIEND_CAP + 5)),
        "ties keep lower ids"
    );
    let second_shown: BTreeSet<usize> = nodes
        .iter()
        .filter(|n| n.1 == Ring::FriendOfFriend)
        .map(|n| n.0)
        .collect();
    assert_eq!(second_shown.len(), FRIEND_OF_FRIEND_CAP);
    assert!(second[..10].iter().all(|s| second_shown.contains(s)));
    let dropped_second = second.len() - FRIEND_OF_FRIEND_CAP;
    assert_eq!(graph.left_out as usize, 5 + dropped_second);
    assert!(
        graph
            .edges
            .iter()
            .all(|&(a, b)| (b as usize) < nodes.len() && a < b)
    );
    test_db.remove().await;
}
