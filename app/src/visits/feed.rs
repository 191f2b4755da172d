//! The calendar-feed panel of `/settings`: a private address phone calendars
//! subscribe to. Only a hash of its secret is stored, so the address is shown
//! once, right after it is made (it comes back in `?feed=`); making a new one
//! or turning the feed off retires the old.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::server::{FeedPanel, MakeFeed, RevokeFeed, get_feed_panel};
use crate::components::ErrorNotice;
use crate::forms::{ActionProblem, action_error};

/// The panel's actions and data, made by the settings page outside its Suspend.
#[derive(Clone, Copy)]
pub struct FeedPanelData {
    make: ServerAction<MakeFeed>,
    revoke: ServerAction<RevokeFeed>,
    panel: Resource<Result<FeedPanel, iey_dto::AppError>>,
}

impl FeedPanelData {
    /// The panel's data, for the page's Suspend to await.
    pub fn loaded(self) -> Resource<Result<FeedPanel, iey_dto::AppError>> {
        self.panel
    }

    /// The actions, and the panel reloaded after each.
    pub fn new() -> Self {
        let make = ServerAction::<MakeFeed>::new();
        let revoke = ServerAction::<RevokeFeed>::new();
        let panel = Resource::new(
            move || (make.version().get(), revoke.version().get()),
            |_| get_feed_panel(),
        );
        FeedPanelData {
            make,
            revoke,
            panel,
        }
    }
}

/// The panel, for the settings page.
#[component]
pub fn CalendarFeedPanel(data: FeedPanelData) -> impl IntoView {
    let FeedPanelData {
        make,
        revoke,
        panel,
    } = data;
    view! {
        <section class="settings-section" id="calendar-feed" aria-labelledby="calendar-feed-heading">
            <h2 id="calendar-feed-heading">"Calendar feed"</h2>
            <p class="muted">
                "Your visits in your phone's or computer's calendar, kept up to date. Anyone with the address can read it, so keep it to yourself."
            </p>
            <ActionProblem error=action_error(make) />
            <ActionProblem error=action_error(revoke) />
            // Read, not awaited: the settings page's Suspend awaits it.
            {move || match panel.get() {
                Some(Ok(panel)) => view! { <Feed panel make revoke /> }.into_any(),
                Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The address just made (once), where the feed stands, and its buttons.
#[component]
fn Feed(
    panel: FeedPanel,
    make: ServerAction<MakeFeed>,
    revoke: ServerAction<RevokeFeed>,
) -> impl IntoView {
    let query = use_query_map();
    let FeedPanel { made, site } = panel;
    let on = made.is_some();
    let new_address = move || {
        query
            .with(|query| query.get("feed"))
            .filter(|token| !token.is_empty())
            .map(|token| {
                let address = format!("{site}/calendar/{token}.ics");
                view! {
                    <div class="feed-address form-field">
                        <label for="calendar-feed-address">"Your calendar feed address"</label>
                        <input
                            id="calendar-feed-address"
                            type="text"
                            readonly=true
                            value=address
                            aria-describedby="calendar-feed-address-hint"
                        />
                        <p id="calendar-feed-address-hint" class="form-field__hint">
                            "Copy this address into your phone's calendar (subscribe by URL). It is shown only once."
                        </p>
                    </div>
                }
            })
    };
    let turned_off = move || {
        query.with(|query| query.get("feed_off")).map(|_| {
            view! {
                <div class="alert alert--success" role="status">
                    <p>"Your calendar feed is off: its address no longer works."</p>
                </div>
            }
        })
    };
    view! {
        {turned_off}
        {new_address}
        <p>
            {match made {
                Some(made) => format!("Your feed is on. Its address was made on {made}."),
                None => "You have no calendar feed.".to_owned(),
            }}
        </p>
        <div class="cluster">
            <ActionForm action=make attr:class="inline-form">
                <button type="submit" class="btn btn--secondary">
                    {if on {
                        "Make a new address (the old one stops working)"
                    } else {
                        "Make my calendar feed address"
                    }}
                </button>
            </ActionForm>
            {on.then(|| view! {
                <ActionForm action=revoke attr:class="inline-form">
                    <button type="submit" class="btn btn--danger">"Turn the feed off"</button>
                </ActionForm>
            })}
        </div>
    }
}
