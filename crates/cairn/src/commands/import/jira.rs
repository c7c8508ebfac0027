//! `cairn import jira`: tickets from Jira's CSV export.

use std::path::PathBuf;

use cairn_core::dates::now;
use cairn_core::sources::jira;

use super::files::{problem, read_text};
use super::landing::land;
use crate::cli::Globals;
use crate::profile::Profile;

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
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let me: Vec<String> = if args.assignees.is_empty() {
        let mut me = vec![profile.me.name.clone()];
        me.extend(profile.me.emails.iter().cloned());
        me
    } else {
        args.assignees
    };
    let text = read_text(&args.file)?;
    let tickets =
        jira::read(&text, &me, profile.me.id, now()).map_err(|e| problem(&args.file, &e))?;
    land(
        &profile,
        ("ticket", "tickets"),
        &tickets.activities,
        &[],
        tickets.others,
        globals,
    )
    .await
}
