//! `cairn user`: accounts, roles and reporting lines on a team server.

mod active;
mod add;
mod audit;
mod list;
mod reset_link;

pub use list::find;
mod set_manager;
mod set_role;

use clap::Subcommand;

use crate::cli::Globals;

/// Manage team-server accounts (on the server's store, `--db`).
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    SetManager(set_manager::Args),
    SetRole(set_role::Args),
    Deactivate(active::Deactivate),
    Reactivate(active::Reactivate),
    ResetLink(reset_link::Args),
    Audit(audit::Args),
}

impl Command {
    /// Runs the user command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::SetManager(args) => set_manager::run(args, globals).await,
            Self::SetRole(args) => set_role::run(args, globals).await,
            Self::Deactivate(args) => active::deactivate(args, globals).await,
            Self::Reactivate(args) => active::reactivate(args, globals).await,
            Self::ResetLink(args) => reset_link::run(args, globals).await,
            Self::Audit(args) => audit::run(args, globals).await,
        }
    }
}
