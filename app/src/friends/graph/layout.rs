//! The network picture's force layout: pure and deterministic, so every browser
//! (and the tests) places the same graph the same way. Nodes start on rings by
//! [`Ring`] — you in the middle, friends around you, friends of friends outside,
//! each near the friends they came through — and then a fixed number of steps
//! moves them: every pair pushes apart, friendships pull together like springs,
//! everyone is drawn gently to the centre and to their own ring, and the steps
//! shrink as the layout cools. Each step is O(n²), fine for the ~450 nodes the
//! server sends.

use std::f64::consts::TAU;

use iey_dto::Ring;

/// How many steps the layout takes, whether it is animated or not.
pub const STEPS: u32 = 300;
/// The length a friendship's spring prefers, in picture units.
pub const EDGE_LENGTH: f64 = 60.0;

/// Closer than this, two centres count as this far apart (no division by zero).
const MIN_DISTANCE: f64 = 2.0;
/// Nodes farther apart than this do not push each other.
const REACH: f64 = EDGE_LENGTH * 4.0;
/// How hard a friendship pulls, per unit of length off [`EDGE_LENGTH`].
const SPRING: f64 = 1.0;
/// How hard every node is drawn to the centre, per unit of distance.
const GRAVITY: f64 = 0.01;
/// How hard a node is drawn back to its ring, per unit of distance off it.
const RING_PULL: f64 = 0.12;
/// The longest move a node makes in the first step.
const START_TEMPERATURE: f64 = EDGE_LENGTH * 1.5;
/// The longest move a node makes in the last step.
const END_TEMPERATURE: f64 = EDGE_LENGTH * 0.01;

/// A position in picture units: the SVG's user space, where y grows downwards.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Rightwards.
    pub x: f64,
    /// Downwards.
    pub y: f64,
}

impl Point {
    /// The point at `x`, `y`.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The point `radius` from the origin in the direction `angle` (radians).
    fn polar(radius: f64, angle: f64) -> Self {
        Self::new(radius * angle.cos(), radius * angle.sin())
    }

    /// How far the point is from the origin.
    pub fn length(self) -> f64 {
        // Not `hypot`: this runs ~10⁷ times a layout, and hypot's care for
        // overflow costs several times as much.
        (self.x * self.x + self.y * self.y).sqrt()
    }

    /// The vector from `other` to `self`.
    pub fn minus(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }

    fn plus(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }

    fn times(self, factor: f64) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }
}

/// A layout in progress: the positions so far and what moves them.
#[derive(Debug, Clone)]
pub struct Layout {
    points: Vec<Point>,
    /// The distance from the centre each node's ring prefers (0 for you).
    radii: Vec<f64>,
    /// Nodes that never move: you, in the middle.
    pinned: Vec<bool>,
    /// How many friendships each node has (not counting the one with you).
    degrees: Vec<u32>,
    /// Friendships as index pairs, each once, both ends in range.
    edges: Vec<(usize, usize)>,
    /// Steps taken so far.
    taken: u32,
    /// The force on each node in the current step (kept to reuse the memory).
    forces: Vec<Point>,
}

impl Layout {
    /// Seeds a layout for nodes in `rings` (index order) joined by `edges`;
    /// edges that point outside the nodes or join a node to itself are ignored,
    /// and an edge given twice counts once.
    pub fn new(rings: &[Ring], edges: &[(u32, u32)]) -> Self {
        let count = rings.len();
        let mut edges: Vec<(usize, usize)> = edges
            .iter()
            .map(|&(a, b)| (a.min(b) as usize, a.max(b) as usize))
            .filter(|&(a, b)| a != b && b < count)
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let friends = rings.iter().filter(|ring| **ring == Ring::Friend).count();
        let others = rings
            .iter()
            .filter(|ring| **ring == Ring::FriendOfFriend)
            .count();
        let friend_radius = EDGE_LENGTH * (1.5 + 0.6 * (friends as f64).sqrt());
        let other_radius = friend_radius + EDGE_LENGTH * (1.5 + 0.5 * (others as f64).sqrt());
        let radii: Vec<f64> = rings
            .iter()
            .map(|ring| match ring {
                Ring::You => 0.0,
                Ring::Friend => friend_radius,
                Ring::FriendOfFriend => other_radius,
            })
            .collect();
        let first_you = rings.iter().position(|ring| *ring == Ring::You);
        let pinned = (0..count).map(|index| Some(index) == first_you).collect();
        let points = seed(rings, &edges, &radii, friends, others);
        let mut degrees = vec![0_u32; count];
        for &(first, second) in &edges {
            if Some(first) != first_you && Some(second) != first_you {
                degrees[first] += 1;
                degrees[second] += 1;
            }
        }
        Self {
            points,
            radii,
            pinned,
            degrees,
            edges,
            taken: 0,
            forces: vec![Point::default(); count],
        }
    }

    /// The positions so far, in node order.
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// Whether all [`STEPS`] have been taken.
    pub fn is_settled(&self) -> bool {
        self.taken >= STEPS
    }

    /// Takes up to `steps` more steps (never more than [`STEPS`] in all).
    pub fn advance(&mut self, steps: u32) {
        for _ in 0..steps {
            if self.is_settled() {
                return;
            }
            self.step();
        }
    }

    /// Takes every remaining step and returns the final positions. (The browser
    /// spreads the steps over frames with [`Layout::advance`] instead.)
    #[cfg(test)]
    pub fn settle(mut self) -> Vec<Point> {
        self.advance(STEPS);
        self.points
    }

    /// One step: add up the forces on every node, then move each node along its
    /// force, by no more than the current temperature.
    fn step(&mut self) {
        let progress = f64::from(self.taken) / f64::from(STEPS);
        let temperature = START_TEMPERATURE + (END_TEMPERATURE - START_TEMPERATURE) * progress;
        self.forces.fill(Point::default());
        self.repel();
        self.pull_along_edges();
        for (index, point) in self.points.iter().enumerate() {
            let mut force = point.times(-GRAVITY);
            let radius = point.length();
            if self.radii[index] > 0.0 && radius > MIN_DISTANCE {
                force = force.plus(point.times((self.radii[index] - radius) * RING_PULL / radius));
            }
            self.forces[index] = self.forces[index].plus(force);
        }
        for (index, point) in self.points.iter_mut().enumerate() {
            let force = self.forces[index];
            let size = force.length();
            if self.pinned[index] || size <= f64::EPSILON {
                continue;
            }
            *point = point.plus(force.times(size.min(temperature) / size));
        }
        self.taken += 1;
    }

    /// Every pair closer than [`REACH`] pushes apart, harder the closer they are;
    /// farther pairs leave each other alone, so the rings, not a crowd's push,
    /// decide the picture's size.
    fn repel(&mut self) {
        let strength = EDGE_LENGTH * EDGE_LENGTH;
        for first in 0..self.points.len() {
            for second in first + 1..self.points.len() {
                let mut apart = self.points[first].minus(self.points[second]);
                let mut distance = apart.length();
                if distance >= REACH {
                    continue;
                }
                if distance < MIN_DISTANCE {
                    // Two nodes (almost) on the same spot: part them in a direction
                    // their indices decide, so the result stays deterministic.
                    apart = Point::polar(MIN_DISTANCE, TAU * unit_noise(first * 7919 + second));
                    distance = MIN_DISTANCE;
                }
                let size = strength * (1.0 / distance - 1.0 / REACH);
                let push = apart.times(size / distance);
                self.forces[first] = self.forces[first].plus(push);
                self.forces[second] = self.forces[second].minus(push);
            }
        }
    }

    /// Friendships pull their ends towards [`EDGE_LENGTH`] apart like springs,
    /// softer at members with many friends so a busy friend does not drag
    /// everyone onto one spot.
    fn pull_along_edges(&mut self) {
        for &(first, second) in &self.edges {
            if self.pinned[first] || self.pinned[second] {
                // Every friend is joined to you; the rings already say so, and
                // hundreds of springs to the centre would crush the picture.
                continue;
            }
            let apart = self.points[first].minus(self.points[second]);
            let distance = apart.length().max(MIN_DISTANCE);
            let stiffness =
                SPRING / f64::from(self.degrees[first].min(self.degrees[second]).max(1));
            let pull = apart.times(stiffness * (distance - EDGE_LENGTH) / distance);
            self.forces[first] = self.forces[first].minus(pull);
            self.forces[second] = self.forces[second].plus(pull);
        }
    }
}

/// The starting positions: you at the centre; friends evenly round their ring
/// in node order; each friend of a friend on the outer ring at the mean angle
/// of the friends they are joined to. Small index-based noise keeps nodes that
/// would share a spot apart.
fn seed(
    rings: &[Ring],
    edges: &[(usize, usize)],
    radii: &[f64],
    friends: usize,
    others: usize,
) -> Vec<Point> {
    let mut angles = vec![0.0_f64; rings.len()];
    let mut friend_turn = 0.0;
    let mut other_turn = 0.0;
    for (index, ring) in rings.iter().enumerate() {
        angles[index] = match ring {
            Ring::You => 0.0,
            Ring::Friend => {
                friend_turn += 1.0;
                TAU * (friend_turn - 1.0 + 0.3 * unit_noise(index)) / friends as f64
            }
            Ring::FriendOfFriend => {
                other_turn += 1.0;
                TAU * (other_turn - 1.0) / others as f64
            }
        };
    }
    // Friends of friends turn towards the friends they came through.
    let mut towards = vec![Point::default(); rings.len()];
    for &(first, second) in edges {
        for (node, other) in [(first, second), (second, first)] {
            if rings[node] == Ring::FriendOfFriend && rings[other] == Ring::Friend {
                towards[node] = towards[node].plus(Point::polar(1.0, angles[other]));
            }
        }
    }
    rings
        .iter()
        .enumerate()
        .map(|(index, ring)| {
            let mut angle = angles[index];
            if *ring == Ring::FriendOfFriend && towards[index].length() > 1e-6 {
                angle = towards[index].y.atan2(towards[index].x) + 0.5 * (unit_noise(index) - 0.5);
            }
            let radius = radii[index] * (0.9 + 0.2 * unit_noise(index + rings.len()));
            Point::polar(radius, angle)
        })
        .collect()
}

/// A number in [0, 1) that depends only on `seed` (SplitMix64).
fn unit_noise(seed: usize) -> f64 {
    let mut z = (seed as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1_u64 << 53) as f64
}

#[cfg(test)]
mod tests;
