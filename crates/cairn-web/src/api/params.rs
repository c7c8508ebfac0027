//! Query parameters several API routes take, each declared once.

use serde::Deserialize;

/// `?person=ID`: whose records (empty for the viewer's own).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonParams {
    #[serde(default)]
    pub(super) person: String,
}

/// `?person=ID&target=LEVEL&window=MONTHS`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadyParams {
    #[serde(default)]
    pub(super) person: String,
    #[serde(default)]
    pub(super) target: Option<String>,
    #[serde(default)]
    pub(super) window: Option<u32>,
}
