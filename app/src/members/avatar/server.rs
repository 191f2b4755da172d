//! Server functions of the photo form: thin adapters over `iey_domain::avatars`.
//! The forms are plain POSTs, so each ends with a redirect back to the form's page
//! carrying the outcome in the query string (`?avatar=saved`, `?avatar_error=code`).

use iey_dto::{AppError, MyAvatar};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// The logged-in member's own avatar and initials.
#[server(endpoint = "my_avatar")]
pub async fn get_my_avatar() -> Result<MyAvatar, AppError> {
    let db = crate::server::db()?;
    iey_domain::avatars::mine(&db, &crate::server::viewer()).await
}

/// Makes the uploaded photo (form field `avatar`) the member's avatar.
#[server(input = MultipartFormData, endpoint = "upload_avatar")]
pub async fn upload_avatar(data: MultipartData) -> Result<(), AppError> {
    let outcome = async {
        let photo = read_photo(data).await?;
        let db = crate::server::db()?;
        iey_domain::avatars::upload(&db, &crate::server::viewer(), photo).await
    }
    .await;
    leptos_axum::redirect(&super::outcome_address(outcome.map(|_| "saved")));
    Ok(())
}

/// Removes the member's avatar.
#[server(endpoint = "remove_avatar")]
pub async fn remove_avatar() -> Result<(), AppError> {
    let outcome = async {
        let db = crate::server::db()?;
        iey_domain::avatars::remove(&db, &crate::server::viewer()).await
    }
    .await;
    leptos_axum::redirect(&super::outcome_address(outcome.map(|()| "removed")));
    Ok(())
}

/// The bytes of the `avatar` field, read at most 5 MB (and one byte) far.
#[cfg(feature = "ssr")]
async fn read_photo(data: MultipartData) -> Result<Vec<u8>, AppError> {
    use iey_domain::avatars::MAX_UPLOAD_BYTES;
    use iey_dto::{AVATAR_FIELD, AvatarProblem};

    fn unreadable(error: impl std::fmt::Display) -> AppError {
        tracing::info!(%error, "unreadable avatar upload");
        AvatarProblem::Missing.into()
    }
    let mut form = data.into_inner().ok_or(AppError::Internal)?;
    let mut photo = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        if field.name() != Some(AVATAR_FIELD) {
            continue;
        }
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if photo.len() + chunk.len() > MAX_UPLOAD_BYTES {
                return Err(AvatarProblem::TooLarge.into());
            }
            photo.extend_from_slice(&chunk);
        }
    }
    Ok(photo)
}
