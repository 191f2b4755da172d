//! Avatars: only real JPEG, PNG and WebP photos are taken, they are stored re-encoded
//! in two sizes with no EXIF or GPS left, a new upload replaces the old one, and a
//! member can remove theirs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "avatars/fixtures.rs"]
mod fixtures;

use iey_domain::avatars::{self, MAX_UPLOAD_BYTES};
use iey_domain::members::browse;
use iey_domain::testing::TestDb;
use iey_domain::{AppError, Role, Viewer};
use iey_dto::{AvatarProblem, MemberQuery};
use iey_entity::{avatar, member};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// A fresh database with one verified, public member, who is the viewer.
async fn with_member() -> (TestDb, Viewer) {
    let test_db = TestDb::seeded(3, 11).await;
    let handle = test_db.handles(1).await.remove(0);
    let id = test_db.set_visibility(&handle, "public").await;
    let viewer = Viewer::Member {
        id,
        role: Role::Member,
    };
    (test_db, viewer)
}

/// The stored images of a member, largest first.
async fn stored(test_db: &TestDb, viewer: &Viewer) -> Vec<avatar::Model> {
    let Viewer::Member { id, .. } = viewer else {
        unreachable!()
    };
    avatar::Entity::find()
        .filter(avatar::Column::MemberId.eq(*id))
        .order_by_desc(avatar::Column::Size)
        .all(&test_db.db)
        .await
        .unwrap()
}

async fn avatar_key(test_db: &TestDb, viewer: &Viewer) -> Option<String> {
    let Viewer::Member { id, .. } = viewer else {
        unreachable!()
    };
    member::Entity::find_by_id(*id)
        .one(&test_db.db)
        .await
        .unwrap()
        .unwrap()
        .avatar_key
}

#[tokio::test]
async fn jpeg_png_and_webp_are_stored_as_two_square_jpegs() {
    let (test_db, viewer) = with_member().await;
    for upload in [
        fixtures::jpeg(400, 300),
        // Big enough to be shrunk cheaply before the fine resize.
        fixtures::jpeg(1600, 1200),
        fixtures::png(300, 500),
        fixtures::webp(320, 320),
    ] {
        let key = avatars::upload(&test_db.db, &viewer, upload).await.unwrap();
        assert_eq!(avatar_key(&test_db, &viewer).await, Some(key.clone()));
        let rows = stored(&test_db, &viewer).await;
        assert_eq!(
            rows.iter().map(|row| row.size).collect::<Vec<_>>(),
            [256, 64]
        );
        for row in rows {
            assert_eq!(row.key, key);
            let size = u32::try_from(row.size).unwrap();
            assert_eq!(
                fixtures::shape_of(&row.bytes),
                (size, size, image::ImageFormat::Jpeg)
            );
            let served = avatars::image(&test_db.db, &key, size).await.unwrap();
            assert_eq!(served.content_type, "image/jpeg");
            assert_eq!(served.bytes, row.bytes);
        }
    }
    test_db.remove().await;
}

#[tokio::test]
async fn exif_and_gps_data_do_not_survive() {
    let (test_db, viewer) = with_member().await;
    let upload = fixtures::jpeg_with_gps(300, 200);
    let exif = fixtures::exif_of(&upload).expect("the upload carries EXIF");
    assert!(fixtures::contains(&exif, fixtures::SECRET_PLACE));
    avatars::upload(&test_db.db, &viewer, upload).await.unwrap();
    for row in stored(&test_db, &viewer).await {
        assert_eq!(fixtures::exif_of(&row.bytes), None, "size {}", row.size);
        assert!(!fixtures::contains(&row.bytes, b"Exif"));
        assert!(!fixtures::contains(&row.bytes, fixtures::SECRET_PLACE));
        assert!(
            !fixtures::contains(&row.bytes, &[0xff, 0xe1]),
            "no APP1 segment at all"
        );
    }
    test_db.remove().await;
}

#[tokio::test]
async fn anything_but_a_real_photo_is_refused_with_a_reason() {
    let (test_db, viewer) = with_member().await;
    let jpeg = fixtures::jpeg(200, 200);
    let mut oversized = jpeg.clone();
    oversized.resize(MAX_UPLOAD_BYTES + 1, 0);
    let cases = [
        (fixtures::GIF.to_vec(), AvatarProblem::WrongFormat),
        (fixtures::SVG.to_vec(), AvatarProblem::WrongFormat),
        (
            b"just some text, named photo.jpg".to_vec(),
            AvatarProblem::WrongFormat,
        ),
        (Vec::new(), AvatarProblem::Missing),
        (jpeg[..jpeg.len() / 8].to_vec(), AvatarProblem::Unreadable),
        (
            fixtures::png(64, 64)[..60].to_vec(),
            AvatarProblem::Unreadable,
        ),
        (
            fixtures::webp(64, 64)[..40].to_vec(),
            AvatarProblem::Unreadable,
        ),
        (oversized, AvatarProblem::TooLarge),
        (
            fixtures::png_claiming(9000, 100),
            AvatarProblem::TooManyPixels,
        ),
        (
            fixtures::png_claiming(7000, 7000),
            AvatarProblem::TooManyPixels,
        ),
    ];
    for (upload, problem) in cases {
        let size = upload.len();
        let refused = avatars::upload(&test_db.db, &viewer, upload).await;
        assert_eq!(refused, Err(problem.into()), "{problem:?} ({size} bytes)");
        assert_eq!(
            refused.unwrap_err().field_message("avatar"),
            Some(problem.message())
        );
    }
    assert!(stored(&test_db, &viewer).await.is_empty());
    assert_eq!(avatar_key(&test_db, &viewer).await, None);
    test_db.remove().await;
}

#[tokio::test]
async fn a_new_photo_replaces_the_old_one() {
    let (test_db, viewer) = with_member().await;
    let first = avatars::upload(&test_db.db, &viewer, fixtures::jpeg(100, 100))
        .await
        .unwrap();
    let second = avatars::upload(&test_db.db, &viewer, fixtures::png(100, 100))
        .await
        .unwrap();
    assert_ne!(first, second, "a new photo gets a new address");
    assert_eq!(
        avatars::image(&test_db.db, &first, 256).await,
        Err(AppError::NotFound)
    );
    assert!(avatars::image(&test_db.db, &second, 64).await.is_ok());
    let rows = stored(&test_db, &viewer).await;
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|row| row.key == second));
    test_db.remove().await;
}

#[tokio::test]
async fn a_removed_photo_is_gone_and_initials_come_back() {
    let (test_db, viewer) = with_member().await;
    let key = avatars::upload(&test_db.db, &viewer, fixtures::webp(80, 80))
        .await
        .unwrap();
    let page = browse(&test_db.db, &viewer, &MemberQuery::default())
        .await
        .unwrap();
    assert!(
        page.members
            .iter()
            .any(|card| card.avatar.as_ref() == Some(&key)
                && card.avatar_url(64) == Some(format!("/media/avatars/{key}/64"))),
        "the card carries the avatar"
    );
    let own = avatars::mine(&test_db.db, &viewer).await.unwrap();
    assert_eq!(own.avatar, Some(key.clone()));
    assert!(!own.initials.is_empty());
    avatars::remove(&test_db.db, &viewer).await.unwrap();
    assert_eq!(avatar_key(&test_db, &viewer).await, None);
    assert_eq!(
        avatars::mine(&test_db.db, &viewer).await.unwrap().avatar,
        None
    );
    assert!(stored(&test_db, &viewer).await.is_empty());
    assert_eq!(
        avatars::image(&test_db.db, &key, 256).await,
        Err(AppError::NotFound)
    );
    let page = browse(&test_db.db, &viewer, &MemberQuery::default())
        .await
        .unwrap();
    assert!(page.members.iter().all(|card| card.avatar.is_none()));
    test_db.remove().await;
}

#[tokio::test]
async fn visitors_cannot_upload_or_remove() {
    let test_db = TestDb::fresh().await;
    assert_eq!(
        avatars::upload(&test_db.db, &Viewer::Visitor, fixtures::jpeg(10, 10)).await,
        Err(AppError::Unauthenticated)
    );
    assert_eq!(
        avatars::remove(&test_db.db, &Viewer::Visitor).await,
        Err(AppError::Unauthenticated)
    );
    assert_eq!(
        avatars::mine(&test_db.db, &Viewer::Visitor).await,
        Err(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn unknown_keys_and_sizes_are_not_found() {
    let (test_db, viewer) = with_member().await;
    let key = avatars::upload(&test_db.db, &viewer, fixtures::jpeg(50, 50))
        .await
        .unwrap();
    for (key, size) in [
        (key.as_str(), 128),
        ("0123456789abcdef0123456789abcdef", 256),
        ("../../etc/passwd", 256),
        ("", 64),
    ] {
        assert_eq!(
            avatars::image(&test_db.db, key, size).await,
            Err(AppError::NotFound),
            "{key} {size}"
        );
    }
    test_db.remove().await;
}
