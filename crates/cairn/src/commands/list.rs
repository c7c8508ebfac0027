//! `cairn list`: evidence, newest first, filtered.

use std::io::{self, BufWriter, Write};

use super::evidence_flags::Filters;
use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// List your evidence, newest first. `↑` marks next-level work.
///
/// Examples:
///   cairn list -n 10
///   cairn list --month 2026-05
///   cairn list --skill influence --since 2026-01-01
///   cairn list --json | jq '.[].title'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    filters: Filters,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let query = args.filters.query(profile.me.id, &profile.ladder)?;
    let list = profile.store.list_evidence(&query).await?;
    let mut out = BufWriter::new(io::stdout().lock());
    output::evidence_list(&mut out, &list, globals.json)?;
    out.flush()?;
    Ok(())
}
