//! Pages that belong to no single feature: the landing page, about and errors.

mod about;
mod landing;
mod not_found;

pub use about::AboutPage;
pub use landing::LandingPage;
pub use not_found::NotFoundPage;
