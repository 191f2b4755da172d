//! Moving the keyboard focus through the picture with the arrow keys: from a
//! member to the nearest one in that direction on screen.

use super::layout::Point;

/// A direction an arrow key points in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the top of the picture.
    Up,
    /// Towards the bottom.
    Down,
    /// Towards the left.
    Left,
    /// Towards the right.
    Right,
}

impl Direction {
    /// The direction of an arrow key, by its `KeyboardEvent.key` name.
    pub fn of_key(key: &str) -> Option<Self> {
        match key {
            "ArrowUp" | "Up" => Some(Self::Up),
            "ArrowDown" | "Down" => Some(Self::Down),
            "ArrowLeft" | "Left" => Some(Self::Left),
            "ArrowRight" | "Right" => Some(Self::Right),
            _ => None,
        }
    }

    /// How far `offset` goes this way, and how far it strays sideways.
    fn split(self, offset: Point) -> (f64, f64) {
        match self {
            Self::Up => (-offset.y, offset.x.abs()),
            Self::Down => (offset.y, offset.x.abs()),
            Self::Left => (-offset.x, offset.y.abs()),
            Self::Right => (offset.x, offset.y.abs()),
        }
    }
}

/// How much straying sideways counts against a member, against going forward.
const SIDEWAYS_COST: f64 = 2.0;

/// The member to move to from `from` going `direction`: of those ahead of it
/// (y grows downwards), the one with the least distance ahead plus twice the
/// distance sideways; the lowest index wins a tie. `None` when no one is ahead.
pub fn nearest(points: &[Point], from: usize, direction: Direction) -> Option<usize> {
    let origin = *points.get(from)?;
    points
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != from)
        .filter_map(|(index, point)| {
            let (ahead, sideways) = direction.split(point.minus(origin));
            (ahead > 0.5).then_some((ahead + SIDEWAYS_COST * sideways, index))
        })
        .min_by(|first, second| first.0.total_cmp(&second.0).then(first.1.cmp(&second.1)))
        .map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plus sign round the middle, with one more member far to the right
    /// and one up and slightly right.
    fn plus() -> Vec<Point> {
        vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, -100.0),
            Point::new(0.0, 100.0),
            Point::new(-100.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(400.0, 0.0),
            Point::new(30.0, -60.0),
        ]
    }

    #[test]
    fn arrows_go_to_the_nearest_member_that_way() {
        let points = plus();
        assert_eq!(nearest(&points, 0, Direction::Down), Some(2));
        assert_eq!(nearest(&points, 0, Direction::Left), Some(3));
        // 100 straight ahead beats 30 ahead and 60 up.
        assert_eq!(nearest(&points, 0, Direction::Right), Some(4));
        assert_eq!(nearest(&points, 0, Direction::Up), Some(1));
        assert_eq!(nearest(&points, 4, Direction::Right), Some(5));
        // Up from the right arm: 60 up and 70 across beats 100 up and 100 across.
        assert_eq!(nearest(&points, 4, Direction::Up), Some(6));
        assert_eq!(nearest(&points, 3, Direction::Right), Some(0));
    }

    #[test]
    fn nothing_ahead_keeps_the_focus() {
        let points = plus();
        assert_eq!(nearest(&points, 5, Direction::Right), None);
        assert_eq!(nearest(&points, 2, Direction::Down), None);
        assert_eq!(nearest(&points, 99, Direction::Up), None);
        assert_eq!(nearest(&points[..1], 0, Direction::Up), None);
    }

    #[test]
    fn ties_go_to_the_first_member() {
        let points = [
            Point::new(0.0, 0.0),
            Point::new(50.0, 10.0),
            Point::new(50.0, -10.0),
        ];
        assert_eq!(nearest(&points, 0, Direction::Right), Some(1));
    }

    #[test]
    fn arrow_keys_are_recognised() {
        assert_eq!(Direction::of_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::of_key("Left"), Some(Direction::Left));
        assert_eq!(Direction::of_key("Enter"), None);
    }
}
