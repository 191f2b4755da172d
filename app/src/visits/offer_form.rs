//! `/visits/offers/new` and `/visits/offers/:id/edit`: a host writes an offer —
//! the setting, where it is, the visit, what visitors need, the weekly times and
//! dated changes, and who may see it. A plain form that works without JavaScript
//! (problems come back with everything as typed); once hydrated it saves
//! without a page load and shows problems in place.

mod draft;
mod fields;

use iey_dto::{AppError, Choice, OfferEditor, OfferForm, SETTING_TYPES, WEEKDAYS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::components::LogInFirst;
use super::server::{SaveOffer, get_offer_editor};
use crate::components::ErrorNotice;
use crate::forms::Problems;
use crate::pages::NotFoundPage;
use draft::draft_from_query;
#[cfg(feature = "ssr")]
pub use draft::draft_query;
use fields::{SelectField, Summary, TextArea, TextField, Toggle, choice};

/// Who may see an offer: code and label.
const OFFER_VISIBILITIES: [(&str, &str); 3] = [
    ("public", "Everyone, including people who are not logged in"),
    ("members", "Members of IEY"),
    ("friends", "Your friends only"),
];

/// A new offer.
#[component]
pub fn NewOfferPage() -> impl IntoView {
    let editor = Resource::new(|| (), |()| get_offer_editor(None));
    view! {
        <EditorOrProblem
            editor
            next="/visits/offers/new".to_owned()
            title="Offer visits to your setting"
            lead="Describe your setting and the times visitors may come. It stays a draft, seen only by you, until you publish it."
        />
    }
}

/// An offer the member hosts, to change.
#[component]
pub fn EditOfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i32>().ok()));
    let editor = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_offer_editor(Some(id)).await,
            None => Err(AppError::NotFound),
        }
    });
    let next = params.with_untracked(|params| {
        format!(
            "/visits/offers/{}/edit",
            params.get("id").unwrap_or_default()
        )
    });
    view! {
        <EditorOrProblem
            editor
            next
            title="Edit your offer"
            lead="Changes to the weekly times apply to requests from now on; visits already asked for keep their time."
        />
    }
}

/// The page's heading and form once the editor has loaded, or why it can't be
/// shown (an offer that is not the member's is the site's 404, with its own heading).
#[component]
fn EditorOrProblem(
    editor: Resource<Result<OfferEditor, AppError>>,
    next: String,
    title: &'static str,
    lead: &'static str,
) -> impl IntoView {
    let header = move || {
        view! {
            <Title text=title />
            <header class="page-header">
                <h1>{title}</h1>
                <p class="page-header__lead">{lead}</p>
            </header>
        }
    };
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the form…"</p> }>
            {
                let next = next.clone();
                move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        match editor.await {
                            Ok(editor) => view! { {header()} <OfferEditForm editor /> }.into_any(),
                            Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                            Err(AppError::Unauthenticated) => {
                                view! { {header()} <LogInFirst next what="to offer visits." /> }
                                    .into_any()
                            }
                            Err(error) => view! { {header()} <ErrorNotice error /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

/// The form, filled with what was typed last (a draft sent back) or what is stored.
#[component]
fn OfferEditForm(editor: OfferEditor) -> impl IntoView {
    let save = ServerAction::<SaveOffer>::new();
    let problems = Problems(Signal::derive(move || {
        save.value().get().and_then(Result::err)
    }));
    let OfferEditor {
        id,
        form,
        countries,
        time_zones,
    } = editor;
    let form = use_query_map()
        .with_untracked(draft_from_query)
        .unwrap_or(form);
    let OfferForm {
        setting_name,
        setting_type,
        address,
        city,
        country,
        time_zone,
        online,
        meeting_link,
        description,
        what_you_see,
        duration_minutes,
        capacity,
        requires_photo_id,
        requires_background_check,
        languages,
        accessibility_notes,
        practical_notes,
        min_notice_hours,
        horizon_days,
        visibility,
        weekly,
        exceptions,
    } = form;
    let time_zones: Vec<Choice> = time_zones
        .into_iter()
        .map(|zone| Choice {
            label: zone.replace('_', " "),
            code: zone,
        })
        .collect();
    let weekly_fields = WEEKDAYS
        .iter()
        .enumerate()
        .map(|(index, &(day, label))| {
            let value = weekly.get(index).cloned().unwrap_or_default();
            view! {
                <TextField
                    field=day
                    label=label
                    value
                    problems
                    maxlength=200
                    hint="e.g. 10:00-12:00, 14:00-15:30"
                    name=format!("form[weekly][{index}]")
                />
            }
        })
        .collect_view();
    let cancel_href = id.map_or_else(|| "/visits".to_owned(), |id| format!("/visits/offers/{id}"));
    view! {
        <ActionForm action=save attr:class="form offer-form" attr:novalidate=true>
            {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string() /> })}
            <Summary problems />
            <fieldset class="offer-form__group">
                <legend>"The setting"</legend>
                <TextField field="setting_name" label="Setting name" value=setting_name problems hint="e.g. Sunny Days Nursery" />
                <SelectField
                    field="setting_type"
                    label="Kind of setting"
                    options=SETTING_TYPES.iter().map(|(code, label)| choice(code, label)).collect()
                    selected=setting_type
                    problems
                    placeholder="Choose the kind of setting"
                />
            </fieldset>
            <fieldset class="offer-form__group">
                <legend>"Where"</legend>
                <Toggle field="online" label="Visits happen online" checked=online problems />
                <TextField
                    field="meeting_link"
                    label="Meeting link (online visits)"
                    value=meeting_link
                    problems
                    maxlength=500
                    hint="Shown only to approved visitors."
                />
                <TextField
                    field="address"
                    label="Street address (visits in person)"
                    value=address
                    problems
                    maxlength=300
                    hint="Shown only to you and approved visitors."
                />
                <div class="form-row">
                    <TextField field="city" label="City or region" value=city problems />
                    <SelectField
                        field="country"
                        label="Country"
                        options=countries
                        selected=country
                        problems
                        placeholder="Choose the country"
                    />
                </div>
                <SelectField
                    field="time_zone"
                    label="The setting's time zone"
                    options=time_zones
                    selected=time_zone
                    problems
                    placeholder="Choose the time zone"
                    hint="The weekly times below are in this zone; visitors see them in their own."
                />
            </fieldset>
            <fieldset class="offer-form__group">
                <legend>"The visit"</legend>
                <TextArea field="description" label="About the setting and the visit" value=description problems hint="Plain text, up to 4,000 characters." />
                <TextArea field="what_you_see" label="What visitors will see" value=what_you_see problems hint="e.g. free play, lunch, a story session." />
                <div class="form-row">
                    <TextField field="duration_minutes" label="Each visit lasts (minutes)" value=duration_minutes problems numeric=true maxlength=4 />
                    <TextField field="capacity" label="Visitors per time" value=capacity problems numeric=true maxlength=3 />
                </div>
                <TextField
                    field="languages"
                    label="Languages of the visit"
                    value=languages
                    problems
                    maxlength=100
                    hint="Two-letter codes separated by commas, e.g. “en, fr”."
                />
                <TextArea field="accessibility_notes" label="Accessibility" value=accessibility_notes problems hint="Step-free access, quiet spaces, hearing loops…" rows=3 />
                <TextArea field="practical_notes" label="Practical notes" value=practical_notes problems hint="Parking, drop-off times, nap times to avoid…" rows=3 />
            </fieldset>
            <fieldset class="offer-form__group">
                <legend>"What visitors need"</legend>
                <Toggle field="requires_photo_id" label="Visitors must bring photo ID" checked=requires_photo_id problems />
                <Toggle
                    field="requires_background_check"
                    label="Visitors must have a background check (e.g. DBS)"
                    checked=requires_background_check
                    problems
                />
            </fieldset>
            <fieldset class="offer-form__group">
                <legend>"Weekly times"</legend>
                <p class="form-field__hint">"Leave a day empty when you take no visits that day. Times are in the setting's time zone."</p>
                <div class="offer-form__weekly">{weekly_fields}</div>
                <TextArea
                    field="exceptions"
                    label="Dated changes (optional)"
                    value=exceptions
                    problems
                    hint="One a line: “2027-12-24 closed”, “2027-12-23 13:00-15:00 closed” or “2028-01-05 10:00-12:00 extra”."
                    rows=4
                />
                <div class="form-row">
                    <TextField field="min_notice_hours" label="Notice a request needs (hours)" value=min_notice_hours problems numeric=true maxlength=4 />
                    <TextField field="horizon_days" label="How far ahead visitors may ask (days)" value=horizon_days problems numeric=true maxlength=4 />
                </div>
            </fieldset>
            <SelectField
                field="visibility"
                label="Who may see the offer"
                options=OFFER_VISIBILITIES.iter().map(|(code, label)| choice(code, label)).collect()
                selected=visibility
                problems
            />
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                    "Save the offer"
                </button>
                <a href=cancel_href>"Cancel"</a>
            </div>
        </ActionForm>
    }
}
