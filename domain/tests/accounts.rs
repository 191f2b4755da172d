//! Accounts against a real database: sign-up rules, emailed tokens, password
//! resets and roles (logging in and sessions are in `sessions.rs`). Runs on
//! SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[path = "accounts/support.rs"]
mod support;

use iey_domain::accounts::{
    Client, LogIn, SignUp, confirm_email, log_in, request_password_reset, resend_verification,
    reset_password, resolve_session, sign_up,
};
use iey_domain::{AppError, Viewer};
use iey_dto::MemberQuery;
use iey_entity::account_token;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::{Outbox, ana, client};

#[tokio::test]
async fn sign_up_reports_every_problem_on_its_field_at_once() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let error = sign_up(
        &test_db.db,
        &outbox.mailer,
        SignUp {
            email: "not-an-email".into(),
            password: "short".into(),
            handle: "A".into(),
            ..SignUp::default()
        },
        &client("192.0.2.1"),
    )
    .await
    .unwrap_err();
    assert!(
        error
            .field_message("email")
            .unwrap()
            .contains("email address")
    );
    assert!(
        error
            .field_message("password")
            .unwrap()
            .contains("at least 10")
    );
    assert!(error.field_message("handle").unwrap().contains("3 to 30"));

    sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let again = SignUp {
        email: " ANA@example.org ".into(),
        handle: "Ana-Lopez".into(),
        ..ana()
    };
    let error = sign_up(&test_db.db, &outbox.mailer, again, &client("192.0.2.1"))
        .await
        .unwrap_err();
    assert!(
        error
            .field_message("email")
            .unwrap()
            .contains("already exists")
    );
    assert!(error.field_message("handle").unwrap().contains("taken"));
    test_db.remove().await;
}

#[tokio::test]
async fn a_new_member_is_logged_in_mailed_and_hidden_until_verified() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let token = sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let signed_in = resolve_session(&test_db.db, &token).await.unwrap().unwrap();
    assert_eq!(signed_in.handle, "ana-lopez");
    assert!(!signed_in.verified);

    let search = MemberQuery {
        q: "ana".into(),
        ..MemberQuery::default()
    };
    let other = Viewer::Member {
        id: signed_in.member_id + 1000,
        role: iey_domain::Role::Member,
    };
    let page = iey_domain::members::browse(&test_db.db, &other, &search)
        .await
        .unwrap();
    assert_eq!(
        page.total, 0,
        "unverified members stay out of the directory"
    );

    let link = outbox.last_link("/verify-email?token=");
    confirm_email(&test_db.db, &link).await.unwrap();
    assert!(
        resolve_session(&test_db.db, &token)
            .await
            .unwrap()
            .unwrap()
            .verified
    );
    let page = iey_domain::members::browse(&test_db.db, &other, &search)
        .await
        .unwrap();
    assert_eq!(page.total, 1, "verified members appear");

    let reused = confirm_email(&test_db.db, &link).await.unwrap_err();
    assert!(
        reused
            .field_message("token")
            .unwrap()
            .contains("already been used")
    );
    test_db.remove().await;
}

#[tokio::test]
async fn expired_and_superseded_tokens_do_not_work() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let session = sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let first = outbox.last_link("/verify-email?token=");
    let signed_in = resolve_session(&test_db.db, &session)
        .await
        .unwrap()
        .unwrap();
    resend_verification(&test_db.db, &outbox.mailer, &signed_in)
        .await
        .unwrap();
    let second = outbox.last_link("/verify-email?token=");
    assert_ne!(first, second);
    assert!(
        confirm_email(&test_db.db, &first).await.is_err(),
        "a newer link replaces the old one"
    );

    account_token::Entity::update_many()
        .col_expr(
            account_token::Column::ExpiresAt,
            (chrono::Utc::now() - chrono::Duration::minutes(1)).into(),
        )
        .filter(account_token::Column::UsedAt.is_null())
        .exec(&test_db.db)
        .await
        .unwrap();
    let expired = confirm_email(&test_db.db, &second).await.unwrap_err();
    assert!(expired.field_message("token").unwrap().contains("expired"));
    assert!(confirm_email(&test_db.db, "made-up").await.is_err());
    test_db.remove().await;
}

#[tokio::test]
async fn a_password_reset_works_once_and_logs_out_everywhere() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let session = sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let sent_before = outbox.count();
    request_password_reset(
        &test_db.db,
        &outbox.mailer,
        "nobody@example.org",
        &client("192.0.2.1"),
    )
    .await
    .unwrap();
    assert_eq!(
        outbox.count(),
        sent_before,
        "no mail for an unknown address, and no hint either"
    );
    request_password_reset(
        &test_db.db,
        &outbox.mailer,
        "ANA@example.org",
        &client("192.0.2.1"),
    )
    .await
    .unwrap();
    let token = outbox.last_link("/reset-password?token=");

    let short = reset_password(&test_db.db, &token, "short".into())
        .await
        .unwrap_err();
    assert!(short.field_message("password").is_some());
    reset_password(&test_db.db, &token, "a brand new secret".into())
        .await
        .unwrap();
    assert!(
        resolve_session(&test_db.db, &session)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        reset_password(&test_db.db, &token, "a second new secret".into())
            .await
            .is_err()
    );
    let login = LogIn {
        email: "ana@example.org".into(),
        password: "a brand new secret".into(),
    };
    let token = log_in(&test_db.db, login, &client("192.0.2.1"))
        .await
        .unwrap();
    let signed_in = resolve_session(&test_db.db, &token).await.unwrap().unwrap();
    assert!(
        signed_in.verified,
        "following a mailed link proves the address"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn roles_are_granted_by_email() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let token = sign_up(&test_db.db, &outbox.mailer, ana(), &Client::default())
        .await
        .unwrap();
    iey_domain::accounts::grant_role(&test_db.db, "Ana@example.org", iey_domain::Role::Admin)
        .await
        .unwrap();
    let signed_in = resolve_session(&test_db.db, &token).await.unwrap().unwrap();
    assert_eq!(signed_in.role, iey_domain::Role::Admin);
    assert_eq!(
        iey_domain::accounts::grant_role(
            &test_db.db,
            "nobody@example.org",
            iey_domain::Role::Admin
        )
        .await,
        Err(AppError::NotFound)
    );
    test_db.remove().await;
}
