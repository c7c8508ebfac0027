//! `cairn assess`: assessment rounds, your own view first.

mod rounds;
mod submit;

use cairn_core::assessment::Assessor;
use clap::Subcommand;

use crate::cli::Globals;

/// Record where you believe you work on each competency, and your manager's view.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(name = "self")]
    Own(submit::Args),
    Manager(submit::Args),
    Rounds(rounds::Args),
}

impl Command {
    /// Runs the assess command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Own(args) => submit::run(args, Assessor::Own, globals).await,
            Self::Manager(args) => submit::run(args, Assessor::Manager, globals).await,
            Self::Rounds(args) => rounds::run(args, globals).await,
        }
    }
}
