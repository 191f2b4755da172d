//! Pieces the visit planner's pages share: a time in both zones, a status tag,
//! the status line after a change, sections, and the error of one form among
//! several of its kind on a page.

use iey_dto::{AppError, MemberSummary, ShownTime, VisitStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_query_map};

use crate::forms::action_error;

/// A time in the viewer's zone, with the setting's time beside it when it differs.
#[component]
pub fn ShownTimeText(time: ShownTime, #[prop(optional)] ends: Option<String>) -> impl IntoView {
    let ShownTime { utc, yours, theirs } = time;
    view! {
        <span class="visit-time">
            <time datetime=utc>{yours}</time>
            {ends.map(|ends| format!("–{ends}"))}
            {theirs.map(|theirs| view! { " " <span class="visit-time__theirs">{format!("({theirs})")}</span> })}
        </span>
    }
}

/// A visit's status as a coloured tag; the words carry it, not the colour.
#[component]
pub fn VisitStatusTag(status: VisitStatus) -> impl IntoView {
    view! {
        <span class=format!("visit-status visit-status--{}", status.code())>{status.label()}</span>
    }
}

/// A member's linked name.
#[component]
pub fn MemberName(member: MemberSummary) -> impl IntoView {
    view! { <A href=format!("/members/{}", member.handle)>{member.display_name}</A> }
}

/// Members' linked names separated by commas.
#[component]
pub fn MemberNames(members: Vec<MemberSummary>) -> impl IntoView {
    let last = members.len().saturating_sub(1);
    members
        .into_iter()
        .enumerate()
        .map(|(index, member)| view! { <MemberName member />{(index < last).then_some(", ")} })
        .collect_view()
}

/// A titled section of a page.
#[component]
pub fn Section(id: &'static str, title: String, children: Children) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section class="visits__section stack" id=id aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

/// What a change did, read from `?done=` after the form came back.
#[component]
pub fn DoneNotice() -> impl IntoView {
    view! { <crate::forms::DoneStatus messages=done_message /> }
}

/// The status line for a `?done=` word.
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "saved" => "Offer saved.",
        "published" => "Offer published: members can now ask to visit.",
        "paused" => "Offer paused: it is shown, but takes no requests for now.",
        "closed" => "Offer closed: only you can see it now.",
        "draft" => "Offer taken back to a draft.",
        "requested" => "Request sent. The host will answer soon.",
        "approved" => "Visit approved. The visitor has been told.",
        "waitlisted" => "Request put on the waiting list.",
        "declined" => "Request declined. The visitor has been told why.",
        "cancelled" => "Visit cancelled. The other side has been told why.",
        "taken" => "The place is yours: your visit is approved.",
        "reflected" => "Reflection saved.",
        _ => return None,
    })
}

/// "Log in to …", with a way back to `next`.
#[component]
pub fn LogInFirst(next: String, what: &'static str) -> impl IntoView {
    let href = format!("/login?next={}", encode(&next));
    view! {
        <p class="visits__log-in"><A href=href>"Log in"</A> {format!(" {what}")}</p>
    }
}

/// `text` encoded for a query value.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The page's own address, where a form comes back to.
pub fn here() -> String {
    let location = use_location();
    let (path, query) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The error of `action` for the form about visit `id`: one sent back in the
/// address after a post without JavaScript belongs to the form whose visit it
/// names, so the other forms of its kind on the page stay quiet.
pub fn visit_error<S>(action: ServerAction<S>, id: i32) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let ours = sent_back_for(id);
    let error = action_error(action);
    Signal::derive(move || {
        if action.version().get() == 0 && !ours {
            None
        } else {
            error.get()
        }
    })
}

/// The address names visit `id` as the one a failed form was about.
pub fn sent_back_for(id: i32) -> bool {
    use_query_map().with_untracked(|query| query.get("visit")) == Some(id.to_string())
}

/// Bumps `refresh` whenever `action` succeeds, so the page's lists reload.
pub fn refresh_on_success<S>(action: ServerAction<S>, refresh: RwSignal<u32>)
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            let succeeded = action
                .value()
                .with_untracked(|value| matches!(value, Some(Ok(_))));
            if succeeded {
                refresh.update(|count| *count += 1);
            }
        },
        false,
    );
}

/// A line saying a list is empty, when it is.
pub fn empty_or(empty: bool, message: &'static str) -> Option<impl IntoView> {
    empty.then(|| view! { <p class="muted">{message}</p> })
}
