//! `--ladder` and `--map`: your record read on another ladder (a new employer's), through a
//! map of competencies and levels, without changing a record.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use cairn_core::ladder::map::{LadderMap, propose};
use cairn_store::views::View;

use crate::failure::BadInput;
use crate::profile::Profile;

/// Reading your record on another ladder.
#[derive(Debug, clap::Args)]
pub struct OtherLadder {
    /// Read your record on this ladder: where you land there and your gap on day one
    #[arg(long, value_name = "LADDER")]
    ladder: Option<String>,
    /// The map to read it through, from `cairn ladder map` (default: the proposed one)
    #[arg(long, value_name = "FILE", requires = "ladder")]
    map: Option<PathBuf>,
}

impl OtherLadder {
    /// True when another ladder was asked for.
    pub fn asked(&self) -> bool {
        self.ladder.is_some()
    }

    /// The profile's own view, or the same record read on `--ladder`; says on stderr where
    /// the person lands there and which map was used.
    pub async fn view(&self, profile: &Profile) -> anyhow::Result<View> {
        let Some(id) = &self.ladder else {
            return Ok(profile.view());
        };
        let stored = profile.store.ladders().await?;
        let to = crate::commands::ladder::find(id, &stored)?;
        if to.reference() == profile.ladder.reference() {
            return Ok(profile.view());
        }
        let from = &profile.ladder;
        let map = match &self.map {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                LadderMap::parse(&text, from, &to).map_err(|e| {
                    BadInput(format!("{}: {}: {}", path.display(), e.field, e.message))
                })?
            }
            None => {
                eprintln!(
                    "Read through the proposed map from {} to {}: check it with `cairn ladder map {} {} -o map.toml` and pass --map map.toml.",
                    from.id, to.id, from.id, to.id
                );
                propose(from, &to).map
            }
        };
        let view = profile
            .view()
            .on_ladder(Arc::new(to), Arc::new(map))
            .map_err(|e| BadInput(format!("{}: {}", e.field, e.message)))?;
        let title = view
            .ladder
            .level(&view.person.level)
            .map_or("", |l| l.title.as_str());
        eprintln!(
            "On {} (v{}), your {} lands at {} ({title}).",
            view.ladder.name, view.ladder.version, profile.me.level, view.person.level
        );
        Ok(view)
    }
}
