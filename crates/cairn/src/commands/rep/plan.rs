//! `cairn rep plan`: reps ranked by how much of the gap they would close.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::commands::aim::{Aim, reading};
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Rank your open reps, and the reps written on your destination, by what they build toward
/// the target level: the gap of each competency they exercise (a missing lever of your
/// destination counts most, one already there nothing), spread over how many they are
/// tagged with so tagging more does not inflate a rep, times their exposure. Says plainly
/// when a rep is visible but builds nothing missing.
///
/// Examples:
///   cairn rep plan
///   cairn rep plan --target L5 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    aim: Aim,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let reading = reading(&profile, &profile.view(), &args.aim).await?;
    let r = &reading.readiness;
    let planned = r.plan(&profile.ladder, &reading.reps, reading.destination.as_ref());
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
            let handle = if p.on_destination {
                "destination".to_owned()
            } else {
                handle::short(&p.rep.id)
            };
            writeln!(
                out,
                "{handle:<11}  {:>4.2}  {}  ({})",
                p.score, p.rep.title, p.note
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
