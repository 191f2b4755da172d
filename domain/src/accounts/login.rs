//! Logging in with email and password, rate limited per address and per account.

use iey_entity::member;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Client;
use super::email::normalise_email;
use super::password::verify_password;
use super::rate_limit::{Limit, hit};
use super::sessions::start_session;
use crate::{AppError, Db, DomainResult, internal};

/// Log-in attempts allowed from one address per quarter hour.
const PER_IP: Limit = Limit {
    max: 30,
    window_secs: 900,
};
/// Log-in attempts allowed on one account per quarter hour.
const PER_ACCOUNT: Limit = Limit {
    max: 10,
    window_secs: 900,
};

/// What the log-in form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogIn {
    /// The account's email address.
    pub email: String,
    /// Its password.
    pub password: String,
}

/// Checks the email and password and returns a new session's token. A missing
/// account and a wrong password get the same answer, in the same time.
pub async fn log_in(db: &Db, form: LogIn, client: &Client) -> DomainResult<String> {
    let email = normalise_email(&form.email);
    if email.is_empty() || form.password.is_empty() {
        let mut fields = Vec::new();
        if email.is_empty() {
            fields.push(field("email", "Please enter your email address."));
        }
        if form.password.is_empty() {
            fields.push(field("password", "Please enter your password."));
        }
        return Err(AppError::Validation { fields });
    }
    hit(db, &format!("login:ip:{}", client.ip), PER_IP).await?;
    hit(db, &format!("login:email:{email}"), PER_ACCOUNT).await?;
    let account = member::Entity::find()
        .filter(member::Column::Email.eq(email.as_str()))
        .one(db)
        .await
        .map_err(internal("finding an account to log in"))?;
    let stored = account.as_ref().and_then(|row| row.password_hash.clone());
    if !verify_password(form.password, stored).await? {
        return Err(AppError::invalid(
            "password",
            "That email and password do not match an account. Check them and try again.",
        ));
    }
    let Some(account) = account else {
        return Err(AppError::Internal);
    };
    start_session(db, account.id, client).await
}

fn field(name: &str, message: &str) -> iey_dto::FieldError {
    iey_dto::FieldError {
        field: name.to_owned(),
        message: message.to_owned(),
    }
}
