//! `cairn constraint list`: the limits recorded, and whether they are in force.

use cairn_core::dates::today;
use std::io::{self, Write};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// List the constraints recorded, oldest first, marking those in force today.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let all = profile.store.constraints(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &all)?;
    } else if all.is_empty() {
        writeln!(out, "No constraints recorded.")?;
    } else {
        let day = today();
        for c in &all {
            let until = c
                .until
                .map_or("no end set".to_owned(), |u| format!("until {u}"));
            let now = if c.applies_on(day) {
                "in force"
            } else {
                "not in force"
            };
            writeln!(
                out,
                "{}  {:<18} {}  ({until}; {now})",
                c.since,
                c.kind.words(),
                c.description
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
