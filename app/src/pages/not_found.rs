//! The page for an address that leads nowhere; answers with HTTP 404.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::set_status(404);
    view! {
        <Title text="Page not found" />
        <section class="error-page">
            <p class="error-page__code" aria-hidden="true">"404"</p>
            <h1>"We could not find that page"</h1>
            <p>"The link may be old, or the page may have moved."</p>
            <p class="cluster">
                <A href="/" attr:class="btn btn--primary">"Go to the home page"</A>
                <A href="/members" attr:class="btn btn--secondary">"Find members"</A>
            </p>
        </section>
    }
}
