//! Pages of the visit planner, and its panels of the settings page (calendar
//! feed, working hours).

pub use super::browse::OffersPage;
pub use super::calendar::CalendarPage;
pub use super::feed::{CalendarFeedPanel, FeedPanelData};
pub use super::home::VisitsHomePage;
pub use super::offer_form::{EditOfferPage, NewOfferPage};
pub use super::offer_page::OfferPage;
pub use super::visit_page::VisitPage;
pub use super::working_hours::{HoursPanelData, WorkingHoursPanel};
