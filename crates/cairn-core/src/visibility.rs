//! Who may read a record: the owner alone, or the owner's manager chain too.

use serde::{Deserialize, Serialize};

/// Private is the default: an engineer shares by choice, record by record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Visible to the owner alone.
    #[default]
    Private,
    /// Visible to the owner and their manager chain on a team server.
    Shared,
}

named_enum!(
    Visibility,
    "visibility",
    Private = "private",
    Shared = "shared"
);
