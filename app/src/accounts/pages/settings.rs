//! `/settings`: the account — email confirmation, email and password changes, and
//! the browsers the member is logged in on, each of which can be logged out.

use iey_dto::{ActiveSession, AppError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::accounts::server::{
    SubmitChangeEmail, SubmitChangePassword, SubmitEndSession, SubmitLogOutEverywhere, get_sessions,
};
use crate::accounts::session::use_session;
use crate::components::ErrorNotice;
use crate::forms::{Field, FormProblem, Notice, action_error};
use crate::friends::pages::{BlockedMembers, blocked_members};
use crate::visits::pages::{CalendarFeedPanel, FeedPanelData, HoursPanelData, WorkingHoursPanel};

/// The account settings page.
#[component]
pub fn AccountSettingsPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let everywhere = ServerAction::<SubmitLogOutEverywhere>::new();
    session.follow(everywhere);
    // Resources a page shows inside its Suspend are made by the page itself, before
    // the Suspend: one made inside can be made twice on the server, and every later
    // resource is then numbered differently from the browser's (hydration breaks).
    let (block_actions, blocked) = blocked_members();
    let (feed, hours, sessions) = (
        FeedPanelData::new(),
        HoursPanelData::new(),
        SessionsData::new(),
    );
    view! {
        <Title text="Settings" />
        <header class="page-header">
            <h1>"Settings"</h1>
        </header>
        <Notice param="resent" message="We have sent the confirmation link again." />
        <Notice param="password" message="Your password has been changed. Other devices have been logged out." />
        <Notice param="email" message="Check your new address: the change happens when you open the link we sent there." />
        <Notice param="ended" message="That device has been logged out." />
        <Transition fallback=|| view! { <p>"Loading your settings…"</p> }>
            {move || Suspend::new(async move {
                // Everything the panels read, awaited here, in this one Suspend.
                let _ = (blocked.await, feed.loaded().await, hours.loaded().await, sessions.sessions.await);
                match session.member.await {
                    None => view! {
                        <p>
                            "Please " <A href="/login?next=/settings">"log in"</A>
                            " to see your settings."
                        </p>
                    }
                    .into_any(),
                    Some(member) => view! {
                        <nav class="settings-nav" aria-label="Settings">
                            <A href="/settings/profile">"Edit your profile"</A>
                            <A href="/friends">"Friends and requests"</A>
                        </nav>
                        <section class="settings-section" aria-labelledby="email-heading">
                            <h2 id="email-heading">"Email address"</h2>
                            <p>
                                <strong>{member.email}</strong>
                                {if member.verified { " (confirmed)" } else { " (not confirmed yet)" }}
                            </p>
                            <ChangeEmailForm />
                        </section>
                        <section class="settings-section" aria-labelledby="password-heading">
                            <h2 id="password-heading">"Password"</h2>
                            <ChangePasswordForm />
                        </section>
                        <section class="settings-section" aria-labelledby="blocked-heading">
                            <h2 id="blocked-heading">"Blocked members"</h2>
                            <p class="muted">
                                "You and a member you block don't see each other anywhere on IEY."
                            </p>
                            <BlockedMembers actions=block_actions blocked />
                        </section>
                        <CalendarFeedPanel data=feed />
                        <WorkingHoursPanel data=hours />
                        <section class="settings-section" aria-labelledby="sessions-heading">
                            <h2 id="sessions-heading">"Where you are logged in"</h2>
                            <SessionList data=sessions />
                            <ActionForm action=everywhere>
                                <button type="submit" class="btn btn--secondary">
                                    "Log out everywhere"
                                </button>
                            </ActionForm>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn ChangeEmailForm() -> impl IntoView {
    let action = ServerAction::<SubmitChangeEmail>::new();
    let error = action_error(action);
    view! {
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            <Field name="new_email" label="New email address" kind="email" autocomplete="email" error />
            <Field
                name="current_password"
                label="Your current password"
                kind="password"
                autocomplete="current-password"
                error
            />
            <button type="submit" class="btn btn--secondary">"Change my email address"</button>
        </ActionForm>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<SubmitChangePassword>::new();
    let error = action_error(action);
    view! {
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            <Field
                name="current_password"
                label="Current password"
                kind="password"
                autocomplete="current-password"
                error
            />
            <Field
                name="new_password"
                label="New password"
                kind="password"
                autocomplete="new-password"
                hint="At least 10 characters."
                error
            />
            <button type="submit" class="btn btn--secondary">"Change my password"</button>
        </ActionForm>
    }
}

/// The sessions list's action and data, made by the page outside its Suspend.
#[derive(Clone, Copy)]
struct SessionsData {
    end: ServerAction<SubmitEndSession>,
    sessions: Resource<Result<Vec<ActiveSession>, AppError>>,
}

impl SessionsData {
    fn new() -> Self {
        let end = ServerAction::<SubmitEndSession>::new();
        let sessions = Resource::new(move || end.version().get(), |_| get_sessions());
        SessionsData { end, sessions }
    }
}

#[component]
fn SessionList(data: SessionsData) -> impl IntoView {
    let SessionsData { end, sessions } = data;
    view! {
        // Read, not awaited: the page's Suspend awaits it.
        {move || match sessions.get() {
            Some(Ok(sessions)) => view! {
                <ul class="session-list">
                    {sessions.into_iter().map(|session| view! { <SessionRow session end /> }).collect_view()}
                </ul>
            }
            .into_any(),
            Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        }}
    }
}

#[component]
fn SessionRow(session: ActiveSession, end: ServerAction<SubmitEndSession>) -> impl IntoView {
    // Every row has a "Log out" button; screen readers hear which device each ends.
    let hidden_name = format!(" {}, {}", session.device, session.started);
    view! {
        <li class="session-list__item">
            <div>
                <strong>{session.device}</strong>
                {session.current.then_some(" (this device)")}
                <br />
                <span class="muted">
                    {format!("Logged in {} from {} · last used {}", session.started, session.ip, session.last_seen)}
                </span>
            </div>
            {(!session.current).then(|| view! {
                <ActionForm action=end>
                    <input type="hidden" name="session" value=session.id />
                    <button type="submit" class="btn btn--small btn--secondary">
                        "Log out"
                        <span class="visually-hidden">{hidden_name.clone()}</span>
                    </button>
                </ActionForm>
            })}
        </li>
    }
}
