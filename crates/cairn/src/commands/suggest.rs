//! `cairn suggest`: which competencies a piece of evidence shows, ranked, with the words
//! that drove each.

use std::io::{self, Write};

use anyhow::Context;
use cairn_core::ladder::{Ladder, builtin};
use cairn_core::suggest::Suggester;
use cairn_store::StoreError;

use crate::cli::Globals;
use crate::output;

/// Suggest the competencies a piece of evidence shows, from your ladder's own words and
/// the evidence you tagged before (it improves as you tag). Before `cairn init` it uses
/// the built-in Software Engineer ladder and says so.
///
/// Prints each competency with its score and the words that drove it, best first.
///
/// Examples:
///   cairn suggest "Wrote the proposal that changed how teams run design reviews"
///   cairn suggest "Paired with Sam on the cache bug" --limit 1 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What you did, as you would log it
    #[arg(required = true, value_name = "TEXT")]
    text: Vec<String>,
    /// Show at most this many competencies
    #[arg(long, default_value_t = 3)]
    limit: usize,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let (ladder, suggester) = suggester(globals).await?;
    let mut ranked = suggester.suggest(&args.text.join(" "));
    ranked.truncate(args.limit);
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &ranked)?;
    } else if ranked.is_empty() {
        writeln!(
            out,
            "No competency of {} matches these words; tag it by hand with --skill.",
            ladder.name
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

/// The profile's ladder and what its owner tagged before; with no store or no profile yet,
/// the built-in ladder alone, said on stderr.
async fn suggester(globals: &Globals) -> anyhow::Result<(Ladder, Suggester)> {
    let store = match globals.open(&globals.config.location()).await {
        Ok(store) => Some(store),
        Err(StoreError::Missing(_) | StoreError::Empty(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let owner = match &store {
        Some(store) => store.owner().await?,
        None => None,
    };
    if let (Some(store), Some(owner)) = (store, owner) {
        let me = store.person(owner).await.context("reading the profile")?;
        let ladder = store
            .ladder(&me.ladder)
            .await
            .context("reading the ladder")?;
        let suggester = cairn_store::suggester(&*store, owner, &ladder).await?;
        return Ok((ladder, suggester));
    }
    let ladder =
        builtin::find(builtin::DEFAULT_LADDER).context("the built-in ladder is missing")?;
    eprintln!(
        "cairn: no profile yet, so suggesting from the built-in {} ladder (`cairn init` sets yours)",
        ladder.name
    );
    let suggester = Suggester::new(&ladder, &[]);
    Ok((ladder, suggester))
}
