//! `cairn shape`: depth and breadth across areas, half-year by half-year.

use std::io::{self, Write};

use cairn_core::dates::today;
use cairn_core::shape::{self, DEEP_ENTRIES, DEEP_SHARE_PERCENT};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show where your depth and breadth lie, from the area tags on your evidence.
///
/// Per half-year: entries per area, the deep ones marked `*` (at least 4 entries and a
/// quarter of the half's tagged evidence), and the form: I-shaped (one depth), T-shaped
/// (one depth with breadth), M-shaped (two or more depths), broad (no depth yet).
///
/// Examples:
///   cairn shape
///   cairn shape --halves 6 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// How many half-years to show, ending with this one
    #[arg(long, default_value_t = shape::HALVES, value_name = "N")]
    halves: u32,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let halves = shape::halves("--halves", args.halves)?;
    let profile = Profile::load(globals).await?;
    let evidence = profile.all_evidence().await?;
    let shape = shape::compute(
        &evidence,
        today(),
        halves,
        cairn_core::voice::Voice::Engineer,
    );
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &shape)?;
        out.flush()?;
        return Ok(());
    }
    if !shape.areas.is_empty() {
        write!(out, "{:<14}", "")?;
        for p in &shape.periods {
            write!(out, " {:>9}", p.label)?;
        }
        writeln!(out)?;
        for (i, area) in shape.areas.iter().enumerate() {
            write!(out, "{area:<14}")?;
            for p in &shape.periods {
                let cell = &p.areas[i];
                let mark = if cell.deep { "*" } else { " " };
                write!(out, " {:>8}{mark}", cell.entries)?;
            }
            writeln!(out)?;
        }
        write!(out, "{:<14}", "form")?;
        for p in &shape.periods {
            write!(out, " {:>9}", p.form.as_str())?;
        }
        writeln!(
            out,
            "\n(* deep: at least {DEEP_ENTRIES} entries and {DEEP_SHARE_PERCENT}% of the half's tagged evidence)\n"
        )?;
    }
    for line in &shape.reading {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
