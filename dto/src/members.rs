//! What the member directory sends to the browser.

use serde::{Deserialize, Serialize};

use crate::{Sector, Standing};

/// A search of the member directory, as typed into its GET form. Every field has
/// a default, so a bare `/members` is a valid search; the domain checks the values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberQuery {
    /// Words to look for in names, handles, headlines, organisations, bios and interests.
    pub q: String,
    /// A sector code (`health`), or empty for any.
    pub sector: String,
    /// An ISO 3166-1 alpha-2 country code (`GB`), or empty for any.
    pub country: String,
    /// An ISO 639-1 language code (`es`), or empty for any.
    pub language: String,
    /// An age band (`0-1`, `1-2`, `2-3`, `3-5`, `5-8`), or empty for any.
    pub age_band: String,
    /// An interest tag (`forest-school`), or empty for any.
    pub interest: String,
    /// Only members happy to host visits.
    pub open_to_visits: bool,
    /// Only members happy to mentor.
    pub open_to_mentoring: bool,
    /// `relevance`, `newest` or `name`; empty for the default.
    pub sort: String,
    /// The opaque cursor of the page to show; empty for the first page.
    pub after: String,
}

impl MemberQuery {
    /// Whether any filter (not the words, sort or page) is set.
    pub fn has_filters(&self) -> bool {
        !(self.sector.is_empty()
            && self.country.is_empty()
            && self.language.is_empty()
            && self.age_band.is_empty()
            && self.interest.is_empty())
            || self.open_to_visits
            || self.open_to_mentoring
    }

    /// The URL parameters of this search, leaving out empty ones, in form order.
    pub fn params(&self) -> Vec<(&'static str, &str)> {
        let flag = |on: bool| if on { "true" } else { "" };
        [
            ("q", self.q.as_str()),
            ("sector", &self.sector),
            ("country", &self.country),
            ("language", &self.language),
            ("age_band", &self.age_band),
            ("interest", &self.interest),
            ("open_to_visits", flag(self.open_to_visits)),
            ("open_to_mentoring", flag(self.open_to_mentoring)),
            ("sort", &self.sort),
            ("after", &self.after),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect()
    }
}

/// The orders the directory can list members in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectorySort {
    /// Best matches for the search words first.
    Relevance,
    /// Most recently joined first.
    Newest,
    /// Alphabetical by name.
    #[default]
    Name,
}

impl DirectorySort {
    /// Every sort, in the order the form offers them.
    pub const ALL: [DirectorySort; 3] = [
        DirectorySort::Relevance,
        DirectorySort::Newest,
        DirectorySort::Name,
    ];

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            DirectorySort::Relevance => "relevance",
            DirectorySort::Newest => "newest",
            DirectorySort::Name => "name",
        }
    }

    /// The sort for a URL code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<DirectorySort> {
        DirectorySort::ALL
            .into_iter()
            .find(|sort| sort.code() == code)
    }

    /// The English name shown in the form.
    pub fn label(self) -> &'static str {
        match self {
            DirectorySort::Relevance => "Best match",
            DirectorySort::Newest => "Newest members",
            DirectorySort::Name => "Name",
        }
    }
}

/// One value of a filter and how many results it would leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as it goes in the URL (`health`, `GB`, `es`, `0-1`).
    pub value: String,
    /// Its English name.
    pub label: String,
    /// Matching members the viewer may see, given the other filters.
    pub count: u64,
}

/// Counts beside each filter value, each given the other active filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryFacets {
    /// Sectors, in the taxonomy's order.
    pub sectors: Vec<FacetValue>,
    /// Countries, by name.
    pub countries: Vec<FacetValue>,
    /// Languages, by name.
    pub languages: Vec<FacetValue>,
    /// Age bands, youngest first.
    pub age_bands: Vec<FacetValue>,
    /// The most common interests, most common first.
    pub interests: Vec<FacetValue>,
    /// Members open to visits.
    pub open_to_visits: u64,
    /// Members open to mentoring.
    pub open_to_mentoring: u64,
}

/// One member as the directory shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCard {
    /// The member's unique handle, used in their profile URL.
    pub handle: String,
    /// The name they chose to show.
    pub display_name: String,
    /// Up to two letters for the generated avatar.
    pub initials: String,
    /// Their role, e.g. "Health visitor".
    pub headline: String,
    /// The organisation they work for, if they said.
    pub organisation: Option<String>,
    /// Their country's English name.
    pub country: String,
    /// Their city or region.
    pub city: String,
    /// The sectors they work in.
    pub sectors: Vec<Sector>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// The key of their uploaded avatar (see `MemberCard::avatar_url`); `None` shows initials.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Where the viewer stands with them, for the card's friend button.
    #[serde(default)]
    pub standing: Standing,
}

impl MemberCard {
    /// Their role and organisation, e.g. "Health visitor · Leeds Family Hub".
    pub fn role(&self) -> String {
        match &self.organisation {
            Some(organisation) => format!("{} · {organisation}", self.headline),
            None => self.headline.clone(),
        }
    }

    /// Where they are, e.g. "Leeds, United Kingdom", or the country alone.
    pub fn place(&self) -> String {
        if self.city.is_empty() {
            self.country.clone()
        } else {
            format!("{}, {}", self.city, self.country)
        }
    }
}

/// One page of directory results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPage {
    /// The members on this page.
    pub members: Vec<MemberCard>,
    /// How many members match the search in all.
    pub total: u64,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// Counts beside each filter value.
    pub facets: DirectoryFacets,
    /// The order the members are in (the default depends on the search words).
    pub sort: DirectorySort,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(organisation: Option<&str>, city: &str) -> MemberCard {
        MemberCard {
            handle: "ana-1".into(),
            display_name: "Ana López".into(),
            initials: "AL".into(),
            headline: "Health visitor".into(),
            organisation: organisation.map(Into::into),
            country: "Spain".into(),
            city: city.into(),
            sectors: vec![],
            interests: vec![],
            avatar: None,
            standing: Standing::Nobody,
        }
    }

    #[test]
    fn a_bare_query_string_is_a_valid_search() {
        let query: MemberQuery = serde_json::from_str("{}").unwrap();
        assert_eq!(query, MemberQuery::default());
        assert!(!query.has_filters());
        let query = MemberQuery {
            q: "heal".into(),
            open_to_visits: true,
            ..MemberQuery::default()
        };
        assert!(query.has_filters());
        assert_eq!(query.params(), [("q", "heal"), ("open_to_visits", "true")]);
        for sort in DirectorySort::ALL {
            assert_eq!(DirectorySort::from_code(sort.code()), Some(sort));
        }
    }

    #[test]
    fn role_and_place_leave_out_what_is_missing() {
        assert_eq!(
            card(Some("Centro Sur"), "Madrid").role(),
            "Health visitor · Centro Sur"
        );
        assert_eq!(card(None, "").role(), "Health visitor");
        assert_eq!(card(None, "Madrid").place(), "Madrid, Spain");
        assert_eq!(card(None, "").place(), "Spain");
    }
}
