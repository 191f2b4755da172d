//! The visit planner: hosts offer visits to their settings in weekly windows of
//! the setting's time zone, members request a slot, hosts approve, decline or
//! waitlist, and both see every time in their own zone. Who may see an offer is
//! one condition ([`offers::visible_offers`]) built on
//! [`crate::members::visible_to`], so blocks and hidden hosts apply everywhere.

pub mod booking;
pub mod calendar;
pub mod find_time;
mod form;
pub mod ical;
pub mod offers;
pub mod reflections;
pub mod reminders;
mod rows;
pub mod schedule;
mod shown;
pub mod view;

pub use shown::shown_time;
