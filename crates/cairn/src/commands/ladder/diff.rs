//! `cairn ladder diff`: what changed between two stored versions of a ladder.

use std::io::{self, Write};

use cairn_core::ladder::Ladder;
use cairn_core::ladder::diff::diff;

use super::show::stored_ladders;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Show what changed between two versions of a stored ladder.
///
/// Without --from and --to, compares the newest version with the one before it. Changes
/// are matched by id: `+` added, `-` removed, `~` changed (with the old and new text).
///
/// Examples:
///   cairn ladder diff ft-engineering
///   cairn ladder diff software-engineer --from 1 --to 3
///   cairn ladder diff ft-engineering --json | jq '.changes[] | select(.kind == "changed")'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder's id
    id: String,
    /// The older version (default: the one before --to)
    #[arg(long, value_name = "V")]
    from: Option<u32>,
    /// The newer version (default: the newest)
    #[arg(long, value_name = "V")]
    to: Option<u32>,
}

#[derive(serde::Serialize)]
struct Report<'a> {
    id: &'a str,
    from: u32,
    to: u32,
    changes: Vec<cairn_core::ladder::diff::Change>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let versions: Vec<Ladder> = stored_ladders(globals)
        .await?
        .into_iter()
        .filter(|l| l.id.as_str() == args.id)
        .collect();
    let numbers: Vec<String> = versions.iter().map(|l| format!("v{}", l.version)).collect();
    let Some(newest) = versions.iter().map(|l| l.version).max() else {
        bad_input!(
            "'{}': no ladder with this id is stored (see `cairn ladder list`)",
            args.id
        );
    };
    let to = args.to.unwrap_or(newest);
    let from = args.from.unwrap_or(to.saturating_sub(1));
    let find = |field: &str, version: u32| match versions.iter().find(|l| l.version == version) {
        Some(ladder) => Ok(ladder),
        None => Err(crate::failure::BadInput(format!(
            "{field}: '{}' has no version {version} (stored: {})",
            args.id,
            numbers.join(", ")
        ))),
    };
    if args.from.is_none() && args.to.is_none() && versions.len() < 2 {
        bad_input!(
            "'{}' has only {} stored: import a changed file to make a new version",
            args.id,
            numbers.join(", ")
        );
    }
    let old = find("--from", from)?;
    let new = find("--to", to)?;
    let report = Report {
        id: &args.id,
        from,
        to,
        changes: diff(old, new),
    };
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &report)?;
    } else {
        writeln!(
            out,
            "{} v{from} → v{to}: {} change{}",
            args.id,
            report.changes.len(),
            if report.changes.len() == 1 { "" } else { "s" }
        )?;
        for change in &report.changes {
            writeln!(out, "{change}")?;
        }
    }
    out.flush()?;
    Ok(())
}
