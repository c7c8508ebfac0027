//! `cairn import csv|markdown|jrnl`: records the engineer already keeps, brought in as
//! inbox entries, or straight to evidence with `--accept`.

use std::path::{Path, PathBuf};

use cairn_core::closest::closest;
use cairn_core::dates::{now, today};
use cairn_core::evidence::Source;
use cairn_core::id::CompetencyId;
use cairn_core::sources::entries::{Entry, competency_of};
use cairn_core::sources::{jrnl, markdown, table};
use chrono::Datelike;

use super::files::{problem, read_text};
use super::landing::land;
use crate::cli::Globals;
use crate::commands::evidence_flags;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Import a CSV of past work (one row per entry) into the inbox, or as evidence.
///
/// Columns are found by name (date/day/when, title/summary/what, body/details/notes,
/// impact/outcome, skills/competencies/tags, link/url, level) or named with --column.
///
/// Examples:
///   cairn import csv brag.csv --accept
///   cairn import csv log.csv --column date=When --column title='What I did'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct CsvArgs {
    /// The CSV file
    file: PathBuf,
    /// FIELD=COLUMN: read a field from a column with another name (repeat)
    #[arg(long = "column", value_name = "FIELD=COLUMN")]
    columns: Vec<String>,
    #[command(flatten)]
    common: Curated,
}

/// Import a Markdown brag document: headings as periods or sections, bullets as entries.
///
/// Dated headings (## March 2026, ## 2026 Q1, ## Week of 2026-03-02) date the bullets under
/// them; a day written in a bullet (2026-03-04, 4 Mar 2026, March 4) wins. Other headings
/// are sections, and a section named like a competency tags its bullets.
///
/// Example: cairn import markdown brag-2026.md --accept
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct MarkdownArgs {
    /// The Markdown file
    file: PathBuf,
    #[command(flatten)]
    common: Curated,
}

/// Import a jrnl journal (its plain-text format); @tags that name competencies tag entries.
///
/// With --accept, each entry becomes evidence tagged with the competencies its tags name
/// (by id or name, or through --tag); untagged entries stay untagged until you tag them.
///
/// Example: cairn import jrnl ~/journal.txt --tag incident=operations --accept
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct JrnlArgs {
    /// The journal file (jrnl's plain-text format)
    file: PathBuf,
    #[command(flatten)]
    common: Curated,
}

/// What the curated imports share.
#[derive(Debug, clap::Args)]
struct Curated {
    /// Add every entry as evidence at once instead of to the inbox
    #[arg(long)]
    accept: bool,
    /// TAG=COMPETENCY: a tag or skill that means a competency (repeat)
    #[arg(long = "tag", value_name = "TAG=COMPETENCY")]
    tags: Vec<String>,
}

pub async fn run_csv(args: CsvArgs, globals: &Globals) -> anyhow::Result<()> {
    let mapping = args
        .columns
        .iter()
        .map(|c| pair(c, "--column", "FIELD=COLUMN"))
        .collect::<Result<Vec<_>, _>>()?;
    let text = read_text(&args.file)?;
    let entries = table::read(&text, &mapping, today()).map_err(|e| problem(&args.file, &e))?;
    land_entries(
        &args.file,
        Source::Csv,
        entries,
        &args.common,
        true,
        globals,
    )
    .await
}

pub async fn run_markdown(args: MarkdownArgs, globals: &Globals) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    let entries = markdown::read(&text, today().year()).map_err(|e| problem(&args.file, &e))?;
    land_entries(
        &args.file,
        Source::Markdown,
        entries,
        &args.common,
        false,
        globals,
    )
    .await
}

pub async fn run_jrnl(args: JrnlArgs, globals: &Globals) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    let entries = jrnl::read(&text).map_err(|e| problem(&args.file, &e))?;
    land_entries(
        &args.file,
        Source::Jrnl,
        entries,
        &args.common,
        false,
        globals,
    )
    .await
}

fn pair(text: &str, flag: &str, shape: &str) -> Result<(String, String), BadInput> {
    text.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| BadInput(format!("{flag} '{text}': expected {shape}")))
}

/// Checks every entry, then stores them all in one transaction. `strict` entries (a
/// spreadsheet's skills column) must name competencies; free-text tags need not.
async fn land_entries(
    path: &Path,
    source: Source,
    entries: Vec<Entry>,
    common: &Curated,
    strict: bool,
    globals: &Globals,
) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let ladder = &profile.ladder;
    let mut map: Vec<(String, CompetencyId)> = Vec::new();
    for t in &common.tags {
        let (tag, id) = pair(t, "--tag", "TAG=COMPETENCY")?;
        let id = evidence_flags::skills(ladder, &[id])
            .map_err(|e| BadInput(format!("--tag {t}: {}", e.message)))?;
        map.extend(id.into_iter().map(|id| (tag.clone(), id)));
    }
    let container = path
        .file_stem()
        .map_or_else(|| source.to_string(), |s| s.to_string_lossy().into_owned());
    let at = now();
    let mut activities = Vec::new();
    let mut evidence = Vec::new();
    for entry in &entries {
        let unknown = entry
            .tags
            .iter()
            .find(|t| competency_of(t, ladder, &map).is_none());
        if strict && let Some(unknown) = unknown {
            let hint = closest(unknown, ladder.competencies.iter().map(|c| c.id.as_str()))
                .map(|c| format!("; did you mean '{c}'?"))
                .unwrap_or_default();
            bad_input!(
                "{}:{}: skills: '{unknown}' is not a competency of {}{hint}",
                path.display(),
                entry.line,
                ladder.name
            );
        }
        let competencies = entry.competencies(ladder, &map);
        // Accepted entries carry the competencies their own tags name and no guesses:
        // untagged ones stay untagged until the engineer tags them.
        let accepted = if common.accept {
            let e = entry.evidence(profile.me.id, ladder, source, competencies, at);
            e.validate(ladder, today())
                .map_err(|err| BadInput(format!("{}:{}: {err}", path.display(), entry.line)))?;
            Some(e)
        } else {
            None
        };
        activities.push(entry.activity(profile.me.id, source, &container, accepted.as_ref(), at));
        evidence.extend(accepted);
    }
    land(
        &profile,
        ("entry", "entries"),
        &activities,
        &evidence,
        0,
        globals,
    )
    .await
}
