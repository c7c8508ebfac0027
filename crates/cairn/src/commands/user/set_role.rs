//! `cairn user set-role`: engineer, manager or admin.

use cairn_core::Invalid;
use cairn_core::account::Role;
use cairn_web::accounts::{self, Actor};

use super::list::find;
use crate::cli::Globals;
use crate::failure::from_web;

/// Change someone's role: engineer, manager or admin. Admins manage accounts and read no
/// one's content; managers read what their reports share.
///
/// Example: cairn user set-role grace@work.example manager
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Their login
    login: String,
    /// engineer, manager or admin
    role: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let role: Role = args
        .role
        .parse()
        .map_err(|e: Invalid| Invalid::new("ROLE", e.message))?;
    let store = globals.open(&globals.config.location()).await?;
    let account = find(store.as_ref(), &args.login).await?;
    let reports = store
        .people()
        .await?
        .iter()
        .filter(|p| p.manager == Some(account.person))
        .count();
    accounts::set_role(store.as_ref(), account.person, role, &Actor::command_line())
        .await
        .map_err(from_web)?;
    eprintln!("{} is now {role}.", account.login);
    if role != Role::Manager && reports > 0 {
        let whom = if reports == 1 {
            "Their one report no longer reports to them".to_owned()
        } else {
            format!("Their {reports} reports no longer report to them")
        };
        eprintln!("{whom}; give each a new manager with `cairn user set-manager`.");
    }
    Ok(())
}
