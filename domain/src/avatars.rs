//! Member avatars: a photo uploaded by its member, re-encoded in two sizes and stored
//! in the database under a fresh random key; generated initials for everyone else.

mod initials;
mod jpeg;
mod process;

pub use iey_dto::AvatarProblem;
pub use initials::{initials_svg, palette_index};
pub use process::{EncodedImage, MAX_PIXELS, MAX_SIDE, MAX_UPLOAD_BYTES, SIZES, process};

use std::sync::LazyLock;

use iey_dto::MyAvatar;
use iey_entity::{avatar, member};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait, sea_query::Expr,
};
use tokio::sync::Semaphore;

use crate::{AppError, Db, DomainResult, Viewer, internal};

/// At most this many photos are decoded at once, so a burst of uploads cannot take
/// all the CPU cores or hundreds of megabytes of memory.
const DECODING_AT_ONCE: usize = 2;
static DECODING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(DECODING_AT_ONCE));

/// One stored avatar image, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvatarImage {
    /// Its MIME type, e.g. "image/jpeg".
    pub content_type: String,
    /// The encoded image.
    pub bytes: Vec<u8>,
}

/// Makes `upload` the viewer's avatar, replacing any earlier one, and returns the key
/// of the new images. Anything but a JPEG, PNG or WebP photo of at most 5 MB is
/// refused with a message on the `avatar` field.
pub async fn upload(db: &Db, viewer: &Viewer, upload: Vec<u8>) -> DomainResult<String> {
    let Viewer::Member { id: member_id, .. } = *viewer else {
        return Err(AppError::Unauthenticated);
    };
    // Cheap checks first, before waiting for a decoding slot.
    if upload.is_empty() {
        return Err(AvatarProblem::Missing.into());
    }
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(AvatarProblem::TooLarge.into());
    }
    let images = process_off_thread(upload).await?;
    let key = new_key();
    let now = chrono::Utc::now();
    let txn = db
        .begin()
        .await
        .map_err(internal("starting an avatar upload"))?;
    // Point the member at the new key first: on PostgreSQL this locks their row, so two
    // uploads at once cannot both keep their images.
    let updated = member::Entity::update_many()
        .col_expr(member::Column::AvatarKey, Expr::value(key.clone()))
        .filter(member::Column::Id.eq(member_id))
        .exec(&txn)
        .await
        .map_err(internal("pointing a member at a new avatar"))?;
    if updated.rows_affected == 0 {
        return Err(AppError::Unauthenticated);
    }
    avatar::Entity::delete_many()
        .filter(avatar::Column::MemberId.eq(member_id))
        .exec(&txn)
        .await
        .map_err(internal("deleting old avatar images"))?;
    avatar::Entity::insert_many(images.into_iter().map(|image| avatar::ActiveModel {
        key: Set(key.clone()),
        size: Set(i32::try_from(image.size).unwrap_or(i32::MAX)),
        member_id: Set(member_id),
        content_type: Set(image.content_type.to_owned()),
        bytes: Set(image.bytes),
        created_at: Set(now),
    }))
    .exec(&txn)
    .await
    .map_err(internal("storing avatar images"))?;
    txn.commit()
        .await
        .map_err(internal("committing an avatar upload"))?;
    Ok(key)
}

/// The viewer's own avatar and initials, for the photo form.
pub async fn mine(db: &Db, viewer: &Viewer) -> DomainResult<MyAvatar> {
    let Viewer::Member { id: member_id, .. } = *viewer else {
        return Err(AppError::Unauthenticated);
    };
    let row = member::Entity::find_by_id(member_id)
        .one(db)
        .await
        .map_err(internal("loading a member's avatar"))?
        .ok_or(AppError::Unauthenticated)?;
    Ok(MyAvatar {
        avatar: row.avatar_key,
        initials: crate::members::initials(&row.display_name),
    })
}

/// Removes the viewer's avatar; they are shown with initials again.
pub async fn remove(db: &Db, viewer: &Viewer) -> DomainResult<()> {
    let Viewer::Member { id: member_id, .. } = *viewer else {
        return Err(AppError::Unauthenticated);
    };
    let txn = db
        .begin()
        .await
        .map_err(internal("starting an avatar removal"))?;
    member::Entity::update_many()
        .col_expr(
            member::Column::AvatarKey,
            Expr::value(Option::<String>::None),
        )
        .filter(member::Column::Id.eq(member_id))
        .exec(&txn)
        .await
        .map_err(internal("clearing a member's avatar"))?;
    avatar::Entity::delete_many()
        .filter(avatar::Column::MemberId.eq(member_id))
        .exec(&txn)
        .await
        .map_err(internal("deleting avatar images"))?;
    txn.commit()
        .await
        .map_err(internal("committing an avatar removal"))
}

/// The stored image with `key` in `size`. The key is an unguessable capability that
/// only appears where the viewer may see the member, so anyone holding it may fetch it.
pub async fn image(db: &Db, key: &str, size: u32) -> DomainResult<AvatarImage> {
    if !is_key(key) || !SIZES.contains(&size) {
        return Err(AppError::NotFound);
    }
    let size = i32::try_from(size).map_err(|_| AppError::NotFound)?;
    avatar::Entity::find_by_id((key.to_owned(), size))
        .one(db)
        .await
        .map_err(internal("loading an avatar image"))?
        .map(|row| AvatarImage {
            content_type: row.content_type,
            bytes: row.bytes,
        })
        .ok_or(AppError::NotFound)
}

/// Runs [`process`] on the blocking pool, a few at a time.
async fn process_off_thread(upload: Vec<u8>) -> DomainResult<Vec<EncodedImage>> {
    let _slot = DECODING.acquire().await.map_err(|error| {
        tracing::error!(%error, "avatar decoding slots closed");
        AppError::Internal
    })?;
    tokio::task::spawn_blocking(move || process(&upload))
        .await
        .map_err(|error| {
            tracing::error!(%error, "avatar processing panicked or was cancelled");
            AppError::Internal
        })?
        .map_err(AppError::from)
}

/// A fresh 128-bit key from a cryptographically secure generator, as 32 hex digits.
fn new_key() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Whether `key` could be one of ours (32 lower-case hex digits); others are not looked up.
fn is_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fresh_and_well_formed() {
        let (a, b) = (new_key(), new_key());
        assert!(is_key(&a) && is_key(&b), "{a} {b}");
        assert_ne!(a, b);
        assert!(!is_key("../../etc/passwd"));
        assert!(!is_key(&a.to_uppercase()));
    }
}
