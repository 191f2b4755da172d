//! In-app notifications: the count beside "Notifications" in the navigation and
//! the `/notifications` page. (Real-time delivery, email and push come with the
//! notifications issue; this is the list and the unread count.)

use iey_dto::{AppError, NotificationKind, NotificationView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::ErrorNotice;
use crate::forms::{ActionProblem, Notice, action_error};
use crate::members::avatar::Avatar;

/// How many notifications the page lists.
#[cfg(feature = "ssr")]
const LISTED: u64 = 100;

/// The viewer's notifications, newest first.
#[server(endpoint = "notifications")]
pub async fn get_notifications() -> Result<Vec<NotificationView>, AppError> {
    let db = crate::server::db()?;
    let listed = iey_domain::notifications::list(&db, &crate::server::viewer(), LISTED).await;
    if let Err(error) = &listed {
        crate::server::set_error_status(error);
    }
    listed
}

/// How many notifications the viewer has not read (0 for visitors).
#[server(endpoint = "unread_notifications")]
pub async fn get_unread_count() -> Result<u32, AppError> {
    let db = crate::server::db()?;
    iey_domain::notifications::unread_count(&db, &crate::server::viewer()).await
}

/// Marks every notification read.
#[server(endpoint = "mark_notifications_read")]
pub async fn submit_mark_all_read() -> Result<(), AppError> {
    let db = crate::server::db()?;
    let marked = iey_domain::notifications::mark_all_read(&db, &crate::server::viewer()).await;
    crate::forms::keep_on_error::<SubmitMarkAllRead, _>(marked, &[])?;
    leptos_axum::redirect("/notifications?read=1");
    Ok(())
}

/// Opens a notification: marks it read and goes where it leads.
#[server(endpoint = "open_notification")]
pub async fn submit_open(id: i32, link: String) -> Result<(), AppError> {
    let db = crate::server::db()?;
    let opened = iey_domain::notifications::mark_read(&db, &crate::server::viewer(), id).await;
    crate::forms::keep_on_error::<SubmitOpen, _>(opened, &[])?;
    let on_this_site = link.starts_with('/') && !link.starts_with("//") && !link.contains('\\');
    leptos_axum::redirect(if on_this_site {
        &link
    } else {
        "/notifications"
    });
    Ok(())
}

/// The unread count for the navigation, refreshed on every page change (0 for
/// visitors). Made where the navigation is, outside any Suspend.
pub fn unread_count() -> Resource<Result<u32, AppError>> {
    let location = use_location();
    Resource::new(
        move || (location.pathname.get(), location.search.get()),
        |_| get_unread_count(),
    )
}

/// "Notifications" in the navigation, with the `unread` count.
#[component]
pub fn NotificationsLink(unread: u32) -> impl IntoView {
    let badge = (unread > 0).then(|| {
        view! {
            <span class="badge" aria-hidden="true">{unread}</span>
            <span class="visually-hidden">{format!(", {unread} unread")}</span>
        }
    });
    view! {
        <A href="/notifications" attr:class="site-nav__link">
            "Notifications"
            {badge}
        </A>
    }
}

/// `/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark_all = ServerAction::<SubmitMarkAllRead>::new();
    let open = ServerAction::<SubmitOpen>::new();
    let list = Resource::new(
        move || (mark_all.version().get(), open.version().get()),
        |_| get_notifications(),
    );
    view! {
        <Title text="Notifications" />
        <header class="page-header">
            <h1>"Notifications"</h1>
        </header>
        <Notice param="read" message="All notifications are marked as read." />
        <ActionProblem error=action_error(mark_all) />
        <ActionProblem error=action_error(open) />
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) if list.is_empty() => {
                        view! { <p class="muted">"Nothing yet. Friend requests and answers will show here."</p> }
                            .into_any()
                    }
                    Ok(list) => {
                        let any_unread = list.iter().any(|item| item.unread);
                        view! {
                            {any_unread.then(|| view! {
                                <ActionForm action=mark_all>
                                    <button type="submit" class="btn btn--small btn--secondary">
                                        "Mark all as read"
                                    </button>
                                </ActionForm>
                            })}
                            <ul class="notification-list">
                                {list.into_iter().map(|item| view! { <Item item open /> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                    Err(AppError::Unauthenticated) => view! {
                        <p>
                            "Please " <A href="/login?next=/notifications">"log in"</A>
                            " to see your notifications."
                        </p>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One notification: who, what, when, and a button that opens it.
#[component]
fn Item(item: NotificationView, open: ServerAction<SubmitOpen>) -> impl IntoView {
    let name = item.actor.display_name.clone();
    let text = match item.kind {
        NotificationKind::FriendRequest => format!("{name} sent you a friend request."),
        NotificationKind::FriendAccepted => format!("{name} accepted your friend request."),
        NotificationKind::VisitRequested => format!("{name} asked to visit your setting."),
        NotificationKind::VisitApproved => format!("{name} approved your visit."),
        NotificationKind::VisitWaitlisted => {
            format!("{name} put your visit request on the waiting list.")
        }
        NotificationKind::VisitDeclined => format!("{name} declined your visit request."),
        NotificationKind::VisitCancelled => format!("{name} cancelled a visit."),
        NotificationKind::VisitPlaceOffered => {
            format!("A place came free: {name} offers it to you.")
        }
        NotificationKind::VisitPlaceTaken => format!("{name} took the place you offered."),
        NotificationKind::VisitReminder => {
            format!("Reminder: your visit with {name} is coming up.")
        }
    };
    let button_text = format!(": {text}");
    view! {
        <li class="notification" class:notification--unread=item.unread>
            <Avatar avatar=item.actor.avatar initials=item.actor.initials />
            <div class="notification__body">
                <p>
                    {item.unread.then(|| view! { <span class="visually-hidden">"Unread: "</span> })}
                    {text}
                </p>
                <p class="muted">{item.when}</p>
            </div>
            <ActionForm action=open attr:class="inline-form">
                <input type="hidden" name="id" value=item.id.to_string() />
                <input type="hidden" name="link" value=item.link />
                <button type="submit" class="btn btn--small btn--secondary">
                    "Open" <span class="visually-hidden">{button_text}</span>
                </button>
            </ActionForm>
        </li>
    }
}
