//! Server functions of the visit planner: thin adapters over
//! `iey_domain::visits`. Reads answer a member's mistake with a 4xx status; every
//! change is a form that works without JavaScript and goes back to a page of the
//! planner with `?done=<what>`, or (when it fails) with what was typed.

mod changes;

pub use changes::*;

use iey_dto::{
    AppError, CalendarView, Choice, GroupTimes, OfferCard, OfferEditor, OfferView, ReflectionView,
    VisitView, WorkingHoursForm,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::server::{db, viewer};

/// Visits on the home page's "Coming up" list.
#[cfg(feature = "ssr")]
const UPCOMING_LISTED: usize = 20;

/// What the visits home lists for a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitsHome {
    /// Requests waiting for the member's answer as host.
    pub waiting: Vec<VisitView>,
    /// Their coming visits, hosted, asked for or joined.
    pub upcoming: Vec<VisitView>,
    /// The offers they host.
    pub offers: Vec<OfferCard>,
}

/// One page of offers to browse, and the countries the filter picks from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferList {
    /// The offers, newest first.
    pub offers: Vec<OfferCard>,
    /// The page is full, so there may be more after its last offer.
    pub full: bool,
    /// Every country by name, for members (visitors type a code).
    pub countries: Vec<Choice>,
}

/// An offer and whether the viewer is logged in (to ask for a visit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPageData {
    /// The offer as the viewer sees it.
    pub offer: OfferView,
    /// The viewer is a logged-in member.
    pub signed_in: bool,
}

/// A visit and, once it has taken place, the notes written about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPageData {
    /// The visit as the viewer sees it.
    pub visit: VisitView,
    /// The viewer asked for it (only they, or the host, may cancel it).
    pub asked: bool,
    /// The reflections the viewer may read, for an approved visit that ended.
    pub reflections: Option<Vec<ReflectionView>>,
}

/// The calendar-feed panel: when the current address was made, and the site's
/// public address that feed addresses start with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPanel {
    /// When the current feed address was made, e.g. "6 July 2027"; `None` when off.
    pub made: Option<String>,
    /// The site's public address, without a trailing slash.
    pub site: String,
}

/// `text` if it reads as `YYYY-MM-DD` in the years people plan visits in: dates
/// at the far ends of the calendar would overflow the date arithmetic.
#[cfg(any(feature = "ssr", test))]
fn ordinary_date(text: &str) -> Option<&str> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    let year: u32 = text.get(..4)?.parse().ok()?;
    (shaped && (1900..=2999).contains(&year)).then_some(text)
}

/// Gives the response a 4xx status for a member's mistake, and passes it on.
#[cfg(feature = "ssr")]
fn reported<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        crate::server::set_error_status(error);
    }
    result
}

/// Requests waiting for the viewer, their coming visits and their offers;
/// `None` for a visitor, whose page explains the planner instead.
#[server(endpoint = "visits_home")]
pub async fn get_visits_home() -> Result<Option<VisitsHome>, AppError> {
    use iey_domain::visits::{offers, view};
    let (db, viewer) = (db()?, viewer());
    if viewer.member_id().is_err() {
        return Ok(None);
    }
    let now = std::time::SystemTime::now().into();
    let home = async {
        Ok(VisitsHome {
            waiting: view::waiting_for_me(&db, &viewer, now).await?,
            upcoming: view::upcoming(&db, &viewer, now, UPCOMING_LISTED).await?,
            offers: offers::my_offers(&db, &viewer).await?,
        })
    };
    let home: Result<VisitsHome, AppError> = home.await;
    reported(home).map(Some)
}

/// What the list of offers is narrowed to, as the browse form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferFilters {
    /// ISO 3166-1 alpha-2 code, or empty.
    pub country: String,
    /// A setting type's code, or empty.
    pub setting_type: String,
    /// `online`, `in_person` or empty.
    pub format: String,
    /// A sector the host works in, or empty.
    pub sector: String,
    /// The first day wanted, `YYYY-MM-DD`, or empty.
    pub from: String,
    /// The last day wanted, `YYYY-MM-DD`, or empty.
    pub to: String,
    /// The last offer of the page before.
    pub after: Option<i32>,
}

/// One page of the offers the viewer may see, narrowed by `filters`. A day that
/// does not read as a date is left out; one day alone means that day.
#[server(endpoint = "browse_visit_offers")]
pub async fn get_offers(filters: OfferFilters) -> Result<OfferList, AppError> {
    use iey_domain::visits::offers::{self, OFFERS_PAGE, OfferQuery};
    let (db, viewer) = (db()?, viewer());
    let day = |text: &str| ordinary_date(text).and_then(|date| date.parse().ok());
    let (from, to) = (day(&filters.from), day(&filters.to));
    let query = OfferQuery {
        country: filters.country,
        setting_type: filters.setting_type,
        format: filters.format,
        sector: filters.sector,
        days: from.or(to).zip(to.or(from)),
        after: filters.after,
    };
    let found = offers::browse_offers(&db, &viewer, &query, std::time::SystemTime::now().into());
    let offers = reported(found.await)?;
    // The domain keeps its country list to itself; a member's new-offer form has it.
    let countries = match viewer {
        iey_domain::Viewer::Member { .. } => offers::offer_editor(&db, &viewer, None)
            .await
            .map(|editor| editor.countries)
            .unwrap_or_default(),
        iey_domain::Viewer::Visitor => Vec::new(),
    };
    Ok(OfferList {
        full: offers.len() as u64 >= OFFERS_PAGE,
        offers,
        countries,
    })
}

/// The offer form: offer `id` as stored (the viewer's own), or a new one.
#[server(endpoint = "visit_offer_editor")]
pub async fn get_offer_editor(id: Option<i32>) -> Result<OfferEditor, AppError> {
    let editor = iey_domain::visits::offers::offer_editor(&db()?, &viewer(), id).await;
    reported(editor)
}

/// Offer `id` as the viewer sees it, with its free slots.
#[server(endpoint = "visit_offer")]
pub async fn get_offer(id: i32) -> Result<OfferPageData, AppError> {
    let viewer = viewer();
    let now = std::time::SystemTime::now().into();
    let offer = iey_domain::visits::offers::offer(&db()?, &viewer, id, now).await;
    Ok(OfferPageData {
        offer: reported(offer)?,
        signed_in: viewer.member_id().is_ok(),
    })
}

/// Visit `id` as one of its members sees it, with its reflections once it is over.
#[server(endpoint = "visit")]
pub async fn get_visit(id: i32) -> Result<VisitPageData, AppError> {
    use iey_domain::visits::{reflections, view};
    let (db, viewer) = (db()?, viewer());
    let visit = reported(view::visit_page(&db, &viewer, id).await)?;
    let reflections = if visit.past && visit.status == iey_dto::VisitStatus::Approved {
        Some(reported(reflections::reflections(&db, &viewer, id).await)?)
    } else {
        None
    };
    let asked = crate::server::signed_in()
        .is_some_and(|member| !visit.hosting && member.handle == visit.visitor.handle);
    Ok(VisitPageData {
        visit,
        asked,
        reflections,
    })
}

/// The viewer's calendar: `view` is `month`, `week` or `agenda` (else month),
/// `date` a day of the period as `YYYY-MM-DD` (else today).
#[server(endpoint = "visit_calendar")]
pub async fn get_calendar(view: String, date: String) -> Result<CalendarView, AppError> {
    use iey_dto::CalendarMode;
    let mode = CalendarMode::from_code(&view);
    // A date that does not read as YYYY-MM-DD shows today's period.
    let anchor = ordinary_date(&date).and_then(|date| date.parse().ok());
    let now = std::time::SystemTime::now().into();
    let calendar =
        iey_domain::visits::calendar::calendar(&db()?, &viewer(), mode, anchor, now).await;
    reported(calendar)
}

/// Whether the viewer has a calendar feed, and the site's address.
#[server(endpoint = "calendar_feed")]
pub async fn get_feed_panel() -> Result<FeedPanel, AppError> {
    // A visitor's settings page asks too; its answer is the page's "log in", not
    // an error status for the whole page.
    let made = iey_domain::visits::ical::feed_made(&db()?, &viewer()).await?;
    let made = made.map(|made| made.format("%-d %B %Y").to_string());
    let site = crate::server::state()?.mailer.link("");
    Ok(FeedPanel {
        made,
        site: site.trim_end_matches('/').to_owned(),
    })
}

/// The viewer's working hours, for the settings page.
#[server(endpoint = "working_hours")]
pub async fn get_working_hours() -> Result<WorkingHoursForm, AppError> {
    // Asked on a visitor's settings page too: no error status for the page.
    iey_domain::visits::find_time::working_hours(&db()?, &viewer()).await
}

/// The free times of offer `id` with room for the viewer and the friends named
/// in `group` (handles separated by commas), those that suit most of them first.
#[server(endpoint = "visit_group_times")]
pub async fn get_group_times(id: i32, group: String) -> Result<GroupTimes, AppError> {
    use iey_domain::visits::find_time::find_times;
    let now = std::time::SystemTime::now().into();
    reported(find_times(&db()?, &viewer(), id, &group, now).await)
}

#[cfg(test)]
mod tests {
    use super::ordinary_date;

    #[test]
    fn only_plain_dates_of_ordinary_years_are_read() {
        assert_eq!(ordinary_date(" 2027-07-06 "), Some("2027-07-06"));
        for odd in [
            "",
            "2027-7-6",
            "262143-12-31",
            "0001-01-01",
            "2027/07/06",
            "today",
        ] {
            assert_eq!(ordinary_date(odd), None, "{odd}");
        }
    }
}
