//! Server functions of the member directory: thin adapters over the domain.

use iey_dto::{AppError, MemberPage, MemberProfile, MemberQuery};
use leptos::prelude::*;

/// One page of the directory for the current viewer, its counts from the cache.
#[server(endpoint = "browse_members")]
pub async fn browse_members(query: MemberQuery) -> Result<MemberPage, AppError> {
    let state = crate::server::state()?;
    let viewer = crate::server::viewer();
    state.directory.browse(&state.db, &viewer, &query).await
}

/// A member's profile, if the current viewer may see it.
#[server(endpoint = "member_profile")]
pub async fn get_member_profile(handle: String) -> Result<MemberProfile, AppError> {
    let db = crate::server::db()?;
    iey_domain::members::profile(&db, &crate::server::viewer(), &handle).await
}

// Editing one's own profile ---------------------------------------------------

/// The current viewer's profile as a form, with the lists the form picks from.
#[server(endpoint = "profile_editor")]
pub async fn get_profile_editor() -> Result<iey_dto::ProfileEditor, AppError> {
    let db = crate::server::db()?;
    let editor = iey_domain::members::profile_editor(&db, &crate::server::viewer()).await;
    if let Err(error) = &editor {
        crate::server::set_error_status(error);
    }
    editor
}

/// Saves the current viewer's profile and goes to it. With JavaScript off, a form
/// with problems comes back to the edit page with everything as typed.
#[server(endpoint = "save_profile")]
pub async fn save_profile(form: iey_dto::ProfileForm) -> Result<(), AppError> {
    let db = crate::server::db()?;
    let saved =
        iey_domain::members::update_profile(&db, &crate::server::viewer(), form.clone()).await;
    match saved {
        Ok(handle) => {
            leptos_axum::redirect(&format!("/members/{handle}"));
            Ok(())
        }
        Err(error) => {
            edit::return_to_form(&form, &error);
            Err(error)
        }
    }
}

/// How the profile form comes back after a failed save without JavaScript. Like
/// `crate::server::keep_on_error`, but the draft has lists (tick boxes) and always
/// returns to the edit page.
#[cfg(feature = "ssr")]
mod edit {
    use iey_dto::{AppError, ProfileForm};

    use super::SaveProfile;
    use crate::members::pages::draft_query;

    /// For a plain HTML form post (JavaScript off), sends the browser back to the
    /// edit page with what was typed and the error in the address, where the page
    /// shows them again. A hydrated page keeps its own inputs and needs neither.
    pub fn return_to_form(form: &ProfileForm, error: &AppError) {
        crate::server::set_error_status(error);
        let page = format!("/settings/profile?{}", draft_query(form));
        crate::forms::send_back::<SaveProfile>(&page, error);
    }
}
