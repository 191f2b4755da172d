//! `/forgot-password` asks for an address and mails a link; `/reset-password`
//! is where the link leads, to choose a new password.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::accounts::server::{SubmitForgotPassword, SubmitResetPassword};
use crate::forms::{Field, FormProblem, Notice, action_error};

/// Asks for the address to send a reset link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<SubmitForgotPassword>::new();
    let error = action_error(action);
    view! {
        <Title text="Forgot your password" />
        <header class="page-header">
            <h1>"Forgot your password?"</h1>
            <p class="page-header__lead">
                "Enter the address you signed up with and we will email you a link to choose a new password."
            </p>
        </header>
        <Notice
            param="sent"
            message="If an account uses that address, a link is on its way. It works for one hour."
        />
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            <Field name="email" label="Email address" kind="email" autocomplete="email" error />
            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                "Send me a link"
            </button>
            <p><A href="/login">"Back to log in"</A></p>
        </ActionForm>
    }
}

/// Chooses a new password with the token from the emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|query| query.get("token").unwrap_or_default());
    let action = ServerAction::<SubmitResetPassword>::new();
    let error = action_error(action);
    view! {
        <Title text="Choose a new password" />
        <header class="page-header">
            <h1>"Choose a new password"</h1>
        </header>
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            {move || {
                error
                    .get()
                    .and_then(|error| error.field_message("token").map(str::to_owned))
                    .map(|message| {
                        view! {
                            <p class="form-field__error">
                                {message} " " <A href="/forgot-password">"Ask for a new link"</A>
                            </p>
                        }
                    })
            }}
            <input type="hidden" name="token" value=token />
            <Field
                name="password"
                label="New password"
                kind="password"
                autocomplete="new-password"
                hint="At least 10 characters."
                error
            />
            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                "Save my new password"
            </button>
        </ActionForm>
    }
}
