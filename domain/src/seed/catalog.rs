//! Catalogues of names, places and roles the demo seeder draws from. The data lives
//! in `catalog.json` beside this file; the tests below keep it well-formed.

use std::collections::HashMap;

use serde::Deserialize;

/// One country the seeder can place members in.
#[derive(Debug, Deserialize)]
pub struct CountryCatalog {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// IANA time zones used in the country (the most common first).
    pub time_zones: Vec<String>,
    /// ISO 639-1 codes of languages spoken there (the most common first).
    pub languages: Vec<String>,
    /// Real cities or regions.
    pub cities: Vec<String>,
    /// Common given names.
    pub given_names: Vec<String>,
    /// Common family names.
    pub family_names: Vec<String>,
}

/// Everything the seeder draws from.
#[derive(Debug, Deserialize)]
pub struct Catalog {
    /// Countries from every continent.
    pub countries: Vec<CountryCatalog>,
    /// Job headlines per sector code, e.g. "Health visitor" under `health`.
    pub headlines: HashMap<String, Vec<String>>,
    /// Interest tags, lower case and hyphenated.
    pub interests: Vec<String>,
    /// Organisation names; `{city}` is replaced by a city.
    pub organisation_patterns: Vec<String>,
    /// Bio openings that read naturally before a list of interests.
    pub bio_lines: Vec<String>,
}

impl Catalog {
    /// The catalogue compiled into the binary.
    pub fn bundled() -> Result<Catalog, serde_json::Error> {
        serde_json::from_str(include_str!("catalog.json"))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use iey_dto::Sector;

    use super::*;

    fn catalog() -> Catalog {
        match Catalog::bundled() {
            Ok(catalog) => catalog,
            Err(error) => panic!("catalog.json does not parse: {error}"),
        }
    }

    #[test]
    fn countries_are_many_unique_and_complete() {
        let catalog = catalog();
        assert!(catalog.countries.len() >= 45);
        let codes: HashSet<&str> = catalog.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes.len(), catalog.countries.len(), "country codes repeat");
        for country in &catalog.countries {
            let code = &country.code;
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()),
                "{code}"
            );
            assert!(!country.time_zones.is_empty(), "{code} has no time zone");
            assert!(country.cities.len() >= 3, "{code} cities");
            assert!(country.given_names.len() >= 8, "{code} given names");
            assert!(country.family_names.len() >= 8, "{code} family names");
            assert!(!country.languages.is_empty(), "{code} languages");
            for language in &country.languages {
                assert!(
                    language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase()),
                    "{code}: {language} is not ISO 639-1"
                );
            }
        }
    }

    #[test]
    fn every_sector_has_headlines() {
        let catalog = catalog();
        for sector in Sector::ALL {
            let titles = catalog.headlines.get(sector.code()).map_or(0, Vec::len);
            assert!(titles >= 8, "{} has {titles} headlines", sector.code());
        }
        assert_eq!(
            catalog.headlines.len(),
            Sector::ALL.len(),
            "unknown sector codes"
        );
    }

    #[test]
    fn interests_patterns_and_bios_are_usable() {
        let catalog = catalog();
        let unique: HashSet<&String> = catalog.interests.iter().collect();
        assert!(catalog.interests.len() >= 40);
        assert_eq!(unique.len(), catalog.interests.len(), "interests repeat");
        assert!(
            catalog
                .organisation_patterns
                .iter()
                .all(|p| p.contains("{city}"))
        );
        assert!(catalog.bio_lines.len() >= 20);
    }
}
