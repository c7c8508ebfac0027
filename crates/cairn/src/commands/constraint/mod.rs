//! `cairn constraint`: what the organisation cannot offer now.

mod add;
mod list;

use clap::Subcommand;

use crate::cli::Globals;

/// Record honestly what the organisation cannot offer now (no headcount, no level
/// movement, no budget), so a stalled plan is read with it in mind.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
}

impl Command {
    /// Runs the constraint command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
        }
    }
}
