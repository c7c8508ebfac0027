//! `cairn token`: personal access tokens on a team server.

mod create;
mod list;
mod revoke;

use clap::Subcommand;

use crate::cli::Globals;

/// Personal access tokens: made by an admin on the server's store (`--db`), or listed and
/// revoked through a server you logged in to (`--remote NAME`).
#[derive(Debug, Subcommand)]
pub enum Command {
    Create(create::Args),
    List(list::Args),
    Revoke(revoke::Args),
}

impl Command {
    /// Runs the token command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Create(args) => create::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::Revoke(args) => revoke::run(args, globals).await,
        }
    }
}
