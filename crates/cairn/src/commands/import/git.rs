//! `cairn import git`: an engineer's commits from local repositories, into the inbox.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::thread;

use anyhow::Context;
use cairn_core::dates::now;
use cairn_core::sources::git::{
    Commit, LOG_FORMAT, diff_tree_totals, parse_record, remote_repository,
};
use indicatif::{ProgressBar, ProgressStyle};

use cairn_core::sources::upload::{Kind, Options};

use super::landing::{Request, land};
use crate::cli::Globals;
use crate::commands::evidence_flags;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Import your commits from git repositories into the inbox.
///
/// Reads every commit you authored or co-authored (`Co-authored-by:` trailers), under all
/// the emails in your profile unless --author is given; `.mailmap` is respected. Merges are
/// skipped unless --merges. Re-running is safe: a commit already imported is skipped.
/// Nothing becomes evidence until you accept it with `cairn inbox accept`.
///
/// Examples:
///   cairn import git ~/src/billing ~/src/payments --since 2026-01-01
///   cairn import git . --author ada@work.example --author ada@home.example --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Repositories (any folder inside one)
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// An email you commit under (repeat for several; default: the profile's emails)
    #[arg(long = "author", value_name = "EMAIL")]
    authors: Vec<String>,
    /// Only commits on or after this day (YYYY-MM-DD)
    #[arg(long)]
    since: Option<String>,
    /// Only commits on or before this day (YYYY-MM-DD)
    #[arg(long)]
    until: Option<String>,
    /// Include merge commits
    #[arg(long)]
    merges: bool,
    /// Import into a team server you logged in to (`cairn login NAME`) instead of your
    /// store: each repository's log is read here and uploaded, and the server picks your
    /// commits by --author, else by your emails there
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

/// One repository, checked and named.
struct Repository {
    shown: String,
    root: PathBuf,
    name: String,
    web: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if let Some(remote) = &args.remote {
        return upload(&args, remote, globals).await;
    }
    let profile = Profile::load(globals).await?;
    let emails: Vec<String> = if args.authors.is_empty() {
        profile.me.emails.iter().map(|e| e.to_lowercase()).collect()
    } else {
        args.authors
            .iter()
            .map(|e| e.trim().to_lowercase())
            .collect()
    };
    if emails.is_empty() {
        bad_input!(
            "your profile has no email to find your commits by; pass --author EMAIL \
             (or add one with `cairn init --email`)"
        );
    }
    let window = window(&args)?;
    let repositories = args
        .paths
        .iter()
        .map(|p| repository(p))
        .collect::<anyhow::Result<Vec<_>>>()?;

    let progress = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {pos} commits read from {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let at = now();
    let mut activities = Vec::new();
    for repo in &repositories {
        progress.set_message(repo.shown.clone());
        let commits = commits(repo, &emails, &window, args.merges, &progress)?;
        if commits.is_empty() && !ever_committed(repo, &emails)? {
            progress.finish_and_clear();
            let known = authors(repo)?;
            bad_input!(
                "{}: no commit by {} in its history{}; pass --author with the email you commit under",
                repo.shown,
                emails.join(", "),
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" (its most frequent authors: {})", known.join(", "))
                }
            );
        }
        for commit in commits {
            activities.push(commit.activity(profile.me.id, &repo.name, repo.web.as_deref(), at));
        }
    }
    progress.finish_and_clear();
    land(
        &profile,
        ("commit", "commits"),
        &activities,
        &[],
        0,
        globals,
    )
    .await
}

/// `git log`'s options for --since and --until.
fn window(args: &Args) -> anyhow::Result<Vec<String>> {
    let mut window = Vec::new();
    if let Some(since) = &args.since {
        let day = evidence_flags::date(since).map_err(|e| BadInput(format!("--since: {e}")))?;
        window.push(format!("--since={day} 00:00:00 +0000"));
    }
    if let Some(until) = &args.until {
        let day = evidence_flags::date(until).map_err(|e| BadInput(format!("--until: {e}")))?;
        window.push(format!("--until={day} 23:59:59 +0000"));
    }
    Ok(window)
}

/// `--remote`: each repository's whole log in the window, with sizes, uploaded as the
/// server's git import reads it.
async fn upload(args: &Args, remote: &str, globals: &Globals) -> anyhow::Result<()> {
    let window = window(args)?;
    let repositories = args
        .paths
        .iter()
        .map(|p| repository(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let me: Vec<String> = args
        .authors
        .iter()
        .map(|e| e.trim().to_lowercase())
        .collect();
    for repo in &repositories {
        let mut log: Vec<String> = vec!["log".into(), "--numstat".into(), LOG_FORMAT.into()];
        if !args.merges {
            log.push("--no-merges".into());
        }
        log.extend(window.iter().cloned());
        let out = Command::new("git")
            .arg("-C")
            .arg(&repo.root)
            .args(&log)
            .output()
            .context("cannot run git; is it installed?")?;
        if !out.status.success() {
            bad_input!(
                "{}: git log failed: {}",
                repo.shown,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let request = Request {
            kind: Kind::Git,
            options: Options {
                me: me.clone(),
                repository: Some(repo.name.clone()),
                ..Options::default()
            },
            tags: &[],
            remote: Some(remote),
        };
        super::landing::upload(&request, vec![(repo.shown.clone(), out.stdout)], globals).await?;
    }
    Ok(())
}

/// Checks a path is inside a git repository and names the repository: `owner/name` from
/// its `origin` remote, else its folder's name.
fn repository(path: &Path) -> anyhow::Result<Repository> {
    let shown = path.display().to_string();
    if !path.exists() {
        bad_input!("{shown}: no such folder");
    }
    let top = git(path, &["rev-parse", "--show-toplevel"])?;
    let Some(root) = top.filter(|t| !t.is_empty()) else {
        bad_input!("{shown}: not a git repository");
    };
    let root = PathBuf::from(root);
    let remote = git(&root, &["config", "--get", "remote.origin.url"])?
        .and_then(|url| remote_repository(&url));
    let (name, web) = match remote {
        Some((name, web)) => (name, web),
        None => (
            root.file_name()
                .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned()),
            None,
        ),
    };
    Ok(Repository {
        shown,
        root,
        name,
        web,
    })
}

/// Runs git in `dir` and returns its trimmed output, or `None` when git fails.
fn git<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> anyhow::Result<Option<String>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .context("cannot run git; is it installed?")?;
    Ok(out
        .status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned()))
}

/// The commits in the window that credit `emails`. One `git log` walks every commit
/// (names and emails as `.mailmap` maps them, messages for `Co-authored-by:`), the ones
/// crediting `emails` are picked here as they stream out, and `git diff-tree --stdin`
/// counts their files and lines on the other core as they are picked.
fn commits(
    repo: &Repository,
    emails: &[String],
    window: &[String],
    merges: bool,
    progress: &ProgressBar,
) -> anyhow::Result<Vec<Commit>> {
    let mut args: Vec<String> = vec!["log".into(), LOG_FORMAT.into()];
    if !merges {
        args.push("--no-merges".into());
    }
    args.extend(window.iter().cloned());
    let mut walk = git_process(repo, &args, false)?;
    let diff_tree: Vec<String> = [
        "diff-tree",
        "--stdin",
        "--always",
        "--numstat",
        "-r",
        "--root",
    ]
    .map(String::from)
    .to_vec();
    let mut sizes = git_process(repo, &diff_tree, true)?;
    let ids = sizes.stdin.take().context("git diff-tree's input")?;
    let counted = sizes.stdout.take().context("git diff-tree's output")?;
    let walked = walk.stdout.take().context("git log's output")?;
    let (picked, totals) = thread::scope(|s| {
        let counter = s.spawn(move || -> std::io::Result<String> {
            let mut text = String::new();
            BufReader::new(counted).read_to_string(&mut text)?;
            Ok(text)
        });
        let picked = pick(repo, walked, ids, emails, progress);
        let totals = counter
            .join()
            .map_err(|_| anyhow::anyhow!("reading {} failed", repo.shown));
        (picked, totals)
    });
    let mut picked = picked?;
    let totals = diff_tree_totals(&totals??);
    for c in &mut picked {
        if let Some(&(files, additions, deletions)) = totals.get(&c.hash) {
            (c.files, c.additions, c.deletions) = (files, additions, deletions);
        }
    }
    sizes.wait()?;
    let out = walk.wait_with_output()?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        // A repository without commits yet has nothing to import.
        if !message.contains("does not have any commits") {
            bad_input!("{}: git log failed: {}", repo.shown, message.trim());
        }
    }
    Ok(picked)
}

/// Starts git in the repository with its output piped (and its input, for `--stdin`).
fn git_process(repo: &Repository, args: &[String], input: bool) -> anyhow::Result<Child> {
    Command::new("git")
        .arg("-C")
        .arg(&repo.root)
        .args(args)
        .stdin(if input { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(if input { Stdio::null() } else { Stdio::piped() })
        .spawn()
        .context("cannot run git; is it installed?")
}

/// Reads the walk's commits, keeps those crediting `emails`, and sends each kept commit's
/// id to `git diff-tree` at once, so sizes are counted while the walk goes on.
fn pick(
    repo: &Repository,
    walked: ChildStdout,
    ids: ChildStdin,
    emails: &[String],
    progress: &ProgressBar,
) -> anyhow::Result<Vec<Commit>> {
    let mut reader = BufReader::with_capacity(1 << 16, walked);
    let mut ids = BufWriter::new(ids);
    let mut picked = Vec::new();
    let mut record = Vec::new();
    loop {
        record.clear();
        if reader.read_until(0x1e, &mut record)? == 0 {
            break;
        }
        if record.last() == Some(&0x1e) {
            record.pop();
        }
        let text = String::from_utf8_lossy(&record);
        if text.trim().is_empty() {
            continue;
        }
        let commit =
            parse_record(&text).map_err(|e| BadInput(format!("{}: {}", repo.shown, e.message)))?;
        if commit.credits(emails) {
            writeln!(ids, "{}", commit.hash)?;
            ids.flush()?;
            picked.push(commit);
            progress.inc(1);
        }
    }
    Ok(picked)
}

/// True when any commit in the whole history credits `emails`, window or not.
fn ever_committed(repo: &Repository, emails: &[String]) -> anyhow::Result<bool> {
    for filter in ["--author", "--grep"] {
        let mut args = vec![
            "log".to_owned(),
            "-1".into(),
            "--format=%H".into(),
            "--fixed-strings".into(),
            "--regexp-ignore-case".into(),
        ];
        args.extend(emails.iter().map(|e| format!("{filter}={e}")));
        if git(&repo.root, &args)?.is_some_and(|h| !h.is_empty()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The three most frequent author emails, to help with a wrong --author.
fn authors(repo: &Repository) -> anyhow::Result<Vec<String>> {
    let list = git(&repo.root, &["shortlog", "-sne", "HEAD"])?.unwrap_or_default();
    Ok(list
        .lines()
        .filter_map(|l| {
            let start = l.find('<')?;
            let end = l.rfind('>')?;
            Some(l[start + 1..end].to_owned())
        })
        .take(3)
        .collect())
}
