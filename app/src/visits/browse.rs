//! `/visits/offers`: the offers the viewer may see, narrowed by country, kind of
//! setting, format, the host's sector and the days wanted (a GET form), newest
//! first, each with its next free times.
//! "More offers" pages on from the last offer shown.

use iey_dto::{Choice, OfferCard, SETTING_TYPES, Sector};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use super::components::{ShownTimeText, encode};
use super::server::{OfferFilters, OfferList, get_offers};
use crate::components::ErrorNotice;

/// The address of the page after the one ending with offer `last`.
fn more_href(filters: &OfferFilters, last: i32) -> String {
    let mut href = "/visits/offers?".to_owned();
    for (key, value) in [
        ("country", &filters.country),
        ("setting_type", &filters.setting_type),
        ("format", &filters.format),
        ("sector", &filters.sector),
        ("from", &filters.from),
        ("to", &filters.to),
    ] {
        if !value.is_empty() {
            href.push_str(&format!("{key}={}&", encode(value)));
        }
    }
    format!("{href}after={last}")
}

/// The browse page.
#[component]
pub fn OffersPage() -> impl IntoView {
    let query = use_query_map();
    let filters = move || {
        query.with(|query| {
            let text = |key: &str| query.get(key).unwrap_or_default();
            OfferFilters {
                country: text("country"),
                setting_type: text("setting_type"),
                format: text("format"),
                sector: text("sector"),
                from: text("from"),
                to: text("to"),
                after: query.get("after").and_then(|after| after.parse().ok()),
            }
        })
    };
    let list = Resource::new(filters, get_offers);
    view! {
        <Title text="Find a setting to visit" />
        <header class="page-header">
            <h1>"Find a setting to visit"</h1>
            <p class="page-header__lead">
                "Nurseries, schools, clinics and family hubs open to visits from other members. Times are shown in your time zone."
            </p>
        </header>
        <Transition fallback=|| view! { <p class="muted">"Loading offers…"</p> }>
            {move || {
                let shown = filters();
                Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <Offers list filters=shown /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The filters and the cards.
#[component]
fn Offers(list: OfferList, filters: OfferFilters) -> impl IntoView {
    let OfferList {
        offers,
        full,
        countries,
    } = list;
    let more = offers
        .last()
        .filter(|_| full)
        .map(|last| more_href(&filters, last.id));
    let paged = filters.after.is_some();
    view! {
        <FilterForm filters countries />
        {if offers.is_empty() {
            view! { <p class="results-count">"No offers match. Try fewer filters."</p> }.into_any()
        } else {
            view! {
                <ul class="offer-list">
                    {offers.into_iter().map(|offer| view! { <OfferCardView offer /> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <nav class="pager" aria-label="More offers">
            {paged.then(|| view! { <A href="/visits/offers">"Back to the newest offers"</A> })}
            {more.map(|href| view! { <A href=href>"More offers"</A> })}
        </nav>
    }
}

/// The GET form that narrows the list (works without JavaScript).
#[component]
fn FilterForm(filters: OfferFilters, countries: Vec<Choice>) -> impl IntoView {
    let formats = [
        ("", "Any"),
        ("in_person", "In person"),
        ("online", "Online"),
    ];
    let country = if countries.is_empty() {
        view! {
            <div class="form-field">
                <label for="offer-country">"Country code"</label>
                <input
                    id="offer-country"
                    type="text"
                    name="country"
                    value=filters.country.clone()
                    maxlength="2"
                    autocomplete="country"
                    aria-describedby="offer-country-hint"
                />
                <p id="offer-country-hint" class="form-field__hint">"Two letters, e.g. GB or FR."</p>
            </div>
        }
        .into_any()
    } else {
        let chosen = filters.country.to_uppercase();
        view! {
            <div class="form-field">
                <label for="offer-country">"Country"</label>
                <select id="offer-country" name="country">
                    <option value="">"Any country"</option>
                    {countries
                        .into_iter()
                        .map(|choice| {
                            let selected = choice.code == chosen;
                            view! { <option value=choice.code selected=selected>{choice.label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
        .into_any()
    };
    view! {
        <Form method="GET" action="/visits/offers" attr:class="search-form offer-filters" attr:role="search">
            {country}
            <div class="form-field">
                <label for="offer-setting-type">"Kind of setting"</label>
                <select id="offer-setting-type" name="setting_type">
                    <option value="">"Any kind"</option>
                    {SETTING_TYPES
                        .iter()
                        .map(|(code, label)| {
                            let selected = *code == filters.setting_type;
                            view! { <option value=*code selected=selected>{*label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="offer-format">"Format"</label>
                <select id="offer-format" name="format">
                    {formats
                        .into_iter()
                        .map(|(code, label)| {
                            let selected = code == filters.format;
                            view! { <option value=code selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="offer-sector">"Host's sector"</label>
                <select id="offer-sector" name="sector">
                    <option value="">"Any sector"</option>
                    {Sector::ALL
                        .iter()
                        .map(|sector| {
                            let selected = sector.code() == filters.sector;
                            view! { <option value=sector.code() selected=selected>{sector.label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="offer-from">"Free from"</label>
                <input id="offer-from" type="date" name="from" value=filters.from.clone() />
            </div>
            <div class="form-field">
                <label for="offer-to">"Free until"</label>
                <input id="offer-to" type="date" name="to" value=filters.to.clone() />
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary">"Show offers"</button>
            </div>
        </Form>
    }
}

/// One offer: its setting, kind, place, host, length and next free times.
#[component]
fn OfferCardView(offer: OfferCard) -> impl IntoView {
    let OfferCard {
        id,
        setting_name,
        setting_type,
        place,
        host,
        duration_minutes,
        next_slots,
        ..
    } = offer;
    view! {
        <li class="offer-card">
            <h2 class="offer-card__title">
                <A href=format!("/visits/offers/{id}")>{setting_name}</A>
            </h2>
            <p class="muted">{format!("{setting_type} · {place}")}</p>
            <p>
                "Hosted by " <A href=format!("/members/{}", host.handle)>{host.display_name}</A>
                {format!(" · {duration_minutes} minutes")}
            </p>
            {if next_slots.is_empty() {
                view! { <p class="muted">"No free times in the coming weeks."</p> }.into_any()
            } else {
                view! {
                    <p class="offer-card__next">"Next free times:"</p>
                    <ul class="slot-list">
                        {next_slots
                            .into_iter()
                            .map(|slot| view! { <li><ShownTimeText time=slot.starts ends=slot.ends /></li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </li>
    }
}
