//! What the member directory sends to the browser.

use serde::{Deserialize, Serialize};

use crate::Sector;

/// A search of the member directory, as typed into its GET form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberQuery {
    /// Words to look for in names, headlines and organisations.
    #[serde(default)]
    pub q: String,
    /// The opaque cursor of the page to show; empty for the first page.
    #[serde(default)]
    pub after: String,
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
