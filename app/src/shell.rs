//! The HTML document around every page, and the router that picks the page.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::layout::Layout;
use crate::pages::NotFoundPage;
use crate::routes::{
    AboutRoute, CalendarRoute, DirectoryRoute, EditOfferRoute, ForgotPasswordRoute,
    FriendGraphRoute, FriendsRoute, LandingRoute, LogInRoute, NewOfferRoute, NotificationsRoute,
    OfferRoute, OffersRoute, ProfileEditRoute, ProfileRoute, ResetPasswordRoute, SettingsRoute,
    SignUpRoute, VerifyEmailRoute, VisitRoute, VisitsHomeRoute,
};

/// The whole HTML document, rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::set_page_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: layout, routes and the page for each.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/iey.css" />
        <Title formatter=|title: String| {
            if title.is_empty() { "IEY".to_owned() } else { format!("{title} · IEY") }
        } />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    // Async everywhere: the account menu waits for the session, so pages
                    // arrive whole, which is what a browser without JavaScript needs.
                    <Route path=path!("/") view={Lazy::<LandingRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/signup") view={Lazy::<SignUpRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view={Lazy::<LogInRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/verify-email") view={Lazy::<VerifyEmailRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/forgot-password") view={Lazy::<ForgotPasswordRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reset-password") view={Lazy::<ResetPasswordRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/members") view={Lazy::<DirectoryRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/members/:handle") view={Lazy::<ProfileRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/friends") view={Lazy::<FriendsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/friends/graph") view={Lazy::<FriendGraphRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/settings/profile") view={Lazy::<ProfileEditRoute>::new()} ssr=SsrMode::Async />
                    // Fixed paths before the ones with an id, so "new" and "calendar" are never ids.
                    <Route path=path!("/visits") view={Lazy::<VisitsHomeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/offers") view={Lazy::<OffersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/offers/new") view={Lazy::<NewOfferRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/offers/:id/edit") view={Lazy::<EditOfferRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/offers/:id") view={Lazy::<OfferRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/calendar") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/visits/:id") view={Lazy::<VisitRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
