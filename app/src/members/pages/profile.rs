//! `/members/:handle`: one member's profile, or a 404 when the viewer may not see it.

use iey_dto::{AppError, MemberProfile};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::ErrorNotice;
use crate::members::components::SectorPill;
use crate::members::server::get_member_profile;
use crate::pages::NotFoundPage;

/// A member's profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let profile = Resource::new(
        move || params.with(|params| params.get("handle").unwrap_or_default()),
        get_member_profile,
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading profile…"</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <Profile profile /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The profile itself.
#[component]
fn Profile(profile: MemberProfile) -> impl IntoView {
    let MemberProfile {
        card,
        time_zone,
        bio,
        languages,
        age_bands,
        open_to_visits,
        open_to_mentoring,
        joined,
    } = profile;
    let (role, place) = (card.role(), card.place());
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
        ("Time zone", time_zone),
        ("Member since", joined),
    ];
    view! {
        <Title text=card.display_name.clone() />
        <article class="profile stack">
            <header class="profile__header">
                <span class="avatar avatar--lg" aria-hidden="true">{card.initials}</span>
                <div class="stack">
                    <h1>{card.display_name}</h1>
                    <p class="page-header__lead">{role}</p>
                    <p class="muted">{place}</p>
                </div>
            </header>
            <ul class="cluster" aria-label="Sectors and availability">
                {card.sectors.into_iter().map(|sector| view! { <SectorPill sector /> }).collect_view()}
                {open_to_visits.then(|| view! { <li class="tag">"Open to host visits"</li> })}
                {open_to_mentoring.then(|| view! { <li class="tag">"Open to mentoring"</li> })}
            </ul>
            <section aria-labelledby="about-heading" class="stack">
                <h2 id="about-heading">"About"</h2>
                <p class="profile__bio">{bio}</p>
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
