//! The network as text: everyone in the picture, your friends first and then
//! friends of friends with the friends they came through. It is what screen
//! readers and browsers without JavaScript get, and it is always on the page.

use iey_dto::{FriendGraph, GraphNode, Ring};
use leptos::prelude::*;
use leptos_router::components::A;

use super::sector_class;

/// How many friends a "via" line names before it counts the rest.
const VIA_NAMES: usize = 3;

/// Everyone in the network, grouped by ring.
#[component]
pub fn NetworkList(graph: FriendGraph) -> AnyView {
    let via = via(&graph);
    let mut friends = Vec::new();
    let mut others = Vec::new();
    for (index, node) in graph.nodes.iter().enumerate() {
        match node.ring {
            Ring::You => {}
            Ring::Friend => friends.push(view! { <Entry node=node.clone() via=None /> }),
            Ring::FriendOfFriend => {
                let names: Vec<&str> = via[index]
                    .iter()
                    .map(|&friend| graph.nodes[friend].member.display_name.as_str())
                    .collect();
                let line = via_text(&names);
                others.push(view! { <Entry node=node.clone() via=Some(line) /> });
            }
        }
    }
    let (friend_count, other_count) = (friends.len(), others.len());
    view! {
        <section
            id="friend-graph-list"
            class="friend-graph-list stack"
            aria-labelledby="friend-graph-list-heading"
            tabindex="-1"
        >
            <h2 id="friend-graph-list-heading">"Everyone in the picture"</h2>
            <h3>"Your friends " <span class="muted">{format!("({friend_count})")}</span></h3>
            <ul class="friend-graph-list__items">{friends}</ul>
            <h3>"Friends of friends " <span class="muted">{format!("({other_count})")}</span></h3>
            {if others.is_empty() {
                view! { <p class="muted">"None of your friends has other friends here yet."</p> }
                    .into_any()
            } else {
                view! { <ul class="friend-graph-list__items">{others}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// One member in the list: name (a link to their profile), role and sector,
/// and for a friend of a friend, who they came through.
#[component]
fn Entry(node: GraphNode, via: Option<String>) -> impl IntoView {
    let GraphNode { member, sector, .. } = node;
    let details: Vec<&str> = [
        member.headline.trim(),
        sector.map_or("", |sector| sector.label()),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    let details = details.join(" · ");
    view! {
        <li class="friend-graph-list__item">
            <span class=format!("friend-graph__swatch {}", sector_class(sector)) aria-hidden="true"></span>
            <span class="friend-graph-list__text">
                <A href=format!("/members/{}", member.handle)>{member.display_name}</A>
                {(!details.is_empty()).then(|| view! { <span class="muted">{format!(" · {details}")}</span> })}
                {via.map(|line| view! { <span class="friend-graph-list__via">{line}</span> })}
            </span>
        </li>
    }
}

/// For each node, the friends (ring [`Ring::Friend`]) it is joined to, in node
/// order: for a friend of a friend, the friends they came through.
pub fn via(graph: &FriendGraph) -> Vec<Vec<usize>> {
    let count = graph.nodes.len();
    let is_friend = |index: usize| graph.nodes[index].ring == Ring::Friend;
    let mut via = vec![Vec::new(); count];
    for &(first, second) in &graph.edges {
        let (first, second) = (first as usize, second as usize);
        if first >= count || second >= count || first == second {
            continue;
        }
        if is_friend(first) {
            via[second].push(first);
        }
        if is_friend(second) {
            via[first].push(second);
        }
    }
    for friends in &mut via {
        friends.sort_unstable();
        friends.dedup();
    }
    via
}

/// "via Ana", "via Ana and Ben", "via Ana, Ben and Cleo", "via Ana, Ben, Cleo
/// and 2 others"; empty without names.
pub fn via_text(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => format!("via {only}"),
        [rest @ .., last] if names.len() <= VIA_NAMES => {
            format!("via {} and {last}", rest.join(", "))
        }
        _ => {
            let rest = names.len() - VIA_NAMES;
            let others = if rest == 1 {
                "1 other".to_owned()
            } else {
                format!("{rest} others")
            };
            format!("via {} and {others}", names[..VIA_NAMES].join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use iey_dto::MemberSummary;

    use super::*;

    fn node(name: &str, ring: Ring) -> GraphNode {
        GraphNode {
            member: MemberSummary {
                handle: name.to_lowercase(),
                display_name: name.to_owned(),
                initials: name[..1].to_owned(),
                headline: String::new(),
                avatar: None,
            },
            sector: None,
            ring,
        }
    }

    #[test]
    fn friends_of_friends_come_through_the_friends_they_are_joined_to() {
        let graph = FriendGraph {
            nodes: vec![
                node("You", Ring::You),
                node("Ana", Ring::Friend),
                node("Ben", Ring::Friend),
                node("Cleo", Ring::FriendOfFriend),
                node("Dev", Ring::FriendOfFriend),
            ],
            // Cleo knows Ben and Ana; Dev knows Ana and Cleo (not a friend).
            edges: vec![
                (0, 1),
                (0, 2),
                (1, 2),
                (2, 3),
                (1, 3),
                (1, 4),
                (3, 4),
                (1, 3),
                (4, 9),
            ],
            left_out: 0,
        };
        let via = via(&graph);
        assert_eq!(via[3], vec![1, 2]);
        assert_eq!(via[4], vec![1]);
        assert_eq!(via[1], vec![2], "a friend's friends among your friends");
        assert_eq!(via[0], vec![1, 2]);
    }

    #[test]
    fn via_lines_name_a_few_and_count_the_rest() {
        assert_eq!(via_text(&[]), "");
        assert_eq!(via_text(&["Ana"]), "via Ana");
        assert_eq!(via_text(&["Ana", "Ben"]), "via Ana and Ben");
        assert_eq!(via_text(&["Ana", "Ben", "Cleo"]), "via Ana, Ben and Cleo");
        assert_eq!(
            via_text(&["Ana", "Ben", "Cleo", "Dev"]),
            "via Ana, Ben, Cleo and 1 other"
        );
        assert_eq!(
            via_text(&["Ana", "Ben", "Cleo", "Dev", "Eve"]),
            "via Ana, Ben, Cleo and 2 others"
        );
    }
}
