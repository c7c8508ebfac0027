//! `cairn suggest`: which competencies a piece of evidence shows, ranked, with the words
//! that drove each.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Suggest the competencies a piece of evidence shows, from your ladder's own words and
/// the evidence you tagged before (it improves as you tag).
///
/// Prints each competency with its score and the words that drove it, best first.
/// Examples:
///   cairn suggest "Wrote the proposal that changed how teams run design reviews"
///   cairn suggest "Paired with Sam on the cache bug" --limit 1 --json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What you did, as you would log it
    #[arg(required = true, value_name = "TEXT")]
    text: Vec<String>,
    /// Show at most this many competencies
    #[arg(long, default_value_t = 3)]
    limit: usize,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let suggester = cairn_store::suggester(&*profile.store, profile.me.id, &profile.ladder).await?;
    let mut ranked = suggester.suggest(&args.text.join(" "));
    ranked.truncate(args.limit);
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &ranked)?;
    } else if ranked.is_empty() {
        writeln!(
            out,
            "No competency of {} matches these words; tag it by hand with --skill.",
            profile.ladder.name
        )?;
    } else {
        let width = ranked
            .iter()
            .map(|s| s.competency.as_str().len())
            .max()
            .unwrap_or(0);
        for s in &ranked {
            writeln!(
                out,
                "{:<width$}  {:>5.2}  ({})",
                s.competency.as_str(),
                s.score,
                s.words.join(", ")
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
