//! `cairn ladder show`: a ladder's levels, competencies, expectations and examples.

use std::io::{self, BufWriter, Write};

use cairn_core::Invalid;
use cairn_core::id::{LevelId, TrackId};
use cairn_core::ladder::{Ladder, builtin};
use cairn_store::{Location, StoreError};

use crate::cli::Globals;
use crate::output;

/// Show a ladder: its tracks, and every competency's expectation at each level, with
/// criteria and examples.
///
/// Without ID, shows your profile's ladder (or the built-in software-engineer ladder).
///
/// Examples:
///   cairn ladder show --level L3
///   cairn ladder show ft-engineering --track people-manager
///   cairn ladder show software-engineer --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder's id
    id: Option<String>,
    /// Only this level's expectations
    #[arg(long)]
    level: Option<String>,
    /// Only the levels climbed on this track
    #[arg(long)]
    track: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let (stored, profile_ladder) = match open_existing(globals).await? {
        Some(store) => {
            let ladder = match store.owner().await? {
                Some(owner) => Some(store.person(owner).await?.ladder),
                None => None,
            };
            (store.ladders().await?, ladder)
        }
        None => (Vec::new(), None),
    };
    let mut ladder = match (&args.id, profile_ladder) {
        (Some(id), _) => find(id, &stored)?,
        (None, Some(reference)) => stored
            .iter()
            .find(|l| l.reference() == reference)
            .cloned()
            .ok_or_else(|| StoreError::NotFound {
                what: "ladder",
                id: reference.id.to_string(),
            })?,
        (None, None) => find(builtin::DEFAULT_LADDER, &stored)?,
    };
    if let Some(level) = &args.level {
        let level: LevelId = level
            .parse()
            .map_err(|e: Invalid| Invalid::new("--level", e.message))?;
        ladder.require_level("--level", &level)?;
        ladder.levels.retain(|l| l.id == level);
        for c in &mut ladder.competencies {
            c.expectations.retain(|e| e.level == level);
        }
    }
    if let Some(track) = &args.track {
        let track = ladder.parse_track("--track", track)?;
        let path: Vec<LevelId> = ladder
            .path(Some(&track))
            .iter()
            .map(|l| l.id.clone())
            .collect();
        ladder.tracks.retain(|t| t.id == track);
        ladder.levels.retain(|l| path.contains(&l.id));
        for c in &mut ladder.competencies {
            c.expectations.retain(|e| path.contains(&e.level));
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if globals.json {
        output::json(&mut out, &ladder)?;
    } else {
        print(&mut out, &ladder)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, ladder: &Ladder) -> io::Result<()> {
    writeln!(out, "{} ({} v{})", ladder.name, ladder.id, ladder.version)?;
    if !ladder.description.is_empty() {
        writeln!(out, "{}", ladder.description)?;
    }
    if !ladder.tracks.is_empty() {
        writeln!(out, "\nTracks")?;
        for track in &ladder.tracks {
            let path: Vec<&str> = ladder
                .path(Some(&track.id))
                .iter()
                .map(|l| l.id.as_str())
                .collect();
            writeln!(out, "  {} ({}): {}", track.name, track.id, path.join(" → "))?;
        }
    }
    writeln!(out, "\nLevels")?;
    let width = ladder
        .levels
        .iter()
        .map(|l| l.id.as_str().len())
        .fold(4, usize::max);
    for level in &ladder.levels {
        let tracks: Vec<&str> = level.tracks.iter().map(TrackId::as_str).collect();
        let on = if tracks.is_empty() || ladder.tracks.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tracks.join(", "))
        };
        let summary = if level.summary.is_empty() {
            String::new()
        } else {
            format!(": {}", level.summary)
        };
        writeln!(out, "  {:<width$} {}{on}{summary}", level.id, level.title)?;
    }
    for c in &ladder.competencies {
        writeln!(out, "\n{} ({})", c.name, c.id)?;
        if !c.description.is_empty() {
            writeln!(out, "  {}", c.description)?;
        }
        if let Some(from) = &c.expected_from {
            writeln!(out, "  Expected from {from}; not expected below.")?;
        }
        for e in &c.expectations {
            write!(out, "  {:<width$} ", e.level)?;
            super::print_expectation(out, e, &format!("  {:width$} ", ""))?;
        }
    }
    Ok(())
}

/// A ladder by id (its newest stored version, else the built-in one) or by `id@version`.
pub(crate) fn find(id: &str, stored: &[Ladder]) -> anyhow::Result<Ladder> {
    let (id, version) =
        match id.rsplit_once('@') {
            Some((id, v)) => (
                id,
                Some(v.parse::<u32>().map_err(|_| {
                    Invalid::new("ladder", format!("'{v}' is not a version number"))
                })?),
            ),
            None => (id, None),
        };
    if let Some(ladder) = stored
        .iter()
        .filter(|l| l.id.as_str() == id && version.is_none_or(|v| l.version == v))
        .max_by_key(|l| l.version)
    {
        return Ok(ladder.clone());
    }
    builtin::find(id)
        .filter(|l| version.is_none_or(|v| l.version == v))
        .ok_or_else(|| {
            StoreError::NotFound {
                what: "ladder",
                id: id.to_owned(),
            }
            .into()
        })
}

/// The store, if one exists at the configured location; ladders can be browsed without one.
pub(super) async fn open_existing(
    globals: &Globals,
) -> anyhow::Result<Option<std::sync::Arc<dyn cairn_store::Store>>> {
    let location = globals.config.location();
    if let Location::Sqlite(path) = &location
        && !path.exists()
    {
        return Ok(None);
    }
    Ok(Some(globals.open(&location).await?))
}

/// Every ladder version in the configured store, or none when there is no store yet.
pub async fn stored_ladders(globals: &Globals) -> anyhow::Result<Vec<Ladder>> {
    match open_existing(globals).await? {
        Some(store) => Ok(store.ladders().await?),
        None => Ok(Vec::new()),
    }
}
