//! Small building blocks shared by pages.

use iey_dto::AppError;
use leptos::prelude::*;

/// An error message the member can act on, announced to screen readers.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="alert alert--error" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
}
