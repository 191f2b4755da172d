//! Editing one's own profile: the form as typed, and the choices it offers.

use serde::{Deserialize, Serialize};

/// The age bands members may say they work with, youngest first.
pub const AGE_BANDS: [&str; 5] = ["0-1", "1-2", "2-3", "3-5", "5-8"];

/// Who may see a profile: stored code and what the form says about it.
pub const VISIBILITIES: [(&str, &str); 3] = [
    ("public", "Everyone, including people who are not logged in"),
    ("members", "Members only"),
    ("friends", "Friends only"),
];

/// The profile form exactly as the member typed it. Every field has a default, so
/// a form with missing fields still arrives and gets field-level messages
/// instead of failing to decode. Error messages name these fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    /// The name shown on the profile.
    pub display_name: String,
    /// The profile address, `/members/<handle>`.
    pub handle: String,
    /// Their role, e.g. "Health visitor".
    pub headline: String,
    /// The organisation they work for; may be empty.
    pub organisation: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// City or region.
    pub city: String,
    /// IANA time zone, e.g. "Europe/London".
    pub time_zone: String,
    /// ISO 639-1 codes ticked in the list of common languages.
    pub languages: Vec<String>,
    /// More ISO 639-1 codes, typed and separated by commas or spaces.
    pub other_languages: String,
    /// Sector codes (see [`crate::Sector::code`]).
    pub sectors: Vec<String>,
    /// Age bands from [`AGE_BANDS`].
    pub age_bands: Vec<String>,
    /// Interest tags, separated by commas.
    pub interests: String,
    /// The biography, plain text.
    pub bio: String,
    /// `public`, `members` or `friends`.
    pub visibility: String,
    /// Happy to host visits to their setting.
    pub open_to_visits: bool,
    /// Happy to mentor others.
    pub open_to_mentoring: bool,
}

/// A value a form may pick, with the words shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The stored code, e.g. "DE" or "de".
    pub code: String,
    /// What the member reads, e.g. "Germany" or "German".
    pub label: String,
}

/// The lists the profile form picks from. They come from the server so that
/// country, language and time-zone tables stay out of the browser bundle.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileChoices {
    /// Every ISO 3166-1 country, sorted by English name.
    pub countries: Vec<Choice>,
    /// Every IANA time zone name, sorted.
    pub time_zones: Vec<String>,
    /// Common languages offered as tick boxes, sorted by English name.
    pub languages: Vec<Choice>,
    /// Interest tags other members use most, for suggestions.
    pub interests: Vec<String>,
}

/// Everything the edit page needs: the stored profile as a form, and the choices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileEditor {
    /// The member's current handle, for the link to their profile.
    pub handle: String,
    /// The stored profile, ready to edit.
    pub form: ProfileForm,
    /// The lists the form picks from.
    pub choices: ProfileChoices,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_with_missing_fields_still_decodes() {
        let form: ProfileForm = serde_json::from_str(r#"{"display_name":"Ana"}"#).unwrap();
        assert_eq!(form.display_name, "Ana");
        assert!(form.sectors.is_empty());
        assert!(!form.open_to_visits);
    }
}
