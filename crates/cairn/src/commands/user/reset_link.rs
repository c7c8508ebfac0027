//! `cairn user reset-link`: a one-time link to set a new password.

use std::io::Write;

use cairn_web::accounts::{self, Actor, RESET_HOURS};

use super::list::find;
use crate::cli::Globals;
use crate::failure::from_web;

/// Issue a one-time link that lets someone set a new password (good for a day; setting it
/// ends every session of theirs). The link's path is printed once; put the server's
/// address before it and send it to them privately.
///
/// Example: cairn user reset-link ada@work.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Their login
    login: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = globals.open(&globals.config.location()).await?;
    let account = find(store.as_ref(), &args.login).await?;
    let code = accounts::issue_reset(store.as_ref(), account.person, &Actor::command_line())
        .await
        .map_err(from_web)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "/reset/{code}")?;
    out.flush()?;
    eprintln!(
        "A reset link for {}, good for {RESET_HOURS} hours and once only.",
        account.login
    );
    Ok(())
}
