//! `/verify-email?token=…`: the link from the confirmation mail. Opening it shows a
//! button, so mail scanners that open links can't use the token up.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::accounts::server::SubmitConfirmEmail;
use crate::accounts::session::use_session;
use crate::forms::{FormProblem, action_error};

/// The email confirmation page.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let action = ServerAction::<SubmitConfirmEmail>::new();
    // The reminder in the layout disappears once the address is confirmed.
    if let Some(session) = use_session() {
        session.follow(action);
    }
    let error = action_error(action);
    // Follows the address: confirming navigates to `?confirmed=1` on this page.
    let body = move || {
        let (token, confirmed) = query.with(|query| {
            (
                query.get("token").unwrap_or_default(),
                query.get("confirmed").is_some(),
            )
        });
        if confirmed {
            view! {
                <div class="alert alert--success" role="status">
                    <p>"Thank you: your email address is confirmed."</p>
                </div>
                <p>
                    <A href="/settings/profile">"Complete your profile"</A>
                    " so that people can find you, or "
                    <A href="/members">"meet other members"</A>
                    "."
                </p>
            }
            .into_any()
        } else if token.is_empty() {
            view! {
                <p>
                    "Open the link in the email we sent you. If it did not arrive, "
                    <A href="/settings">"ask for a new one in your settings"</A>
                    "."
                </p>
            }
            .into_any()
        } else {
            view! {
            <ActionForm action attr:class="form form--narrow">
                <input type="hidden" name="token" value=token />
                <p>"Confirm that this email address is yours."</p>
                <button type="submit" class="btn btn--primary">"Confirm my email address"</button>
            </ActionForm>
        }
        .into_any()
        }
    };
    view! {
        <Title text="Confirm your email" />
        <header class="page-header">
            <h1>"Confirm your email address"</h1>
        </header>
        <FormProblem error />
        {move || {
            error
                .get()
                .and_then(|error| error.field_message("token").map(str::to_owned))
                .map(|message| view! { <p class="form-field__error">{message}</p> })
        }}
        {body}
    }
}
