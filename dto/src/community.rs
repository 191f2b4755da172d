//! Figures about the whole community, shown on the landing page.

use serde::{Deserialize, Serialize};

/// How big and how varied the community is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunitySummary {
    /// Members listed in the directory.
    pub members: u64,
    /// Countries those members work in.
    pub countries: u64,
    /// Sectors of the fixed taxonomy represented among them.
    pub sectors: u64,
    /// Languages they speak between them.
    pub languages: u64,
}
