//! IEY's domain layer: every rule about who may see and do what, written as plain
//! functions over a database connection that return wire types or an [`AppError`].

pub mod accounts;
pub mod avatars;
pub mod blocks;
pub mod community;
pub mod db;
pub mod friends;
pub mod mail;
pub mod members;
pub mod notifications;
pub mod seed;
#[cfg(feature = "testing")]
pub mod testing;
mod viewer;
pub mod visits;

pub use db::{Db, connect, migrate};
pub use iey_dto::AppError;
pub use sea_orm::DbErr;
pub use viewer::{Role, Viewer};

/// The result of every domain call.
pub type DomainResult<T> = Result<T, AppError>;

/// Logs a fault the member cannot fix and turns it into [`AppError::Internal`].
pub(crate) fn internal(context: &'static str) -> impl FnOnce(sea_orm::DbErr) -> AppError {
    move |error| {
        tracing::error!(%error, context, "database error");
        AppError::Internal
    }
}
