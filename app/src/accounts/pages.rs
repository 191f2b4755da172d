//! Account pages.

mod log_in;
mod password_reset;
mod settings;
mod sign_up;
mod verify_email;

pub use log_in::LogInPage;
pub use password_reset::{ForgotPasswordPage, ResetPasswordPage};
pub use settings::AccountSettingsPage;
pub use sign_up::SignUpPage;
pub use verify_email::VerifyEmailPage;
