//! Tag-like fields of the profile form: codes from a fixed list, languages and
//! interests, each made distinct and stored the way the directory filters on.

use iey_dto::ProfileForm;

use super::validate::Problems;

/// Most languages a member may list.
pub const MAX_LANGUAGES: usize = 10;
/// Most interest tags a member may list.
pub const MAX_INTERESTS: usize = 15;

/// Distinct, trimmed codes, each accepted by `known`; `Err` when one is not.
pub(super) fn codes(values: &[String], known: impl Fn(&str) -> bool) -> Result<Vec<String>, ()> {
    let mut codes: Vec<String> = Vec::new();
    for value in values.iter().map(|value| value.trim()) {
        if !known(value) {
            return Err(());
        }
        if !codes.iter().any(|code| code == value) {
            codes.push(value.to_owned());
        }
    }
    Ok(codes)
}

/// Ticked and typed ISO 639-1 codes, together, without repeats.
pub(super) fn languages(form: &ProfileForm, problems: &mut Problems) -> Vec<String> {
    let is_language = |code: &str| isolang::Language::from_639_1(code).is_some();
    let ticked: Vec<String> = form
        .languages
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect();
    let mut languages = codes(&ticked, is_language).unwrap_or_else(|()| {
        problems.add("languages", "Please choose languages from the list.");
        Vec::new()
    });
    let mut unknown = Vec::new();
    for code in form
        .other_languages
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|code| code.trim().to_lowercase())
        .filter(|code| !code.is_empty())
    {
        if !is_language(&code) {
            unknown.push(code);
        } else if !languages.contains(&code) {
            languages.push(code);
        }
    }
    if !unknown.is_empty() {
        problems.add(
            "other_languages",
            format!(
                "These are not two-letter ISO 639-1 language codes: {}. For example, Welsh is “cy”.",
                unknown.join(", ")
            ),
        );
    }
    if languages.len() > MAX_LANGUAGES {
        problems.add(
            "languages",
            format!(
                "Please list at most {MAX_LANGUAGES} languages (you chose {}).",
                languages.len()
            ),
        );
    }
    languages
}

/// An interest as stored: lower case, words joined by single hyphens
/// ("Outdoor  Play" → "outdoor-play"), the same form the directory filters on.
pub fn interest_tag(typed: &str) -> String {
    typed
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Comma-separated interests as distinct stored tags.
pub(super) fn interests(typed: &str, problems: &mut Problems) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut bad = Vec::new();
    for piece in typed
        .split(',')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
    {
        let tag = interest_tag(piece);
        let length = tag.chars().count();
        let words_only = tag.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !(2..=40).contains(&length) || !words_only {
            bad.push(piece.to_owned());
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if !bad.is_empty() {
        problems.add(
            "interests",
            format!(
                "Each interest needs 2 to 40 letters, numbers, spaces or hyphens. Please fix: {}.",
                bad.join(", ")
            ),
        );
    } else if tags.len() > MAX_INTERESTS {
        problems.add(
            "interests",
            format!(
                "Please list at most {MAX_INTERESTS} interests (you listed {}).",
                tags.len()
            ),
        );
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interests_are_stored_as_lower_case_hyphenated_words() {
        assert_eq!(interest_tag("  Outdoor   Play "), "outdoor-play");
        assert_eq!(interest_tag("Forest-school"), "forest-school");
        assert_eq!(interest_tag("Éveil -- musical"), "éveil-musical");
        let mut problems = Problems::default();
        assert_eq!(
            interests("Play, play ,, Forest school", &mut problems),
            ["play", "forest-school"]
        );
    }
}
