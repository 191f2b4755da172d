//! `/members/:handle`: one member's profile, or a 404 when the viewer may not see it.

use iey_dto::{AppError, BioPiece, MemberProfile};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::ErrorNotice;
use crate::friends::pages::{FriendActions, ProfileConnectionsPanel, connections_resource};
use crate::members::avatar::Avatar;
use crate::members::components::SectorPill;
use crate::members::server::get_member_profile;
use crate::pages::NotFoundPage;

/// A member's profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let handle = move || params.with(|params| params.get("handle").unwrap_or_default());
    let profile = Resource::new(handle, get_member_profile);
    let actions = FriendActions::new();
    let connections = connections_resource(handle, actions);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading profile…"</p> }>
            {move || Suspend::new(async move {
                let _ = connections.await;
                match profile.await {
                    Ok(profile) => view! { <Profile profile actions connections /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The profile itself.
#[component]
fn Profile(
    profile: MemberProfile,
    actions: FriendActions,
    connections: Resource<Result<iey_dto::ProfileConnections, AppError>>,
) -> impl IntoView {
    let MemberProfile {
        card,
        time_zone,
        local_time,
        bio,
        languages,
        age_bands,
        open_to_visits,
        open_to_mentoring,
        joined,
    } = profile;
    let (role, place) = (card.role(), card.place());
    let (handle, name) = (card.handle.clone(), card.display_name.clone());
    let details = [
        ("Languages", languages.join(", ")),
        ("Works with ages", age_bands.join(", ")),
        (
            "Interests",
            card.interests
                .iter()
                .map(|i| i.replace('-', " "))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("Time zone", time_zone_text(time_zone, &local_time)),
        ("Member since", joined),
    ];
    view! {
        <Title text=card.display_name.clone() />
        <article class="profile stack">
            <header class="profile__header">
                <Avatar avatar=card.avatar.clone() initials=card.initials.clone() large=true />
                <div class="stack">
                    <h1>{card.display_name}</h1>
                    {(!role.trim().is_empty())
                        .then(|| view! { <p class="page-header__lead">{role}</p> })}
                    <p class="muted">{place}</p>
                </div>
            </header>
            <ProfileConnectionsPanel handle name actions connections />
            <ul class="cluster" aria-label="Sectors and availability">
                {card.sectors.into_iter().map(|sector| view! { <SectorPill sector /> }).collect_view()}
                {open_to_visits.then(|| view! { <li class="tag">"Open to host visits"</li> })}
                {open_to_mentoring.then(|| view! { <li class="tag">"Open to mentoring"</li> })}
            </ul>
            <section aria-labelledby="about-heading" class="stack">
                <h2 id="about-heading">"About"</h2>
                <p class="profile__bio">
                    {bio.into_iter().map(|piece| view! { <BioPieceView piece /> }).collect_view()}
                </p>
            </section>
            <dl class="details">
                {details
                    .into_iter()
                    .filter(|(_, value)| !value.is_empty())
                    .map(|(label, value)| {
                        view! {
                            <div class="details__item">
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </article>
    }
}

/// One piece of a bio: plain text (escaped by Leptos) or a link marked as the
/// member's own (`ugc`, `nofollow`) that gets no access to this page (`noopener`).
#[component]
fn BioPieceView(piece: BioPiece) -> impl IntoView {
    match piece {
        BioPiece::Text(text) => text.into_any(),
        BioPiece::Link { href, text } => view! {
            <a href=href rel="nofollow ugc noopener">{text}</a>
        }
        .into_any(),
    }
}

/// The member's zone with their local time, e.g. "Europe/Berlin (14:05 there now)".
fn time_zone_text(time_zone: String, local_time: &str) -> String {
    if local_time.is_empty() || time_zone.is_empty() {
        time_zone
    } else {
        format!("{time_zone} ({local_time} there now)")
    }
}
