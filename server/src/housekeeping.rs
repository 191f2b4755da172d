//! Background chores of a running server: every hour, clear out ended sessions,
//! spent tokens and idle rate-limit counters.

use std::time::Duration;

use iey_domain::Db;

/// How often the sweep runs.
const EVERY: Duration = Duration::from_secs(3600);

/// Starts the hourly sweep on the current runtime; it stops with the process.
pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        loop {
            ticks.tick().await;
            match iey_domain::accounts::sweep(&db).await {
                Ok(swept) => tracing::debug!(?swept, "housekeeping done"),
                Err(error) => tracing::warn!(%error, "housekeeping failed; will try again"),
            }
        }
    });
}
