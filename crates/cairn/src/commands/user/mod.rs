//! `cairn user`: accounts, roles and reporting lines on a team server.

mod add;
mod list;

pub use list::find;
mod set_manager;
mod set_role;

use clap::Subcommand;

use crate::cli::Globals;

/// Manage team-server accounts.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    SetManager(set_manager::Args),
    SetRole(set_role::Args),
}

impl Command {
    /// Runs the user command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::SetManager(args) => set_manager::run(args, globals).await,
            Self::SetRole(args) => set_role::run(args, globals).await,
        }
    }
}
