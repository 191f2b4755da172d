//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::accounts::{SessionMenu, VerifyReminder, provide_session};

/// Sections in the top navigation, in order. Each feature adds its entry here
/// when it lands.
const SECTIONS: &[(&str, &str)] = &[("/members", "Members"), ("/about", "About")];

/// Wraps a page in the site's header, main landmark and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let session = provide_session();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">
                    <span class="brand__mark" aria-hidden="true">"IEY"</span>
                    <span class="brand__name">"Institute of Early Years"</span>
                    <span class="visually-hidden">"IEY home"</span>
                </A>
                <nav class="site-nav" aria-label="Main">
                    <ul class="site-nav__list">
                        {SECTIONS
                            .iter()
                            .map(|(href, label)| {
                                view! {
                                    <li>
                                        <A href=*href attr:class="site-nav__link">{*label}</A>
                                    </li>
                                }
                            })
                            .collect_view()}
                        <SessionMenu session />
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            <div class="container">
                <VerifyReminder session />
                {children()}
            </div>
        </main>
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>
                    "IEY is open-source, low-cost software for everyone who works with young children."
                </p>
            </div>
        </footer>
    }
}
