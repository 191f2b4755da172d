//! "Find a time for a group" on an offer page: a member names friends in a GET
//! form (the search lives in the address, so it works without JavaScript), sees
//! the free times with room for all of them ranked by how many each suits on
//! their own working hours, and asks for one for everyone at once.

mod ask;

use iey_dto::{AppError, GroupSlot, GroupTimes};
use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use super::components::{Section, ShownTimeText};
use super::server::get_group_times;
use crate::components::ErrorNotice;
use ask::AskForEveryone;

/// The group input's element id; its hint and message add `-hint` and `-error`.
const GROUP_INPUT: &str = "group-times-friends";

/// What the offer asks every visitor to attest to.
#[derive(Debug, Clone, Copy)]
pub struct Attestations {
    /// Visitors must bring photo ID.
    pub photo_id: bool,
    /// Visitors must have a background check.
    pub background_check: bool,
}

/// The times found for the group in the address (`?group=`), for the offer the
/// page shows (`offer_id`, when the address names one). Made by the page outside
/// its Suspend: one made inside can be made twice on the server, and hydration
/// then breaks.
pub fn group_times(
    offer_id: impl Fn() -> Option<i32> + Send + Sync + 'static,
) -> GroupTimesResource {
    let query = use_query_map();
    Resource::new(
        move || {
            // Read inside the closure, so navigating to another search refetches.
            let group = query.with(|query| query.get("group"));
            (offer_id(), group.filter(|group| !group.trim().is_empty()))
        },
        |(offer_id, group)| async move {
            match (offer_id, group) {
                (Some(offer_id), Some(group)) => get_group_times(offer_id, group).await.map(Some),
                _ => Ok(None),
            }
        },
    )
}

/// What [`group_times`] makes.
pub type GroupTimesResource = Resource<Result<Option<GroupTimes>, AppError>>;

/// The section, for a member who may ask for a visit to offer `offer_id`.
#[component]
pub fn FindGroupTime(
    offer_id: i32,
    needs: Attestations,
    times: GroupTimesResource,
) -> impl IntoView {
    let query = use_query_map();
    let group = move || query.with(|query| query.get("group"));
    view! {
        <Section id="group-times" title="Find a time for a group".to_owned()>
            <p class="muted">
                "Name friends coming with you to see which free times fall within everyone's working hours, each on their own clock. "
                <A href="/settings#working-hours">"Set your working hours"</A>
                " in your settings."
            </p>
            // Read, not awaited: the offer page's Suspend awaits it.
            {move || {
                let typed = group().unwrap_or_default();
                match times.get() {
                    None => view! { <p class="muted">"Finding times…"</p> }.into_any(),
                    Some(result) => match result {
                            Ok(found) => view! {
                                <GroupForm offer_id typed=typed.clone() problem=None />
                                {found.map(|found| view! { <Found found group=typed needs offer_id /> })}
                            }
                            .into_any(),
                            Err(error) => {
                                let problem = companion_problems(&error);
                                let other = problem.is_none().then_some(error);
                                view! {
                                    <GroupForm offer_id typed problem />
                                    {other.map(|error| view! { <ErrorNotice error /> })}
                                }
                                .into_any()
                            }
                        },
                }
            }}
        </Section>
    }
}

/// Every problem with the friends named, e.g. each handle that is not a friend.
fn companion_problems(error: &AppError) -> Option<String> {
    let AppError::Validation { fields } = error else {
        return None;
    };
    let messages: Vec<&str> = fields
        .iter()
        .filter(|problem| problem.field == "companions")
        .map(|problem| problem.message.as_str())
        .collect();
    (!messages.is_empty()).then(|| messages.join(" "))
}

/// The GET form naming the friends, with the problem of the last search.
#[component]
fn GroupForm(offer_id: i32, typed: String, problem: Option<String>) -> impl IntoView {
    let (hint, error) = (
        format!("{GROUP_INPUT}-hint"),
        format!("{GROUP_INPUT}-error"),
    );
    let described = match &problem {
        Some(_) => format!("{hint} {error}"),
        None => hint.clone(),
    };
    view! {
        <Form
            method="GET"
            action=format!("/visits/offers/{offer_id}")
            attr:class="form group-times__search"
            attr:role="search"
        >
            <div class="form-field">
                <label for=GROUP_INPUT>"Friends to find a time with"</label>
                <input
                    id=GROUP_INPUT
                    type="text"
                    name="group"
                    value=typed
                    maxlength="400"
                    aria-invalid=problem.is_some().then_some("true")
                    aria-describedby=described
                />
                <p id=hint class="form-field__hint">
                    "Handles of friends, separated by commas, e.g. “ana-lopez, sam”."
                </p>
                {problem.map(|problem| view! { <p id=error class="form-field__error">{problem}</p> })}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--secondary">"Find times"</button>
            </div>
        </Form>
    }
}

/// Who is in the group and the times ranked for them.
#[component]
fn Found(found: GroupTimes, group: String, needs: Attestations, offer_id: i32) -> impl IntoView {
    let GroupTimes { people, slots } = found;
    view! {
        <div class="group-times stack">
            <h3>"Your group"</h3>
            <ul class="group-times__people">
                {people.into_iter().map(|person| view! { <li>{person}</li> }).collect_view()}
            </ul>
            <h3>"Times for your group, best first"</h3>
            {if slots.is_empty() {
                view! {
                    <p>"There are no free times with room for all of you in the coming weeks."</p>
                }
                .into_any()
            } else {
                view! {
                    <ol class="group-times__slots">
                        {slots
                            .into_iter()
                            .enumerate()
                            .map(|(index, slot)| view! {
                                <RankedSlot index ranked=slot group=group.clone() needs offer_id />
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </div>
    }
}

/// One free time: when, how many it suits and whom not, and the form that asks
/// for it for everyone.
#[component]
fn RankedSlot(
    index: usize,
    ranked: GroupSlot,
    group: String,
    needs: Attestations,
    offer_id: i32,
) -> impl IntoView {
    let GroupSlot {
        slot,
        suits,
        of,
        outside,
    } = ranked;
    let class = if suits == of {
        "group-slot group-slot--everyone"
    } else {
        "group-slot"
    };
    let places = match slot.places_left {
        1 => "1 place left".to_owned(),
        count => format!("{count} places left"),
    };
    let when = slot.starts.yours.clone();
    let starts_at = slot.starts.utc.clone();
    view! {
        <li class=class>
            <p class="group-slot__time">
                <ShownTimeText time=slot.starts ends=slot.ends />
                " " <span class="slot-choice__places">{places}</span>
            </p>
            <p class="group-slot__fit"><strong>{format!("Suits {suits} of {of}")}</strong></p>
            {(!outside.is_empty()).then(|| view! {
                <p class="group-slot__outside">
                    {format!("Outside working hours for: {}", outside.join(", "))}
                </p>
            })}
            <AskForEveryone offer_id index starts_at when group needs />
        </li>
    }
}
