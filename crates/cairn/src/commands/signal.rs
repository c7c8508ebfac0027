//! `cairn signal`: clear asks that keep producing no opportunity.

use std::io::{self, Write};

use cairn_core::dates::{today, window_months};
use cairn_core::signal::{Fate, WINDOW_MONTHS};
use cairn_core::text::count;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// The strategic signal: over the window, three or more clear asks that produced no
/// delivered opportunity (no commitment, or commitments overdue or dropped) raise it, with
/// the asks listed and the conversation to have next. It is information, not a verdict.
///
/// Examples:
///   cairn signal
///   cairn signal --window 12 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Months to look back
    #[arg(long, default_value_t = WINDOW_MONTHS, value_name = "MONTHS")]
    window: u32,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let window = window_months("--window", args.window)?;
    let profile = Profile::load(globals).await?;
    let signal = profile
        .view()
        .signal(profile.store.as_ref(), window, today())
        .await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &signal)?;
        out.flush()?;
        return Ok(());
    }
    writeln!(out, "{}", signal.headline())?;
    for a in &signal.listed {
        let fate = match a.fate {
            Fate::Delivered => "delivered",
            Fate::Open => "open",
            Fate::Nothing => "nothing",
        };
        writeln!(out, "  {}  {:<9} {}  ({})", a.date, fate, a.ask, a.reason)?;
    }
    if signal.vague > 0 {
        writeln!(
            out,
            "  ({} left out)",
            count(signal.vague as u64, "vague ask", "vague asks")
        )?;
    }
    for c in &signal.constraints {
        writeln!(out, "  constraint: {c}")?;
    }
    writeln!(out, "\nNext: {}\n{}", signal.next, signal.note)?;
    out.flush()?;
    Ok(())
}
