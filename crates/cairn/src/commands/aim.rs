//! `--target` and `--window`, shared by every command that judges readiness, and the
//! reading they ask for.

use cairn_core::Invalid;
use cairn_core::dates::{today, window_months};
use cairn_core::id::LevelId;
use cairn_core::ladder::Ladder;
use cairn_store::views::{Reading, View};

use crate::failure::bad_input;
use crate::profile::Profile;

/// `--target` and `--window`, shared by everything that judges readiness.
#[derive(Debug, clap::Args)]
pub struct Aim {
    /// The level to judge against (default: the destination's target, else the next level)
    #[arg(long, value_name = "LEVEL")]
    target: Option<String>,
    /// Months of evidence to weigh (recent work weighs more)
    #[arg(long, default_value_t = cairn_core::readiness::WINDOW_MONTHS, value_name = "MONTHS")]
    window: u32,
}

impl Aim {
    /// `--target` read and checked against `ladder`.
    pub fn target(&self, ladder: &Ladder) -> anyhow::Result<Option<LevelId>> {
        let Some(text) = &self.target else {
            return Ok(None);
        };
        let level: LevelId = text
            .parse()
            .map_err(|e: Invalid| Invalid::new("--target", e.message))?;
        ladder.require_level("--target", &level)?;
        Ok(Some(level))
    }

    /// `--target` as typed and `--window`, for a server to read.
    pub fn params(&self) -> [(&'static str, Option<String>); 2] {
        [
            ("target", self.target.clone()),
            ("window", Some(self.window.to_string())),
        ]
    }

    /// `--window`, checked.
    pub fn window(&self) -> anyhow::Result<u32> {
        Ok(window_months("--window", self.window)?)
    }
}

/// Readiness as `view` sees the profile's owner, against `--target` (else the
/// destination's target, else the next level) over `--window` months.
pub async fn reading(profile: &Profile, view: &View, aim: &Aim) -> anyhow::Result<Reading> {
    let window = aim.window()?;
    let target = aim.target(&view.ladder)?;
    match view
        .readiness(profile.store.as_ref(), target.as_ref(), window, today())
        .await?
    {
        Some(reading) => Ok(reading),
        None => bad_input!("your ladder has no level to aim for"),
    }
}
