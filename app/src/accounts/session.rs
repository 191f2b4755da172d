//! Who is logged in, as the whole page sees it: the navigation's account menu and
//! the reminder to confirm an email address. Refreshed whenever a log-in, sign-up
//! or log-out action completes, so a hydrated page never shows a stale name.

use iey_dto::CurrentMember;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::notifications::{NotificationsLink, unread_count};

use super::server::{SubmitLogOut, SubmitResendVerification, get_current_member};

/// Who is logged in, shared by the layout and the pages.
#[derive(Clone, Copy)]
pub struct Session {
    /// Logging out, from the navigation.
    pub log_out: ServerAction<SubmitLogOut>,
    /// The logged-in member, or `None` for a visitor.
    pub member: Resource<Option<CurrentMember>>,
    changed: RwSignal<u32>,
}

impl Session {
    /// Reloads the member whenever `action` completes (log in, sign up...).
    /// Pages create their own actions, so that errors carried in the address
    /// after a round trip without JavaScript reach them.
    pub fn follow<S>(self, action: ServerAction<S>)
    where
        S: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
        S::Output: Send + Sync + 'static,
        S::Error: Send + Sync + 'static,
    {
        Effect::watch(
            move || action.version().get(),
            move |_, _, _| self.changed.update(|count| *count += 1),
            false,
        );
    }
}

/// Creates the session for the pages below.
pub fn provide_session() -> Session {
    let log_out = ServerAction::<SubmitLogOut>::new();
    let changed = RwSignal::new(0);
    let member = Resource::new(
        move || (changed.get(), log_out.version().get()),
        |_| async move { get_current_member().await.ok().flatten() },
    );
    let session = Session {
        log_out,
        member,
        changed,
    };
    provide_context(session);
    session
}

/// The session provided by the layout.
pub fn use_session() -> Option<Session> {
    use_context::<Session>()
}

/// "Log in" and "Sign up" for visitors; settings, profile and "Log out" for members.
#[component]
pub fn SessionMenu(session: Session) -> impl IntoView {
    // Made here, and read in the one Suspend below: a resource or a Transition
    // made inside a Suspend is made again on the server when the Suspend is
    // re-run (as it is when its data arrives late), so everything after it would
    // be numbered differently from the browser's, and hydration would break now
    // and then.
    let unread = unread_count();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let member = session.member.await;
                let unread = unread.await.unwrap_or(0);
                match member {
                    Some(member) => {
                        view! {
                            <li>
                                <A href="/visits" attr:class="site-nav__link">"Visits"</A>
                            </li>
                            <li>
                                <A href="/friends" attr:class="site-nav__link">"Friends"</A>
                            </li>
                            <li>
                                <NotificationsLink unread />
                            </li>
                            <li>
                                <A href=format!("/members/{}", member.handle) attr:class="site-nav__link">
                                    {member.display_name}
                                </A>
                            </li>
                            <li>
                                <A href="/settings" attr:class="site-nav__link">"Settings"</A>
                            </li>
                            <li>
                                <ActionForm action=session.log_out attr:class="site-nav__form">
                                    <button type="submit" class="site-nav__link site-nav__button">
                                        "Log out"
                                    </button>
                                </ActionForm>
                            </li>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <li>
                                <A href="/login" attr:class="site-nav__link">"Log in"</A>
                            </li>
                            <li>
                                <A href="/signup" attr:class="site-nav__link site-nav__link--primary">
                                    "Sign up"
                                </A>
                            </li>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Asks a member who has not confirmed their address to do so; they stay out of
/// the directory until they do.
#[component]
pub fn VerifyReminder(session: Session) -> impl IntoView {
    let resend = ServerAction::<SubmitResendVerification>::new();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                session
                    .member
                    .await
                    .filter(|member| !member.verified)
                    .map(|member| {
                        view! {
                            <div class="alert alert--warning verify-reminder" role="status">
                                <p>
                                    "Please confirm your email address: we sent a link to "
                                    <strong>{member.email}</strong>
                                    ". Until then other members can't find you in the directory."
                                </p>
                                <ActionForm action=resend>
                                    <button type="submit" class="btn btn--secondary">
                                        "Send the link again"
                                    </button>
                                </ActionForm>
                            </div>
                        }
                    })
            })}
        </Transition>
    }
}
