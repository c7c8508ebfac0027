//! `cairn demo`: a store filled with a believable engineer's year, and an overview of it.
//!
//! The year lives in `demo/year.json`, an archive as `cairn export` writes it, dated as of
//! [`WRITTEN`]: Sam Rivera, Engineer II on a payments team working towards Senior, strong
//! in delivery and technical depth, starting on influence and mentoring, with little
//! product-impact evidence. Each run moves every date by the days since [`WRITTEN`], so the
//! year always ends today, and it goes in through the archive import like any other record.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use cairn_core::archive::{self, Archive};
use cairn_core::dates::today;
use cairn_core::destination::Destination;
use cairn_core::evidence::{Evidence, EvidenceQuery, LevelSignal};
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_store::{Location, Store};
use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::Globals;
use crate::config::data_dir;
use crate::failure::bad_input;
use crate::output;

const YEAR: &str = include_str!("../../demo/year.json");
/// The day `demo/year.json` is dated as of.
const WRITTEN: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 4) {
    Some(day) => day,
    None => panic!("WRITTEN is a real day"),
};

/// Fill a store with a year of a believable engineer's record, and show it.
///
/// Without --db this (re)builds a separate demo store in the data directory, never your own.
/// For a demo team on a server, see `cairn serve --team --demo`.
///
/// Examples:
///   cairn demo
///   cairn --db /tmp/demo.db demo && cairn --db /tmp/demo.db list --skill influence
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

/// What `--json` prints.
#[derive(Serialize)]
struct Overview {
    store: String,
    person: String,
    destination: Option<String>,
    evidence: usize,
    next_level: usize,
    competencies: BTreeMap<String, usize>,
}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let (location, store, archive) = fill(globals).await?;

    let me = &archive.people[0];
    let ladder = &archive.ladders[0];
    let query = EvidenceQuery {
        owner: Some(me.id),
        ..EvidenceQuery::default()
    };
    let evidence = store.list_evidence(&query).await?;
    let destination = store.destinations(me.id).await?.into_iter().next();
    let overview = Overview {
        store: location.to_string(),
        person: me.name.clone(),
        destination: destination.as_ref().map(|d| d.statement.clone()),
        evidence: evidence.len(),
        next_level: evidence
            .iter()
            .filter(|e| e.level == LevelSignal::Next)
            .count(),
        competencies: ladder
            .competencies
            .iter()
            .map(|c| {
                (
                    c.id.to_string(),
                    evidence
                        .iter()
                        .filter(|e| e.competencies.contains(&c.id))
                        .count(),
                )
            })
            .collect(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if globals.json {
        output::json(&mut out, &overview)?;
    } else {
        print(
            &mut out,
            &overview,
            me,
            ladder,
            destination.as_ref(),
            &evidence,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Makes the demo store: without `--db`, a fresh `demo.db` in the data directory; with it,
/// the given store, which must have no profile yet.
pub async fn fill(globals: &Globals) -> anyhow::Result<(Location, Arc<dyn Store>, Archive)> {
    let (location, store) = fresh(globals, "demo.db").await?;
    let archive = build(today())?;
    store.import(&archive).await?;
    Ok((location, store, archive))
}

/// A store for a demo: without `--db`, `file` in the data directory made anew; with it,
/// the given store, which must hold no one yet.
pub async fn fresh(globals: &Globals, file: &str) -> anyhow::Result<(Location, Arc<dyn Store>)> {
    let location = if globals.config.db_chosen {
        globals.config.location()
    } else {
        let path = data_dir().join(file);
        remove_store(&path)?;
        Location::Sqlite(path)
    };
    if let Location::Sqlite(path) = &location
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let store = globals.create(&location).await?;
    if store.owner().await?.is_some() {
        bad_input!(
            "{location} already has a profile; give the demo a fresh store with --db NEW_PATH"
        );
    }
    if !store.people().await?.is_empty() {
        bad_input!(
            "{location} already has people in it; give the demo a fresh store with --db NEW_PATH"
        );
    }
    Ok((location, store))
}

fn print(
    out: &mut impl Write,
    overview: &Overview,
    me: &Person,
    ladder: &Ladder,
    destination: Option<&Destination>,
    evidence: &[Evidence],
) -> io::Result<()> {
    let title = ladder.level(&me.level).map_or("", |l| l.title.as_str());
    writeln!(
        out,
        "{}: {title} ({}) on the {} ladder",
        me.name, me.level, ladder.name
    )?;
    if let Some(d) = destination {
        writeln!(out, "Destination: {}", d.statement)?;
    }
    writeln!(
        out,
        "\n{} pieces of evidence in the last year, {} showing the next level:",
        overview.evidence, overview.next_level
    )?;
    let widest = overview
        .competencies
        .values()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    for c in &ladder.competencies {
        let n = overview
            .competencies
            .get(c.id.as_str())
            .copied()
            .unwrap_or(0);
        let bar = "█".repeat((n * 24).div_ceil(widest));
        writeln!(out, "  {:<16} {bar} {n}", c.id)?;
    }
    writeln!(out, "\nLatest:")?;
    output::evidence_lines(out, &evidence[..evidence.len().min(5)])?;
    let db = &overview.store;
    writeln!(out, "\nThe demo store is {db}. Explore it:")?;
    writeln!(out, "  cairn --db {db} list --skill influence")?;
    writeln!(out, "  cairn --db {db} search ledger")?;
    writeln!(
        out,
        "  cairn --db {db} show {}",
        evidence.first().map(output::short_id).unwrap_or_default()
    )?;
    Ok(())
}

/// Deletes the default demo store so each run starts fresh. Only ever the demo's own file.
fn remove_store(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file)
                .with_context(|| format!("cannot remove {}", file.display()))?;
        }
    }
    Ok(())
}

/// The demo year as an archive moved from [`WRITTEN`] to `today`, checked like any import.
fn build(today: NaiveDate) -> anyhow::Result<Archive> {
    moved(YEAR, today).context("demo/year.json is not a valid archive")
}

/// A demo archive written as of [`WRITTEN`], moved to `today`.
pub fn moved(text: &str, today: NaiveDate) -> anyhow::Result<Archive> {
    let days = (today - WRITTEN).num_days();
    Ok(archive::shifted(text, days, today)?)
}

#[cfg(test)]
mod tests {
    use cairn_core::ladder::builtin;
    use chrono::Days;

    use super::*;

    #[test]
    fn the_demo_year_moves_to_any_day_whole() {
        let written = build(WRITTEN).unwrap();
        let later_day = WRITTEN.checked_add_days(Days::new(200)).unwrap();
        let later = build(later_day).unwrap();
        assert_eq!(later.evidence.len(), written.evidence.len());
        for (a, b) in written.evidence.iter().zip(&later.evidence) {
            assert_eq!((b.date - a.date).num_days(), 200, "{}", a.title);
        }
        let newest = later.evidence.iter().map(|e| e.date).max().unwrap();
        assert!(newest <= later_day && (later_day - newest).num_days() < 14);
        assert_eq!(
            later.destinations[0]
                .horizon
                .map(|h| (h - WRITTEN).num_days()),
            written.destinations[0]
                .horizon
                .map(|h| (h - WRITTEN).num_days() + 200)
        );
        // Group keys name a week, so they follow the activities.
        for a in &later.activities {
            assert_eq!(a.clone().grouped().group, a.group);
        }
        // The year is on today's built-in ladder, so the demo never shows an old one.
        assert_eq!(
            written.ladders,
            vec![builtin::find(builtin::DEFAULT_LADDER).unwrap()]
        );
    }
}
