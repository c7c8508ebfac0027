//! `cairn profile`: who the store belongs to, changed with its history kept.

mod history;
mod set;
mod show;

pub use set::edit;

use clap::Subcommand;

use crate::cli::Globals;

/// Your profile: name, level, ladder, emails and GitHub login. Every change is kept, so
/// the record shows when your level moved and why.
#[derive(Debug, Subcommand)]
pub enum Command {
    Show(show::Args),
    Set(set::Args),
    History(history::Args),
}

impl Command {
    /// Runs the profile command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Show(args) => show::run(args, globals).await,
            Self::Set(args) => set::run(args, globals).await,
            Self::History(args) => history::run(args, globals).await,
        }
    }
}
