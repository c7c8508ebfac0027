//! `cairn rep plan`: reps ranked by how much of the gap they would close.

use std::io::{self, Write};

use cairn_core::rep::plan;

use crate::cli::Globals;
use crate::commands::ready::{Aim, readiness};
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Rank your open reps by how much of the gap to the target level they would close,
/// weighted by the gap's size (a competency not yet shown counts twice one that is
/// emerging; one already ready counts nothing), and say plainly when a rep is visible but
/// builds nothing missing.
///
/// Examples:
///   cairn rep plan
///   cairn rep plan --target L5 --json
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    aim: Aim,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let r = readiness(&profile, &args.aim).await?;
    let reps = profile.store.reps(profile.me.id).await?;
    let gaps: Vec<_> = r
        .competencies
        .iter()
        .map(|c| (c.competency.clone(), c.verdict.gap()))
        .collect();
    let planned = plan(&reps, &gaps);
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &planned)?;
    } else if planned.is_empty() {
        writeln!(
            out,
            "No open reps. Record candidates with `cairn rep add TITLE --skill ID`; the gap to {} is in `cairn ready`.",
            r.target
        )?;
    } else {
        writeln!(
            out,
            "Reps ranked by the gap to {} they would close:",
            r.target
        )?;
        for p in &planned {
            writeln!(
                out,
                "{}  {:>4.1}  {}  ({})",
                handle::short(&p.rep.id),
                p.score,
                p.rep.title,
                p.note
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
