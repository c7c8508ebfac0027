//! `cairn rep list`: your reps.

use std::io::{self, Write};

use cairn_core::id::CompetencyId;

use crate::cli::Globals;
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// List your reps, oldest first, with their status, exposure and competencies.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let reps = profile.store.reps(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &reps)?;
    } else if reps.is_empty() {
        writeln!(
            out,
            "No reps yet: record one with `cairn rep add TITLE --skill ID`."
        )?;
    } else {
        for r in &reps {
            let skills: Vec<&str> = r.competencies.iter().map(CompetencyId::as_str).collect();
            writeln!(
                out,
                "{}  {:<9} {:<6} {}  [{}]",
                handle::short(&r.id),
                r.status,
                r.exposure,
                r.title,
                skills.join(", ")
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
