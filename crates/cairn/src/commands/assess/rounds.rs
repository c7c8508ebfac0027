//! `cairn assess rounds`: every assessment round and what it waits for.

use std::io::{self, Write};

use cairn_core::assessment::{AssessmentRound, Assessor};
use serde::Serialize;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// List your assessment rounds, newest first, with what each is waiting for.
///
/// Examples:
///   cairn assess rounds
///   cairn assess rounds --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    round: &'a AssessmentRound,
    status: &'static str,
    self_entries: usize,
    manager_entries: usize,
}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let rounds = profile.store.rounds(profile.me.id).await?;
    let entries = profile.store.assessments(profile.me.id).await?;
    let count = |round: &AssessmentRound, side| {
        entries
            .iter()
            .filter(|e| e.round == round.id && e.assessor == side)
            .count()
    };
    let rows: Vec<Row<'_>> = rounds
        .iter()
        .map(|round| Row {
            round,
            status: round.status(),
            self_entries: count(round, Assessor::Own),
            manager_entries: count(round, Assessor::Manager),
        })
        .collect();
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else if rows.is_empty() {
        writeln!(
            out,
            "No assessment rounds yet. Start with your own view: cairn assess self"
        )?;
    } else {
        writeln!(
            out,
            "{:<16} {:<10} {:>4} {:>7}  status",
            "round", "opened", "self", "manager"
        )?;
        for row in &rows {
            writeln!(
                out,
                "{:<16} {:<10} {:>4} {:>7}  {}",
                row.round.name,
                row.round.created_at.format("%Y-%m-%d"),
                row.self_entries,
                row.manager_entries,
                row.status
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
