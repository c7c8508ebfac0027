//! `cairn ladder list`: the built-in ladders and those stored in the store.

use std::io::{self, Write};

use cairn_core::ladder::{Ladder, builtin};
use serde::Serialize;

use super::show::stored_ladders;
use crate::cli::Globals;
use crate::output;

/// List the ladders you can use: built in, and stored in your store.
///
/// Example: cairn ladder list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

/// One ladder in the list.
#[derive(Serialize)]
struct Row {
    id: String,
    version: u32,
    name: String,
    levels: usize,
    competencies: usize,
    origin: &'static str,
}

impl Row {
    fn new(ladder: &Ladder, origin: &'static str) -> Self {
        Self {
            id: ladder.id.to_string(),
            version: ladder.version,
            name: ladder.name.clone(),
            levels: ladder.levels.len(),
            competencies: ladder.competencies.len(),
            origin,
        }
    }
}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let stored = stored_ladders(globals).await?;
    let mut rows: Vec<Row> = stored.iter().map(|l| Row::new(l, "stored")).collect();
    for ladder in builtin::all() {
        if !stored.iter().any(|s| s == &ladder) {
            rows.push(Row::new(&ladder, "built-in"));
        }
    }
    rows.sort_by(|a, b| (&a.id, a.version).cmp(&(&b.id, b.version)));
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else {
        for r in &rows {
            writeln!(
                out,
                "{:<20} v{:<3} {:<24} {} levels, {} competencies ({})",
                r.id, r.version, r.name, r.levels, r.competencies, r.origin
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
