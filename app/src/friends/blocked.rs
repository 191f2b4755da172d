//! The members a viewer blocked, each with "Unblock": on the friends page and in
//! settings.

use iey_dto::{AppError, MemberSummary};
use leptos::prelude::*;

use super::actions::{FriendActions, UnblockForm};
use super::components::DoneNotice;
use super::server::get_blocked_members;
use crate::components::ErrorNotice;
use crate::forms::ActionProblem;

/// The actions and list of the settings section, made by the page outside its
/// Suspend.
pub fn blocked_members() -> (
    FriendActions,
    Resource<Result<Vec<MemberSummary>, AppError>>,
) {
    let actions = FriendActions::new();
    let blocked = Resource::new(move || actions.version(), |_| get_blocked_members());
    (actions, blocked)
}

/// The settings section: the blocked members (from [`blocked_members`]).
#[component]
pub fn BlockedMembers(
    actions: FriendActions,
    blocked: Resource<Result<Vec<MemberSummary>, AppError>>,
) -> impl IntoView {
    view! {
        <DoneNotice />
        <ActionProblem error=actions.error() />
        // Read, not awaited: the page's own Suspend awaits it (a Transition here
        // would be made again whenever that Suspend re-runs on the server).
        {move || match blocked.get() {
            Some(Ok(blocked)) => view! { <BlockedList blocked actions /> }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        }}
    }
}

/// The members the viewer blocked, each with "Unblock".
#[component]
pub fn BlockedList(blocked: Vec<MemberSummary>, actions: FriendActions) -> impl IntoView {
    if blocked.is_empty() {
        return view! { <p class="muted">"You haven't blocked anyone."</p> }.into_any();
    }
    view! {
        <ul class="member-list">
            {blocked
                .into_iter()
                .map(|member| {
                    let (handle, name) = (member.handle.clone(), member.display_name.clone());
                    view! {
                        <li class="member-line">
                            <span class="member-line__name">{name.clone()}</span>
                            <UnblockForm actions handle name />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
