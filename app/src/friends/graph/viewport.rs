//! Which part of the picture is in view: the SVG's `viewBox`, how zooming and
//! panning change it, and how a spot on the screen maps into the picture. Pure,
//! so the tests can check the arithmetic the browser relies on.

use super::layout::{EDGE_LENGTH, Point};

/// The narrowest view (the most zoomed in), in picture units.
const MIN_WIDTH: f64 = 120.0;
/// The widest view (the most zoomed out), in picture units.
const MAX_WIDTH: f64 = 20_000.0;
/// The least a fitted view shows across, so a small network is not blown up.
const MIN_FIT: f64 = 480.0;
/// Room round the outermost members when fitting, for their circles and names.
const MARGIN: f64 = EDGE_LENGTH * 1.5;
/// The picture's width over its height until it has been measured.
const DEFAULT_ASPECT: f64 = 4.0 / 3.0;
/// The picture's width in CSS pixels until it has been measured.
const DEFAULT_PIXELS: f64 = 800.0;

/// A rectangle of the picture, in picture units: what the SVG shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, always positive.
    pub width: f64,
    /// Height, always positive.
    pub height: f64,
}

impl ViewBox {
    /// The view that shows every one of `points` with room round them, shaped
    /// like a picture of `pixels` (width, height) on screen.
    pub fn fit(points: &[Point], pixels: (f64, f64)) -> Self {
        let (mut left, mut top) = (f64::INFINITY, f64::INFINITY);
        let (mut right, mut bottom) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for point in points {
            left = left.min(point.x);
            right = right.max(point.x);
            top = top.min(point.y);
            bottom = bottom.max(point.y);
        }
        if points.is_empty() {
            (left, top, right, bottom) = (0.0, 0.0, 0.0, 0.0);
        }
        let aspect = aspect(pixels);
        // A tenth more than the members span, and a margin, for long names.
        let mut width = ((right - left) * 1.1 + 2.0 * MARGIN).max(MIN_FIT);
        let mut height = ((bottom - top) * 1.1 + 2.0 * MARGIN).max(MIN_FIT / aspect);
        if width / height < aspect {
            width = height * aspect;
        } else {
            height = width / aspect;
        }
        let centre = Point::new((left + right) / 2.0, (top + bottom) / 2.0);
        Self {
            x: centre.x - width / 2.0,
            y: centre.y - height / 2.0,
            width,
            height,
        }
    }

    /// The value of the SVG's `viewBox` attribute.
    pub fn attribute(&self) -> String {
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.x, self.y, self.width, self.height
        )
    }

    /// The middle of the view.
    pub fn centre(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// The view zoomed in by `factor` (below 1 zooms out), keeping `anchor`
    /// where it is on screen, within the narrowest and widest views.
    pub fn zoom(self, factor: f64, anchor: Point) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let width = (self.width / factor).clamp(MIN_WIDTH, MAX_WIDTH);
        let scale = width / self.width;
        Self {
            x: anchor.x - (anchor.x - self.x) * scale,
            y: anchor.y - (anchor.y - self.y) * scale,
            width,
            height: self.height * scale,
        }
    }

    /// The view moved by a fraction of its own size: `(0.2, 0.0)` shows what is
    /// a fifth of a view to the right.
    pub fn pan(self, across: f64, down: f64) -> Self {
        Self {
            x: self.x + across * self.width,
            y: self.y + down * self.height,
            ..self
        }
    }

    /// The view moved by `by` picture units.
    pub fn shift(self, by: Point) -> Self {
        Self {
            x: self.x + by.x,
            y: self.y + by.y,
            ..self
        }
    }

    /// The same-sized view with `point` in the middle.
    pub fn centred_on(self, point: Point) -> Self {
        Self {
            x: point.x - self.width / 2.0,
            y: point.y - self.height / 2.0,
            ..self
        }
    }

    /// Whether `point` is in view, at least a tenth of the view from the edges.
    pub fn shows(&self, point: Point) -> bool {
        let (inset_x, inset_y) = (self.width / 10.0, self.height / 10.0);
        point.x >= self.x + inset_x
            && point.x <= self.x + self.width - inset_x
            && point.y >= self.y + inset_y
            && point.y <= self.y + self.height - inset_y
    }

    /// How many picture units one CSS pixel covers when the view is drawn into
    /// `pixels` (the SVG scales the view to fit and centres it).
    pub fn units_per_pixel(&self, pixels: (f64, f64)) -> f64 {
        match measured(pixels) {
            Some((width, height)) => (self.width / width).max(self.height / height),
            None => self.width / DEFAULT_PIXELS,
        }
    }

    /// The picture point under `offset`, in CSS pixels from the top left of a
    /// picture `pixels` in size.
    pub fn at(&self, offset: (f64, f64), pixels: (f64, f64)) -> Point {
        let Some((width, height)) = measured(pixels) else {
            return self.centre();
        };
        let units = self.units_per_pixel(pixels);
        // The view is centred; the spare room on the longer side is split.
        let left = self.x - (width * units - self.width) / 2.0;
        let top = self.y - (height * units - self.height) / 2.0;
        Point::new(left + offset.0 * units, top + offset.1 * units)
    }
}

/// Width over height of `pixels`, or the usual shape before it is measured.
fn aspect(pixels: (f64, f64)) -> f64 {
    measured(pixels).map_or(DEFAULT_ASPECT, |(width, height)| width / height)
}

/// `pixels` if it is a real size (the picture has been measured).
fn measured(pixels: (f64, f64)) -> Option<(f64, f64)> {
    (pixels.0 > 1.0 && pixels.1 > 1.0 && pixels.0.is_finite() && pixels.1.is_finite())
        .then_some(pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(first: f64, second: f64) -> bool {
        (first - second).abs() < 1e-6
    }

    #[test]
    fn fitting_shows_every_point_shaped_like_the_picture() {
        let points = [Point::new(-500.0, -100.0), Point::new(700.0, 300.0)];
        let view = ViewBox::fit(&points, (900.0, 600.0));
        assert!(
            points
                .iter()
                .all(|point| view.x < point.x && point.x < view.x + view.width)
        );
        assert!(
            points
                .iter()
                .all(|point| view.y < point.y && point.y < view.y + view.height)
        );
        assert!(close(view.width / view.height, 1.5));
        assert!(close(view.centre().x, 100.0) && close(view.centre().y, 100.0));
    }

    #[test]
    fn a_small_network_is_not_blown_up() {
        let view = ViewBox::fit(&[Point::new(0.0, 0.0), Point::new(60.0, 0.0)], (0.0, 0.0));
        assert!(view.width >= MIN_FIT && view.height >= MIN_FIT / DEFAULT_ASPECT - 1e-9);
        assert!(ViewBox::fit(&[], (400.0, 400.0)).width >= MIN_FIT);
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place_within_limits() {
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 1000.0,
            height: 500.0,
        };
        let anchor = Point::new(250.0, 100.0);
        let zoomed = view.zoom(2.0, anchor);
        assert!(close(zoomed.width, 500.0) && close(zoomed.height, 250.0));
        // The anchor is as far across (and down) the zoomed view as before.
        assert!(close((anchor.x - zoomed.x) / zoomed.width, 0.25));
        assert!(close((anchor.y - zoomed.y) / zoomed.height, 0.2));
        assert!(close(view.zoom(1000.0, anchor).width, MIN_WIDTH));
        assert!(close(view.zoom(0.0001, anchor).width, MAX_WIDTH));
        assert_eq!(view.zoom(f64::NAN, anchor), view);
        let back = zoomed.zoom(0.5, anchor);
        assert!(close(back.x, 0.0) && close(back.width, 1000.0));
    }

    #[test]
    fn panning_and_centring_move_without_resizing() {
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 400.0,
            height: 300.0,
        };
        let panned = view.pan(0.25, -0.5);
        assert!(close(panned.x, 100.0) && close(panned.y, -150.0));
        assert!(close(panned.width, 400.0) && close(panned.height, 300.0));
        let moved = view.shift(Point::new(-10.0, 5.0));
        assert!(close(moved.x, -10.0) && close(moved.y, 5.0));
        let centred = view.centred_on(Point::new(1000.0, 1000.0));
        assert_eq!(centred.centre(), Point::new(1000.0, 1000.0));
        assert!(centred.shows(Point::new(1000.0, 1000.0)));
        assert!(!view.shows(Point::new(1000.0, 1000.0)));
        assert!(!view.shows(Point::new(5.0, 150.0)), "too near the edge");
    }

    #[test]
    fn screen_points_map_into_a_centred_view() {
        // A square view in a wide picture: 1 unit a pixel, 100 spare pixels a side.
        let view = ViewBox {
            x: -200.0,
            y: -200.0,
            width: 400.0,
            height: 400.0,
        };
        let pixels = (600.0, 400.0);
        assert!(close(view.units_per_pixel(pixels), 1.0));
        assert_eq!(view.at((300.0, 200.0), pixels), Point::new(0.0, 0.0));
        assert_eq!(view.at((100.0, 0.0), pixels), Point::new(-200.0, -200.0));
        assert_eq!(view.at((0.0, 0.0), pixels), Point::new(-300.0, -200.0));
        // Unmeasured, the middle of the view stands in.
        assert_eq!(view.at((10.0, 10.0), (0.0, 0.0)), view.centre());
        assert!(close(
            view.units_per_pixel((0.0, 0.0)),
            400.0 / DEFAULT_PIXELS
        ));
    }
}
