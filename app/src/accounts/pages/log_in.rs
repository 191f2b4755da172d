//! `/login`: email and password, then back to where the member was going.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::accounts::server::SubmitLogIn;
use crate::accounts::session::use_session;
use crate::forms::{Field, FormProblem, Notice, action_error};

/// The log-in page.
#[component]
pub fn LogInPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let action = ServerAction::<SubmitLogIn>::new();
    session.follow(action);
    let error = action_error(action);
    let next = use_query_map().with_untracked(|query| query.get("next").unwrap_or_default());
    view! {
        <Title text="Log in" />
        <header class="page-header">
            <h1>"Log in"</h1>
        </header>
        <Notice param="reset" message="Your password has been changed. Please log in with it." />
        <Notice param="everywhere" message="You have been logged out on every device." />
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            <Field name="email" label="Email address" kind="email" autocomplete="email" error />
            <Field
                name="password"
                label="Password"
                kind="password"
                autocomplete="current-password"
                error
            />
            <input type="hidden" name="next" value=next />
            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                "Log in"
            </button>
            <p>
                <A href="/forgot-password">"Forgot your password?"</A>
                " · New here? "
                <A href="/signup">"Sign up"</A>
            </p>
        </ActionForm>
    }
    .into_any()
}
