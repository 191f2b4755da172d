//! Zoom and pan for the network picture: which part of it is in view, changed by
//! the mouse wheel, by dragging the background, by the buttons above it and by
//! the + / − / 0 keys, all through the SVG's `viewBox`.

use leptos::ev;
use leptos::prelude::*;
use leptos::svg;

use super::layout::Point;
use super::viewport::ViewBox;

/// How much one press of a zoom button (or key) zooms.
const ZOOM_STEP: f64 = 1.4;
/// How far one press of a move button moves, as a share of the view.
const PAN_STEP: f64 = 0.2;
/// How much one pixel of wheel movement zooms (as an exponent).
const WHEEL_ZOOM: f64 = 0.002;

/// A background drag in progress: which pointer, and where it was last.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    pointer: i32,
    last: (f64, f64),
}

/// What the picture shows and how the member moves it. Copy, like a signal.
#[derive(Clone, Copy)]
pub struct Camera {
    /// The view the member chose; `None` follows the layout, fitting it all.
    chosen: RwSignal<Option<ViewBox>>,
    /// The view shown now.
    shown: Memo<ViewBox>,
    /// The picture's size on screen in CSS pixels; zero until measured.
    pixels: RwSignal<(f64, f64)>,
    drag: RwSignal<Option<Drag>>,
    /// Whether a drag is on: changes only when one starts or ends.
    dragging: Memo<bool>,
    svg: NodeRef<svg::Svg>,
}

impl Camera {
    /// A camera that fits `positions` until the member zooms or pans.
    pub fn new(positions: RwSignal<Vec<Point>>) -> Self {
        let chosen = RwSignal::new(None);
        let pixels = RwSignal::new((0.0, 0.0));
        let shown = Memo::new(move |_| {
            chosen.get().unwrap_or_else(|| {
                let pixels = pixels.get();
                positions.with(|points| ViewBox::fit(points, pixels))
            })
        });
        let drag = RwSignal::new(None::<Drag>);
        Self {
            chosen,
            shown,
            pixels,
            drag,
            dragging: Memo::new(move |_| drag.with(Option::is_some)),
            svg: NodeRef::new(),
        }
    }

    /// The picture's `<svg>` element, once it is on the page.
    pub fn svg(self) -> NodeRef<svg::Svg> {
        self.svg
    }

    /// The `viewBox` attribute for the view shown now (tracked).
    pub fn view_box(self) -> String {
        self.shown.get().attribute()
    }

    /// Picture units per CSS pixel now (tracked): members are drawn at this
    /// scale so they keep their size on screen whatever the zoom.
    pub fn units_per_pixel(self) -> f64 {
        self.shown.get().units_per_pixel(self.pixels.get())
    }

    /// Whether the member is dragging the picture (tracked).
    pub fn is_dragging(self) -> bool {
        self.dragging.get()
    }

    /// Reads the picture's size on screen (after it is mounted or resized).
    pub fn measure(self) {
        if let Some(svg) = self.svg.get_untracked() {
            let rect = svg.get_bounding_client_rect();
            self.pixels.set((rect.width(), rect.height()));
        }
    }

    /// Zooms in by `factor` (below 1 zooms out) round the middle of the view.
    pub fn zoom(self, factor: f64) {
        self.choose(|view| view.zoom(factor, view.centre()));
    }

    /// Moves the view by a share of its size.
    pub fn pan(self, across: f64, down: f64) {
        self.choose(|view| view.pan(across, down));
    }

    /// Goes back to fitting the whole network.
    pub fn reset(self) {
        self.chosen.set(None);
    }

    /// Brings `point` into view (the middle) unless it is already well in it.
    pub fn reveal(self, point: Point) {
        if !self.shown.get_untracked().shows(point) {
            self.choose(|view| view.centred_on(point));
        }
    }

    fn choose(self, change: impl FnOnce(ViewBox) -> ViewBox) {
        self.chosen.set(Some(change(self.shown.get_untracked())));
    }

    /// Where a pointer at `client` (CSS pixels in the window) is on the
    /// picture, in pixels from its top left, and the picture's size.
    fn offset(self, client: (i32, i32)) -> Option<((f64, f64), (f64, f64))> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        let offset = (
            f64::from(client.0) - rect.left(),
            f64::from(client.1) - rect.top(),
        );
        Some((offset, (rect.width(), rect.height())))
    }

    /// The mouse wheel zooms round the pointer, instead of scrolling the page.
    pub fn wheel(self, event: &ev::WheelEvent) {
        event.prevent_default();
        let Some((offset, pixels)) = self.offset((event.client_x(), event.client_y())) else {
            return;
        };
        let per_step = match event.delta_mode() {
            ev::WheelEvent::DOM_DELTA_LINE => 16.0,
            ev::WheelEvent::DOM_DELTA_PAGE => 400.0,
            _ => 1.0,
        };
        let factor = (-event.delta_y() * per_step * WHEEL_ZOOM)
            .clamp(-1.0, 1.0)
            .exp();
        self.choose(|view| view.zoom(factor, view.at(offset, pixels)));
    }

    /// A press on the background starts a drag (members stop their own
    /// presses from getting here, so they stay clickable).
    pub fn press(self, event: &ev::PointerEvent) {
        if event.button() != 0 || !event.is_primary() {
            return;
        }
        if let Some(svg) = self.svg.get_untracked() {
            // Keep getting the moves even when the pointer leaves the picture.
            let _ = svg.set_pointer_capture(event.pointer_id());
        }
        self.drag.set(Some(Drag {
            pointer: event.pointer_id(),
            last: (f64::from(event.client_x()), f64::from(event.client_y())),
        }));
    }

    /// Moving the pointer while dragging moves the picture with it.
    pub fn drag_to(self, event: &ev::PointerEvent) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        if drag.pointer != event.pointer_id() {
            return;
        }
        let now = (f64::from(event.client_x()), f64::from(event.client_y()));
        let units = self
            .shown
            .get_untracked()
            .units_per_pixel(self.pixels.get_untracked());
        let by = Point::new((drag.last.0 - now.0) * units, (drag.last.1 - now.1) * units);
        self.drag.set(Some(Drag { last: now, ..drag }));
        self.choose(|view| view.shift(by));
    }

    /// Letting go (or the browser taking the pointer away) ends the drag.
    pub fn release(self, event: &ev::PointerEvent) {
        if self
            .drag
            .get_untracked()
            .is_some_and(|drag| drag.pointer == event.pointer_id())
        {
            self.drag.set(None);
        }
    }

    /// Keys for the picture: + and = zoom in, - zooms out, 0 fits the network
    /// again. Other keys, and the browser's own Ctrl/Cmd zoom, pass.
    pub fn key(self, event: &ev::KeyboardEvent) {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        match event.key().as_str() {
            "+" | "=" => self.zoom(ZOOM_STEP),
            "-" | "_" => self.zoom(1.0 / ZOOM_STEP),
            "0" => self.reset(),
            _ => return,
        }
        event.prevent_default();
    }
}

/// One button above the picture.
#[derive(Debug, Clone, Copy)]
enum Control {
    ZoomIn,
    ZoomOut,
    Fit,
    Left,
    Up,
    Down,
    Right,
}

impl Control {
    /// The buttons, in their order on screen.
    const ALL: [Control; 7] = [
        Control::ZoomIn,
        Control::ZoomOut,
        Control::Fit,
        Control::Left,
        Control::Up,
        Control::Down,
        Control::Right,
    ];

    /// What the button shows, and its name; a word is its own name.
    fn face(self) -> (&'static str, &'static str) {
        match self {
            Control::ZoomIn => ("+", "Zoom in"),
            Control::ZoomOut => ("−", "Zoom out"),
            Control::Fit => ("Fit all", "Fit all"),
            Control::Left => ("←", "Move left"),
            Control::Up => ("↑", "Move up"),
            Control::Down => ("↓", "Move down"),
            Control::Right => ("→", "Move right"),
        }
    }

    fn press(self, camera: Camera) {
        match self {
            Control::ZoomIn => camera.zoom(ZOOM_STEP),
            Control::ZoomOut => camera.zoom(1.0 / ZOOM_STEP),
            Control::Fit => camera.reset(),
            Control::Left => camera.pan(-PAN_STEP, 0.0),
            Control::Up => camera.pan(0.0, -PAN_STEP),
            Control::Down => camera.pan(0.0, PAN_STEP),
            Control::Right => camera.pan(PAN_STEP, 0.0),
        }
    }
}

/// The buttons above the picture: zoom in and out, fit all, and move the view.
#[component]
pub fn CameraControls(camera: Camera) -> impl IntoView {
    view! {
        <div class="friend-graph__controls" role="group" aria-label="Zoom and move the picture">
            {Control::ALL
                .into_iter()
                .map(|control| {
                    let (symbol, name) = control.face();
                    // A symbol is read out by its name.
                    let label = if symbol == name {
                        view! { {name} }.into_any()
                    } else {
                        view! {
                            <span aria-hidden="true">{symbol}</span>
                            <span class="visually-hidden">{name}</span>
                        }
                            .into_any()
                    };
                    view! {
                        <button
                            type="button"
                            class="btn btn--small friend-graph__control"
                            title=name
                            on:click=move |_| control.press(camera)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
