//! The forms that move a visit along: the host's approve, waiting list and
//! decline (with a reason), either side's cancel (with a reason), and the
//! visitor's "Take the place". Each is a plain form with its own action, so a
//! page with many visits shows a problem at the form it belongs to.

use iey_dto::AppError;
use leptos::prelude::*;

use super::components::{here, refresh_on_success, sent_back_for, visit_error};
use super::server::{ApproveVisit, CancelVisit, DeclineVisit, TakePlace, WaitlistVisit};
use crate::forms::escape_text;

/// Approve, Waiting list and Decline, for a host answering request `id` from
/// `name`; Waiting list only while it is a fresh request.
#[component]
pub fn HostAnswers(
    id: i32,
    name: String,
    can_waitlist: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let approve = ServerAction::<ApproveVisit>::new();
    let waitlist = ServerAction::<WaitlistVisit>::new();
    refresh_on_success(approve, refresh);
    refresh_on_success(waitlist, refresh);
    let (approve_error, waitlist_error) = (visit_error(approve, id), visit_error(waitlist, id));
    let whose = format!(" {name}'s request");
    let waitlist_whose = whose.clone();
    view! {
        <div class="visit-answers stack">
            <OtherProblem error=approve_error />
            <OtherProblem error=waitlist_error />
            <div class="cluster">
                <ActionForm action=approve attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="back" value=here() />
                    <button type="submit" class="btn btn--small btn--primary">
                        "Approve" <span class="visually-hidden">{whose}</span>
                    </button>
                </ActionForm>
                {can_waitlist.then(|| view! {
                    <ActionForm action=waitlist attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="back" value=here() />
                        <button type="submit" class="btn btn--small btn--secondary">
                            "Waiting list" <span class="visually-hidden">{waitlist_whose}</span>
                        </button>
                    </ActionForm>
                })}
            </div>
            <DeclineForm id name refresh />
        </div>
    }
}

/// "Decline", with the reason the visitor is told.
#[component]
fn DeclineForm(id: i32, name: String, refresh: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<DeclineVisit>::new();
    refresh_on_success(action, refresh);
    let error = visit_error(action, id);
    view! {
        <ActionForm action attr:class="visit-reason-form stack" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="back" value=here() />
            <ReasonField
                id
                kind="decline"
                label=format!("Why you are declining {name}'s request")
                hint="The visitor is told this reason."
                error
            />
            <OtherProblem error />
            <div>
                <button type="submit" class="btn btn--small btn--danger">
                    "Decline" <span class="visually-hidden">{format!(" {name}'s request")}</span>
                </button>
            </div>
        </ActionForm>
    }
}

/// "Cancel the visit", with the reason the other side is told.
#[component]
pub fn CancelForm(id: i32, refresh: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<CancelVisit>::new();
    refresh_on_success(action, refresh);
    let error = visit_error(action, id);
    view! {
        <ActionForm action attr:class="visit-reason-form stack" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="back" value=here() />
            <ReasonField
                id
                kind="cancel"
                label="Why you are cancelling".to_owned()
                hint="The other side is told this reason."
                error
            />
            <OtherProblem error />
            <div>
                <button type="submit" class="btn btn--small btn--danger">"Cancel the visit"</button>
            </div>
        </ActionForm>
    }
}

/// "Take the place", for a visitor offered a place that came free.
#[component]
pub fn TakePlaceForm(id: i32, refresh: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<TakePlace>::new();
    refresh_on_success(action, refresh);
    let error = visit_error(action, id);
    view! {
        <ActionForm action attr:class="inline-form stack">
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="back" value=here() />
            <OtherProblem error />
            <div>
                <button type="submit" class="btn btn--primary">"Take the place"</button>
            </div>
        </ActionForm>
    }
}

/// A required reason, its hint and its message, with ids unique to the visit.
#[component]
fn ReasonField(
    id: i32,
    kind: &'static str,
    label: String,
    hint: &'static str,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = format!("{kind}-reason-{id}");
    let (hint_id, error_id) = (format!("{field}-hint"), format!("{field}-error"));
    let message = Signal::derive(move || {
        error.with(|error| {
            error
                .as_ref()
                .and_then(|error| error.field_message("reason"))
                .map(str::to_owned)
        })
    });
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if message.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    // After a post without JavaScript, the reason comes back in the address.
    let kept = if sent_back_for(id) {
        leptos_router::hooks::use_query_map()
            .with_untracked(|query| query.get("reason"))
            .unwrap_or_default()
    } else {
        String::new()
    };
    view! {
        <div class="form-field" class:form-field--invalid=move || message.with(Option::is_some)>
            <label for=field.clone()>{label}</label>
            <textarea
                id=field
                name="reason"
                rows="2"
                maxlength="1000"
                required=true
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described
                // Leptos writes a textarea's children unescaped.
                inner_html=escape_text(&kept)
            ></textarea>
            <p id=hint_id class="form-field__hint">{hint}</p>
            {move || message.get().map(|message| {
                view! { <p id=error_id.clone() class="form-field__error">{message}</p> }
            })}
        </div>
    }
}

/// A problem that is not about the reason (a full slot, a visit changed meanwhile).
#[component]
fn OtherProblem(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|error| error.field_message("reason").is_none())
            .map(|error| {
                let reasons: Vec<String> = match error {
                    AppError::Validation { fields } if !fields.is_empty() => {
                        fields.into_iter().map(|field| field.message).collect()
                    }
                    other => vec![other.to_string()],
                };
                view! {
                    <div class="alert alert--error" role="alert">
                        {reasons.into_iter().map(|reason| view! { <p>{reason}</p> }).collect_view()}
                    </div>
                }
            })
    }
}
