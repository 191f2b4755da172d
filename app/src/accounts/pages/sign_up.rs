//! `/signup`: email, password and handle. Works as a plain form without JavaScript;
//! hydrated, it also sends the browser's time zone.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::accounts::server::SubmitSignUp;
use crate::accounts::session::use_session;
use crate::forms::{Field, FormProblem, action_error};

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let action = ServerAction::<SubmitSignUp>::new();
    session.follow(action);
    let error = action_error(action);
    // Filled in the browser; without JavaScript the server uses UTC.
    let time_zone = RwSignal::new(String::new());
    Effect::new(move |_| time_zone.set(crate::browser::time_zone().unwrap_or_default()));
    view! {
        <Title text="Sign up" />
        <header class="page-header">
            <h1>"Join IEY"</h1>
            <p class="page-header__lead">
                "Meet people who work with young children in every sector and country."
            </p>
        </header>
        <ActionForm action attr:class="form form--narrow" attr:novalidate=true>
            <FormProblem error />
            <Field name="email" label="Email address" kind="email" autocomplete="email" error />
            <Field
                name="password"
                label="Password"
                kind="password"
                autocomplete="new-password"
                hint="At least 10 characters. A few words you will remember work well."
                error
            />
            <Field
                name="handle"
                label="Handle"
                autocomplete="username"
                hint="Your address on IEY: letters a–z, digits and hyphens, e.g. ana-lopez."
                error
            />
            <Field
                name="display_name"
                label="Your name"
                autocomplete="name"
                required=false
                hint="As other members will see it. You can change it later."
                error
            />
            <input type="hidden" name="time_zone" prop:value=time_zone />
            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                "Create my account"
            </button>
            <p>"Already a member? " <A href="/login">"Log in"</A></p>
        </ActionForm>
    }
    .into_any()
}
