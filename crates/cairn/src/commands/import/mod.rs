//! `cairn import`: bring records in from elsewhere.

mod archive;
mod files;
mod git;
mod github;
mod jira;
mod landing;

use clap::Subcommand;

use crate::cli::Globals;

/// Import records from a file.
#[derive(Debug, Subcommand)]
pub enum Command {
    Archive(archive::Args),
    Git(git::Args),
    Github(github::Args),
    Jira(jira::Args),
}

impl Command {
    /// Runs the import.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Archive(args) => archive::run(args, globals).await,
            Self::Git(args) => git::run(args, globals).await,
            Self::Github(args) => github::run(args, globals).await,
            Self::Jira(args) => jira::run(args, globals).await,
        }
    }
}
