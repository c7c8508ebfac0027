//! `cairn user set-manager`: reporting lines.

use cairn_web::accounts::{self, Actor};

use super::list::find;
use crate::cli::Globals;
use crate::failure::from_web;

/// Set who someone reports to (each person has at most one manager, who must have the
/// manager role: `cairn user set-role LOGIN manager`).
///
/// Examples:
///   cairn user set-manager ada@work.example grace@work.example
///   cairn user set-manager ada@work.example --none
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The report's login
    login: String,
    /// The manager's login
    #[arg(required_unless_present = "none")]
    manager: Option<String>,
    /// Remove their manager
    #[arg(long, conflicts_with = "manager")]
    none: bool,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = globals.open(&globals.config.location()).await?;
    let person = find(store.as_ref(), &args.login).await?;
    let manager = match &args.manager {
        Some(m) => Some(find(store.as_ref(), m).await?),
        None => None,
    };
    accounts::set_manager(
        store.as_ref(),
        person.person,
        manager.as_ref(),
        &Actor::command_line(),
    )
    .await
    .map_err(from_web)?;
    match manager {
        Some(m) => eprintln!("{} now reports to {}.", person.login, m.login),
        None => eprintln!("{} now has no manager.", person.login),
    }
    Ok(())
}
