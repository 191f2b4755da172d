//! The interests field: comma-separated tags with suggestions from other members.

use leptos::prelude::*;

use super::fields::{Problems, TextField};

/// Interests as comma-separated text, with suggestions that add to what is typed.
#[component]
pub fn InterestsField(
    value: String,
    suggestions: Vec<String>,
    problems: Problems,
) -> impl IntoView {
    let typed = RwSignal::new(value.clone());
    // A datalist offers whole values, so each suggestion is offered as the
    // interests already typed plus that suggestion.
    let options = move || {
        let typed = typed.get();
        let done: Vec<&str> = match typed.rsplit_once(',') {
            Some((done, _)) => done
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect(),
            None => Vec::new(),
        };
        let prefix = done.join(", ");
        suggestions
            .iter()
            .filter(|suggestion| !done.contains(&suggestion.as_str()))
            .map(|suggestion| {
                let value = if prefix.is_empty() {
                    suggestion.clone()
                } else {
                    format!("{prefix}, {suggestion}")
                };
                view! { <option value=value></option> }
            })
            .collect_view()
    };
    view! {
        <div on:input=move |event| typed.set(event_target_value(&event))>
            <TextField
                field="interests"
                label="Interests (optional)"
                value
                problems
                maxlength=800
                list="interest-suggestions"
                hint="Up to 15 topics, separated by commas: for example “outdoor play, speech and language”."
            />
        </div>
        <datalist id="interest-suggestions">{options}</datalist>
    }
}
