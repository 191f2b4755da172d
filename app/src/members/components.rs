//! Pieces of the directory: a member's card.

use iey_dto::{MemberCard, Sector, Standing};
use leptos::prelude::*;
use leptos_router::components::A;

use super::avatar::Avatar;
use crate::friends::actions::{FriendActions, QuickAddForm};

/// One member as a card in the directory list, with the one friend button that
/// fits where the viewer stands with them.
#[component]
pub fn MemberCardView(member: MemberCard, actions: FriendActions) -> impl IntoView {
    let (role, place) = (member.role(), member.place());
    let friendship = standing_view(
        member.standing,
        actions,
        member.handle.clone(),
        member.display_name.clone(),
    );
    view! {
        <li class="member-card">
            <Avatar avatar=member.avatar initials=member.initials class="member-card__avatar" />
            <h2 class="member-card__name">
                <A href=format!("/members/{}", member.handle)>{member.display_name}</A>
            </h2>
            <p class="member-card__headline">{role}</p>
            <p class="member-card__meta">{place}</p>
            <ul class="member-card__tags cluster" aria-label="Sectors and interests">
                {member.sectors.into_iter().map(|sector| view! { <SectorPill sector /> }).collect_view()}
                {member
                    .interests
                    .into_iter()
                    .map(|interest| view! { <li class="tag">{interest.replace('-', " ")}</li> })
                    .collect_view()}
            </ul>
            {friendship}
        </li>
    }
}

/// The card's friend button or status line.
fn standing_view(
    standing: Standing,
    actions: FriendActions,
    handle: String,
    name: String,
) -> Option<AnyView> {
    let line =
        |text: &'static str| view! { <p class="member-card__standing muted">{text}</p> }.into_any();
    Some(match standing {
        Standing::Nobody => return None,
        Standing::MayAsk => view! {
            <div class="member-card__standing">
                <QuickAddForm actions handle name />
            </div>
        }
        .into_any(),
        Standing::Asked => line("Friend request sent"),
        Standing::Friends => line("Friends"),
        Standing::AskedYou => view! {
            <p class="member-card__standing">
                <A href="/friends#requests">
                    "Asked to be your friend: answer"
                    <span class="visually-hidden">{format!(" {name}")}</span>
                </A>
            </p>
        }
        .into_any(),
    })
}

/// A sector as a coloured pill in a list.
#[component]
pub fn SectorPill(sector: Sector) -> impl IntoView {
    view! { <li class=format!("pill sector--{}", sector.code())>{sector.label()}</li> }
}
