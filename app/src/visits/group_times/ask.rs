//! The form under each time found for a group: asks for that time for the
//! viewer and every friend named, with a message and the attestations the
//! setting requires. Without JavaScript a failure comes back to this form only
//! (`for_group` and the time in the address).

use iey_dto::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::Attestations;
use crate::forms::{action_error, escape_text};
use crate::visits::server::RequestVisit;

/// Asks for the time starting `starts_at` for the viewer and `group`.
#[component]
pub fn AskForEveryone(
    offer_id: i32,
    index: usize,
    starts_at: String,
    when: String,
    group: String,
    needs: Attestations,
) -> impl IntoView {
    let action = ServerAction::<RequestVisit>::new();
    let kept = sent_back_to(&starts_at);
    let ours = kept.is_some();
    let error = action_error(action);
    let error = Signal::derive(move || {
        if action.version().get() == 0 && !ours {
            None
        } else {
            error.get()
        }
    });
    let Kept {
        message,
        photo_id,
        background_check,
    } = kept.unwrap_or_default();
    let prefix = format!("group-slot-{index}");
    let (error_id, message_id) = (format!("{prefix}-error"), format!("{prefix}-message"));
    let attestation = |field: &'static str, label: &'static str, checked: bool| {
        let id = format!("{prefix}-{}", field.replace('_', "-"));
        view! { <Attestation id field label checked error error_id=error_id.clone() /> }
    };
    let attestations = (
        needs
            .photo_id
            .then(|| attestation("attest_photo_id", "I will bring photo ID.", photo_id)),
        needs.background_check.then(|| {
            attestation(
                "attest_background_check",
                "I have a background check (e.g. DBS) that is up to date.",
                background_check,
            )
        }),
    );
    view! {
        <ActionForm action attr:class="group-slot__ask stack" attr:novalidate=true>
            <input type="hidden" name="offer_id" value=offer_id.to_string() />
            <input type="hidden" name="for_group" value="true" />
            <input type="hidden" name="form[starts_at]" value=starts_at />
            <input type="hidden" name="form[companions]" value=group />
            <SlotProblem id=error_id.clone() error />
            <div class="form-field">
                <label for=message_id.clone()>"A message to the host (optional)"</label>
                <textarea
                    id=message_id
                    name="form[message]"
                    rows="2"
                    maxlength="1000"
                    aria-invalid=invalid(error, "message")
                    aria-describedby=described(error, "message", error_id.clone())
                    // Leptos writes a textarea's children unescaped.
                    inner_html=escape_text(&message)
                ></textarea>
            </div>
            {attestations}
            <div class="form-actions">
                <button type="submit" class="btn btn--primary btn--small" disabled=move || action.pending().get()>
                    "Ask for this time for all of us"
                    <span class="visually-hidden">{format!(" ({when})")}</span>
                </button>
            </div>
        </ActionForm>
    }
}

/// A tick box the setting requires, tied to the form's problem while it names it.
#[component]
fn Attestation(
    id: String,
    field: &'static str,
    label: &'static str,
    checked: bool,
    error: Signal<Option<AppError>>,
    error_id: String,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input
                id=id
                type="checkbox"
                name=format!("form[{field}]")
                value="true"
                checked=checked
                aria-invalid=invalid(error, field)
                aria-describedby=described(error, field, error_id)
            />
            {label}
        </label>
    }
}

/// `aria-invalid` for `field` while the form's problem names it.
fn invalid(
    error: Signal<Option<AppError>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy + 'static {
    move || {
        error
            .with(|error| {
                error
                    .as_ref()
                    .and_then(|error| error.field_message(field))
                    .is_some()
            })
            .then_some("true")
    }
}

/// `aria-describedby` for `field`: the form's problem (`error_id`) while it names it.
fn described(
    error: Signal<Option<AppError>>,
    field: &'static str,
    error_id: String,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || invalid(error, field)().map(|_| error_id.clone())
}

/// Every reason the last request from this form failed, announced when it appears.
#[component]
fn SlotProblem(id: String, error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let reasons: Vec<String> = match error {
                AppError::Validation { fields } if !fields.is_empty() => {
                    fields.into_iter().map(|field| field.message).collect()
                }
                other => vec![other.to_string()],
            };
            view! {
                <div class="alert alert--error" role="alert" id=id.clone()>
                    {reasons.into_iter().map(|reason| view! { <p>{reason}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// What a failed request without JavaScript left in the address.
#[derive(Default)]
struct Kept {
    message: String,
    photo_id: bool,
    background_check: bool,
}

/// What was typed, when the address holds a failed group request for the time
/// starting `starts_at`.
fn sent_back_to(starts_at: &str) -> Option<Kept> {
    use_query_map().with_untracked(|query| {
        query.get("for_group")?;
        (query.get("starts_at").as_deref() == Some(starts_at)).then(|| Kept {
            message: query.get("message").unwrap_or_default(),
            photo_id: query.get("attest_photo_id").as_deref() == Some("true"),
            background_check: query.get("attest_background_check").as_deref() == Some("true"),
        })
    })
}
