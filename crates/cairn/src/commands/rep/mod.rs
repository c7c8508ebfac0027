//! `cairn rep`: candidate projects and opportunities, and the plan that ranks them.

mod add;
mod list;
mod plan;
mod rm;
mod set;

use clap::Subcommand;

use crate::cli::Globals;

/// Record the work that would build what is missing, and rank it against your gap.
#[derive(Debug, Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    Plan(plan::Args),
    Set(set::Args),
    Rm(rm::Args),
}

impl Command {
    /// Runs the rep command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Add(args) => add::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::Plan(args) => plan::run(args, globals).await,
            Self::Set(args) => set::run(args, globals).await,
            Self::Rm(args) => rm::run(args, globals).await,
        }
    }
}
