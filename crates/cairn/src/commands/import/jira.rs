//! `cairn import jira`: tickets from Jira's CSV export.

use std::path::PathBuf;

use cairn_core::sources::upload::{Kind, Options};

use super::landing::{Request, import_files};
use crate::cli::Globals;

/// Import the Jira tickets assigned to you, from Jira's CSV export, into the inbox.
///
/// In Jira: Filters > your filter > Export > CSV. Tickets assigned to someone else are left
/// out; who you are is your profile's name and emails unless --assignee is given. Each
/// ticket is its own inbox group, joined by any commit or pull request naming its key.
///
/// Example: cairn import jira ~/Downloads/Jira.csv --assignee 'Ada L.'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The CSV file Jira exported
    file: PathBuf,
    /// Your name as the Assignee column shows it (repeat for several)
    #[arg(long = "assignee", value_name = "NAME")]
    assignees: Vec<String>,
    /// Import into a team server you logged in to (`cairn login NAME`) instead of your store
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let request = Request {
        kind: Kind::Jira,
        options: Options {
            me: args.assignees,
            ..Options::default()
        },
        tags: &[],
        remote: args.remote.as_deref(),
    };
    import_files(request, &[args.file.as_path()], globals).await
}
