//! `cairn remote`: the team servers this command line knows by name.

mod add;
mod list;
mod remove;

use clap::Subcommand;

use crate::cli::Globals;

/// Name team servers, to log in to them and use them with `--remote NAME`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    Remove(remove::Args),
}

impl Command {
    /// Runs the remote command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(&args),
            Self::List(args) => list::run(&args, globals).await,
            Self::Remove(args) => remove::run(&args),
        }
    }
}
