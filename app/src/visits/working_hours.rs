//! The working-hours panel of `/settings`: the days and hours a member works,
//! on their own clock, which "find a time for a group" ranks an offer's free
//! times by. Without JavaScript a form with problems comes back as typed.

use iey_dto::{WEEKDAYS, WorkingHoursForm};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use super::server::{SaveWorkingHours, get_working_hours};
use crate::components::ErrorNotice;
use crate::forms::{FormProblem, HintAndMessage, Problems, action_error, described_by, field_id};

/// The panel's action and stored hours, made by the settings page outside its
/// Suspend.
#[derive(Clone, Copy)]
pub struct HoursPanelData {
    save: ServerAction<SaveWorkingHours>,
    stored: Resource<Result<iey_dto::WorkingHoursForm, iey_dto::AppError>>,
}

impl HoursPanelData {
    /// The stored hours, for the page's Suspend to await.
    pub fn loaded(self) -> Resource<Result<iey_dto::WorkingHoursForm, iey_dto::AppError>> {
        self.stored
    }

    /// The action, and the stored hours.
    pub fn new() -> Self {
        HoursPanelData {
            save: ServerAction::<SaveWorkingHours>::new(),
            stored: Resource::new(|| (), |()| get_working_hours()),
        }
    }
}

/// The panel, for the settings page.
#[component]
pub fn WorkingHoursPanel(data: HoursPanelData) -> impl IntoView {
    let HoursPanelData { save, stored } = data;
    let query = use_query_map();
    let error = action_error(save);
    let saved = move || {
        query.with(|query| query.get("done")).as_deref() == Some("hours")
            && error.with(Option::is_none)
    };
    view! {
        <section class="settings-section" id="working-hours" aria-labelledby="working-hours-heading">
            <h2 id="working-hours-heading">"Working hours"</h2>
            <p class="muted">
                "Used to find visit times that suit a group across time zones. Times are on your own clock (your profile's time zone)."
            </p>
            {move || saved().then(|| view! {
                <div class="alert alert--success" role="status">
                    <p>"Working hours saved."</p>
                </div>
            })}
            // Read, not awaited: the settings page's Suspend awaits it.
            {move || match stored.get() {
                Some(Ok(stored)) => view! { <HoursForm stored save /> }.into_any(),
                Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The form: the days ticked and the day's start and end, filled with what was
/// typed last (sent back in the address) or what is stored.
#[component]
fn HoursForm(stored: WorkingHoursForm, save: ServerAction<SaveWorkingHours>) -> impl IntoView {
    let error = action_error(save);
    let problems = Problems(error);
    let WorkingHoursForm { days, start, end } = use_query_map()
        .with_untracked(typed_hours)
        .unwrap_or(stored);
    let days_message = problems.message("days");
    view! {
        <ActionForm action=save attr:class="form working-hours" attr:novalidate=true>
            <FormProblem error />
            <fieldset
                id=field_id("days")
                class="choice-group working-hours__days"
                aria-describedby=described_by("days", false, days_message)
            >
                <legend>"Working days"</legend>
                {WEEKDAYS
                    .iter()
                    .map(|(code, label)| {
                        let checked = days.iter().any(|day| day == code);
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    name="form[days][]"
                                    value=*code
                                    checked=checked
                                    aria-invalid=move || days_message.with(Option::is_some).then_some("true")
                                />
                                {*label}
                            </label>
                        }
                    })
                    .collect_view()}
                <HintAndMessage field="days" hint=None message=days_message />
            </fieldset>
            <div class="form-row working-hours__times">
                <TimeField field="start" label="Start of your working day" value=start problems />
                <TimeField field="end" label="End of your working day" value=end problems />
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--secondary" disabled=move || save.pending().get()>
                    "Save working hours"
                </button>
            </div>
        </ActionForm>
    }
}

/// A labelled time of day, e.g. "09:00", with its problem tied to it.
#[component]
fn TimeField(
    field: &'static str,
    label: &'static str,
    value: String,
    problems: Problems,
) -> impl IntoView {
    let message = problems.message(field);
    view! {
        <div class="form-field">
            <label for=field_id(field)>{label}</label>
            <input
                id=field_id(field)
                type="time"
                name=format!("form[{field}]")
                value=value
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(field, false, message)
            />
            <HintAndMessage field hint=None message />
        </div>
    }
}

/// The form a failed save without JavaScript left in the address, if any.
fn typed_hours(query: &ParamsMap) -> Option<WorkingHoursForm> {
    query.get("hours_draft")?;
    Some(WorkingHoursForm {
        days: query.get_all("hours_days").unwrap_or_default(),
        start: query.get("hours_start").unwrap_or_default(),
        end: query.get("hours_end").unwrap_or_default(),
    })
}
