//! Server functions for accounts: thin adapters over `iey_domain::accounts` that
//! set or clear the session cookie and say where the browser goes next.

use iey_dto::{ActiveSession, AppError, CurrentMember};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{client, db, keep_on_error, require_signed_in, set_session_cookie, state};

/// The logged-in member, for the navigation; `None` for a visitor.
#[server(endpoint = "current_member")]
pub async fn get_current_member() -> Result<Option<CurrentMember>, AppError> {
    Ok(crate::server::signed_in().map(|signed_in| signed_in.current_member()))
}

/// Creates an account, logs it in and opens the profile editor.
#[server(endpoint = "sign_up")]
pub async fn submit_sign_up(
    email: String,
    password: String,
    handle: String,
    display_name: String,
    #[server(default)] time_zone: String,
) -> Result<(), AppError> {
    let state = state()?;
    let form = iey_domain::accounts::SignUp {
        email: email.clone(),
        password,
        handle: handle.clone(),
        display_name: display_name.clone(),
        time_zone,
    };
    let token = iey_domain::accounts::sign_up(&state.db, &state.mailer, form, &client()).await;
    let token = keep_on_error::<SubmitSignUp, _>(
        token,
        &[
            ("email", &email),
            ("handle", &handle),
            ("display_name", &display_name),
        ],
    )?;
    set_session_cookie(Some(&token))?;
    leptos_axum::redirect("/settings/profile?welcome=1");
    Ok(())
}

/// Logs in and goes to `next` (a path on this site) or the directory.
#[server(endpoint = "log_in")]
pub async fn submit_log_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    let form = iey_domain::accounts::LogIn {
        email: email.clone(),
        password,
    };
    let token = iey_domain::accounts::log_in(&db()?, form, &client()).await;
    let token = keep_on_error::<SubmitLogIn, _>(token, &[("email", &email)])?;
    set_session_cookie(Some(&token))?;
    leptos_axum::redirect(safe_next(&next));
    Ok(())
}

/// Logs this browser out.
#[server(endpoint = "log_out")]
pub async fn submit_log_out() -> Result<(), AppError> {
    if let Some(signed_in) = crate::server::signed_in() {
        let db = db()?;
        let ended = iey_domain::accounts::end_session(&db, &signed_in, signed_in.session_id);
        // Already ended elsewhere ("log out everywhere" in another tab): nothing to do.
        match ended.await {
            Ok(()) | Err(AppError::NotFound) => {}
            Err(error) => return Err(error),
        }
    }
    set_session_cookie(None)?;
    leptos_axum::redirect("/?logged_out=1");
    Ok(())
}

/// Logs the member out on every browser, this one included.
#[server(endpoint = "log_out_everywhere")]
pub async fn submit_log_out_everywhere() -> Result<(), AppError> {
    let signed_in = require_signed_in()?;
    iey_domain::accounts::end_all_sessions(&db()?, signed_in.member_id).await?;
    set_session_cookie(None)?;
    leptos_axum::redirect("/login?everywhere=1");
    Ok(())
}

/// Ends one other session from the list in settings.
#[server(endpoint = "end_session")]
pub async fn submit_end_session(session: i32) -> Result<(), AppError> {
    let signed_in = require_signed_in()?;
    let ended = iey_domain::accounts::end_session(&db()?, &signed_in, session).await;
    keep_on_error::<SubmitEndSession, _>(ended, &[])?;
    leptos_axum::redirect("/settings?ended=1");
    Ok(())
}

/// The member's sessions, for the settings page.
#[server(endpoint = "sessions")]
pub async fn get_sessions() -> Result<Vec<ActiveSession>, AppError> {
    let signed_in = require_signed_in()?;
    iey_domain::accounts::sessions_of(&db()?, &signed_in).await
}

/// Confirms an email address from the emailed link.
#[server(endpoint = "confirm_email")]
pub async fn submit_confirm_email(token: String) -> Result<(), AppError> {
    let confirmed = iey_domain::accounts::confirm_email(&db()?, &token).await;
    keep_on_error::<SubmitConfirmEmail, _>(confirmed, &[])?;
    leptos_axum::redirect("/verify-email?confirmed=1");
    Ok(())
}

/// Sends the confirmation mail again.
#[server(endpoint = "resend_verification")]
pub async fn submit_resend_verification() -> Result<(), AppError> {
    let state = state()?;
    let signed_in = require_signed_in()?;
    let sent =
        iey_domain::accounts::resend_verification(&state.db, &state.mailer, &signed_in).await;
    keep_on_error::<SubmitResendVerification, _>(sent, &[])?;
    leptos_axum::redirect("/settings?resent=1");
    Ok(())
}

/// Mails a password reset link, if the address has an account.
#[server(endpoint = "forgot_password")]
pub async fn submit_forgot_password(email: String) -> Result<(), AppError> {
    let state = state()?;
    let sent =
        iey_domain::accounts::request_password_reset(&state.db, &state.mailer, &email, &client())
            .await;
    keep_on_error::<SubmitForgotPassword, _>(sent, &[("email", &email)])?;
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Sets a new password from a reset link.
#[server(endpoint = "reset_password")]
pub async fn submit_reset_password(token: String, password: String) -> Result<(), AppError> {
    let reset = iey_domain::accounts::reset_password(&db()?, &token, password).await;
    keep_on_error::<SubmitResetPassword, _>(reset, &[])?;
    set_session_cookie(None)?;
    leptos_axum::redirect("/login?reset=1");
    Ok(())
}

/// Changes the password; other sessions end.
#[server(endpoint = "change_password")]
pub async fn submit_change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    let signed_in = require_signed_in()?;
    let changed =
        iey_domain::accounts::change_password(&db()?, &signed_in, current_password, new_password)
            .await;
    keep_on_error::<SubmitChangePassword, _>(changed, &[])?;
    leptos_axum::redirect("/settings?password=changed");
    Ok(())
}

/// Starts an email change: a link goes to the new address.
#[server(endpoint = "change_email")]
pub async fn submit_change_email(
    new_email: String,
    current_password: String,
) -> Result<(), AppError> {
    let state = state()?;
    let signed_in = require_signed_in()?;
    let started = iey_domain::accounts::change_email(
        &state.db,
        &state.mailer,
        &signed_in,
        &new_email,
        current_password,
    )
    .await;
    keep_on_error::<SubmitChangeEmail, _>(started, &[("new_email", &new_email)])?;
    leptos_axum::redirect("/settings?email=sent");
    Ok(())
}

/// `next` if it is a path on this site, else the directory: a log-in link can't
/// send people elsewhere.
#[cfg(feature = "ssr")]
fn safe_next(next: &str) -> &str {
    let on_this_site = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if on_this_site { next } else { "/members" }
}
