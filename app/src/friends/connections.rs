//! The friend-graph part of a profile: where the viewer stands with the member
//! (and the buttons to change it), their friend count, friends in common, and how
//! the two are connected.

use iey_dto::{AppError, MemberSummary, ProfileConnections, Relationship};
use leptos::prelude::*;
use leptos_router::components::A;

use super::actions::{
    AddFriendForm, AnswerForms, BlockForm, CancelForm, FriendActions, UnfriendForm,
};
use super::components::DoneNotice;
use super::server::get_profile_connections;
use crate::forms::ActionProblem;

/// Where the viewer stands with the member whose handle `handle` gives, reloaded
/// after each of `actions` but a block. Made by the page itself, next to its own
/// resource: a resource made inside the page's `Suspend` was numbered
/// differently on the server and in the browser, and hydration failed.
pub fn connections_resource(
    handle: impl Fn() -> String + Send + Sync + 'static,
    actions: FriendActions,
) -> Resource<Result<ProfileConnections, AppError>> {
    Resource::new(
        move || (handle(), actions.version_but_blocks()),
        |(handle, _)| async move {
            // Leaving the profile (say, after blocking its member) empties the
            // address's handle before the page goes: nothing to ask then.
            if handle.is_empty() {
                return Err(AppError::NotFound);
            }
            get_profile_connections(handle).await
        },
    )
}

/// Friendship status, actions, counts, mutual friends and the path to `handle`.
#[component]
pub fn ProfileConnectionsPanel(
    handle: String,
    name: String,
    actions: FriendActions,
    connections: Resource<Result<ProfileConnections, AppError>>,
) -> impl IntoView {
    view! {
        <section class="connections stack" aria-labelledby="connections-heading">
            <h2 id="connections-heading" class="visually-hidden">"Friendship"</h2>
            <DoneNotice />
            <ActionProblem error=actions.error() />
            // Read, not awaited: the profile page's Suspend awaits it (a Transition
            // here would be made again whenever that Suspend re-runs on the server).
            {move || {
                let (handle, name) = (handle.clone(), name.clone());
                connections.get().and_then(Result::ok).map(|connections| {
                    view! { <Connections connections actions handle name /> }
                })
            }}
        </section>
    }
}

/// The panel's content once loaded.
#[component]
fn Connections(
    connections: ProfileConnections,
    actions: FriendActions,
    handle: String,
    name: String,
) -> impl IntoView {
    let ProfileConnections {
        relationship,
        friend_count,
        mutual,
        mutual_count,
        path,
    } = connections;
    let count = match friend_count {
        1 => "1 friend".to_owned(),
        count => format!("{count} friends"),
    };
    let own = relationship == Relationship::Yourself;
    view! {
        <p class="connections__count">
            {if own {
                view! { <A href="/friends">{format!("You have {count}")}</A> }.into_any()
            } else {
                count.into_any()
            }}
        </p>
        <Status relationship actions handle name=name.clone() />
        <Mutual mutual mutual_count />
        <Path path name />
    }
}

/// Where the viewer stands, with what they can do about it.
#[component]
fn Status(
    relationship: Relationship,
    actions: FriendActions,
    handle: String,
    name: String,
) -> impl IntoView {
    let handle = move || handle.clone();
    // Nothing for oneself: an `Option`, whose empty marker hydrates the same on both
    // sides (an empty `AnyView` did not, and broke hydration of one's own profile).
    let shown = match relationship {
        Relationship::Yourself => return None,
        Relationship::Visitor => view! {
            <p>
                <A href=format!("/login?next=/members/{}", handle())>"Log in"</A>
                {format!(" to connect with {name}.")}
            </p>
        }
        .into_any(),
        Relationship::Strangers => view! {
            <AddFriendForm actions handle=handle() name=name.clone() />
            <More actions handle=handle() name />
        }
        .into_any(),
        Relationship::RequestSent { id } => view! {
            <p>{format!("You asked {name} to be friends. They haven't answered yet.")}</p>
            <div class="cluster">
                <CancelForm actions id name=name.clone() />
                <BlockForm actions handle=handle() name />
            </div>
        }
        .into_any(),
        Relationship::RequestReceived(request) => view! {
            <p>{format!("{name} asked to be your friend.")}</p>
            {request.note.clone().map(|note| view! { <blockquote class="friend-note">{note}</blockquote> })}
            <AnswerForms actions request />
        }
        .into_any(),
        Relationship::Friends => view! {
            <p class="connections__friends">{format!("You and {name} are friends.")}</p>
            <div class="cluster">
                <UnfriendForm actions handle=handle() name=name.clone() />
                <BlockForm actions handle=handle() name />
            </div>
        }
        .into_any(),
    };
    Some(shown)
}

/// Blocking, tucked away below the friend request form.
#[component]
fn More(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <details class="connections__more">
            <summary>"More options"</summary>
            <p class="muted">
                {format!("Blocking {name} hides each of you from the other everywhere on IEY.")}
            </p>
            <BlockForm actions handle name />
        </details>
    }
}

/// Friends in common, when there are any.
#[component]
fn Mutual(mutual: Vec<MemberSummary>, mutual_count: u32) -> impl IntoView {
    (mutual_count > 0).then(|| {
        let title = match mutual_count {
            1 => "1 mutual friend".to_owned(),
            count => format!("{count} mutual friends"),
        };
        view! {
            <div class="connections__mutual">
                <h3>{title}</h3>
                <ul class="cluster">
                    {mutual.into_iter().map(|member| view! { <li><MemberLink member /></li> }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// The shortest chain of friends from the viewer, when there is one.
#[component]
fn Path(path: Vec<MemberSummary>, name: String) -> impl IntoView {
    (path.len() > 2).then(|| {
        let hops = path.len() - 1;
        view! {
            <div class="connections__path">
                <h3>"How you're connected"</h3>
                <ol class="friend-path" aria-label=format!("From you to {name} in {hops} steps")>
                    {path
                        .into_iter()
                        .enumerate()
                        .map(|(index, member)| {
                            if index == 0 {
                                view! { <li>"You"</li> }.into_any()
                            } else {
                                view! { <li><MemberLink member /></li> }.into_any()
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        }
    })
}

/// A member's name, linked to their profile.
#[component]
fn MemberLink(member: MemberSummary) -> impl IntoView {
    view! { <A href=format!("/members/{}", member.handle)>{member.display_name}</A> }
}
