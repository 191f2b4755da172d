//! The layout is deterministic, keeps you in the middle and your friends nearer
//! than their friends, parts every pair, and ends the same animated or not.

use super::*;

/// A network with `friends` friends and `others` friends of friends, each of
/// those joined to one to three friends, and `links` friendships among friends;
/// which ones is decided by `unit_noise`, so every run builds the same graph.
fn network(friends: usize, others: usize, links: usize) -> (Vec<Ring>, Vec<(u32, u32)>) {
    let mut rings = vec![Ring::You];
    rings.extend(std::iter::repeat_n(Ring::Friend, friends));
    rings.extend(std::iter::repeat_n(Ring::FriendOfFriend, others));
    let pick = |seed: usize, count: usize| (unit_noise(seed) * count as f64) as usize;
    let mut edges: Vec<(u32, u32)> = (1..=friends).map(|friend| (0, friend as u32)).collect();
    let mut seed = 1000;
    for other in 0..others {
        for _ in 0..=pick(seed, 3) {
            seed += 1;
            let friend = 1 + pick(seed, friends);
            edges.push((friend as u32, (friends + 1 + other) as u32));
        }
        seed += 1;
    }
    for _ in 0..links {
        let (first, second) = (1 + pick(seed, friends), 1 + pick(seed + 1, friends));
        seed += 2;
        if first != second {
            edges.push((first.min(second) as u32, first.max(second) as u32));
        }
    }
    edges.sort_unstable();
    edges.dedup();
    (rings, edges)
}

fn distance(points: &[Point], first: usize, second: usize) -> f64 {
    points[first].minus(points[second]).length()
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0_u32), |(sum, count), value| (sum + value, count + 1));
    sum / f64::from(count.max(1))
}

#[test]
fn nothing_to_lay_out() {
    assert!(Layout::new(&[], &[]).settle().is_empty());
    assert_eq!(
        Layout::new(&[Ring::You], &[]).settle(),
        vec![Point::new(0.0, 0.0)]
    );
}

#[test]
fn the_same_graph_is_laid_out_the_same_way() {
    let (rings, edges) = network(12, 30, 10);
    let first = Layout::new(&rings, &edges).settle();
    let second = Layout::new(&rings, &edges).settle();
    assert_eq!(first, second);
    assert_ne!(
        first,
        Layout::new(&rings, &edges).points(),
        "the layout moved nothing"
    );
}

#[test]
fn animated_and_instant_end_in_the_same_place() {
    let (rings, edges) = network(8, 12, 4);
    let mut animated = Layout::new(&rings, &edges);
    let mut frames = 0;
    while !animated.is_settled() {
        animated.advance(7);
        frames += 1;
    }
    assert_eq!(frames, STEPS.div_ceil(7));
    animated.advance(50);
    assert_eq!(animated.points(), Layout::new(&rings, &edges).settle());
}

#[test]
fn you_stay_in_the_middle_and_every_position_is_finite() {
    let (rings, edges) = network(30, 60, 40);
    let points = Layout::new(&rings, &edges).settle();
    assert_eq!(points[0], Point::new(0.0, 0.0));
    assert!(
        points
            .iter()
            .all(|point| point.x.is_finite() && point.y.is_finite())
    );
}

#[test]
fn friends_are_nearer_you_than_friends_of_friends() {
    let (rings, edges) = network(20, 40, 15);
    let points = Layout::new(&rings, &edges).settle();
    let ring_mean = |wanted: Ring| {
        mean(
            (0..rings.len())
                .filter(|&i| rings[i] == wanted)
                .map(|i| points[i].length()),
        )
    };
    assert!(ring_mean(Ring::Friend) + EDGE_LENGTH * 0.5 < ring_mean(Ring::FriendOfFriend));
}

#[test]
fn friends_of_friends_sit_near_the_friends_they_came_through() {
    let (rings, edges) = network(20, 40, 0);
    let points = Layout::new(&rings, &edges).settle();
    let friends: Vec<usize> = (0..rings.len())
        .filter(|&i| rings[i] == Ring::Friend)
        .collect();
    let joined = mean(
        edges
            .iter()
            .filter(|(first, _)| *first != 0)
            .map(|&(first, second)| distance(&points, first as usize, second as usize)),
    );
    let anyone = mean((21..rings.len()).flat_map(|other| {
        let points = &points;
        friends
            .iter()
            .map(move |&friend| distance(points, friend, other))
    }));
    assert!(
        joined * 2.0 < anyone,
        "joined {joined:.0}, anyone {anyone:.0}"
    );
}

#[test]
fn no_two_members_sit_on_top_of_each_other() {
    for (friends, others, links) in [
        (1, 0, 0),
        (2, 1, 1),
        (6, 6, 3),
        (40, 80, 60),
        (300, 150, 1500),
    ] {
        let (rings, edges) = network(friends, others, links);
        let points = Layout::new(&rings, &edges).settle();
        let closest = (0..points.len())
            .flat_map(|first| (first + 1..points.len()).map(move |second| (first, second)))
            .map(|(first, second)| distance(&points, first, second))
            .fold(f64::INFINITY, f64::min);
        assert!(
            closest > EDGE_LENGTH * 0.4,
            "{friends} friends: closest pair {closest:.1} apart"
        );
    }
}

#[test]
fn members_on_the_same_spot_are_parted() {
    // Two friends of friends joined to no one start wherever their index puts
    // them; even seeded onto one spot by equal noise, the push parts them.
    let rings = [
        Ring::You,
        Ring::Friend,
        Ring::FriendOfFriend,
        Ring::FriendOfFriend,
    ];
    let points = Layout::new(&rings, &[(0, 1), (1, 2), (1, 3)]).settle();
    assert!(distance(&points, 2, 3) > EDGE_LENGTH * 0.4);
}

#[test]
fn edges_outside_the_graph_or_to_oneself_are_ignored() {
    let rings = [Ring::You, Ring::Friend, Ring::Friend];
    let clean = Layout::new(&rings, &[(0, 1), (0, 2), (1, 2)]).settle();
    let messy = Layout::new(
        &rings,
        &[(0, 1), (2, 0), (1, 2), (2, 1), (1, 1), (0, 9), (7, 8)],
    );
    assert_eq!(messy.settle(), clean);
}
