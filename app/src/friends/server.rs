//! Server functions of the friend graph: thin adapters over the domain. Every
//! change is a form that works without JavaScript: it goes back to the page it
//! came from (`back`, a path on this site) with a word for what happened.

use iey_dto::{AppError, FriendsOverview, MemberSummary, ProfileConnections};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::forms::keep_on_error;
#[cfg(feature = "ssr")]
use crate::server::{db, viewer};

/// Everything the friends page lists, friends filtered by `q`.
#[server(endpoint = "friends_overview")]
pub async fn get_friends_overview(q: String) -> Result<FriendsOverview, AppError> {
    let overview = iey_domain::friends::overview(&db()?, &viewer(), &q).await;
    if let Err(error) = &overview {
        crate::server::set_error_status(error);
    }
    overview
}

/// The members the viewer blocked.
#[server(endpoint = "blocked_members")]
pub async fn get_blocked_members() -> Result<Vec<MemberSummary>, AppError> {
    iey_domain::blocks::blocked_list(&db()?, &viewer()).await
}

/// Where the viewer stands with `handle`, their friends in common and the path.
#[server(endpoint = "profile_connections")]
pub async fn get_profile_connections(handle: String) -> Result<ProfileConnections, AppError> {
    iey_domain::friends::profile_connections(&db()?, &viewer(), &handle).await
}

/// Asks `handle` to be friends, with an optional note.
#[server(endpoint = "send_friend_request")]
pub async fn submit_friend_request(
    handle: String,
    note: String,
    back: String,
) -> Result<(), AppError> {
    let sent = iey_domain::friends::send_request(&db()?, &viewer(), &handle, &note).await;
    let outcome = keep_on_error::<SubmitFriendRequest, _>(sent, &[("note", &note)])?;
    let done = match outcome {
        iey_dto::RequestOutcome::Sent => "sent",
        iey_dto::RequestOutcome::BecameFriends => "friends",
    };
    go_back(&back, done);
    Ok(())
}

/// Accepts the request `id` sent to the viewer.
#[server(endpoint = "accept_friend_request")]
pub async fn submit_accept(id: i32, back: String) -> Result<(), AppError> {
    let accepted = iey_domain::friends::accept(&db()?, &viewer(), id).await;
    keep_on_error::<SubmitAccept, _>(accepted, &[])?;
    go_back(&back, "accepted");
    Ok(())
}

/// Declines the request `id` sent to the viewer.
#[server(endpoint = "decline_friend_request")]
pub async fn submit_decline(id: i32, back: String) -> Result<(), AppError> {
    let declined = iey_domain::friends::decline(&db()?, &viewer(), id).await;
    keep_on_error::<SubmitDecline, _>(declined, &[])?;
    go_back(&back, "declined");
    Ok(())
}

/// Withdraws the request `id` the viewer sent.
#[server(endpoint = "cancel_friend_request")]
pub async fn submit_cancel(id: i32, back: String) -> Result<(), AppError> {
    let cancelled = iey_domain::friends::cancel(&db()?, &viewer(), id).await;
    keep_on_error::<SubmitCancel, _>(cancelled, &[])?;
    go_back(&back, "cancelled");
    Ok(())
}

/// Ends the friendship with `handle`.
#[server(endpoint = "unfriend")]
pub async fn submit_unfriend(handle: String, back: String) -> Result<(), AppError> {
    let ended = iey_domain::friends::unfriend(&db()?, &viewer(), &handle).await;
    keep_on_error::<SubmitUnfriend, _>(ended, &[])?;
    go_back(&back, "unfriended");
    Ok(())
}

/// Blocks `handle`. Their profile is gone for the viewer afterwards, so a block
/// from a profile goes to the friends page instead.
#[server(endpoint = "block_member")]
pub async fn submit_block(handle: String, back: String) -> Result<(), AppError> {
    let blocked = iey_domain::blocks::block(&db()?, &viewer(), &handle).await;
    keep_on_error::<SubmitBlock, _>(blocked, &[])?;
    let back = if back.starts_with("/members/") {
        "/friends"
    } else {
        &back
    };
    go_back(back, "blocked");
    Ok(())
}

/// Lifts the viewer's block of `handle`.
#[server(endpoint = "unblock_member")]
pub async fn submit_unblock(handle: String, back: String) -> Result<(), AppError> {
    let lifted = iey_domain::blocks::unblock(&db()?, &viewer(), &handle).await;
    keep_on_error::<SubmitUnblock, _>(lifted, &[])?;
    go_back(&back, "unblocked");
    Ok(())
}

/// Stops suggesting `handle`.
#[server(endpoint = "dismiss_suggestion")]
pub async fn submit_dismiss(handle: String, back: String) -> Result<(), AppError> {
    let dismissed = iey_domain::friends::dismiss_suggestion(&db()?, &viewer(), &handle).await;
    keep_on_error::<SubmitDismiss, _>(dismissed, &[])?;
    go_back(&back, "dismissed");
    Ok(())
}

/// Sends the browser back to `back` (an address on this site, else `/friends`)
/// with `done=<what>`, which the page turns into a status line. The page's own
/// query stays (a directory search, a friends search); what an earlier form left
/// in it goes.
#[cfg(feature = "ssr")]
fn go_back(back: &str, what: &str) {
    leptos_axum::redirect(&back_with_done(back, what));
}

/// The address [`go_back`] goes to.
#[cfg(any(feature = "ssr", test))]
fn back_with_done(back: &str, what: &str) -> String {
    crate::forms::back_with_done(back, what, "/friends", &["note"])
}

#[cfg(test)]
mod tests {
    use super::back_with_done;

    #[test]
    fn going_back_keeps_the_page_s_query_and_stays_on_the_site() {
        assert_eq!(
            back_with_done("/members/ana", "sent"),
            "/members/ana?done=sent"
        );
        assert_eq!(
            back_with_done("/members?q=health+visitor&done=sent&__err=x", "friends"),
            "/members?q=health+visitor&done=friends"
        );
        assert_eq!(
            back_with_done("https://evil.example/", "sent"),
            "/friends?done=sent"
        );
        assert_eq!(
            back_with_done("//evil.example", "sent"),
            "/friends?done=sent"
        );
    }
}
