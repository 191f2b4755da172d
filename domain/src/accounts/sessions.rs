//! Log-in sessions: a random token in an HttpOnly cookie, its hash in the
//! database, so any server instance can check it and a member can end it.

use chrono::{Duration, Utc};
use iey_dto::{ActiveSession, CurrentMember};
use iey_entity::{member, session};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::{Client, random_token, token_hash};
use crate::{AppError, Db, DomainResult, Role, Viewer, internal};

/// How long a session lasts without being used.
pub const SESSION_DAYS: i64 = 30;
/// How stale `last_seen_at` may get before a request refreshes it: writing on
/// every request would turn each page view into a database write.
const TOUCH_AFTER: Duration = Duration::minutes(5);
/// How much of the User-Agent is kept.
const USER_AGENT_CHARS: usize = 200;

/// A request's logged-in member, from their session cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    /// The session's id (shown in the session list).
    pub session_id: i32,
    /// The member's id.
    pub member_id: i32,
    /// The member's role.
    pub role: Role,
    /// Their handle, for links to their profile.
    pub handle: String,
    /// Their display name, for the navigation.
    pub display_name: String,
    /// Whether they have confirmed their email address.
    pub verified: bool,
    /// The address they log in with.
    pub email: String,
}

impl SignedIn {
    /// The member as the navigation and settings show them: read with the
    /// session, so showing who is logged in costs no further query.
    pub fn current_member(&self) -> CurrentMember {
        CurrentMember {
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            verified: self.verified,
            email: self.email.clone(),
            role: self.role.code().to_owned(),
        }
    }

    /// The viewer every query takes.
    pub fn viewer(&self) -> Viewer {
        Viewer::Member {
            id: self.member_id,
            role: self.role,
        }
    }
}

/// Starts a session for `member_id` and returns the cookie's token.
pub(crate) async fn start_session<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    client: &Client,
) -> DomainResult<String> {
    let token = random_token();
    let now = Utc::now();
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        member_id: Set(member_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + Duration::days(SESSION_DAYS)),
        user_agent: Set(client.user_agent.chars().take(USER_AGENT_CHARS).collect()),
        ip: Set(client.ip.chars().take(64).collect()),
        ..Default::default()
    })
    .exec(db)
    .await
    .map_err(internal("starting a session"))?;
    Ok(token)
}

/// The member a session token belongs to, if it is current. Using a session
/// keeps it alive for another [`SESSION_DAYS`].
pub async fn resolve_session(db: &Db, token: &str) -> DomainResult<Option<SignedIn>> {
    let now = Utc::now();
    let found = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .filter(session::Column::ExpiresAt.gt(now))
        .find_also_related(member::Entity)
        .one(db)
        .await
        .map_err(internal("looking up a session"))?;
    let Some((session, Some(member))) = found else {
        return Ok(None);
    };
    if now - session.last_seen_at > TOUCH_AFTER {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, now.into())
            .col_expr(
                session::Column::ExpiresAt,
                (now + Duration::days(SESSION_DAYS)).into(),
            )
            .filter(session::Column::Id.eq(session.id))
            .exec(db)
            .await
            .map_err(internal("refreshing a session"))?;
    }
    Ok(Some(SignedIn {
        session_id: session.id,
        member_id: member.id,
        role: Role::from_code(&member.role),
        handle: member.handle,
        display_name: member.display_name,
        verified: member.email_verified_at.is_some(),
        email: member.email,
    }))
}

/// Ends every session of the member ("log out everywhere").
pub async fn end_all_sessions<C: ConnectionTrait>(db: &C, member_id: i32) -> DomainResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::MemberId.eq(member_id))
        .exec(db)
        .await
        .map_err(internal("ending all sessions"))?;
    Ok(())
}

/// Ends every session of the member but `keep` (after a password change).
pub(crate) async fn end_sessions_except<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    keep: i32,
) -> DomainResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::MemberId.eq(member_id))
        .filter(session::Column::Id.ne(keep))
        .exec(db)
        .await
        .map_err(internal("ending other sessions"))?;
    Ok(())
}

/// Ends one of the signed-in member's sessions: their own on logging out, or
/// another (a lost phone) from the list in settings.
pub async fn end_session(db: &Db, signed_in: &SignedIn, session_id: i32) -> DomainResult<()> {
    let ended = session::Entity::delete_many()
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::MemberId.eq(signed_in.member_id))
        .exec(db)
        .await
        .map_err(internal("ending a session"))?;
    if ended.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The signed-in member's current sessions, most recently used first.
pub async fn sessions_of(db: &Db, signed_in: &SignedIn) -> DomainResult<Vec<ActiveSession>> {
    let rows = session::Entity::find()
        .filter(session::Column::MemberId.eq(signed_in.member_id))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await
        .map_err(internal("listing sessions"))?;
    Ok(rows
        .into_iter()
        .map(|row| ActiveSession {
            id: row.id,
            current: row.id == signed_in.session_id,
            device: device_name(&row.user_agent),
            ip: row.ip,
            started: row.created_at.format("%-d %b %Y, %H:%M UTC").to_string(),
            last_seen: row.last_seen_at.format("%-d %b %Y, %H:%M UTC").to_string(),
        })
        .collect())
}

/// A short, recognisable name for a browser from its User-Agent.
fn device_name(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(browser), Some(system)) => format!("{browser} on {system}"),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => "Unknown browser".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_named_from_the_user_agent() {
        let chrome_android =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
        assert_eq!(device_name(chrome_android), "Chrome on Android");
        assert_eq!(device_name("curl/8.0"), "Unknown browser");
    }
}
