//! `cairn remote remove`: forget a team server and the token for it.

use crate::remote::{Credentials, Remotes};

/// Forget a team server's name and the token kept for it. Nothing in your own store
/// changes. The token stays valid on the server until it expires or you revoke it there
/// (`cairn token revoke --remote NAME ID` before removing, or on your profile page).
///
/// Example: cairn remote remove work
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The remote's name
    name: String,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let mut remotes = Remotes::load()?;
    remotes.get(&args.name)?;
    remotes.remotes.remove(&args.name);
    remotes.save()?;
    let mut credentials = Credentials::load()?;
    if credentials.logins.remove(&args.name).is_some() {
        credentials.save()?;
    }
    eprintln!("Removed remote '{}'.", args.name);
    Ok(())
}
