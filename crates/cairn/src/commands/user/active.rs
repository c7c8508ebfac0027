//! `cairn user deactivate` and `cairn user reactivate`.

use cairn_web::accounts::{self, Actor};

use super::list::find;
use crate::cli::Globals;
use crate::failure::from_web;

/// Deactivate an account: its sessions and tokens end at once on every server sharing the
/// store, and it cannot log in or sign on; the person and their records stay theirs.
///
/// Example: cairn user deactivate ada@work.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Deactivate {
    /// Their login
    login: String,
}

/// Reactivate an account: they can log in again (old sessions and tokens stay ended).
///
/// Example: cairn user reactivate ada@work.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Reactivate {
    /// Their login
    login: String,
}

pub async fn deactivate(args: Deactivate, globals: &Globals) -> anyhow::Result<()> {
    set(&args.login, false, globals).await
}

pub async fn reactivate(args: Reactivate, globals: &Globals) -> anyhow::Result<()> {
    set(&args.login, true, globals).await
}

async fn set(login: &str, active: bool, globals: &Globals) -> anyhow::Result<()> {
    let store = globals.open(&globals.config.location()).await?;
    let account = find(store.as_ref(), login).await?;
    accounts::set_active(
        store.as_ref(),
        account.person,
        active,
        &Actor::command_line(),
    )
    .await
    .map_err(from_web)?;
    let done = if active {
        "reactivated"
    } else {
        "deactivated: their sessions and tokens have ended"
    };
    eprintln!("{} is {done}.", account.login);
    Ok(())
}
