//! SeaORM entities for every table. They never leave the server: the domain layer
//! turns them into wire types.

pub mod account_token;
pub mod avatar;
pub mod calendar_feed;
pub mod friend_request;
pub mod friendship;
pub mod member;
pub mod member_block;
pub mod member_tag;
pub mod notification;
pub mod rate_limit;
pub mod session;
pub mod suggestion_dismissal;
pub mod visit;
pub mod visit_companion;
pub mod visit_exception;
pub mod visit_offer;
pub mod visit_reflection;
pub mod visit_reminder;
pub mod visit_slot;
pub mod visit_window;
pub mod working_hours;
