//! The text inputs every form uses: each with its label, hint and message, tied
//! together with `aria-describedby` and marked `aria-invalid` when it needs fixing.
//! Names are `form[<field>]` unless told otherwise, as the save functions read them.

use leptos::prelude::*;

use super::{HintAndMessage, Problems, described_by, escape_text, field_id};

/// A one-line text input (`numeric` asks phones for the number pad).
#[component]
pub fn TextField(
    field: &'static str,
    label: &'static str,
    value: String,
    problems: Problems,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 120)] maxlength: usize,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] name: Option<String>,
) -> impl IntoView {
    let message = problems.message(field);
    view! {
        <div class="form-field">
            <label for=field_id(field)>{label}</label>
            <input
                id=field_id(field)
                type="text"
                name=name.unwrap_or_else(|| format!("form[{field}]"))
                value=value
                maxlength=maxlength
                inputmode=numeric.then_some("numeric")
                required=required
                autocomplete=autocomplete
                list=list
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(field, hint.is_some(), message)
            />
            <HintAndMessage field hint message />
        </div>
    }
}

/// A plain-text area.
#[component]
pub fn TextArea(
    field: &'static str,
    label: &'static str,
    value: String,
    problems: Problems,
    hint: &'static str,
    #[prop(default = 4000)] maxlength: usize,
    #[prop(default = 5)] rows: usize,
) -> impl IntoView {
    let message = problems.message(field);
    view! {
        <div class="form-field">
            <label for=field_id(field)>{label}</label>
            <textarea
                id=field_id(field)
                name=format!("form[{field}]")
                maxlength=maxlength
                rows=rows
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(field, true, message)
                // Leptos writes a textarea's children unescaped, so the text goes in
                // as escaped markup (the browser decodes it back to the same text).
                inner_html=escape_text(&value)
            ></textarea>
            <HintAndMessage field hint=Some(hint) message />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::escape_text;

    #[test]
    fn textarea_text_cannot_close_the_textarea() {
        assert_eq!(
            escape_text("</textarea><script>&amp;"),
            "&lt;/textarea&gt;&lt;script&gt;&amp;amp;"
        );
    }
}
