//! `/visits`: requests waiting for the member's answer, their coming visits and
//! the offers they host; visitors read what the planner is and where to start.

use iey_dto::{AppError, OfferCard, VisitStatus, VisitView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::components::{
    DoneNotice, LogInFirst, MemberName, MemberNames, Section, ShownTimeText, VisitStatusTag,
    empty_or,
};
use super::decisions::HostAnswers;
use super::server::{VisitsHome, get_visits_home};
use crate::components::ErrorNotice;

/// The visits home page.
#[component]
pub fn VisitsHomePage() -> impl IntoView {
    let refresh = RwSignal::new(0_u32);
    let home = Resource::new(move || refresh.get(), |_| get_visits_home());
    view! {
        <Title text="Visits" />
        <header class="page-header">
            <h1>"Visits"</h1>
            <p class="page-header__lead">
                "See how other settings work: visit a nursery, a clinic or a family hub, or open your own to visitors."
            </p>
        </header>
        <DoneNotice />
        <Transition fallback=|| view! { <p class="muted">"Loading your visits…"</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(Some(home)) => view! { <Home home refresh /> }.into_any(),
                    Ok(None) | Err(AppError::Unauthenticated) => view! { <ForVisitors /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What someone who is not logged in reads.
#[component]
fn ForVisitors() -> impl IntoView {
    view! {
        <div class="stack">
            <p>
                "Members of IEY open their settings to visitors: a morning in a nursery, an hour in a health clinic, an online tour of a family hub. Hosts publish the times that suit them; you ask for one, and see it in your own time zone."
            </p>
            <LogInFirst next="/visits".to_owned() what="to ask for a visit or to offer one." />
            <p>
                <A href="/visits/offers" attr:class="btn btn--secondary">"Find a setting to visit"</A>
            </p>
        </div>
    }
}

/// The member's sections.
#[component]
fn Home(home: VisitsHome, refresh: RwSignal<u32>) -> impl IntoView {
    let VisitsHome {
        waiting,
        upcoming,
        offers,
    } = home;
    view! {
        <nav class="cluster visits__actions" aria-label="Visit planner">
            <A href="/visits/offers/new" attr:class="btn btn--primary">"Offer visits to your setting"</A>
            <A href="/visits/offers" attr:class="btn btn--secondary">"Find a setting to visit"</A>
            <A href="/visits/calendar" attr:class="btn btn--secondary">"Calendar"</A>
        </nav>
        <div class="visits stack">
            <Section id="waiting" title=format!("Requests waiting for you ({})", waiting.len())>
                {empty_or(waiting.is_empty(), "No requests are waiting for your answer.")}
                <ul class="visit-list">
                    {waiting.into_iter().map(|visit| view! { <Waiting visit refresh /> }).collect_view()}
                </ul>
            </Section>
            <Section id="upcoming" title="Coming up".to_owned()>
                {empty_or(upcoming.is_empty(), "No visits coming up.")}
                <ul class="visit-list">
                    {upcoming.into_iter().map(|visit| view! { <Upcoming visit /> }).collect_view()}
                </ul>
            </Section>
            <Section id="offers" title=format!("Your offers ({})", offers.len())>
                {empty_or(offers.is_empty(), "You don't offer visits yet.")}
                <ul class="offer-list">
                    {offers.into_iter().map(|offer| view! { <MyOffer offer /> }).collect_view()}
                </ul>
            </Section>
        </div>
    }
}

/// A request waiting for the member's answer, with the forms to answer it.
#[component]
fn Waiting(visit: VisitView, refresh: RwSignal<u32>) -> impl IntoView {
    let VisitView {
        id,
        setting_name,
        starts,
        ends,
        status,
        visitor,
        companions,
        message,
        conflict,
        ..
    } = visit;
    let name = visitor.display_name.clone();
    let heading_time = starts.clone();
    view! {
        <li class="visit-card stack">
            <h3 class="visit-card__title">
                <A href=format!("/visits/{id}")>{format!("{setting_name}: ")}<ShownTimeText time=heading_time /></A>
            </h3>
            <dl class="visit-facts">
                <div><dt>"When"</dt><dd><ShownTimeText time=starts ends /></dd></div>
                <div><dt>"Visitor"</dt><dd><MemberName member=visitor /></dd></div>
                {(!companions.is_empty()).then(|| view! {
                    <div><dt>"Coming along"</dt><dd><MemberNames members=companions /></dd></div>
                })}
                <div><dt>"Status"</dt><dd><VisitStatusTag status /></dd></div>
            </dl>
            {(!message.is_empty()).then(|| view! { <blockquote class="visit-message">{message}</blockquote> })}
            {conflict.map(|conflict| view! {
                <div class="alert alert--warning" role="note">
                    <p><strong>"Clash: "</strong>{conflict}</p>
                </div>
            })}
            <HostAnswers id name can_waitlist={status == VisitStatus::Requested} refresh />
        </li>
    }
}

/// A coming visit: where, when, with whom, and where it stands.
#[component]
fn Upcoming(visit: VisitView) -> impl IntoView {
    let with = if visit.hosting {
        format!("Visit from {}", visit.visitor.display_name)
    } else {
        format!("Hosted by {}", visit.host.display_name)
    };
    view! {
        <li class="visit-line">
            <A href=format!("/visits/{}", visit.id) attr:class="visit-line__name">{visit.setting_name}</A>
            <ShownTimeText time=visit.starts ends=visit.ends />
            <span class="muted">{with}</span>
            <VisitStatusTag status=visit.status />
        </li>
    }
}

/// One of the member's offers.
#[component]
fn MyOffer(offer: OfferCard) -> impl IntoView {
    let edit_label = format!(" {}", offer.setting_name);
    view! {
        <li class="offer-card">
            <h3 class="offer-card__title">
                <A href=format!("/visits/offers/{}", offer.id)>{offer.setting_name}</A>
            </h3>
            <p class="muted">{format!("{} · {}", offer.setting_type, offer.place)}</p>
            <p>
                <span class=format!("offer-status offer-status--{}", offer.status.code())>
                    {offer.status.label()}
                </span>
            </p>
            <p>
                <A href=format!("/visits/offers/{}/edit", offer.id)>
                    "Edit" <span class="visually-hidden">{edit_label}</span>
                </A>
            </p>
        </li>
    }
}
