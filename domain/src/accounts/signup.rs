//! Signing up: email, password and handle, each checked with its own message;
//! the new member is logged in at once and sent a link to confirm their address.

use chrono::Utc;
use iey_dto::FieldError;
use iey_entity::member;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ActiveValue::Set, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};

use super::Client;
use super::email::{email_problem, email_taken, normalise_email};
use super::password::{hash_password, password_problem};
use super::rate_limit::{Limit, hit};
use super::sessions::start_session;
use super::settings::send_verification;
use crate::mail::Mailer;
use crate::{AppError, Db, DomainResult, internal};

/// Sign-ups allowed from one address per hour.
const PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
/// Attempts to sign up with one email address per hour.
const PER_EMAIL: Limit = Limit {
    max: 5,
    window_secs: 3600,
};
/// The longest display name.
const MAX_NAME_CHARS: usize = 80;

/// What the sign-up form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignUp {
    /// The address to log in with.
    pub email: String,
    /// The chosen password.
    pub password: String,
    /// The profile URL's slug.
    pub handle: String,
    /// The name to show; the handle when left empty.
    pub display_name: String,
    /// The browser's IANA time zone, when it told us.
    pub time_zone: String,
}

/// Creates the account, sends the verification mail and returns a session token.
/// Every problem with the form comes back at once, each on its field.
pub async fn sign_up(
    db: &Db,
    mailer: &Mailer,
    form: SignUp,
    client: &Client,
) -> DomainResult<String> {
    let email = normalise_email(&form.email);
    let handle = form.handle.trim().to_lowercase();
    hit(db, &format!("signup:ip:{}", client.ip), PER_IP).await?;
    if email_problem(&email).is_none() {
        hit(db, &format!("signup:email:{email}"), PER_EMAIL).await?;
    }

    let mut problems = Vec::new();
    let mut problem = |field: &str, message: String| {
        problems.push(FieldError {
            field: field.to_owned(),
            message,
        })
    };
    match email_problem(&email) {
        Some(message) => problem("email", message.to_owned()),
        None if email_taken(db, &email, None).await? => problem(
            "email",
            "An account with this email already exists. Log in, or reset your password.".to_owned(),
        ),
        None => {}
    }
    if let Some(message) = password_problem(&form.password) {
        problem("password", message);
    }
    match crate::members::handle_problem(&handle) {
        Some(message) => problem("handle", message),
        None if handle_taken(db, &handle).await? => problem(
            "handle",
            "That handle is taken. Please choose another.".to_owned(),
        ),
        None => {}
    }
    let display_name = match form.display_name.trim() {
        "" => handle.clone(),
        name => name.to_owned(),
    };
    if display_name.chars().count() > MAX_NAME_CHARS {
        problem(
            "display_name",
            format!("Please keep your name to {MAX_NAME_CHARS} characters."),
        );
    }
    if !problems.is_empty() {
        return Err(AppError::Validation { fields: problems });
    }

    let password_hash = hash_password(form.password).await?;
    let time_zone = match form.time_zone.trim().parse::<chrono_tz::Tz>() {
        Ok(zone) => zone.name().to_owned(),
        Err(_) => "UTC".to_owned(),
    };
    let now = Utc::now();
    let txn = db.begin().await.map_err(internal("starting sign-up"))?;
    let inserted = member::Entity::insert(member::ActiveModel {
        handle: Set(handle),
        email: Set(email.clone()),
        password_hash: Set(Some(password_hash)),
        sort_name: Set(display_name.to_lowercase()),
        display_name: Set(display_name),
        headline: Set(String::new()),
        organisation_name: Set(None),
        country_code: Set(String::new()),
        city: Set(String::new()),
        time_zone: Set(time_zone),
        bio: Set(String::new()),
        // New members are seen by members only until they choose otherwise.
        visibility: Set("members".to_owned()),
        open_to_visits: Set(false),
        open_to_mentoring: Set(false),
        role: Set("member".to_owned()),
        email_verified_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await;
    // Two sign-ups racing for one handle or email: the loser hears it on the field.
    let member_id = match inserted {
        Ok(result) => result.last_insert_id,
        Err(error) if is_unique_violation(&error) => {
            return Err(AppError::invalid(
                "handle",
                "That handle or email was just taken. Please choose another.",
            ));
        }
        Err(error) => return Err(internal("creating a member")(error)),
    };
    crate::members::reindex(&txn, member_id).await?;
    let session = start_session(&txn, member_id, client).await?;
    txn.commit().await.map_err(internal("finishing sign-up"))?;
    // The account exists even if the mail fails; settings can send it again.
    let _ = send_verification(db, mailer, member_id, &email).await;
    Ok(session)
}

/// Whether a handle is in use, in any letter case.
async fn handle_taken(db: &Db, handle: &str) -> DomainResult<bool> {
    let count = member::Entity::find()
        .filter(Expr::expr(Func::lower(Expr::col(member::Column::Handle))).eq(handle))
        .count(db)
        .await
        .map_err(internal("checking a handle"))?;
    Ok(count > 0)
}

fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
