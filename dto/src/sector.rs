//! The fixed taxonomy of sectors people who work with young children belong to.

use serde::{Deserialize, Serialize};

/// A sector of work with young children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Nurseries, childminders, day care.
    Childcare,
    /// Pre-school and school-based early education.
    EarlyEducation,
    /// Children's social work and family services.
    SocialCare,
    /// Health visiting, paediatrics, midwifery, speech therapy.
    Health,
    /// Police child protection and public protection units.
    Police,
    /// Early help and prevention services.
    EarlyHelp,
    /// Universities and research institutes.
    Research,
    /// Government and policy bodies.
    Policy,
    /// Trainers and further education.
    Training,
    /// Anything else.
    Other,
}

impl Sector {
    /// Every sector, in the taxonomy's order.
    pub const ALL: [Sector; 10] = [
        Sector::Childcare,
        Sector::EarlyEducation,
        Sector::SocialCare,
        Sector::Health,
        Sector::Police,
        Sector::EarlyHelp,
        Sector::Research,
        Sector::Policy,
        Sector::Training,
        Sector::Other,
    ];

    /// The stable code stored in the database and used in URLs and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            Sector::Childcare => "childcare",
            Sector::EarlyEducation => "early_education",
            Sector::SocialCare => "social_care",
            Sector::Health => "health",
            Sector::Police => "police",
            Sector::EarlyHelp => "early_help",
            Sector::Research => "research",
            Sector::Policy => "policy",
            Sector::Training => "training",
            Sector::Other => "other",
        }
    }

    /// The sector for a stored code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|sector| sector.code() == code)
    }

    /// The English name of the sector.
    pub fn label(self) -> &'static str {
        match self {
            Sector::Childcare => "Childcare",
            Sector::EarlyEducation => "Early education",
            Sector::SocialCare => "Social care",
            Sector::Health => "Health",
            Sector::Police => "Police",
            Sector::EarlyHelp => "Early help and prevention",
            Sector::Research => "Research",
            Sector::Policy => "Policy",
            Sector::Training => "Training",
            Sector::Other => "Other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for sector in Sector::ALL {
            assert_eq!(Sector::from_code(sector.code()), Some(sector));
        }
        assert_eq!(Sector::from_code("astronaut"), None);
    }
}
