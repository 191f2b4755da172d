//! The visit planner in the browser: hosts offer visits to their settings,
//! members find one and ask for a time, hosts answer, both see the visit in their
//! own time zone, in a calendar and in their phone's calendar through a feed.
//! Every form is a plain post that works without JavaScript.

mod browse;
mod calendar;
mod components;
mod decisions;
mod feed;
mod group_times;
mod home;
mod offer_form;
mod offer_page;
pub mod pages;
mod reflections;
mod request_form;
mod server;
mod visit_page;
mod working_hours;
