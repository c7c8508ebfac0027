//! `cairn remote add`: name a team server.

use crate::failure::bad_input;
use crate::remote::{Remote, Remotes, server_url};

/// Name a team server's address, so `cairn login NAME` and `--remote NAME` can reach it.
///
/// Example: cairn remote add work https://cairn.acme.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A short name for it (letters, digits, - and _)
    name: String,
    /// Its address (https://…)
    url: String,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let name = args.name.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        bad_input!("remote name '{name}': use letters, digits, - and _");
    }
    let url = server_url(&args.url)?;
    let mut remotes = Remotes::load()?;
    if let Some(known) = remotes.remotes.get(name)
        && known.url != url
    {
        bad_input!(
            "remote '{name}' is {} already; remove it first to change it",
            known.url
        );
    }
    remotes
        .remotes
        .insert(name.to_owned(), Remote { url: url.clone() });
    remotes.save()?;
    eprintln!("Remote '{name}' is {url}. Log in with `cairn login {name} --email EMAIL`.");
    Ok(())
}
