//! `cairn goal`: the destination, its clarity, and its history.

mod change;
mod check;
mod history;
mod set;
mod show;

use clap::Subcommand;

use crate::cli::Globals;

/// Write down where you are going, check it is concrete, and keep its history.
#[derive(Debug, Subcommand)]
pub enum Command {
    Check(check::Args),
    Set(set::Args),
    Show(show::Args),
    History(history::Args),
    Reached(change::Reached),
    Drop(change::Drop),
}

impl Command {
    /// Runs the goal command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Check(args) => check::run(&args, globals),
            Self::Set(args) => set::run(args, globals).await,
            Self::Show(args) => show::run(args, globals).await,
            Self::History(args) => history::run(args, globals).await,
            Self::Reached(args) => change::reached(args, globals).await,
            Self::Drop(args) => change::drop(args, globals).await,
        }
    }
}
