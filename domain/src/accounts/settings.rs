//! Account changes by emailed link or with the current password: confirming an
//! address, resetting a forgotten password, changing password or email.

use chrono::Utc;
use iey_entity::member;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

use super::Client;
use super::email::{email_problem, email_taken, normalise_email};
use super::password::{hash_password, password_problem, verify_password};
use super::rate_limit::{Limit, hit};
use super::sessions::{SignedIn, end_all_sessions};
use super::tokens::{Purpose, issue, redeem};
use crate::mail::{Mail, Mailer};
use crate::{AppError, Db, DomainResult, internal};

/// Reset requests allowed from one address per hour.
const RESET_PER_IP: Limit = Limit {
    max: 10,
    window_secs: 3600,
};
/// Reset mails one account may receive per hour.
const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window_secs: 3600,
};
/// Verification mails one account may ask for per hour.
const RESEND_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window_secs: 3600,
};

/// Sends the link that confirms `email` for `member_id`.
pub(crate) async fn send_verification(
    db: &Db,
    mailer: &Mailer,
    member_id: i32,
    email: &str,
) -> DomainResult<()> {
    let token = issue(db, member_id, Purpose::VerifyEmail, None).await?;
    let link = mailer.link(&format!("/verify-email?token={token}"));
    mailer
        .send(Mail {
            to: email.to_owned(),
            subject: "Confirm your email address for IEY".to_owned(),
            text: format!(
                "Welcome to IEY, the Institute of Early Years.\n\n\
                 Please confirm your email address by opening this link:\n\n{link}\n\n\
                 The link works once and for three days. If you did not sign up, you can ignore this email.\n"
            ),
        })
        .await
}

/// Sends the confirmation link again, at most a few times an hour.
pub async fn resend_verification(
    db: &Db,
    mailer: &Mailer,
    signed_in: &SignedIn,
) -> DomainResult<()> {
    let account = account(db, signed_in.member_id).await?;
    if account.email_verified_at.is_some() {
        return Ok(());
    }
    hit(
        db,
        &format!("resend:member:{}", account.id),
        RESEND_PER_ACCOUNT,
    )
    .await?;
    send_verification(db, mailer, account.id, &account.email).await
}

/// Confirms an address from an emailed link: the sign-up address, or a new
/// address the member asked to change to.
pub async fn confirm_email(db: &Db, token: &str) -> DomainResult<()> {
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a confirmation"))?;
    let redeemed = match redeem(&txn, token, Purpose::VerifyEmail).await {
        Ok(row) => row,
        Err(_) => redeem(&txn, token, Purpose::ChangeEmail).await?,
    };
    let mut row: member::ActiveModel = account(&txn, redeemed.member_id).await?.into();
    if let Some(new_email) = redeemed.new_email {
        if email_taken(&txn, &new_email, Some(redeemed.member_id)).await? {
            return Err(AppError::invalid(
                "token",
                "Another account now uses that address, so it cannot become yours.",
            ));
        }
        row.email = Set(new_email);
    }
    row.email_verified_at = Set(Some(Utc::now()));
    row.updated_at = Set(Utc::now());
    member::Entity::update(row)
        .exec(&txn)
        .await
        .map_err(internal("confirming an email address"))?;
    txn.commit()
        .await
        .map_err(internal("finishing a confirmation"))
}

/// Mails a reset link when an account has `email`. The answer is the same either
/// way, so the form can't be used to find out who has an account.
pub async fn request_password_reset(
    db: &Db,
    mailer: &Mailer,
    email: &str,
    client: &Client,
) -> DomainResult<()> {
    let email = normalise_email(email);
    if let Some(message) = email_problem(&email) {
        return Err(AppError::invalid("email", message));
    }
    hit(db, &format!("reset:ip:{}", client.ip), RESET_PER_IP).await?;
    let Some(account) = member::Entity::find()
        .filter(member::Column::Email.eq(email.as_str()))
        .one(db)
        .await
        .map_err(internal("finding an account to reset"))?
    else {
        return Ok(());
    };
    // Quietly stop mailing after a few: the person asking may not own the inbox.
    if hit(
        db,
        &format!("reset:member:{}", account.id),
        RESET_PER_ACCOUNT,
    )
    .await
    .is_err()
    {
        return Ok(());
    }
    let token = issue(db, account.id, Purpose::ResetPassword, None).await?;
    let link = mailer.link(&format!("/reset-password?token={token}"));
    mailer
        .send(Mail {
            to: account.email,
            subject: "Reset your IEY password".to_owned(),
            text: format!(
                "Someone asked to reset the password of your IEY account.\n\n\
                 To choose a new password, open this link within an hour:\n\n{link}\n\n\
                 If it was not you, ignore this email: your password stays as it is.\n"
            ),
        })
        .await
}

/// Sets a new password from a reset link and ends every session.
pub async fn reset_password(db: &Db, token: &str, new_password: String) -> DomainResult<()> {
    if let Some(message) = password_problem(&new_password) {
        return Err(AppError::invalid("password", message));
    }
    let hash = hash_password(new_password).await?;
    let txn = db.begin().await.map_err(internal("starting a reset"))?;
    let redeemed = redeem(&txn, token, Purpose::ResetPassword).await?;
    set_password(&txn, redeemed.member_id, hash).await?;
    // Following the link proves the member reads that inbox.
    member::Entity::update_many()
        .col_expr(member::Column::EmailVerifiedAt, Utc::now().into())
        .filter(member::Column::Id.eq(redeemed.member_id))
        .filter(member::Column::EmailVerifiedAt.is_null())
        .exec(&txn)
        .await
        .map_err(internal("verifying by reset"))?;
    end_all_sessions(&txn, redeemed.member_id).await?;
    txn.commit().await.map_err(internal("finishing a reset"))
}

/// Changes the password after checking the current one; other sessions end.
pub async fn change_password(
    db: &Db,
    signed_in: &SignedIn,
    current: String,
    new_password: String,
) -> DomainResult<()> {
    let account = account(db, signed_in.member_id).await?;
    check_current_password(current, account.password_hash).await?;
    if let Some(message) = password_problem(&new_password) {
        return Err(AppError::invalid("new_password", message));
    }
    let hash = hash_password(new_password).await?;
    let txn = db
        .begin()
        .await
        .map_err(internal("starting a password change"))?;
    set_password(&txn, account.id, hash).await?;
    super::sessions::end_sessions_except(&txn, account.id, signed_in.session_id).await?;
    txn.commit()
        .await
        .map_err(internal("finishing a password change"))
}

/// Sends a confirmation link to a new address; the change happens when it is
/// followed. The old address hears about it.
pub async fn change_email(
    db: &Db,
    mailer: &Mailer,
    signed_in: &SignedIn,
    new_email: &str,
    current: String,
) -> DomainResult<()> {
    let account = account(db, signed_in.member_id).await?;
    check_current_password(current, account.password_hash.clone()).await?;
    let new_email = normalise_email(new_email);
    if let Some(message) = email_problem(&new_email) {
        return Err(AppError::invalid("new_email", message));
    }
    if new_email == account.email {
        return Err(AppError::invalid(
            "new_email",
            "That is already your email address.",
        ));
    }
    if email_taken(db, &new_email, Some(account.id)).await? {
        return Err(AppError::invalid(
            "new_email",
            "Another account already uses that address.",
        ));
    }
    hit(
        db,
        &format!("change-email:member:{}", account.id),
        RESEND_PER_ACCOUNT,
    )
    .await?;
    let token = issue(
        db,
        account.id,
        Purpose::ChangeEmail,
        Some(new_email.clone()),
    )
    .await?;
    let link = mailer.link(&format!("/verify-email?token={token}"));
    mailer
        .send(Mail {
            to: new_email.clone(),
            subject: "Confirm your new email address for IEY".to_owned(),
            text: format!(
                "You asked to use this address for your IEY account.\n\n\
                 Please confirm it by opening this link within a day:\n\n{link}\n"
            ),
        })
        .await?;
    let _ = mailer
        .send(Mail {
            to: account.email,
            subject: "Your IEY email address is changing".to_owned(),
            text: format!(
                "Someone logged in to your IEY account asked to change its email address to {new_email}.\n\n\
                 If it was not you, reset your password now: {}\n",
                mailer.link("/forgot-password")
            ),
        })
        .await;
    Ok(())
}

async fn check_current_password(current: String, stored: Option<String>) -> DomainResult<()> {
    if verify_password(current, stored).await? {
        Ok(())
    } else {
        Err(AppError::invalid(
            "current_password",
            "That is not your current password.",
        ))
    }
}

async fn set_password<C: sea_orm::ConnectionTrait>(
    db: &C,
    member_id: i32,
    hash: String,
) -> DomainResult<()> {
    member::Entity::update_many()
        .col_expr(member::Column::PasswordHash, Some(hash).into())
        .col_expr(member::Column::UpdatedAt, Utc::now().into())
        .filter(member::Column::Id.eq(member_id))
        .exec(db)
        .await
        .map_err(internal("setting a password"))?;
    Ok(())
}

async fn account<C: sea_orm::ConnectionTrait>(
    db: &C,
    member_id: i32,
) -> DomainResult<member::Model> {
    member::Entity::find_by_id(member_id)
        .one(db)
        .await
        .map_err(internal("loading an account"))?
        .ok_or(AppError::NotFound)
}
