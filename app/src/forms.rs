//! Form building blocks: labelled fields with their messages tied to them, an
//! error summary, and the way a form survives a round trip without JavaScript.
//!
//! Without JavaScript an `ActionForm` is a plain POST; when the server function
//! fails, [`keep_on_error`] sends the browser back to the form's page with the
//! error and the non-secret values in the address, and the fields read them back.

mod fields;

use iey_dto::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub use fields::{TextArea, TextField};

/// The summary at the top of a form: says something needs fixing, or why it
/// failed. Announced to screen readers when it appears.
#[component]
pub fn FormProblem(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            view! {
                <div class="alert alert--error" role="alert">
                    <p>{error.to_string()}</p>
                </div>
            }
        })
    }
}

/// What went wrong with a button (a form without fields to put messages on):
/// every reason the server gave, announced when it appears.
#[component]
pub fn ActionProblem(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
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

/// The problems of a form's last submission, for any field to look up.
#[derive(Clone, Copy)]
pub struct Problems(pub Signal<Option<AppError>>);

impl Problems {
    /// The message for `field`, if the last submission named it.
    pub fn message(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.0.with(|error| {
                error
                    .as_ref()
                    .and_then(|error| error.field_message(field))
                    .map(str::to_owned)
            })
        })
    }
}

/// The element id of a field's input (or fieldset); its hint and message
/// add `-hint` and `-error`.
pub fn field_id(field: &str) -> String {
    format!("field-{}", field.replace('_', "-"))
}

/// The ids that describe a field: its hint, and its message while there is one.
pub fn described_by(
    field: &'static str,
    has_hint: bool,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Copy + 'static {
    move || {
        let id = field_id(field);
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if message.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A field's hint and (while there is one) its message.
#[component]
pub fn HintAndMessage(
    field: &'static str,
    hint: Option<&'static str>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let id = field_id(field);
    let error_id = format!("{id}-error");
    view! {
        {hint.map(|hint| view! { <p id=format!("{id}-hint") class="form-field__hint">{hint}</p> })}
        {move || {
            message
                .get()
                .map(|message| {
                    view! { <p id=error_id.clone() class="form-field__error">{message}</p> }
                })
        }}
    }
}

/// A labelled input whose problem, if any, is shown below it and tied to it with
/// `aria-describedby`. After a round trip without JavaScript it shows what was
/// typed (never for passwords).
#[component]
pub fn Field(
    /// The form field's name, as the server function's argument.
    name: &'static str,
    /// The visible label.
    label: &'static str,
    /// The input type: text, email, password...
    #[prop(default = "text")]
    kind: &'static str,
    /// The `autocomplete` hint for browsers and password managers.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// A hint shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether the field must be filled.
    #[prop(default = true)]
    required: bool,
    /// The value before anything is typed.
    #[prop(optional, into)]
    value: Option<String>,
    /// The form's latest error.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let query = use_query_map();
    let kept = (kind != "password")
        .then(|| query.with_untracked(|query| query.get(name)))
        .flatten()
        .or(value);
    let message = Problems(error).message(name);
    view! {
        <div class="form-field" class:form-field--invalid=move || message.with(Option::is_some)>
            <label for=field_id(name)>{label}</label>
            <input
                id=field_id(name)
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                value=kept
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by(name, hint.is_some(), message)
            />
            <HintAndMessage field=name hint message />
        </div>
    }
}

/// `text` with the characters that end or start markup escaped.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A status line read from the address after a redirect, e.g. `?sent=1`.
#[component]
pub fn Notice(
    /// The query parameter that triggers it.
    param: &'static str,
    /// The message to show.
    message: &'static str,
) -> impl IntoView {
    let query = use_query_map();
    move || {
        query.with(|query| query.get(param)).map(|_| {
            view! {
                <div class="alert alert--success" role="status">
                    <p>{message}</p>
                </div>
            }
        })
    }
}

/// The error of a server action, as a signal for [`Field`] and [`FormProblem`].
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Signal::derive(move || {
        action.value().with(|value| {
            value
                .as_ref()
                .and_then(|result| result.as_ref().err().cloned())
        })
    })
}

/// After a failed plain-HTML form post (JavaScript off), sends the browser back to
/// the page it came from with the error and the `kept` values in the address, so
/// the page shows both. Hydrated pages keep their inputs and are left alone. Also
/// gives the response a 4xx status for the member's mistakes.
#[cfg(feature = "ssr")]
pub fn keep_on_error<S: leptos::server_fn::ServerFn, T>(
    result: Result<T, AppError>,
    kept: &[(&str, &str)],
) -> Result<T, AppError> {
    let Err(error) = &result else {
        return result;
    };
    crate::server::set_error_status(error);
    let Some(referer) = use_context::<http::request::Parts>().and_then(|request| {
        let referer = request.headers.get(http::header::REFERER)?.to_str().ok()?;
        url::Url::parse(referer).ok()
    }) else {
        return result;
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in referer.query_pairs() {
        let replaced =
            key == "__path" || key == "__err" || kept.iter().any(|(name, _)| *name == key);
        if !replaced {
            query.append_pair(&key, &value);
        }
    }
    for (name, value) in kept.iter().filter(|(_, value)| !value.is_empty()) {
        // The router decodes query values twice, so a typed `%` is escaped once more.
        query.append_pair(name, &value.replace('%', "%25"));
    }
    // Only the referer's path is used: never a redirect to another site.
    send_back::<S>(&format!("{}?{}", referer.path(), query.finish()), error);
    result
}

/// For a plain HTML form post (JavaScript off), redirects to `page` (a path with
/// its query) with `error` added in the form Leptos' actions read back.
#[cfg(feature = "ssr")]
pub fn send_back<S: leptos::server_fn::ServerFn>(page: &str, error: &AppError) {
    let plain_form_post = use_context::<http::request::Parts>().is_some_and(|request| {
        request
            .headers
            .get(http::header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    });
    if !plain_form_post {
        return;
    }
    let base = format!("http://iey.invalid{page}");
    if let Ok(url) =
        leptos::server_fn::error::ServerFnUrlError::new(S::PATH, error.clone()).to_url(&base)
    {
        leptos_axum::redirect(&format!(
            "{}?{}",
            url.path(),
            url.query().unwrap_or_default()
        ));
    }
}

/// The status line a page shows for `?done=<word>` after one of its forms came
/// back, from the page's own `messages`.
#[component]
pub fn DoneStatus(messages: fn(&str) -> Option<&'static str>) -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .with(|query| query.get("done"))
            .and_then(|done| messages(&done))
            .map(|message| {
                view! {
                    <div class="alert alert--success" role="status">
                        <p>{message}</p>
                    </div>
                }
            })
    }
}

/// Where a change's form goes back to: `back` (a page of this site, else
/// `fallback`) with `done=<what>`. The page's own query stays; `form_keys` (what
/// earlier forms left in it) go, as do `done` and a carried error.
#[cfg(any(feature = "ssr", test))]
pub fn back_with_done(back: &str, what: &str, fallback: &str, form_keys: &[&str]) -> String {
    let on_this_site = back.starts_with('/') && !back.starts_with("//") && !back.contains('\\');
    let back = if on_this_site { back } else { fallback };
    let back = back.split('#').next().unwrap_or(fallback);
    let (path, query) = back.split_once('?').unwrap_or((back, ""));
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let left_by_a_form = matches!(key.as_ref(), "done" | "__err" | "__path")
            || form_keys.contains(&key.as_ref());
        if !left_by_a_form {
            kept.append_pair(&key, &value);
        }
    }
    kept.append_pair("done", what);
    format!("{path}?{}", kept.finish())
}
