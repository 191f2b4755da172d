//! Pages of the member directory.

mod directory;
mod edit;
mod profile;

pub use directory::DirectoryPage;
pub use edit::ProfileEditPage;
#[cfg(feature = "ssr")]
pub use edit::draft_query;
pub use profile::ProfilePage;
