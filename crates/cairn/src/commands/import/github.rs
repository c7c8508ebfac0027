//! `cairn import github`: pull requests, reviews and issues from `gh` JSON output.

use std::path::{Path, PathBuf};

use cairn_core::sources::upload::{Kind, Options};

use super::landing::{Request, import_files};
use crate::cli::Globals;

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
    /// Import into a team server you logged in to (`cairn login NAME`) instead of your store
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let request = Request {
        kind: Kind::Github,
        options: Options {
            github_login: args.login,
            ..Options::default()
        },
        tags: &[],
        remote: args.remote.as_deref(),
    };
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    import_files(request, &paths, globals).await
}
