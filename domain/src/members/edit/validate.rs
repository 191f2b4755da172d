//! The rules a profile form must meet, checked all at once so the member sees
//! every problem in one go. Pure: the handle's uniqueness is checked by the caller.

use chrono_tz::Tz;
use iey_dto::{AGE_BANDS, FieldError, ProfileForm, Sector, VISIBILITIES};

use super::tags::{codes, interests, languages};

/// Handles that would clash with pages or look official.
const RESERVED_HANDLES: &[&str] = &[
    "about",
    "account",
    "admin",
    "administrator",
    "api",
    "assets",
    "chat",
    "conversations",
    "edit",
    "friends",
    "healthz",
    "help",
    "iey",
    "login",
    "logout",
    "me",
    "members",
    "moderator",
    "moderators",
    "new",
    "notifications",
    "null",
    "organisations",
    "pkg",
    "profile",
    "readyz",
    "register",
    "resources",
    "root",
    "search",
    "settings",
    "signup",
    "staff",
    "static",
    "support",
    "system",
    "visits",
];
/// Longest bio, in characters.
pub const MAX_BIO_CHARS: usize = 2_000;

/// A profile that passed every rule, in the form it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanProfile {
    pub display_name: String,
    pub handle: String,
    pub headline: String,
    pub organisation: Option<String>,
    pub country: String,
    pub city: String,
    pub time_zone: String,
    pub languages: Vec<String>,
    pub sectors: Vec<String>,
    pub age_bands: Vec<String>,
    pub interests: Vec<String>,
    pub bio: String,
    pub visibility: String,
    pub open_to_visits: bool,
    pub open_to_mentoring: bool,
}

/// Collects the problems of one form, field by field.
#[derive(Default)]
pub(crate) struct Problems(pub(crate) Vec<FieldError>);

impl Problems {
    pub(crate) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// `text` trimmed, with a message when it is longer than `max` (or empty and required).
    fn text(&mut self, field: &str, label: &str, text: &str, max: usize, required: bool) -> String {
        let text = text.trim();
        let length = text.chars().count();
        if required && length == 0 {
            self.add(field, format!("Please enter your {label}."));
        } else if length > max {
            self.add(
                field,
                format!("Your {label} can be at most {max} characters (it has {length})."),
            );
        } else if text.chars().any(char::is_control) {
            self.add(
                field,
                format!("Your {label} cannot contain control characters."),
            );
        }
        text.to_owned()
    }
}

/// Checks every field of `form`; returns the clean profile or every problem found.
pub fn validate(form: &ProfileForm) -> Result<CleanProfile, Vec<FieldError>> {
    let mut problems = Problems::default();
    let display_name = problems.text("display_name", "name", &form.display_name, 80, true);
    let handle = form.handle.trim().to_lowercase();
    if let Some(message) = handle_problem(&handle) {
        problems.add("handle", message);
    }
    let headline = problems.text("headline", "role", &form.headline, 120, false);
    let organisation = problems.text(
        "organisation",
        "organisation",
        &form.organisation,
        120,
        false,
    );
    let city = problems.text("city", "city or region", &form.city, 80, false);

    let country = form.country.trim().to_uppercase();
    if country.is_empty() {
        problems.add("country", "Please choose your country.");
    } else if isocountry::CountryCode::for_alpha2(&country).is_err() {
        problems.add("country", "Please choose a country from the list.");
    }
    let time_zone = form.time_zone.trim().to_owned();
    if time_zone.is_empty() {
        problems.add("time_zone", "Please choose your time zone.");
    } else if time_zone.parse::<Tz>().is_err() {
        problems.add("time_zone", "Please choose a time zone from the list.");
    }

    let languages = languages(form, &mut problems);
    let sectors = codes(&form.sectors, |code| Sector::from_code(code).is_some());
    match &sectors {
        Ok(sectors) if sectors.is_empty() => {
            problems.add("sectors", "Please choose at least one sector.")
        }
        Ok(_) => {}
        Err(()) => problems.add("sectors", "Please choose sectors from the list."),
    }
    let age_bands = codes(&form.age_bands, |band| AGE_BANDS.contains(&band));
    if age_bands.is_err() {
        problems.add("age_bands", "Please choose age bands from the list.");
    }
    let interests = interests(&form.interests, &mut problems);
    let bio = bio(&form.bio, &mut problems);
    let visibility = form.visibility.trim().to_owned();
    if !VISIBILITIES.iter().any(|(code, _)| *code == visibility) {
        problems.add("visibility", "Please choose who may see your profile.");
    }

    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    Ok(CleanProfile {
        display_name,
        handle,
        headline,
        organisation: (!organisation.is_empty()).then_some(organisation),
        country,
        city,
        time_zone,
        languages,
        sectors: sectors.unwrap_or_default(),
        age_bands: age_bands.unwrap_or_default(),
        interests,
        bio,
        visibility,
        open_to_visits: form.open_to_visits,
        open_to_mentoring: form.open_to_mentoring,
    })
}

/// What is wrong with a (lower-cased) handle, if anything.
pub fn handle_problem(handle: &str) -> Option<String> {
    let length = handle.chars().count();
    if !(3..=30).contains(&length) {
        Some("Your handle must be 3 to 30 characters long.".to_owned())
    } else if !handle
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Some("Your handle may use only letters a–z, digits and hyphens.".to_owned())
    } else if handle.starts_with('-') || handle.ends_with('-') {
        Some("Your handle cannot start or end with a hyphen.".to_owned())
    } else if RESERVED_HANDLES.contains(&handle) {
        Some("That handle is taken. Please choose another.".to_owned())
    } else {
        None
    }
}

/// The bio as plain text: Windows line ends made plain, invisible control
/// characters dropped, trailing space trimmed; at most [`MAX_BIO_CHARS`].
fn bio(typed: &str, problems: &mut Problems) -> String {
    let bio: String = typed
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let bio = bio.trim().to_owned();
    let length = bio.chars().count();
    if length > MAX_BIO_CHARS {
        problems.add(
            "bio",
            format!("Your bio can be at most {MAX_BIO_CHARS} characters (it has {length})."),
        );
    }
    bio
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_short_plain_and_not_reserved() {
        assert_eq!(handle_problem("ana-lopez-7"), None);
        for bad in [
            "ab",
            "ana--",
            "-ana",
            "Ana",
            "ana lopez",
            "admin",
            "settings",
        ] {
            assert!(handle_problem(bad).is_some(), "{bad}");
        }
    }
}
