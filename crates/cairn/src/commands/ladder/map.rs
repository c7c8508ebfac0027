//! `cairn ladder map`: a proposed map from one ladder to another, to check and edit.

use std::io::Write;
use std::path::PathBuf;

use cairn_core::ladder::map::propose;

use super::show::{find, stored_ladders};
use crate::cli::Globals;
use crate::commands::export::write_atomically;
use crate::output;

/// Propose how a new ladder reads your record: each competency of FROM matched to the
/// ones of TO that say the same things (from both ladders' own words, the words that
/// decided each shown), and each level to the same step. Edit the file, then read your
/// record through it with `cairn ready --ladder TO --map FILE`, or move to the new ladder
/// with `cairn ladder switch TO --map FILE`.
///
/// FROM and TO are ladder ids (the newest stored version, else the built-in one) or
/// ID@VERSION.
///
/// Examples:
///   cairn ladder import ft-engineering.yml
///   cairn ladder map software-engineer ft-engineering -o to-ft.toml
///   cairn ladder map software-engineer@1 engineering-manager --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder your record was made on
    from: String,
    /// The ladder to read it on
    to: String,
    /// Write the map to this file instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let stored = stored_ladders(globals).await?;
    let from = find(&args.from, &stored)?;
    let to = find(&args.to, &stored)?;
    let proposal = propose(&from, &to);
    let mut out = std::io::stdout().lock();
    if globals.json {
        output::json(&mut out, &proposal.map)?;
    } else {
        let text = proposal.to_toml(&from, &to);
        match &args.output {
            Some(path) => {
                write_atomically(path, text.as_bytes())?;
                let none = proposal
                    .map
                    .competencies
                    .values()
                    .filter(|v| v.is_empty())
                    .count();
                eprintln!(
                    "Wrote the map from {} to {} to {}: {} of {} competencies matched{}. Check every line before using it.",
                    from.id,
                    to.id,
                    path.display(),
                    from.competencies.len() - none,
                    from.competencies.len(),
                    if none > 0 {
                        " (the rest have no counterpart)"
                    } else {
                        ""
                    }
                );
            }
            None => out.write_all(text.as_bytes())?,
        }
    }
    out.flush()?;
    Ok(())
}
