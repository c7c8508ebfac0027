//! `cairn ladder`: the career ladders Cairn measures against.

mod list;
mod next;
mod show;

use clap::Subcommand;

use crate::cli::Globals;

/// Browse career ladders.
#[derive(Debug, Subcommand)]
pub enum Command {
    List(list::Args),
    Show(show::Args),
    Next(next::Args),
}

impl Command {
    /// Runs the ladder command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::List(args) => list::run(args, globals).await,
            Self::Show(args) => show::run(args, globals).await,
            Self::Next(args) => next::run(args, globals).await,
        }
    }
}
