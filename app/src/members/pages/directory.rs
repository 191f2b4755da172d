//! `/members`: search and page through the directory. A plain GET form without
//! JavaScript; once hydrated, results follow the search box as you type.

use iey_dto::{MemberPage, MemberQuery};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::components::ErrorNotice;
use crate::members::components::MemberCardView;
use crate::members::server::browse_members;

/// How long typing must pause before the results follow, in milliseconds.
const TYPING_PAUSE_MS: u64 = 250;

/// The member directory page.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        params.with(|params| MemberQuery {
            q: params.get("q").unwrap_or_default(),
            after: params.get("after").unwrap_or_default(),
            ..MemberQuery::default()
        })
    };
    let page = Resource::new(query, browse_members);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let search_as_you_type = move |event: leptos::ev::Event| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let form = event_target::<web_sys::HtmlInputElement>(&event).form();
        // Submitting goes through the router's form, so no page load happens.
        let submit = move || {
            if let Some(form) = form {
                let _ = form.request_submit();
            }
        };
        let handle =
            set_timeout_with_handle(submit, std::time::Duration::from_millis(TYPING_PAUSE_MS)).ok();
        pending.set_value(handle);
    };

    view! {
        <Title text="Members" />
        <header class="page-header">
            <h1>"Members"</h1>
            <p class="page-header__lead">
                "People who work with young children, in every sector and country."
            </p>
        </header>
        <Form method="GET" action="/members" attr:class="form" attr:role="search">
            <div class="search-form">
                <div class="form-field">
                    <label for="member-search">"Search members"</label>
                    <input
                        id="member-search"
                        type="search"
                        name="q"
                        autocomplete="off"
                        maxlength="200"
                        prop:value=move || query().q
                        on:input=search_as_you_type
                        aria-describedby="member-search-hint"
                    />
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary">"Search"</button>
                </div>
            </div>
            <p id="member-search-hint" class="form-field__hint">"Names, roles and organisations."</p>
        </Form>
        <Transition fallback=|| view! { <p class="muted">"Loading members…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Results page query=query() /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The result count, the cards and the pager.
#[component]
fn Results(page: MemberPage, query: MemberQuery) -> impl IntoView {
    let count = match page.total {
        0 => "No members match your search.".to_owned(),
        1 => "1 member".to_owned(),
        n => format!("{n} members"),
    };
    let first_page = (!query.after.is_empty()).then(|| link(&query.q, None));
    let next_page = page
        .next
        .as_deref()
        .map(|after| link(&query.q, Some(after)));
    view! {
        <p class="results-count" role="status" aria-live="polite">{count}</p>
        <ul class="member-list">
            {page
                .members
                .into_iter()
                .map(|member| view! { <MemberCardView member /> })
                .collect_view()}
        </ul>
        <nav class="pager" aria-label="Pages of results">
            {first_page.map(|href| view! { <A href=href>"First page"</A> })}
            {next_page.map(|href| view! { <A href=href>"Next page"</A> })}
        </nav>
    }
}

/// The address of a directory page for `q`, after the cursor `after`.
fn link(q: &str, after: Option<&str>) -> String {
    let mut params = form_urlencoded::Serializer::new(String::new());
    if !q.is_empty() {
        params.append_pair("q", q);
    }
    if let Some(after) = after {
        params.append_pair("after", after);
    }
    let params = params.finish();
    if params.is_empty() {
        "/members".to_owned()
    } else {
        format!("/members?{params}")
    }
}
