//! `cairn goal history`: every version of the destination, oldest first.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show how your destination changed: set, revised, pivoted, reached, dropped.
///
/// Example: cairn goal history
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let events = profile.store.destination_events(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &events)?;
    } else {
        for e in &events {
            writeln!(
                out,
                "{}  {:<8} {}",
                e.at.date_naive(),
                e.change.as_str(),
                e.statement
            )?;
            if !e.reason.is_empty() {
                writeln!(out, "            because: {}", e.reason)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
