//! The landing page: what IEY is, for people who have not joined yet.

use iey_dto::{AppError, CommunitySummary};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

use crate::components::ErrorNotice;

/// How big the community is.
#[server(endpoint = "community_summary")]
pub async fn get_community_summary() -> Result<CommunitySummary, AppError> {
    let state = crate::server::state()?;
    state.community.summary(&state.db).await
}

/// The front door of IEY.
#[component]
pub fn LandingPage() -> impl IntoView {
    let summary = Resource::new(|| (), |_| get_community_summary());
    view! {
        <Title text="" />
        <Meta
            name="description"
            content="IEY connects everyone who works with young children, across disciplines and countries."
        />
        <section class="hero">
            <h1 class="hero__title">"Connecting everyone who works with young children"</h1>
            <p class="hero__lead">
                "The Institute of Early Years is an open, international community for childcare, early education, "
                "social care, health, police, early help, research and policy. Find colleagues, make friends across "
                "disciplines and countries, share ideas and visit each other's settings."
            </p>
            <p class="hero__actions">
                <A href="/members" attr:class="btn btn--primary">"Meet the members"</A>
                <A href="/about" attr:class="btn btn--secondary">"About IEY"</A>
            </p>
        </section>
        <section aria-labelledby="community-heading" class="stack">
            <h2 id="community-heading">"The community today"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Counting members…"</p> }>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(summary) => view! { <Figures summary /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section aria-labelledby="why-heading" class="stack">
            <h2 id="why-heading">"What IEY is for"</h2>
            <ul class="features">
                <Feature title="Find each other">
                    "A directory of people across every sector that works with young children, searchable by country, language, age group and interest."
                </Feature>
                <Feature title="Talk across silos">
                    "Friendships, chat and global conversations that connect practice in one country with research and policy in another."
                </Feature>
                <Feature title="Visit and learn">
                    "Hosts open their settings to visitors; the planner shows every time in your own time zone."
                </Feature>
                <Feature title="Open and low cost">
                    "Open-source software that works on a cheap phone, on a slow network, and with a screen reader."
                </Feature>
            </ul>
        </section>
    }
}

/// The community's figures as a description list.
#[component]
fn Figures(summary: CommunitySummary) -> impl IntoView {
    let figures = [
        ("Members", summary.members),
        ("Countries", summary.countries),
        ("Sectors", summary.sectors),
        ("Languages", summary.languages),
    ];
    view! {
        <dl class="stats">
            {figures
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div class="stats__item">
                            <dt class="stats__label">{label}</dt>
                            <dd class="stats__value">{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// One card of the "what IEY is for" list.
#[component]
fn Feature(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card__title">{title}</h3>
            <p class="card__body">{children()}</p>
        </li>
    }
}
