//! Logging in and sessions against a real database: one answer for unknown
//! accounts and wrong passwords, throttling, ending sessions, and sweeping what
//! is over. Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)] // each test file uses some of the helpers
#[path = "accounts/support.rs"]
mod support;

use iey_domain::AppError;
use iey_domain::accounts::{
    LogIn, SignUp, change_password, end_all_sessions, end_session, log_in, resolve_session,
    sessions_of, sign_up,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::{Outbox, ana, client};

#[tokio::test]
async fn log_in_gives_one_answer_for_unknown_accounts_and_wrong_passwords() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let attempt = |email: &str, password: &str| LogIn {
        email: email.into(),
        password: password.into(),
    };
    let wrong = log_in(
        &test_db.db,
        attempt("ana@example.org", "wrong password!"),
        &client("192.0.2.2"),
    )
    .await
    .unwrap_err();
    let unknown = log_in(
        &test_db.db,
        attempt("nobody@example.org", "wrong password!"),
        &client("192.0.2.2"),
    )
    .await
    .unwrap_err();
    assert_eq!(wrong, unknown);
    let empty = log_in(&test_db.db, attempt("", ""), &client("192.0.2.2"))
        .await
        .unwrap_err();
    assert!(empty.field_message("email").is_some() && empty.field_message("password").is_some());

    let token = log_in(
        &test_db.db,
        attempt(" Ana@Example.org", "a long enough secret"),
        &client("192.0.2.2"),
    )
    .await
    .unwrap();
    assert!(
        resolve_session(&test_db.db, &token)
            .await
            .unwrap()
            .is_some()
    );
    test_db.remove().await;
}

#[tokio::test]
async fn log_in_is_throttled_per_account_and_per_address() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let wrong = || LogIn {
        email: "ana@example.org".into(),
        password: "not the password".into(),
    };
    // Ten tries per account per quarter hour, from any number of addresses.
    for attempt in 0..10 {
        let error = log_in(
            &test_db.db,
            wrong(),
            &client(&format!("198.51.100.{attempt}")),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(error, AppError::Validation { .. }),
            "attempt {attempt}: {error:?}"
        );
    }
    let right = LogIn {
        password: "a long enough secret".into(),
        ..wrong()
    };
    let limited = log_in(&test_db.db, right, &client("203.0.113.7"))
        .await
        .unwrap_err();
    assert!(
        matches!(limited, AppError::RateLimited { retry_after_secs } if retry_after_secs > 0 && retry_after_secs <= 900)
    );

    // Thirty per address, whatever the accounts.
    for attempt in 0..30 {
        let stranger = LogIn {
            email: format!("nobody{attempt}@example.org"),
            password: "whatever it is".into(),
        };
        let error = log_in(&test_db.db, stranger, &client("192.0.2.99"))
            .await
            .unwrap_err();
        assert!(
            matches!(error, AppError::Validation { .. }),
            "attempt {attempt}: {error:?}"
        );
    }
    let one_more = LogIn {
        email: "someone@example.org".into(),
        password: "whatever it is".into(),
    };
    let limited = log_in(&test_db.db, one_more, &client("192.0.2.99"))
        .await
        .unwrap_err();
    assert!(matches!(limited, AppError::RateLimited { .. }));
    test_db.remove().await;
}

#[tokio::test]
async fn sessions_end_one_by_one_everywhere_and_on_password_changes() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let phone = sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let login = || LogIn {
        email: "ana@example.org".into(),
        password: "a long enough secret".into(),
    };
    let laptop = log_in(&test_db.db, login(), &client("192.0.2.2"))
        .await
        .unwrap();
    let tablet = log_in(&test_db.db, login(), &client("192.0.2.3"))
        .await
        .unwrap();
    let on_laptop = resolve_session(&test_db.db, &laptop)
        .await
        .unwrap()
        .unwrap();
    let listed = sessions_of(&test_db.db, &on_laptop).await.unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed.iter().filter(|session| session.current).count(), 1);

    // Someone else's session can't be ended from here.
    let other = sign_up(
        &test_db.db,
        &outbox.mailer,
        SignUp {
            email: "bo@example.org".into(),
            handle: "bo-chen".into(),
            ..ana()
        },
        &client("192.0.2.4"),
    )
    .await
    .unwrap();
    let bo = resolve_session(&test_db.db, &other).await.unwrap().unwrap();
    assert_eq!(
        end_session(&test_db.db, &bo, on_laptop.session_id).await,
        Err(AppError::NotFound)
    );

    let on_tablet = resolve_session(&test_db.db, &tablet)
        .await
        .unwrap()
        .unwrap();
    end_session(&test_db.db, &on_laptop, on_tablet.session_id)
        .await
        .unwrap();
    assert!(
        resolve_session(&test_db.db, &tablet)
            .await
            .unwrap()
            .is_none()
    );

    change_password(
        &test_db.db,
        &on_laptop,
        "a long enough secret".into(),
        "another long secret".into(),
    )
    .await
    .unwrap();
    assert!(
        resolve_session(&test_db.db, &phone)
            .await
            .unwrap()
            .is_none(),
        "other sessions end"
    );
    assert!(
        resolve_session(&test_db.db, &laptop)
            .await
            .unwrap()
            .is_some(),
        "this one stays"
    );
    let wrong_current = change_password(
        &test_db.db,
        &on_laptop,
        "not it at all".into(),
        "yet another secret".into(),
    )
    .await
    .unwrap_err();
    assert!(wrong_current.field_message("current_password").is_some());

    end_all_sessions(&test_db.db, on_laptop.member_id)
        .await
        .unwrap();
    assert!(
        resolve_session(&test_db.db, &laptop)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        resolve_session(&test_db.db, &other)
            .await
            .unwrap()
            .is_some(),
        "Bo stays logged in"
    );
    test_db.remove().await;
}

#[tokio::test]
async fn sweeping_removes_only_what_is_over() {
    let (test_db, outbox) = (iey_domain::testing::TestDb::fresh().await, Outbox::new());
    let kept = sign_up(&test_db.db, &outbox.mailer, ana(), &client("192.0.2.1"))
        .await
        .unwrap();
    let login = LogIn {
        email: "ana@example.org".into(),
        password: "a long enough secret".into(),
    };
    let old = log_in(&test_db.db, login, &client("192.0.2.2"))
        .await
        .unwrap();
    let old_session = resolve_session(&test_db.db, &old).await.unwrap().unwrap();
    iey_entity::session::Entity::update_many()
        .col_expr(
            iey_entity::session::Column::ExpiresAt,
            (chrono::Utc::now() - chrono::Duration::hours(1)).into(),
        )
        .filter(iey_entity::session::Column::Id.eq(old_session.session_id))
        .exec(&test_db.db)
        .await
        .unwrap();
    iey_entity::rate_limit::Entity::update_many()
        .col_expr(
            iey_entity::rate_limit::Column::WindowStart,
            (chrono::Utc::now().timestamp() - 2 * 86_400).into(),
        )
        .filter(iey_entity::rate_limit::Column::Key.contains("192.0.2.2"))
        .exec(&test_db.db)
        .await
        .unwrap();
    let swept = iey_domain::accounts::sweep(&test_db.db).await.unwrap();
    assert_eq!((swept.sessions, swept.tokens, swept.counters), (1, 0, 1));
    assert!(resolve_session(&test_db.db, &kept).await.unwrap().is_some());
    test_db.remove().await;
}
