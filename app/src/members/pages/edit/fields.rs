//! The profile form's fields: each with its label, hint and message, tied
//! together with `aria-describedby` and marked `aria-invalid` when it needs fixing.

use iey_dto::Choice;
use leptos::prelude::*;

use crate::forms::{HintAndMessage, described_by};
pub use crate::forms::{Problems, TextArea, TextField, field_id};

/// A drop-down list. `current`, when given, lets the page change the choice
/// after hydration (the time zone guessed from the browser).
#[component]
pub fn SelectField(
    field: &'static str,
    label: &'static str,
    options: Vec<Choice>,
    selected: String,
    placeholder: &'static str,
    problems: Problems,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] current: Option<RwSignal<String>>,
) -> impl IntoView {
    let message = problems.message(field);
    let known = options.iter().any(|option| option.code == selected);
    let current = current.unwrap_or_else(|| {
        RwSignal::new(if known {
            selected.clone()
        } else {
            String::new()
        })
    });
    view! {
        <div class="form-field">
            <label for=field_id(field)>{label}</label>
            <select
                id=field_id(field)
                name=format!("form[{field}]")
                prop:value=current
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(field, hint.is_some(), message)
            >
                <option value="" selected=!known>{placeholder}</option>
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

/// A group of tick boxes (or radio buttons) under a legend, sent as a list (or one value).
#[component]
pub fn ChoiceGroup(
    field: &'static str,
    legend: &'static str,
    options: Vec<Choice>,
    chosen: Vec<String>,
    problems: Problems,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] radio: bool,
    #[prop(optional)] columns: bool,
) -> impl IntoView {
    let message = problems.message(field);
    let (kind, name) = if radio {
        ("radio", format!("form[{field}]"))
    } else {
        ("checkbox", format!("form[{field}][]"))
    };
    let class = if columns {
        "choice-group choice-group--columns"
    } else {
        "choice-group"
    };
    view! {
        <fieldset
            id=field_id(field)
            class=class
            aria-describedby=described_by(field, hint.is_some(), message)
        >
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|option| {
                    let checked = chosen.contains(&option.code);
                    view! {
                        <label>
                            <input
                                type=kind
                                name=name.clone()
                                value=option.code
                                checked=checked
                                aria-invalid=move || message.with(Option::is_some).then_some("true")
                            />
                            {option.label}
                        </label>
                    }
                })
                .collect_view()}
            <HintAndMessage field hint message />
        </fieldset>
    }
}

/// A single tick box sent as `true` when ticked.
#[component]
pub fn Toggle(field: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <label class="toggle">
            <input type="checkbox" name=format!("form[{field}]") value="true" checked=checked />
            {label}
        </label>
    }
}
