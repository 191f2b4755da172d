//! Helpers for the profile editing tests: a logged-in member and a valid form.

use iey_domain::members::editable_profile;
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_dto::ProfileForm;

/// A seeded database and its first member, logged in, with their form.
pub async fn member(seed: u64) -> (TestDb, Viewer, ProfileForm) {
    let test_db = TestDb::seeded(6, seed).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    let viewer = Viewer::Member {
        id,
        role: Role::Member,
    };
    let form = editable_profile(&test_db.db, &viewer).await.unwrap();
    (test_db, viewer, form)
}

/// A complete, valid form.
pub fn good_form(mut form: ProfileForm) -> ProfileForm {
    form.display_name = "Ana López".into();
    form.handle = "ana-lopez".into();
    form.headline = "Health visitor".into();
    form.organisation = "Centro Sur".into();
    form.country = "ES".into();
    form.city = "Madrid".into();
    form.time_zone = "Europe/Madrid".into();
    form.languages = vec!["es".into(), "en".into()];
    form.other_languages = "ca".into();
    form.sectors = vec!["health".into()];
    form.age_bands = vec!["0-1".into(), "1-2".into()];
    form.interests = "Outdoor  Play, forest school".into();
    form.bio = "Hello.".into();
    form.visibility = "public".into();
    form
}

/// The fields a validation error names.
pub fn fields(error: &AppError) -> Vec<&str> {
    match error {
        AppError::Validation { fields } => fields.iter().map(|f| f.field.as_str()).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}
