//! What IEY is and why it exists.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The story and aims of the Institute of Early Years.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="About" />
        <Meta name="description" content="Why the Institute of Early Years exists and how it is run." />
        <article class="stack">
            <header class="page-header">
                <h1>"About IEY"</h1>
                <p class="page-header__lead">
                    "An international, open-source space for everyone who works with young children."
                </p>
            </header>
            <p>
                "Too many logistical and financial barriers keep people who work with young children from meeting, "
                "especially across disciplines and across borders. Formal arrangements to break down silos between "
                "professionals have rarely fully succeeded."
            </p>
            <p>
                "IEY is a network that connects childcare, early education, social care, health, police, early help, "
                "research and policy. Members find each other, make friends, chat, share ideas in global "
                "conversations, organise visits to each other's settings and link their organisations and resources."
            </p>
            <h2>"How it is built"</h2>
            <ul>
                <li>"Open source and low cost, so any organisation can run it or join it."</li>
                <li>"Light enough for a cheap phone on a slow network, and usable without JavaScript."</li>
                <li>"Made for screen readers and keyboards, in several languages and every time zone."</li>
                <li>"Run as a social enterprise, for the children and families our members serve."</li>
            </ul>
        </article>
    }
}
