//! `/members`: search, filter and page through the directory. A plain GET form
//! without JavaScript (every state is a URL); once hydrated, results follow the
//! search box as you type and the filters as you change them.

use iey_dto::{MemberPage, MemberQuery};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::components::ErrorNotice;
use crate::forms::ActionProblem;
use crate::friends::actions::FriendActions;
use crate::friends::components::DoneNotice;
use crate::members::components::MemberCardView;
use crate::members::filters::{DirectoryFilters, grouped};
use crate::members::server::browse_members;

/// How long typing must pause before the results follow, in milliseconds.
const TYPING_PAUSE_MS: u64 = 250;

/// The member directory page.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        params.with(|params| {
            let text = |key: &str| params.get(key).unwrap_or_default();
            let flag = |key: &str| params.get(key).is_some_and(|value| value == "true");
            MemberQuery {
                q: text("q"),
                sector: text("sector"),
                country: text("country"),
                language: text("language"),
                age_band: text("age_band"),
                interest: text("interest"),
                open_to_visits: flag("open_to_visits"),
                open_to_mentoring: flag("open_to_mentoring"),
                sort: text("sort"),
                after: text("after"),
            }
        })
    };
    let actions = FriendActions::new();
    // A friend request from a card reloads the cards (and their buttons).
    let page = Resource::new(
        move || (query(), actions.version()),
        |(query, _)| browse_members(query),
    );
    let search_box = NodeRef::<leptos::html::Input>::new();
    // Submitting goes through the router's form, so no page load happens.
    let submit = move || {
        if let Some(form) = search_box.get_untracked().and_then(|input| input.form()) {
            let _ = form.request_submit();
        }
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let search_as_you_type = move |_: leptos::ev::Event| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
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
        <Form method="GET" action="/members" attr:class="form directory-form" attr:role="search">
            <div class="search-form">
                <div class="form-field">
                    <label for="member-search">"Search members"</label>
                    <input
                        id="member-search"
                        node_ref=search_box
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
            <p id="member-search-hint" class="form-field__hint">
                "Names, roles, organisations, bios and interests. Words match their beginnings."
            </p>
            <div on:change=move |_| submit()>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        page.await
                            .ok()
                            .map(|page| {
                                view! {
                                    <DirectoryFilters query=query() facets=page.facets />
                                }
                            })
                    })}
                </Transition>
            </div>
        </Form>
        <DoneNotice />
        <ActionProblem error=actions.error() />
        <Transition fallback=|| view! { <p class="muted">"Loading members…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Results page query=query() actions /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The result count, the cards and the pager.
#[component]
fn Results(page: MemberPage, query: MemberQuery, actions: FriendActions) -> impl IntoView {
    let count = match page.total {
        0 => "No members match your search.".to_owned(),
        1 => "1 member".to_owned(),
        n => format!("{} members", grouped(n)),
    };
    let clear = query.has_filters().then(|| {
        link(&MemberQuery {
            q: query.q.clone(),
            ..MemberQuery::default()
        })
    });
    let first_page = (!query.after.is_empty()).then(|| {
        link(&MemberQuery {
            after: String::new(),
            ..query.clone()
        })
    });
    let next_page = page.next.map(|after| link(&MemberQuery { after, ..query }));
    view! {
        <div class="results-bar">
            <p class="results-count" role="status" aria-live="polite">{count}</p>
            {clear.map(|href| view! { <A href=href attr:class="results-bar__clear">"Clear filters"</A> })}
        </div>
        <ul class="member-list">
            {page
                .members
                .into_iter()
                .map(|member| view! { <MemberCardView member actions /> })
                .collect_view()}
        </ul>
        <nav class="pager" aria-label="Pages of results">
            {first_page.map(|href| view! { <A href=href>"First page"</A> })}
            {next_page.map(|href| view! { <A href=href>"Next page"</A> })}
        </nav>
    }
}

/// The address of the directory showing `query`, leaving out empty parameters.
fn link(query: &MemberQuery) -> String {
    let mut params = form_urlencoded::Serializer::new(String::new());
    for (key, value) in query.params() {
        params.append_pair(key, value);
    }
    let params = params.finish();
    if params.is_empty() {
        "/members".to_owned()
    } else {
        format!("/members?{params}")
    }
}
