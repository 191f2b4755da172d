//! `/friends`: requests waiting for an answer, friends (searchable), requests
//! sent, people you may know, and the members you blocked.

use iey_dto::{FriendRequestView, FriendsOverview, Suggestion};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use super::actions::{AnswerForms, CancelForm, DismissForm, FriendActions, QuickAddForm};
use super::blocked::BlockedList;
use super::components::{DoneNotice, MemberLine, reasons_text};
use super::server::get_friends_overview;
use crate::components::ErrorNotice;
use crate::forms::ActionProblem;

/// The friends page.
#[component]
pub fn FriendsPage() -> impl IntoView {
    let actions = FriendActions::new();
    let query = use_query_map();
    let search = move || query.with(|query| query.get("q").unwrap_or_default());
    let overview = Resource::new(
        move || (search(), actions.version()),
        |(q, _)| get_friends_overview(q),
    );
    view! {
        <Title text="Friends" />
        <header class="page-header">
            <h1>"Friends"</h1>
            <p class="page-header__lead">
                <A href="/friends/graph">"See your network as a picture"</A>
            </p>
        </header>
        <DoneNotice />
        <ActionProblem error=actions.error() />
        <Transition fallback=|| view! { <p class="muted">"Loading your friends…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Overview overview actions search=search() /> }.into_any(),
                    Err(iey_dto::AppError::Unauthenticated) => view! {
                        <p>
                            "Please " <A href="/login?next=/friends">"log in"</A>
                            " to see your friends."
                        </p>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The page's sections.
#[component]
fn Overview(overview: FriendsOverview, actions: FriendActions, search: String) -> impl IntoView {
    let FriendsOverview {
        friends,
        friend_total,
        incoming,
        outgoing,
        suggestions,
        blocked,
    } = overview;
    view! {
        <div class="friends stack">
            <Section id="requests" title=format!("Friend requests ({})", incoming.len())>
                {empty_or(incoming.is_empty(), "No requests are waiting for you.")}
                <ul class="member-list">
                    {incoming.into_iter().map(|request| view! { <Incoming request actions /> }).collect_view()}
                </ul>
            </Section>
            <Section id="friends" title=format!("Your friends ({friend_total})")>
                <FriendSearch search=search.clone() />
                {empty_or(
                    friends.is_empty(),
                    if search.trim().is_empty() {
                        "No friends yet. Find people in the directory or among the suggestions below."
                    } else {
                        "None of your friends match that search."
                    },
                )}
                <ul class="member-list">
                    {friends.into_iter().map(|member| view! { <MemberLine member /> }).collect_view()}
                </ul>
            </Section>
            <Section id="suggestions" title="People you may know".to_owned()>
                {empty_or(
                    suggestions.is_empty(),
                    "No suggestions yet: fill in your profile's sectors, country and languages.",
                )}
                <ul class="member-list">
                    {suggestions.into_iter().map(|suggestion| view! { <Suggested suggestion actions /> }).collect_view()}
                </ul>
            </Section>
            <Section id="sent" title=format!("Requests you sent ({})", outgoing.len())>
                {empty_or(outgoing.is_empty(), "You have no requests waiting for an answer.")}
                <ul class="member-list">
                    {outgoing.into_iter().map(|request| view! { <Outgoing request actions /> }).collect_view()}
                </ul>
            </Section>
            <Section id="blocked" title=format!("Blocked members ({})", blocked.len())>
                <p class="muted">
                    "You and a member you block don't see each other anywhere on IEY."
                </p>
                <BlockedList blocked actions />
            </Section>
        </div>
    }
}

/// A titled section of the page.
#[component]
fn Section(id: &'static str, title: String, children: Children) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section class="friends__section stack" id=id aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

/// A line saying a list is empty, when it is.
fn empty_or(empty: bool, message: &'static str) -> Option<impl IntoView> {
    empty.then(|| view! { <p class="muted">{message}</p> })
}

/// The search box over the friends list (a GET form; works without JavaScript).
#[component]
fn FriendSearch(search: String) -> impl IntoView {
    view! {
        <Form method="GET" action="/friends" attr:class="friend-search cluster" attr:role="search">
            <label for="friend-search">"Search your friends"</label>
            <input id="friend-search" type="search" name="q" value=search maxlength="100" />
            <button type="submit" class="btn btn--small btn--secondary">"Search"</button>
        </Form>
    }
}

/// A request waiting for the viewer.
#[component]
fn Incoming(request: FriendRequestView, actions: FriendActions) -> impl IntoView {
    let (member, note, sent) = (
        request.member.clone(),
        request.note.clone(),
        request.sent.clone(),
    );
    view! {
        <MemberLine member>
            {note.map(|note| view! { <blockquote class="friend-note">{note}</blockquote> })}
            <p class="muted">{format!("Sent {sent}")}</p>
            <AnswerForms actions request />
        </MemberLine>
    }
}

/// A request the viewer sent.
#[component]
fn Outgoing(request: FriendRequestView, actions: FriendActions) -> impl IntoView {
    let name = request.member.display_name.clone();
    view! {
        <MemberLine member=request.member>
            <p class="muted">{format!("Sent {}", request.sent)}</p>
            <CancelForm actions id=request.id name />
        </MemberLine>
    }
}

/// A person the viewer may know, and why.
#[component]
fn Suggested(suggestion: Suggestion, actions: FriendActions) -> impl IntoView {
    let Suggestion { member, reasons } = suggestion;
    let (handle, name) = (member.handle.clone(), member.display_name.clone());
    view! {
        <MemberLine member>
            <p class="suggestion__reasons">{reasons_text(&reasons)}</p>
            <div class="cluster">
                <QuickAddForm actions handle=handle.clone() name=name.clone() />
                <DismissForm actions handle name />
            </div>
        </MemberLine>
    }
}
