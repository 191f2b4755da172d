//! The lists the profile form picks from: countries, time zones and common
//! languages, named in English.

use iey_dto::Choice;

/// Languages offered as tick boxes (ISO 639-1); any other code can be typed.
pub const COMMON_LANGUAGES: &[&str] = &[
    "af", "am", "ar", "bn", "bg", "zh", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el",
    "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja", "ko", "lt", "ms", "nb", "fa", "pl", "pt",
    "pa", "ro", "ru", "sr", "sk", "so", "es", "sw", "sv", "tl", "ta", "th", "tr", "uk", "ur", "vi",
    "cy", "yo", "zu",
];

/// Every ISO 3166-1 country by English name.
pub fn countries() -> Vec<Choice> {
    let mut countries: Vec<Choice> = isocountry::CountryCode::iter()
        .map(|country| Choice {
            code: country.alpha2().to_owned(),
            label: country.name().to_owned(),
        })
        .collect();
    countries.sort_by(|a, b| a.label.cmp(&b.label));
    countries
}

/// Every IANA time zone name, sorted.
pub fn time_zones() -> Vec<String> {
    let mut zones: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name().to_owned())
        .collect();
    zones.sort();
    zones
}

/// The common languages by English name.
pub fn common_languages() -> Vec<Choice> {
    let mut languages: Vec<Choice> = COMMON_LANGUAGES
        .iter()
        .map(|code| Choice {
            code: (*code).to_owned(),
            label: super::super::language_name(code),
        })
        .collect();
    languages.sort_by(|a, b| a.label.cmp(&b.label));
    languages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_complete_and_named() {
        let countries = countries();
        assert!(countries.len() > 240);
        assert!(
            countries
                .iter()
                .any(|c| c.code == "DE" && c.label == "Germany")
        );
        assert!(time_zones().iter().any(|zone| zone == "Europe/London"));
        let languages = common_languages();
        assert_eq!(languages.len(), COMMON_LANGUAGES.len());
        assert!(languages.iter().all(|l| l.label != l.code), "{languages:?}");
    }
}
