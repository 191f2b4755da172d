//! Pages that load their code only when first visited. Without `cargo leptos
//! --split` (the csr bundle, tests) they are ordinary routes; with it, each page's
//! wasm is a separate file, so the first download (router, layout, the 404 page)
//! stays small.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::accounts::pages::{
    AccountSettingsPage, ForgotPasswordPage, LogInPage, ResetPasswordPage, SignUpPage,
    VerifyEmailPage,
};
use crate::friends::pages::{FriendGraphPage, FriendsPage};
use crate::members::pages::{DirectoryPage, ProfileEditPage, ProfilePage};
use crate::notifications::NotificationsPage;
use crate::pages::{AboutPage, LandingPage};
use crate::visits::pages::{
    CalendarPage, EditOfferPage, NewOfferPage, OfferPage, OffersPage, VisitPage, VisitsHomePage,
};

/// Declares a lazily loaded route that shows `$page`.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/`.
    LandingRoute => LandingPage
);
lazy_page!(
    /// `/about`.
    AboutRoute => AboutPage
);
lazy_page!(
    /// `/signup`.
    SignUpRoute => SignUpPage
);
lazy_page!(
    /// `/login`.
    LogInRoute => LogInPage
);
lazy_page!(
    /// `/verify-email`.
    VerifyEmailRoute => VerifyEmailPage
);
lazy_page!(
    /// `/forgot-password`.
    ForgotPasswordRoute => ForgotPasswordPage
);
lazy_page!(
    /// `/reset-password`.
    ResetPasswordRoute => ResetPasswordPage
);
lazy_page!(
    /// `/settings`.
    SettingsRoute => AccountSettingsPage
);
lazy_page!(
    /// `/settings/profile`.
    ProfileEditRoute => ProfileEditPage
);
lazy_page!(
    /// `/members`.
    DirectoryRoute => DirectoryPage
);
lazy_page!(
    /// `/members/:handle`.
    ProfileRoute => ProfilePage
);
lazy_page!(
    /// `/friends/graph`.
    FriendGraphRoute => FriendGraphPage
);
lazy_page!(
    /// `/friends`.
    FriendsRoute => FriendsPage
);
lazy_page!(
    /// `/notifications`.
    NotificationsRoute => NotificationsPage
);
lazy_page!(
    /// `/visits`.
    VisitsHomeRoute => VisitsHomePage
);
lazy_page!(
    /// `/visits/offers`.
    OffersRoute => OffersPage
);
lazy_page!(
    /// `/visits/offers/new`.
    NewOfferRoute => NewOfferPage
);
lazy_page!(
    /// `/visits/offers/:id`.
    OfferRoute => OfferPage
);
lazy_page!(
    /// `/visits/offers/:id/edit`.
    EditOfferRoute => EditOfferPage
);
lazy_page!(
    /// `/visits/calendar`.
    CalendarRoute => CalendarPage
);
lazy_page!(
    /// `/visits/:id`.
    VisitRoute => VisitPage
);
