//! The offer form's fields: each with its label, hint and message, tied together
//! with `aria-describedby` and marked `aria-invalid` when it needs fixing. Names
//! are `form[<field>]`, as the save function's `OfferForm` reads them.

use iey_dto::{AppError, Choice};
use leptos::prelude::*;

use crate::forms::{HintAndMessage, Problems, described_by, field_id};
pub use crate::forms::{TextArea, TextField};

/// A drop-down list; `placeholder` is the empty first choice, if any.
#[component]
pub fn SelectField(
    field: &'static str,
    label: &'static str,
    options: Vec<Choice>,
    selected: String,
    problems: Problems,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let message = problems.message(field);
    let known = options.iter().any(|option| option.code == selected);
    view! {
        <div class="form-field">
            <label for=field_id(field)>{label}</label>
            <select
                id=field_id(field)
                name=format!("form[{field}]")
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(field, hint.is_some(), message)
            >
                {placeholder.map(|placeholder| view! { <option value="" selected=!known>{placeholder}</option> })}
                {options
                    .into_iter()
                    .map(|option| {
                        let chosen = option.code == selected;
                        view! { <option value=option.code selected=chosen>{option.label}</option> }
                    })
                    .collect_view()}
            </select>
            <HintAndMessage field hint message />
        </div>
    }
}

/// A single tick box sent as `true` when ticked.
#[component]
pub fn Toggle(
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

/// The alert at the top of the form: what went wrong, with a link to each field.
#[component]
pub fn Summary(problems: Problems) -> impl IntoView {
    move || {
        problems.0.get().map(|error| {
            let items = match &error {
                AppError::Validation { fields } => Some(
                    fields
                        .iter()
                        .map(|problem| {
                            let href = format!("#{}", field_id(&problem.field));
                            view! { <li><a href=href>{problem.message.clone()}</a></li> }
                        })
                        .collect_view(),
                ),
                _ => None,
            };
            view! {
                <div class="alert alert--error" role="alert">
                    <p><strong>{error.to_string()}</strong></p>
                    {items.map(|items| view! { <ul>{items}</ul> })}
                </div>
            }
        })
    }
}

/// A choice from a code and a label.
pub fn choice(code: &str, label: &str) -> Choice {
    Choice {
        code: code.to_owned(),
        label: label.to_owned(),
    }
}
