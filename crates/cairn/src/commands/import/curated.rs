//! `cairn import csv|markdown|jrnl`: records the engineer already keeps, brought in as
//! inbox entries, or straight to evidence with `--accept`.

use std::path::{Path, PathBuf};

use cairn_core::sources::upload::{Kind, Options};

use super::landing::{Request, import_files, pair};
use crate::cli::Globals;

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
    /// Import into a team server you logged in to (`cairn login NAME`) instead of your store
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

pub async fn run_csv(args: CsvArgs, globals: &Globals) -> anyhow::Result<()> {
    let columns = args
        .columns
        .iter()
        .map(|c| pair(c, "--column", "FIELD=COLUMN"))
        .collect::<Result<Vec<_>, _>>()?;
    let options = Options {
        columns,
        ..Options::default()
    };
    run(Kind::Csv, &args.file, options, &args.common, globals).await
}

pub async fn run_markdown(args: MarkdownArgs, globals: &Globals) -> anyhow::Result<()> {
    run(
        Kind::Markdown,
        &args.file,
        Options::default(),
        &args.common,
        globals,
    )
    .await
}

pub async fn run_jrnl(args: JrnlArgs, globals: &Globals) -> anyhow::Result<()> {
    run(
        Kind::Jrnl,
        &args.file,
        Options::default(),
        &args.common,
        globals,
    )
    .await
}

async fn run(
    kind: Kind,
    file: &Path,
    options: Options,
    common: &Curated,
    globals: &Globals,
) -> anyhow::Result<()> {
    let request = Request {
        kind,
        options: Options {
            accept: common.accept,
            ..options
        },
        tags: &common.tags,
        remote: common.remote.as_deref(),
    };
    import_files(request, &[file], globals).await
}
