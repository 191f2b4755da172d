//! Notes after a visit: the reflections the member may read, and the form that
//! writes (or, emptied, removes) their own, private or shared with the other side.

use iey_dto::ReflectionView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::components::{MemberName, Section, refresh_on_success};
use super::server::SaveReflection;
use crate::forms::{HintAndMessage, Problems, action_error, described_by, escape_text, field_id};

/// The reflections on visit `id`, and the member's own form.
#[component]
pub fn Reflections(
    id: i32,
    reflections: Vec<ReflectionView>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let save = ServerAction::<SaveReflection>::new();
    refresh_on_success(save, refresh);
    let error = action_error(save);
    let message = Problems(error).message("body");
    let mine = reflections
        .iter()
        .find(|reflection| reflection.mine)
        .cloned();
    // After a failed post without JavaScript, what was typed comes back.
    let kept = use_query_map().with_untracked(|query| query.get("body"));
    let body = kept
        .or_else(|| mine.as_ref().map(|mine| mine.body.clone()))
        .unwrap_or_default();
    let shared = mine.as_ref().is_some_and(|mine| mine.shared);
    view! {
        <Section id="reflections" title="Reflections".to_owned()>
            {if reflections.is_empty() {
                view! { <p class="muted">"No reflections yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="reflection-list">
                        {reflections.into_iter().map(|reflection| view! { <Reflection reflection /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.to_string() />
                <div class="form-field">
                    <label for=field_id("body")>"Your reflection"</label>
                    <textarea
                        id=field_id("body")
                        name="body"
                        rows="6"
                        maxlength="4000"
                        aria-invalid=move || message.with(Option::is_some).then_some("true")
                        aria-describedby=described_by("body", true, message)
                        // Leptos writes a textarea's children unescaped.
                        inner_html=escape_text(&body)
                    ></textarea>
                    <HintAndMessage
                        field="body"
                        hint=Some("What you learned, what you would try. Up to 4,000 characters; empty it to remove your note.")
                        message
                    />
                </div>
                <label class="toggle">
                    <input type="checkbox" name="shared" value="true" checked=shared />
                    "Share with the other side"
                </label>
                {move || error.get().filter(|error| error.field_message("body").is_none()).map(|error| view! {
                    <div class="alert alert--error" role="alert"><p>{error.to_string()}</p></div>
                })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--secondary" disabled=move || save.pending().get()>
                        "Save my reflection"
                    </button>
                </div>
            </ActionForm>
        </Section>
    }
}

/// One reflection: who wrote it, whether it is shared, and the note.
#[component]
fn Reflection(reflection: ReflectionView) -> impl IntoView {
    let ReflectionView {
        author,
        body,
        shared,
        mine,
    } = reflection;
    let note = match (mine, shared) {
        (true, true) => " (yours, shared)",
        (true, false) => " (yours, private)",
        _ => "",
    };
    view! {
        <li class="reflection">
            <p class="reflection__author"><MemberName member=author />{note}</p>
            <p class="visit-prose">{body}</p>
        </li>
    }
}
