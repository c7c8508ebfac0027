//! `cairn rm`: delete a piece of evidence.

use std::io::{self, Write};

use super::show::find;
use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Delete a piece of evidence. Export first if you may want it back.
///
/// Example: cairn rm 3f9a0c12
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The evidence's id or handle
    id: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let evidence = find(&profile, &args.id).await?;
    profile.store.remove_evidence(evidence.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &evidence)?;
    }
    out.flush()?;
    eprintln!(
        "Removed {} {} ({}).",
        output::short_id(&evidence),
        evidence.title,
        evidence.date
    );
    Ok(())
}
