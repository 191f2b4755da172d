//! What a suggested member has in common with the viewer: the reasons shown with
//! the suggestion, and the weights that rank members with as many mutual friends.

use std::collections::{BTreeMap, BTreeSet};

use iey_dto::{Sector, SuggestionReason};
use iey_entity::member_tag;

use crate::members::{country_name, language_name};

/// The most reasons one suggestion shows.
pub(super) const MAX_REASONS: usize = 4;

/// Tag kinds a suggestion can share, with the weight of each shared value in the
/// ranking (a shared country weighs [`COUNTRY_WEIGHT`]): the order of the issue's
/// "shared sector, country, language, interests and age bands".
pub(super) const TAG_WEIGHTS: [(&str, i32); 4] = [
    ("sector", 8),
    ("language", 3),
    ("interest", 2),
    ("age_band", 1),
];

/// The weight of living in the same country.
pub(super) const COUNTRY_WEIGHT: i32 = 6;

/// What a member is like, as far as suggestions compare members: their country
/// and their tags by kind.
#[derive(Debug, Clone, Default)]
pub(super) struct Traits {
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// Tag values by kind (`sector`, `language`, `interest`, `age_band`).
    pub tags: BTreeMap<String, BTreeSet<String>>,
}

impl Traits {
    /// A member's traits from their country and tag rows.
    pub fn new(country_code: String, tags: impl IntoIterator<Item = member_tag::Model>) -> Traits {
        let mut traits = Traits {
            country_code,
            tags: BTreeMap::new(),
        };
        for tag in tags {
            traits.tags.entry(tag.kind).or_default().insert(tag.value);
        }
        traits
    }

    /// The member's values of tag `kind`, in order.
    pub fn values(&self, kind: &str) -> Vec<&str> {
        self.tags
            .get(kind)
            .map(|values| values.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The values of tag `kind` both members have, in order.
    fn shared<'a>(&'a self, other: &Traits, kind: &str) -> Vec<&'a str> {
        let theirs = other.tags.get(kind);
        self.values(kind)
            .into_iter()
            .filter(|value| theirs.is_some_and(|values| values.contains(*value)))
            .collect()
    }
}

/// Why `candidate` is suggested to `viewer`, strongest first and at most
/// [`MAX_REASONS`]: mutual friends, then shared sectors, country, languages,
/// interests and age bands. Each kind gets one reason before any kind gets a
/// second, so "3 mutual friends · health · Germany · speaks German" beats three
/// sectors in a row. Empty when the two have nothing in common.
pub(super) fn reasons(mutual: u32, viewer: &Traits, candidate: &Traits) -> Vec<SuggestionReason> {
    let mut sectors: Vec<Sector> = viewer
        .shared(candidate, "sector")
        .into_iter()
        .filter_map(Sector::from_code)
        .collect();
    sectors.sort();
    let mut languages = viewer.shared(candidate, "language");
    // English is the language most members share, so it says the least.
    languages.sort_by_key(|code| *code == "en");
    let same_country = viewer.country_code == candidate.country_code;
    let kinds: [Vec<SuggestionReason>; 6] = [
        if mutual > 0 {
            vec![SuggestionReason::MutualFriends(mutual)]
        } else {
            Vec::new()
        },
        sectors.into_iter().map(SuggestionReason::Sector).collect(),
        if same_country {
            vec![SuggestionReason::Country(country_name(
                &candidate.country_code,
            ))]
        } else {
            Vec::new()
        },
        languages
            .into_iter()
            .map(|code| SuggestionReason::Language(language_name(code)))
            .collect(),
        named(
            viewer.shared(candidate, "interest"),
            SuggestionReason::Interest,
        ),
        named(
            viewer.shared(candidate, "age_band"),
            SuggestionReason::AgeBand,
        ),
    ];
    // (nth of its kind, kind): take the first of every kind before any second.
    let mut picked: Vec<(usize, usize)> = kinds
        .iter()
        .enumerate()
        .flat_map(|(kind, reasons)| (0..reasons.len()).map(move |nth| (nth, kind)))
        .collect();
    picked.sort_unstable();
    picked.truncate(MAX_REASONS);
    picked.sort_unstable_by_key(|&(nth, kind)| (kind, nth));
    picked
        .into_iter()
        .filter_map(|(nth, kind)| kinds[kind].get(nth).cloned())
        .collect()
}

fn named(values: Vec<&str>, reason: fn(String) -> SuggestionReason) -> Vec<SuggestionReason> {
    values
        .into_iter()
        .map(|value| reason(value.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traits(country: &str, tags: &[(&str, &str)]) -> Traits {
        Traits::new(
            country.to_owned(),
            tags.iter().map(|(kind, value)| member_tag::Model {
                member_id: 0,
                kind: (*kind).to_owned(),
                value: (*value).to_owned(),
            }),
        )
    }

    #[test]
    fn one_reason_of_each_kind_comes_before_a_second_of_any() {
        let viewer = traits(
            "DE",
            &[
                ("sector", "health"),
                ("sector", "research"),
                ("language", "de"),
                ("language", "en"),
                ("interest", "outdoor-play"),
            ],
        );
        let candidate = traits(
            "DE",
            &[
                ("sector", "health"),
                ("sector", "research"),
                ("language", "en"),
                ("language", "de"),
                ("interest", "outdoor-play"),
            ],
        );
        assert_eq!(
            reasons(3, &viewer, &candidate),
            vec![
                SuggestionReason::MutualFriends(3),
                SuggestionReason::Sector(Sector::Health),
                SuggestionReason::Country("Germany".to_owned()),
                SuggestionReason::Language("German".to_owned()),
            ]
        );
    }

    #[test]
    fn a_few_shared_interests_fill_the_reasons_in_order() {
        let viewer = traits(
            "FR",
            &[("interest", "a"), ("interest", "b"), ("age_band", "3-5")],
        );
        let candidate = traits(
            "DE",
            &[("interest", "b"), ("interest", "a"), ("age_band", "3-5")],
        );
        assert_eq!(
            reasons(0, &viewer, &candidate),
            vec![
                SuggestionReason::Interest("a".to_owned()),
                SuggestionReason::Interest("b".to_owned()),
                SuggestionReason::AgeBand("3-5".to_owned()),
            ]
        );
    }

    #[test]
    fn nothing_in_common_is_no_reason() {
        let viewer = traits("FR", &[("sector", "health")]);
        let candidate = traits("DE", &[("sector", "police")]);
        assert!(reasons(0, &viewer, &candidate).is_empty());
    }
}
