//! Pieces of the directory: a member's card.

use iey_dto::{MemberCard, Sector};
use leptos::prelude::*;
use leptos_router::components::A;

use super::avatar::Avatar;

/// One member as a card in the directory list.
#[component]
pub fn MemberCardView(member: MemberCard) -> impl IntoView {
    let (role, place) = (member.role(), member.place());
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
        </li>
    }
}

/// A sector as a coloured pill in a list.
#[component]
pub fn SectorPill(sector: Sector) -> impl IntoView {
    view! { <li class=format!("pill sector--{}", sector.code())>{sector.label()}</li> }
}
