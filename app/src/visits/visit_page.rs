//! `/visits/:id`: one visit as its host, visitor or a companion sees it, with the
//! answers and cancellation open to them, a calendar file, and after an approved
//! visit, the reflections. Anyone else gets the site's 404.

use iey_dto::{AppError, VisitStatus, VisitView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::components::{
    DoneNotice, LogInFirst, MemberName, MemberNames, Section, ShownTimeText, VisitStatusTag,
};
use super::decisions::{CancelForm, HostAnswers, TakePlaceForm};
use super::reflections::Reflections;
use super::server::{VisitPageData, get_visit};
use crate::components::ErrorNotice;
use crate::pages::NotFoundPage;

/// The visit page.
#[component]
pub fn VisitPage() -> impl IntoView {
    let params = use_params_map();
    let refresh = RwSignal::new(0_u32);
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i32>().ok()));
    let visit = Resource::new(
        move || (id(), refresh.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_visit(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading the visit…"</p> }>
            {move || {
                let next = format!("/visits/{}", id().unwrap_or_default());
                Suspend::new(async move {
                    match visit.await {
                        Ok(data) => view! { <Visit data refresh /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <Title text="Visit" />
                            <h1>"Visit"</h1>
                            <LogInFirst next what="to see this visit." />
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The visit itself.
#[component]
fn Visit(data: VisitPageData, refresh: RwSignal<u32>) -> impl IntoView {
    let VisitPageData {
        visit,
        asked,
        reflections,
    } = data;
    let VisitView {
        id,
        offer_id,
        setting_name,
        place,
        starts,
        ends,
        status,
        host,
        visitor,
        companions,
        message,
        reason,
        hosting,
        meeting_link,
        address,
        conflict,
        past,
    } = visit;
    let title = format!("Visit to {setting_name}");
    let answering = hosting && matches!(status, VisitStatus::Requested | VisitStatus::Waitlisted);
    let may_cancel = (hosting || asked) && status.is_live() && !past;
    let visitor_name = visitor.display_name.clone();
    view! {
        <Title text=title.clone() />
        <article class="visit stack">
            <header class="page-header">
                <h1>{title}</h1>
                <p class="page-header__lead">
                    <VisitStatusTag status />
                    " "
                    {if hosting { "You are hosting this visit." } else if asked { "You asked for this visit." } else { "You are coming along." }}
                </p>
            </header>
            <DoneNotice />
            <dl class="details">
                <div class="details__item"><dt>"When"</dt><dd><ShownTimeText time=starts ends /></dd></div>
                <div class="details__item">
                    <dt>"Where"</dt>
                    <dd>
                        <A href=format!("/visits/offers/{offer_id}")>{setting_name}</A>
                        {format!(", {place}")}
                    </dd>
                </div>
                {address.filter(|address| !address.is_empty()).map(|address| view! {
                    <div class="details__item"><dt>"Address"</dt><dd>{address}</dd></div>
                })}
                {meeting_link.filter(|link| !link.is_empty()).map(|link| view! {
                    <div class="details__item">
                        <dt>"Meeting link"</dt>
                        <dd><a href=link.clone() rel="external nofollow noopener noreferrer">{link.clone()}</a></dd>
                    </div>
                })}
                <div class="details__item"><dt>"Host"</dt><dd><MemberName member=host /></dd></div>
                <div class="details__item"><dt>"Visitor"</dt><dd><MemberName member=visitor /></dd></div>
                {(!companions.is_empty()).then(|| view! {
                    <div class="details__item"><dt>"Coming along"</dt><dd><MemberNames members=companions /></dd></div>
                })}
                {reason.map(|reason| view! {
                    <div class="details__item"><dt>"Reason given"</dt><dd>{reason}</dd></div>
                })}
            </dl>
            {(!message.is_empty()).then(|| view! {
                <Section id="message" title="The visitor's message".to_owned()>
                    <blockquote class="visit-message">{message}</blockquote>
                </Section>
            })}
            <p>
                // A real download: the router must not take this link over.
                <a href=format!("/visits/{id}/calendar.ics") rel="external" download=format!("visit-{id}.ics")>
                    "Add to my calendar (.ics)"
                </a>
            </p>
            {conflict.map(|conflict| view! {
                <div class="alert alert--warning" role="note">
                    <p><strong>"Clash: "</strong>{conflict}</p>
                </div>
            })}
            {answering.then(|| view! {
                <Section id="answer" title="Answer the request".to_owned()>
                    <HostAnswers
                        id
                        name=visitor_name
                        can_waitlist={status == VisitStatus::Requested}
                        refresh
                    />
                </Section>
            })}
            {(asked && status == VisitStatus::Offered && !past).then(|| view! {
                <Section id="offered" title="A place came free".to_owned()>
                    <p>"The host offers you a place at this time. Take it before someone else does."</p>
                    <TakePlaceForm id refresh />
                </Section>
            })}
            {may_cancel.then(|| view! {
                <Section id="cancel" title="Cancel the visit".to_owned()>
                    <CancelForm id refresh />
                </Section>
            })}
            {reflections.map(|reflections| view! { <Reflections id reflections refresh /> })}
            <p><a href="/visits">"Back to your visits"</a></p>
        </article>
    }
}
