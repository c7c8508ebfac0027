//! `cairn import`: bring records in from elsewhere.

mod archive;
mod curated;
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
    Csv(curated::CsvArgs),
    Markdown(curated::MarkdownArgs),
    Jrnl(curated::JrnlArgs),
}

impl Command {
    /// Runs the import.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Archive(args) => archive::run(args, globals).await,
            Self::Git(args) => git::run(args, globals).await,
            Self::Github(args) => github::run(args, globals).await,
            Self::Jira(args) => jira::run(args, globals).await,
            Self::Csv(args) => curated::run_csv(args, globals).await,
            Self::Markdown(args) => curated::run_markdown(args, globals).await,
            Self::Jrnl(args) => curated::run_jrnl(args, globals).await,
        }
    }
}
