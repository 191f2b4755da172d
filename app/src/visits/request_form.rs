//! The form a member asks for a visit with: one of the free times, a message to
//! the host, the attestations the setting asks for, and friends coming along.
//! Without JavaScript a form with problems comes back with what was typed.

use iey_dto::{AppError, FreeSlot};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::server::RequestVisit;
use crate::forms::{HintAndMessage, Problems, action_error, described_by, escape_text, field_id};

/// What a failed post without JavaScript left in the address.
struct Kept {
    starts_at: String,
    message: String,
    companions: String,
    photo_id: bool,
    background_check: bool,
}

impl Kept {
    fn from_address() -> Kept {
        use_query_map().with_untracked(|query| {
            // A failure of a "find a time for a group" form belongs to that form.
            let ours = query.get("for_group").is_none();
            let text = |key: &str| query.get(key).filter(|_| ours).unwrap_or_default();
            Kept {
                starts_at: text("starts_at"),
                message: text("message"),
                companions: text("companions"),
                photo_id: text("attest_photo_id") == "true",
                background_check: text("attest_background_check") == "true",
            }
        })
    }
}

/// The request form for offer `offer_id` (the setting `name`).
#[component]
pub fn RequestForm(
    offer_id: i32,
    name: String,
    slots: Vec<FreeSlot>,
    photo_id: bool,
    background_check: bool,
) -> impl IntoView {
    let action = ServerAction::<RequestVisit>::new();
    let error = main_form_error(action);
    let problems = Problems(error);
    let kept = Kept::from_address();
    let (message, companions) = (problems.message("message"), problems.message("companions"));
    view! {
        <ActionForm action attr:class="form request-form" attr:novalidate=true>
            <input type="hidden" name="offer_id" value=offer_id.to_string() />
            {move || error.get().map(|error| view! {
                <div class="alert alert--error" role="alert"><p>{error.to_string()}</p></div>
            })}
            <SlotChoice slots chosen=kept.starts_at problems />
            <div class="form-field">
                <label for=field_id("message")>{format!("A message to the host of {name} (optional)")}</label>
                <textarea
                    id=field_id("message")
                    name="form[message]"
                    rows="4"
                    maxlength="1000"
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    aria-describedby=described_by("message", true, message)
                    // Leptos writes a textarea's children unescaped.
                    inner_html=escape_text(&kept.message)
                ></textarea>
                <HintAndMessage
                    field="message"
                    hint=Some("Who you are, where you work and what you hope to learn. Up to 1,000 characters.")
                    message
                />
            </div>
            <div class="form-field">
                <label for=field_id("companions")>"Friends coming along (optional)"</label>
                <input
                    id=field_id("companions")
                    type="text"
                    name="form[companions]"
                    value=kept.companions
                    maxlength="400"
                    aria-invalid=move || companions.with(Option::is_some).then_some("true")
                    aria-describedby=described_by("companions", true, companions)
                />
                <HintAndMessage
                    field="companions"
                    hint=Some("Handles of friends coming along, separated by commas, e.g. “ana-lopez, sam”.")
                    message=companions
                />
            </div>
            {photo_id.then(|| view! {
                <Attestation
                    field="attest_photo_id"
                    label="I will bring photo ID."
                    checked=kept.photo_id
                    problems
                />
            })}
            {background_check.then(|| view! {
                <Attestation
                    field="attest_background_check"
                    label="I have a background check (e.g. DBS) that is up to date."
                    checked=kept.background_check
                    problems
                />
            })}
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                    "Ask for this visit"
                </button>
            </div>
        </ActionForm>
    }
}

/// The error of the request form: one sent back without JavaScript from a
/// group's form (`for_group` in the address) shows there, not here.
fn main_form_error(action: ServerAction<RequestVisit>) -> Signal<Option<AppError>> {
    let theirs = use_query_map().with_untracked(|query| query.get("for_group").is_some());
    let error = action_error(action);
    Signal::derive(move || {
        if theirs && action.version().get() == 0 {
            None
        } else {
            error.get()
        }
    })
}

/// The free times as radio buttons: yours, the setting's, and places left.
#[component]
fn SlotChoice(slots: Vec<FreeSlot>, chosen: String, problems: Problems) -> impl IntoView {
    let message = problems.message("starts_at");
    view! {
        <fieldset
            id=field_id("starts_at")
            class="choice-group slot-choice"
            aria-describedby=described_by("starts_at", true, message)
        >
            <legend>"Choose a time"</legend>
            <HintAndMessage
                field="starts_at"
                hint=Some("Times are in your time zone; the setting's own time is in brackets.")
                message
            />
            {slots
                .into_iter()
                .map(|slot| {
                    let checked = slot.starts.utc == chosen;
                    let places = match slot.places_left {
                        1 => "1 place left".to_owned(),
                        count => format!("{count} places left"),
                    };
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="form[starts_at]"
                                value=slot.starts.utc.clone()
                                checked=checked
                                aria-invalid=move || message.with(Option::is_some).then_some("true")
                            />
                            <span>
                                <time datetime=slot.starts.utc>{format!("{}–{}", slot.starts.yours, slot.ends)}</time>
                                {slot.starts.theirs.map(|theirs| view! {
                                    " " <span class="visit-time__theirs">{format!("({theirs})")}</span>
                                })}
                                " " <span class="slot-choice__places">{places}</span>
                            </span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A tick box the setting requires.
#[component]
fn Attestation(
    field: &'static str,
    label: &'static str,
    checked: bool,
    problems: Problems,
) -> impl IntoView {
    let message = problems.message(field);
    view! {
        <div class="form-field">
            <label class="toggle">
                <input
                    id=field_id(field)
                    type="checkbox"
                    name=format!("form[{field}]")
                    value="true"
                    checked=checked
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    aria-describedby=described_by(field, false, message)
                />
                {label}
            </label>
            <HintAndMessage field hint=None message />
        </div>
    }
}
