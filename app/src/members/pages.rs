//! Pages of the member directory.

mod directory;
mod profile;

pub use directory::DirectoryPage;
pub use profile::ProfilePage;
