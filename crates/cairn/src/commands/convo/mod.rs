//! `cairn convo`: growth conversations, the commitments made in them, and what came of them.

mod add;
mod list;
mod resolve;

use clap::Subcommand;

use crate::cli::Globals;

/// Keep a record of growth conversations: what you asked, what was answered, and who
/// promised what by when.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    Resolve(resolve::Args),
}

impl Command {
    /// Runs the conversation command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::Resolve(args) => resolve::run(args, globals).await,
        }
    }
}
