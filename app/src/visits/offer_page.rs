//! `/visits/offers/:id`: an offer with its details, weekly times and notes; the
//! request form for members who may ask, and the host's own tools. An offer the
//! viewer may not see is the site's 404.

use iey_dto::{AppError, OfferStatus, OfferView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::components::{DoneNotice, LogInFirst, MemberName, Section, ShownTimeText, here};
use super::group_times::{Attestations, FindGroupTime, GroupTimesResource, group_times};
use super::request_form::RequestForm;
use super::server::{ChangeOfferStatus, OfferPageData, get_offer};
use crate::components::ErrorNotice;
use crate::forms::{HintAndMessage, Problems, action_error};
use crate::pages::NotFoundPage;

/// The offer page.
#[component]
pub fn OfferPage() -> impl IntoView {
    let params = use_params_map();
    let status = ServerAction::<ChangeOfferStatus>::new();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i32>().ok()));
    let times = group_times(id);
    let offer = Resource::new(
        move || (id(), status.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_offer(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the offer…"</p> }>
            {move || Suspend::new(async move {
                let _ = times.await;
                match offer.await {
                    Ok(data) => view! { <Offer data status times /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The offer itself.
#[component]
fn Offer(
    data: OfferPageData,
    status: ServerAction<ChangeOfferStatus>,
    times: GroupTimesResource,
) -> impl IntoView {
    let OfferPageData { offer, signed_in } = data;
    let OfferView {
        card,
        address,
        time_zone,
        online,
        description,
        what_you_see,
        capacity,
        requires_photo_id,
        requires_background_check,
        languages,
        accessibility_notes,
        practical_notes,
        weekly,
        yours,
        slots,
    } = offer;
    let id = card.id;
    let details = [
        ("Setting", card.setting_type.clone()),
        (
            "Where",
            if online {
                "Online".to_owned()
            } else {
                join_place(address.as_deref().unwrap_or_default(), &card.place)
            },
        ),
        (
            "Each visit lasts",
            format!("{} minutes", card.duration_minutes),
        ),
        ("Visitors per time", capacity.to_string()),
        ("Languages", languages.join(", ")),
        ("Times are set in", time_zone.replace('_', " ")),
    ];
    let requirements: Vec<&str> = [
        requires_photo_id.then_some("Bring photo ID."),
        requires_background_check.then_some("A background check (e.g. DBS) is required."),
    ]
    .into_iter()
    .flatten()
    .collect();
    let offer_status = card.status;
    let may_ask =
        signed_in && !yours && offer_status == OfferStatus::Published && !slots.is_empty();
    let needs = Attestations {
        photo_id: requires_photo_id,
        background_check: requires_background_check,
    };
    let (name, host) = (card.setting_name.clone(), card.host.clone());
    view! {
        <Title text=card.setting_name.clone() />
        <article class="offer stack">
            <header class="page-header">
                <h1>{card.setting_name}</h1>
                <p class="page-header__lead">
                    {format!("{} · {} · hosted by ", card.setting_type, card.place)}
                    <MemberName member=host />
                </p>
            </header>
            <DoneNotice />
            {yours.then(|| view! { <HostTools id current=offer_status status /> })}
            <dl class="details">
                {details
                    .into_iter()
                    .filter(|(_, value)| !value.is_empty())
                    .map(|(label, value)| view! {
                        <div class="details__item"><dt>{label}</dt><dd>{value}</dd></div>
                    })
                    .collect_view()}
            </dl>
            <Prose id="about" title="About the visit" text=description />
            <Prose id="see" title="What you will see" text=what_you_see />
            <Section id="weekly" title="Weekly times".to_owned()>
                {if weekly.is_empty() {
                    view! { <p class="muted">"No weekly times yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="weekly-times">
                            {weekly.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <p class="muted">{format!("In the setting's time zone ({}).", time_zone.replace('_', " "))}</p>
                    }
                    .into_any()
                }}
            </Section>
            <Prose id="accessibility" title="Accessibility" text=accessibility_notes />
            <Prose id="practical" title="Practical notes" text=practical_notes />
            {(!requirements.is_empty()).then(|| view! {
                <Section id="requirements" title="What visitors need".to_owned()>
                    <ul>{requirements.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </Section>
            })}
            <Section id="ask" title="Ask for a visit".to_owned()>
                {if yours {
                    view! {
                        <p class="muted">"This is your offer. Members who may see it can ask for one of its free times."</p>
                        <FreeTimes slots />
                    }
                    .into_any()
                } else if !signed_in {
                    view! {
                        <LogInFirst next=format!("/visits/offers/{id}") what="to ask for a visit." />
                        <FreeTimes slots />
                    }
                    .into_any()
                } else if offer_status != OfferStatus::Published {
                    view! { <p>"This offer is not taking requests just now."</p> }.into_any()
                } else if slots.is_empty() {
                    view! { <p>"There are no free times in the coming four weeks. Please look again later."</p> }
                        .into_any()
                } else {
                    view! {
                        <RequestForm
                            offer_id=id
                            name
                            slots
                            photo_id=requires_photo_id
                            background_check=requires_background_check
                        />
                    }
                    .into_any()
                }}
            </Section>
            {may_ask.then(|| view! { <FindGroupTime offer_id=id needs times /> })}
        </article>
    }
}

/// A titled block of the host's text, left out when empty.
#[component]
fn Prose(id: &'static str, title: &'static str, text: String) -> impl IntoView {
    (!text.trim().is_empty()).then(|| {
        view! {
            <Section id title=title.to_owned()>
                <p class="visit-prose">{text}</p>
            </Section>
        }
    })
}

/// The free times as a plain list, for those who cannot ask.
#[component]
fn FreeTimes(slots: Vec<iey_dto::FreeSlot>) -> impl IntoView {
    (!slots.is_empty()).then(|| {
        view! {
            <ul class="slot-list">
                {slots
                    .into_iter()
                    .map(|slot| view! { <li><ShownTimeText time=slot.starts ends=slot.ends /></li> })
                    .collect_view()}
            </ul>
        }
    })
}

/// The host's edit link and the buttons that publish, pause, close or take the
/// offer back to a draft.
#[component]
fn HostTools(
    id: i32,
    current: OfferStatus,
    status: ServerAction<ChangeOfferStatus>,
) -> impl IntoView {
    let problems = Problems(action_error(status));
    let message = problems.message("status");
    let other = Signal::derive(move || {
        action_error(status)
            .get()
            .filter(|error| error.field_message("status").is_none())
    });
    let buttons = [
        (OfferStatus::Published, "Publish"),
        (OfferStatus::Paused, "Pause"),
        (OfferStatus::Closed, "Close"),
        (OfferStatus::Draft, "Back to draft"),
    ];
    view! {
        <section class="host-tools stack" aria-labelledby="host-tools-heading">
            <h2 id="host-tools-heading">"Your offer"</h2>
            <p>
                "Status: "
                <span class=format!("offer-status offer-status--{}", current.code())>{current.label()}</span>
            </p>
            <div class="cluster" id="field-status">
                <A href=format!("/visits/offers/{id}/edit") attr:class="btn btn--small btn--secondary">"Edit the offer"</A>
                {buttons
                    .into_iter()
                    .filter(|(to, _)| *to != current)
                    .map(|(to, label)| view! {
                        <ActionForm action=status attr:class="inline-form">
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="status" value=to.code() />
                            <input type="hidden" name="back" value=here() />
                            <button
                                type="submit"
                                class="btn btn--small"
                                aria-describedby=move || message.with(Option::is_some).then_some("field-status-error")
                            >
                                {label}
                            </button>
                        </ActionForm>
                    })
                    .collect_view()}
            </div>
            <HintAndMessage field="status" hint=None message />
            {move || other.get().map(|error| view! { <ErrorNotice error /> })}
        </section>
    }
}

/// "12 Park Road, Leeds, United Kingdom": the address before the place.
fn join_place(address: &str, place: &str) -> String {
    if address.trim().is_empty() {
        place.to_owned()
    } else {
        format!("{}, {place}", address.trim())
    }
}
