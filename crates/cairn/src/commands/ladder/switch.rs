//! `cairn ladder switch`: your profile onto a new ladder, your record read through a map.

use std::path::PathBuf;

use anyhow::Context;
use cairn_core::Invalid;
use cairn_core::archive::Archive;
use cairn_core::dates::now;
use cairn_core::id::LevelId;
use cairn_core::ladder::map::LadderMap;
use cairn_core::person::ProfileEdit;

use super::show::find;
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Move onto a new ladder (a new employer's framework), reading your record through a map.
///
/// Your level becomes the one the map gives yours (or --level), the change is kept in
/// `cairn profile history`, and the map is kept in your store: from then on readiness, the
/// gap, the shape and the case read entries, reps and rounds made on the old ladder as the
/// new one's competencies and levels. No entry is rewritten; each keeps its original tags
/// (`cairn show`, `cairn export`). Make the map with `cairn ladder map`, check it, then
/// look before you move with `cairn ready --ladder TO --map FILE`.
///
/// Examples:
///   cairn ladder import ft-engineering.yml
///   cairn ladder map software-engineer ft-engineering -o to-ft.toml
///   cairn ladder switch ft-engineering --map to-ft.toml --reason 'Joined the FT'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder to move onto (ID or ID@VERSION)
    to: String,
    /// The map from your ladder to it (from `cairn ladder map`, edited)
    #[arg(long, value_name = "FILE")]
    map: PathBuf,
    /// Your level on the new ladder, when it is not the one the map gives
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
    /// Why, kept in the profile's history
    #[arg(long, default_value = "")]
    reason: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let stored = profile.store.ladders().await?;
    let to = find(&args.to, &stored)?;
    let from = &profile.ladder;
    if to.reference() == from.reference() {
        bad_input!("you are on {}@{} already", to.id, to.version);
    }
    let text = std::fs::read_to_string(&args.map)
        .with_context(|| format!("cannot read {}", args.map.display()))?;
    let map = LadderMap::parse(&text, from, &to).map_err(|e| {
        BadInput(format!(
            "{}: {}: {}",
            args.map.display(),
            e.field,
            e.message
        ))
    })?;
    let level: LevelId = match &args.level {
        Some(l) => {
            let level: LevelId = l
                .parse()
                .map_err(|e: Invalid| Invalid::new("--level", e.message))?;
            to.require_level("--level", &level)?;
            level
        }
        None => match map.level(&profile.me.level) {
            Some(l) => l.clone(),
            None => bad_input!(
                "{}: levels: the map gives no level of {} for your {}; add one or pass --level",
                args.map.display(),
                to.id,
                profile.me.level
            ),
        },
    };
    let edit = ProfileEdit {
        level: Some(level.clone()),
        ..ProfileEdit::default()
    };
    let (after, changes) = edit
        .apply(&profile.me, &to, &args.reason, now())
        .map_err(|e| Invalid::new("ladder switch", e.message))?;
    // The new ladder, the map and the profile's move land together or not at all.
    let mut archive = Archive::new(None, vec![to.clone()], vec![after], vec![], vec![], vec![])
        .with_ladder_maps(vec![map]);
    archive.profile_changes = changes;
    profile.store.import(&archive).await?;
    let title = to.level(&level).map_or("", |l| l.title.as_str());
    eprintln!(
        "You are on {} (v{}) at {level} ({title}). Records made on {} read through the map; none was rewritten.",
        to.name, to.version, from.name
    );
    Ok(())
}
