//! The members a viewer blocked, each with "Unblock": on the friends page and in
//! settings.

use iey_dto::MemberSummary;
use leptos::prelude::*;

use super::actions::{FriendActions, UnblockForm};
use super::components::DoneNotice;
use super::server::get_blocked_members;
use crate::components::ErrorNotice;
use crate::forms::ActionProblem;

/// The settings section: the blocked members, loaded on their own.
#[component]
pub fn BlockedMembers() -> impl IntoView {
    let actions = FriendActions::new();
    let blocked = Resource::new(move || actions.version(), |_| get_blocked_members());
    view! {
        <DoneNotice />
        <ActionProblem error=actions.error() />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match blocked.await {
                    Ok(blocked) => view! { <BlockedList blocked actions /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
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
