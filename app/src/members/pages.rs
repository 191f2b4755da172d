//! Pages of the member directory.

mod directory;

pub use directory::DirectoryPage;
