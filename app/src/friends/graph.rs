//! `/friends/graph`: a picture of the viewer's network — you, your friends and
//! their friends, and who knows whom — laid out in the browser, with everyone
//! also in a list for screen readers and browsers without JavaScript.

mod camera;
mod layout;
mod list;
mod navigation;
mod server;
mod view;
mod viewport;

use iey_dto::{AppError, FriendGraph, Ring, Sector};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::ErrorNotice;
use list::NetworkList;
use server::friend_graph;
use view::Picture;

/// Where a visitor logs in to come back here.
const LOG_IN: &str = "/login?next=/friends/graph";

/// The network picture page.
#[component]
pub fn FriendGraphPage() -> impl IntoView {
    let graph = Resource::new(|| (), |_| friend_graph());
    view! {
        <Title text="Your network" />
        <header class="page-header">
            <h1>"Your network"</h1>
            <p class="page-header__lead">"You, your friends and their friends, and who knows whom."</p>
        </header>
        <Suspense fallback=|| view! { <p class="muted">"Loading your network…"</p> }>
            {move || Suspend::new(async move {
                match graph.await {
                    Ok(graph) => view! { <Network graph /> }.into_any(),
                    Err(AppError::Unauthenticated) => view! {
                        <p>"Please " <A href=LOG_IN>"log in"</A> " to see your network."</p>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The picture, its key and the list; or a pointer to the directory for a
/// member with no friends yet.
#[component]
fn Network(graph: FriendGraph) -> impl IntoView {
    let count = |ring: Ring| graph.nodes.iter().filter(|node| node.ring == ring).count();
    let (friends, others) = (count(Ring::Friend), count(Ring::FriendOfFriend));
    if friends == 0 {
        return view! {
            <p>
                "You have no friends here yet. Find people you know in the "
                <A href="/members">"directory"</A> " and send them a friend request."
            </p>
        }
        .into_any();
    }
    let summary = format!(
        "{} and {}.",
        plural(friends, "friend", "friends"),
        plural(others, "friend of a friend", "friends of friends")
    );
    let left_out = graph.left_out;
    let sectors: Vec<Option<Sector>> = Sector::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .filter(|sector| graph.nodes.iter().any(|node| node.sector == *sector))
        .collect();
    view! {
        <section class="friend-graph stack" aria-labelledby="friend-graph-heading">
            <h2 id="friend-graph-heading" class="visually-hidden">"Picture"</h2>
            <p class="friend-graph__summary">{summary}</p>
            <Picture graph=graph.clone() />
            <Legend sectors />
            {(left_out > 0).then(|| view! {
                <p class="muted">
                    {format!(
                        "{} left out to keep the picture readable: those least connected to the rest of your network.",
                        plural(left_out as usize, "more member is", "more members are"),
                    )}
                </p>
            })}
        </section>
        <NetworkList graph />
    }
    .into_any()
}

/// What the colours and sizes mean.
#[component]
fn Legend(sectors: Vec<Option<Sector>>) -> impl IntoView {
    view! {
        <div class="friend-graph__legend">
            <ul class="friend-graph__key" aria-label="Colours by sector">
                {sectors
                    .into_iter()
                    .map(|sector| {
                        view! {
                            <li>
                                <span class=format!("friend-graph__swatch {}", sector_class(sector)) aria-hidden="true"></span>
                                {sector.map_or("No sector given", |sector| sector.label())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="muted">
                "The biggest circle is you; your friends have named circles, and friends of friends "
                "small ones: point at one, or move to it with the keyboard, to see the name."
            </p>
        </div>
    }
}

/// The CSS class that colours a member by `sector` (hollow without one).
fn sector_class(sector: Option<Sector>) -> String {
    match sector {
        Some(sector) => format!("sector--{}", sector.code()),
        None => "friend-graph--no-sector".to_owned(),
    }
}

/// "1 friend", "3 friends".
fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use iey_dto::{GraphNode, MemberSummary};
    use leptos_router::components::Router;
    use leptos_router::location::RequestUrl;

    use super::*;

    fn node(name: &str, ring: Ring, sector: Option<Sector>) -> GraphNode {
        GraphNode {
            member: MemberSummary {
                handle: name.to_lowercase(),
                display_name: name.to_owned(),
                initials: name[..1].to_owned(),
                headline: "Health visitor".to_owned(),
                avatar: None,
            },
            sector,
            ring,
        }
    }

    /// The page's HTML as the server sends it for `graph`.
    fn server_html(graph: FriendGraph) -> String {
        Owner::new().with(|| {
            provide_context(RequestUrl::new("/friends/graph"));
            view! { <Router><Network graph /></Router> }.to_html()
        })
    }

    #[test]
    fn the_server_sends_the_list_and_a_note_where_the_picture_goes() {
        let html = server_html(FriendGraph {
            nodes: vec![
                node("You", Ring::You, None),
                node("Ana", Ring::Friend, Some(Sector::Health)),
                node("Ben", Ring::Friend, None),
                node("Cleo", Ring::FriendOfFriend, Some(Sector::Police)),
            ],
            edges: vec![(0, 1), (0, 2), (1, 3), (2, 3)],
            left_out: 2,
        });
        assert!(
            !html.contains("<svg"),
            "the picture is drawn in the browser"
        );
        assert!(html.contains("friend-graph__note"));
        assert!(html.contains("2 friends and 1 friend of a friend."));
        assert!(html.contains("Your friends"));
        assert!(html.contains("Friends of friends"));
        assert!(html.contains("via Ana and Ben"));
        assert!(html.contains(r#"href="/members/cleo""#));
        assert!(html.contains("2 more members are left out"));
        // The key names the sectors in the picture, and the hollow circle.
        assert!(html.contains("sector--health") && html.contains("sector--police"));
        assert!(html.contains("No sector given"));
        assert!(!html.contains("Early education"));
    }

    #[test]
    fn a_member_without_friends_is_pointed_to_the_directory() {
        let html = server_html(FriendGraph {
            nodes: vec![node("You", Ring::You, None)],
            edges: vec![],
            left_out: 0,
        });
        assert!(html.contains("You have no friends here yet"));
        assert!(html.contains(r#"href="/members""#));
        assert!(!html.contains("friend-graph__note"));
    }
}
