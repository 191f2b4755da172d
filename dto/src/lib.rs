//! Wire types: what crosses between the server and the browser. Plain serde structs
//! that compile for wasm; database models never appear here.

mod accounts;
mod avatar;
mod community;
mod error;
mod friend_graph;
mod friends;
mod members;
mod profile;
mod profile_edit;
mod sector;
mod visit_calendar;
mod visits;

pub use accounts::{ActiveSession, CurrentMember};
pub use avatar::{AVATAR_FIELD, AVATAR_LARGE, AVATAR_SMALL, AvatarProblem, MyAvatar, avatar_url};
pub use community::CommunitySummary;
pub use error::{AppError, FieldError};
pub use friend_graph::{
    FriendGraph, FriendsOverview, GraphNode, NotificationKind, NotificationView,
    ProfileConnections, Relationship, Ring, Suggestion, SuggestionReason,
};
pub use friends::{FriendRequestView, MemberSummary, RequestOutcome, Standing};
pub use members::{
    DirectoryFacets, DirectorySort, FacetValue, MemberCard, MemberPage, MemberQuery,
};
pub use profile::{BioPiece, MemberProfile};
pub use profile_edit::{
    AGE_BANDS, Choice, ProfileChoices, ProfileEditor, ProfileForm, VISIBILITIES,
};
pub use sector::Sector;
pub use visit_calendar::{CalendarDay, CalendarEntry, CalendarMode, CalendarView};
pub use visits::{
    FreeSlot, GroupSlot, GroupTimes, OfferCard, OfferEditor, OfferForm, OfferStatus, OfferView,
    ReflectionView, SETTING_TYPES, ShownTime, VisitRequestForm, VisitStatus, VisitView, WEEKDAYS,
    WorkingHoursForm,
};
