//! `cairn convo resolve`: what came of a commitment.

use cairn_core::Invalid;
use cairn_core::conversation::Outcome;
use cairn_core::dates::now;

use crate::cli::Globals;
use crate::handle;
use crate::profile::Profile;

/// Record how a commitment turned out: delivered, dropped, or open again.
///
/// Example: cairn convo resolve 9c41d2aa --outcome delivered
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The commitment's handle from `cairn convo list`
    commitment: String,
    /// delivered, dropped or open
    #[arg(long)]
    outcome: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let outcome: Outcome = args
        .outcome
        .parse()
        .map_err(|e: Invalid| Invalid::new("--outcome", e.message))?;
    let profile = Profile::load(globals).await?;
    let all: Vec<_> = profile
        .store
        .conversations(profile.me.id)
        .await?
        .into_iter()
        .flat_map(|(_, commitments)| commitments)
        .collect();
    let found = handle::find(&args.commitment, &all, |c| c.id.to_string(), "commitment")?;
    profile.store.set_outcome(found.id, outcome, now()).await?;
    eprintln!("{} ({}): {outcome}.", found.what, found.who);
    Ok(())
}
