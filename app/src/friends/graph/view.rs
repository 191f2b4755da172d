//! The picture itself: an SVG drawn only in the browser, after the page has
//! hydrated, so the server's HTML (a note in its place) and the first render in
//! the browser match. The layout runs there, frame by frame: shown as it
//! settles, or — for members who prefer reduced motion — shown once, settled.

use std::fmt::Write;
use std::sync::Arc;

use iey_dto::{FriendGraph, GraphNode, Ring};
use leptos::ev;
use leptos::prelude::*;
use leptos::svg;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::camera::{Camera, CameraControls};
use super::layout::{Layout, Point};
use super::list::{via, via_text};
use super::navigation::{Direction, nearest};
use super::sector_class;

/// The most layout steps a frame while the picture settles before the member's
/// eyes (about a second in all for the 300 steps).
const STEPS_PER_FRAME: u32 = 5;
/// How long the layout may run in one frame, in milliseconds, when the picture
/// settles before the member's eyes (a large network in a slow browser takes
/// fewer steps a frame rather than freezing the page)...
const FRAME_BUDGET_MS: f64 = 8.0;
/// ...and when only the settled picture is shown.
const QUIET_FRAME_BUDGET_MS: f64 = 12.0;

/// What the picture draws for one member.
#[derive(Debug, Clone)]
struct Dot {
    href: String,
    name: String,
    ring: Ring,
    /// The sector's colour class.
    colour: String,
    /// What a screen reader says for the member.
    label: String,
}

impl Dot {
    fn new(node: &GraphNode, via: &str) -> Self {
        let member = &node.member;
        let ring = match node.ring {
            Ring::You => "you".to_owned(),
            Ring::Friend => "your friend".to_owned(),
            Ring::FriendOfFriend if via.is_empty() => "friend of a friend".to_owned(),
            Ring::FriendOfFriend => format!("friend of a friend {via}"),
        };
        let label = [
            member.display_name.as_str(),
            ring.as_str(),
            member.headline.trim(),
            node.sector.map_or("", |sector| sector.label()),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        Self {
            href: format!("/members/{}", member.handle),
            name: member.display_name.clone(),
            ring: node.ring,
            colour: sector_class(node.sector),
            label,
        }
    }

    /// The circle's radius in CSS pixels.
    fn radius(&self) -> f64 {
        match self.ring {
            Ring::You => 16.0,
            Ring::Friend => 10.0,
            Ring::FriendOfFriend => 6.0,
        }
    }
}

/// The picture of `graph`, with its buttons; until the layout has run, a note.
#[component]
pub fn Picture(graph: FriendGraph) -> AnyView {
    let positions = RwSignal::new(Vec::<Point>::new());
    let rings: Vec<Ring> = graph.nodes.iter().map(|node| node.ring).collect();
    let edges: Arc<[(usize, usize)]> = graph
        .edges
        .iter()
        .map(|&(first, second)| (first as usize, second as usize))
        .collect();
    let wire_edges = graph.edges.clone();
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| lay_out(Layout::new(&rings, &wire_edges), positions));
    let ready = Memo::new(move |_| positions.with(|points| !points.is_empty()));
    let via = via(&graph);
    let dots: Arc<[Dot]> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| {
            let names: Vec<&str> = via[index]
                .iter()
                .map(|&friend| graph.nodes[friend].member.display_name.as_str())
                .collect();
            Dot::new(node, &via_text(&names))
        })
        .collect();
    view! {
        <Show
            when=move || ready.get()
            fallback=|| view! {
                <div class="friend-graph__frame">
                    <p class="friend-graph__note">
                        "The picture is drawn by JavaScript in your browser. Everyone in it is in the list below."
                    </p>
                </div>
            }
        >
            <Canvas positions dots=dots.clone() edges=edges.clone() />
        </Show>
    }
    .into_any()
}

/// Runs the layout a few steps each animation frame until it settles, showing
/// each frame's positions, or only the last ones for reduced motion.
fn lay_out(layout: Layout, positions: RwSignal<Vec<Point>>) {
    let animate = !prefers_reduced_motion();
    if animate {
        positions.set(layout.points().to_vec());
    }
    next_frame(layout, positions, animate);
}

/// One frame's share of the steps; then the next frame, until it settles.
fn next_frame(mut layout: Layout, positions: RwSignal<Vec<Point>>, animate: bool) {
    request_animation_frame(move || {
        if positions.is_disposed() {
            return; // The member left the page.
        }
        let (most, budget) = if animate {
            (STEPS_PER_FRAME, FRAME_BUDGET_MS)
        } else {
            (u32::MAX, QUIET_FRAME_BUDGET_MS)
        };
        let start = js_sys::Date::now();
        for _ in 0..most {
            layout.advance(1);
            if layout.is_settled() || js_sys::Date::now() - start >= budget {
                break;
            }
        }
        if animate || layout.is_settled() {
            positions.set(layout.points().to_vec());
        }
        if !layout.is_settled() {
            next_frame(layout, positions, animate);
        }
    });
}

/// Whether the member asked their system for less motion.
fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// What every member's circle needs to draw itself and answer the member.
#[derive(Clone, Copy)]
struct Scene {
    positions: RwSignal<Vec<Point>>,
    camera: Camera,
    /// The member under the mouse pointer.
    hovered: RwSignal<Option<usize>>,
    /// The member with the keyboard focus.
    focused: RwSignal<Option<usize>>,
    links: StoredValue<Vec<NodeRef<svg::A>>>,
}

impl Scene {
    /// The member whose name and friendships stand out (tracked).
    fn active(self) -> Option<usize> {
        self.hovered.get().or_else(|| self.focused.get())
    }

    /// Where member `index` is drawn, at a size that ignores the zoom (tracked).
    fn place(self, index: usize) -> String {
        let scale = self.camera.units_per_pixel();
        self.positions
            .with(|points| points.get(index).copied())
            .map(|point| format!("translate({:.1} {:.1}) scale({scale:.4})", point.x, point.y))
            .unwrap_or_default()
    }

    /// Moves the keyboard focus to member `index`.
    fn focus(self, index: usize) {
        if let Some(link) = self
            .links
            .with_value(|links| links.get(index).and_then(|link| link.get_untracked()))
        {
            let _ = link.focus();
        }
    }

    /// Member `index` got the focus: make them stand out and, when the focus
    /// came from the keyboard, bring them into view. (Not for a click: moving
    /// the member from under the pointer would lose the click.)
    fn focused(self, index: usize) {
        self.focused.set(Some(index));
        if self.hovered.get_untracked() == Some(index) {
            return;
        }
        if let Some(point) = self
            .positions
            .with_untracked(|points| points.get(index).copied())
        {
            self.camera.reveal(point);
        }
    }

    /// An arrow key on member `index`: on to the nearest member that way.
    fn step(self, index: usize, direction: Direction) {
        if let Some(next) = self
            .positions
            .with_untracked(|points| nearest(points, index, direction))
        {
            self.focus(next);
        }
    }
}

/// The buttons, the help line and the SVG.
#[component]
fn Canvas(
    positions: RwSignal<Vec<Point>>,
    dots: Arc<[Dot]>,
    edges: Arc<[(usize, usize)]>,
) -> AnyView {
    let camera = Camera::new(positions);
    let scene = Scene {
        positions,
        camera,
        hovered: RwSignal::new(None),
        focused: RwSignal::new(None),
        links: StoredValue::new((0..dots.len()).map(|_| NodeRef::new()).collect()),
    };
    Effect::new(move |_| {
        if camera.svg().get().is_none() {
            return;
        }
        camera.measure();
        let resize = window_event_listener(ev::resize, move |_| camera.measure());
        on_cleanup(move || resize.remove());
    });
    let navigate = use_navigate();
    let all_edges = edges.clone();
    let tip_dots = dots.clone();
    let nodes = dots
        .iter()
        .enumerate()
        .map(|(index, dot)| node_view(scene, index, dot.clone(), navigate.clone()))
        .collect_view();
    view! {
        <CameraControls camera />
        <p id="friend-graph-help" class="friend-graph__help muted">
            "Drag to move the picture and scroll to zoom. With the keyboard, Tab or the arrow keys "
            "go from member to member, Enter opens a profile, and + and − zoom."
        </p>
        // Past a few hundred members in Tab order to the list, in one go. The
        // browser follows it (`target`: not the router), so the focus moves too.
        <a class="friend-graph__skip" href="#friend-graph-list" target="_self">
            "Skip the picture"
        </a>
        <div class="friend-graph__frame">
            <svg
                node_ref=camera.svg()
                class=move || if camera.is_dragging() { "friend-graph__svg is-dragging" } else { "friend-graph__svg" }
                viewBox=move || camera.view_box()
                role="group"
                aria-label="Picture of your network"
                aria-describedby="friend-graph-help"
                on:wheel=move |event| camera.wheel(&event)
                on:pointerdown=move |event| camera.press(&event)
                on:pointermove=move |event| camera.drag_to(&event)
                on:pointerup=move |event| camera.release(&event)
                on:pointercancel=move |event| camera.release(&event)
                on:keydown=move |event| camera.key(&event)
            >
                // `graph-edge`: what the end-to-end test looks for.
                <path
                    class="friend-graph__edges graph-edge"
                    d=move || positions.with(|points| edge_path(points, all_edges.iter().copied()))
                />
                <path
                    class="friend-graph__edges friend-graph__edges--active"
                    d=move || {
                        scene.active().map(|active| positions.with(|points| {
                            let touching = edges.iter().copied().filter(|&(a, b)| a == active || b == active);
                            edge_path(points, touching)
                        }))
                    }
                />
                {nodes}
                {move || {
                    let index = scene.active()?;
                    let dot = tip_dots.get(index).filter(|dot| dot.ring == Ring::FriendOfFriend)?;
                    let (name, below) = (dot.name.clone(), dot.radius() + 15.0);
                    Some(view! {
                        <g class="friend-graph__tip" transform=move || scene.place(index) aria-hidden="true">
                            <text class="friend-graph__label" y=below text-anchor="middle">{name}</text>
                        </g>
                    })
                }}
            </svg>
        </div>
    }
    .into_any()
}

/// One member: a link (to their profile) round a circle in their sector's
/// colour, named for You and friends.
fn node_view(
    scene: Scene,
    index: usize,
    dot: Dot,
    navigate: impl Fn(&str, NavigateOptions) + Clone + 'static,
) -> AnyView {
    let radius = dot.radius();
    let class = match dot.ring {
        Ring::You => "friend-graph__node friend-graph__node--you",
        Ring::Friend => "friend-graph__node friend-graph__node--friend",
        Ring::FriendOfFriend => "friend-graph__node friend-graph__node--other",
    };
    let name = (dot.ring != Ring::FriendOfFriend).then(|| dot.name.clone());
    let (href, open) = (dot.href.clone(), dot.href.clone());
    let open_by_key = dot.href.clone();
    let go = navigate.clone();
    let link = scene
        .links
        .with_value(|links| links.get(index).copied())
        .unwrap_or_default();
    view! {
        <g class=class transform=move || scene.place(index)>
            <a
                href=href
                node_ref=link
                aria-label=dot.label
                on:click=move |event: ev::MouseEvent| {
                    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
                    if event.button() == 0 && !modified {
                        // Through the router, like any link on the site.
                        event.prevent_default();
                        navigate(&open, NavigateOptions::default());
                    }
                }
                on:keydown=move |event: ev::KeyboardEvent| {
                    if event.key() == "Enter" {
                        event.prevent_default();
                        go(&open_by_key, NavigateOptions::default());
                    } else if let Some(direction) = Direction::of_key(&event.key()) {
                        event.prevent_default();
                        scene.step(index, direction);
                    }
                }
                on:focus=move |_| scene.focused(index)
                on:blur=move |_| scene.focused.set(None)
                on:pointerenter=move |_| scene.hovered.set(Some(index))
                on:pointerleave=move |_| scene.hovered.set(None)
                on:pointerdown=move |event: ev::PointerEvent| event.stop_propagation()
            >
                <circle class="friend-graph__halo" r={radius + 4.0} />
                <circle class=format!("friend-graph__dot {}", dot.colour) r=radius />
                {name.map(|name| view! {
                    <text class="friend-graph__label" y={radius + 15.0} text-anchor="middle">{name}</text>
                })}
            </a>
        </g>
    }
    .into_any()
}

/// An SVG path of straight lines between the ends of `edges`.
fn edge_path(points: &[Point], edges: impl Iterator<Item = (usize, usize)>) -> String {
    let mut path = String::new();
    for (first, second) in edges {
        if let (Some(from), Some(to)) = (points.get(first), points.get(second)) {
            let _ = write!(path, "M{:.1} {:.1}L{:.1} {:.1}", from.x, from.y, to.x, to.y);
        }
    }
    path
}
