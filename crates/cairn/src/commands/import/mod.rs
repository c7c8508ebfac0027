//! `cairn import`: bring records in from elsewhere.

mod archive;
mod git;
mod landing;

use clap::Subcommand;

use crate::cli::Globals;

/// Import records from a file.
#[derive(Debug, Subcommand)]
pub enum Command {
    Archive(archive::Args),
    Git(git::Args),
}

impl Command {
    /// Runs the import.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Archive(args) => archive::run(args, globals).await,
            Self::Git(args) => git::run(args, globals).await,
        }
    }
}
