//! `cairn rep rm`: delete a rep recorded by mistake.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Delete a rep for good. A rep you chose not to do is better set to dropped, which keeps
/// the record of it; delete only one recorded by mistake.
///
/// Example: cairn rep rm 3f9a0c12
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The rep's handle from `cairn rep list`
    id: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let reps = profile.store.reps(profile.me.id).await?;
    let rep = handle::find(&args.id, &reps, |r| r.id.to_string(), "rep")?.clone();
    profile.store.remove_rep(profile.me.id, rep.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rep)?;
    }
    out.flush()?;
    eprintln!("Removed rep {} {}.", handle::short(&rep.id), rep.title);
    Ok(())
}
