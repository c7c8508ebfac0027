//! `cairn import github`: pull requests, reviews and issues from `gh` JSON output.

use std::collections::HashMap;
use std::path::PathBuf;

use cairn_core::activity::Activity;
use cairn_core::dates::now;
use cairn_core::sources::github;

use super::files::{problem, read_text};
use super::landing::land;
use crate::cli::Globals;
use crate::profile::Profile;

/// Import your pull requests, reviews and issues from GitHub's JSON into the inbox.
///
/// Give it what `gh` prints: search pages (with or without --paginate), REST lists, or
/// `gh pr list --json` arrays. Pull requests by you are yours; pull requests by others
/// that appear (a reviewed-by search) are reviews; issues are issues. The same pull
/// request in several files is one activity, and re-importing skips what is there.
///
/// Examples:
///   gh api --paginate 'search/issues?q=author:ada-l+type:pr' > authored.json
///   gh api --paginate 'search/issues?q=reviewed-by:ada-l+type:pr' > reviewed.json
///   gh pr list --author @me --state all --json number,title,body,url,createdAt,mergedAt,additions,deletions,changedFiles > prs.json
///   cairn import github authored.json reviewed.json prs.json --login ada-l
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// JSON files printed by `gh api` or `gh pr list --json`
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Your GitHub login (default: the one in your profile)
    #[arg(long, value_name = "LOGIN")]
    login: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let login = args.login.or_else(|| profile.me.github.clone());
    let at = now();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut activities: Vec<Activity> = Vec::new();
    for path in &args.files {
        let text = read_text(path)?;
        let read = github::read(&text, login.as_deref(), profile.me.id, at)
            .map_err(|e| problem(path, &e))?;
        for a in read {
            match seen.get(&a.external_id) {
                // The same pull request twice: keep the copy that knows its size.
                Some(&i) if activities[i].additions + activities[i].deletions == 0 => {
                    activities[i] = a;
                }
                Some(_) => {}
                None => {
                    seen.insert(a.external_id.clone(), activities.len());
                    activities.push(a);
                }
            }
        }
    }
    land(
        &profile,
        ("GitHub item", "GitHub items"),
        &activities,
        &[],
        0,
        globals,
    )
    .await
}
