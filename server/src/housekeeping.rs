//! Background chores of a running server: every hour, clear out ended sessions,
//! spent tokens and idle rate-limit counters; every minute, send the visit
//! reminders that have fallen due. Both keep their state in the database, so a
//! restart (or a second instance) neither loses nor repeats anything.

use std::sync::Arc;
use std::time::Duration;

use iey_domain::Db;
use iey_domain::mail::Mailer;

/// How often the sweep runs.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);
/// How often due reminders are looked for.
const REMIND_EVERY: Duration = Duration::from_secs(60);

/// Starts the chores on the current runtime; they stop with the process.
pub fn spawn(db: Db, mailer: Arc<Mailer>) {
    let sweeping = db.clone();
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(SWEEP_EVERY);
        loop {
            ticks.tick().await;
            match iey_domain::accounts::sweep(&sweeping).await {
                Ok(swept) => tracing::debug!(?swept, "housekeeping done"),
                Err(error) => tracing::warn!(%error, "housekeeping failed; will try again"),
            }
        }
    });
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(REMIND_EVERY);
        loop {
            ticks.tick().await;
            let now = chrono::Utc::now();
            match iey_domain::visits::reminders::send_due(&db, &mailer, now).await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "visit reminders sent"),
                Err(error) => tracing::warn!(%error, "visit reminders failed; will try again"),
            }
        }
    });
}
