//! What every activity import ends with: one transaction into the store, or one upload to
//! a team server (`--remote`), and one summary.

use std::io::Write;
use std::path::Path;

use cairn_core::activity::Activity;
use cairn_core::dates::{now, today};
use cairn_core::evidence::Evidence;
use cairn_core::sources::upload::{self, Kind, Options, Upload};
use cairn_core::text::count;
use serde::{Deserialize, Serialize};

use super::files::{problem, read_text};
use crate::cli::Globals;
use crate::commands::evidence_flags;
use crate::failure::BadInput;
use crate::output;
use crate::profile::Profile;
use crate::remote::{Client, query_value};

/// The summary of an import, as `--json` prints it (and a team server answers it).
#[derive(Debug, Serialize, Deserialize)]
pub struct Summary {
    /// Activities not stored before.
    pub imported: u64,
    /// Activities already stored, left as they were.
    pub skipped: u64,
    /// Inbox groups the new activities fall into.
    pub groups: u64,
    /// Evidence added at once (imports with `--accept`).
    pub accepted: u64,
    /// Entries read but left out: other people's work, merges.
    pub ignored: u64,
}

/// What an import of files needs besides the files: the options, and `TAG=COMPETENCY`
/// pairs as typed (resolved against the ladder of wherever the files land).
pub struct Request<'a> {
    /// The source.
    pub kind: Kind,
    /// The reading options (tags left empty: see `tags`).
    pub options: Options,
    /// `--tag` values as typed.
    pub tags: &'a [String],
    /// `--remote NAME`, to import into a team server instead of the local store.
    pub remote: Option<&'a str>,
}

/// Imports each file: into the local store in one transaction for all of them, or, with a
/// remote, uploaded to it one file at a time (the server reads them with the same readers).
pub async fn import_files(
    request: Request<'_>,
    paths: &[&Path],
    globals: &Globals,
) -> anyhow::Result<()> {
    if request.remote.is_some() {
        // GitHub files go up as one: the server then keeps, of a pull request in two
        // files, the copy that knows its size, as a local import does.
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for path in paths {
            let bytes = std::fs::read(path)
                .map_err(|e| BadInput(format!("cannot read {}: {e}", path.display())))?;
            let shown = path.display().to_string();
            match files.last_mut() {
                Some((names, all)) if request.kind == Kind::Github => {
                    names.push_str(", ");
                    names.push_str(&shown);
                    all.push(b'\n');
                    all.extend(bytes);
                }
                _ => files.push((shown, bytes)),
            }
        }
        return upload(&request, files, globals).await;
    }
    let profile = Profile::load(globals).await?;
    let mut options = request.options;
    options.tags = tag_pairs(request.tags, &profile.ladder)?;
    let (at, today) = (now(), today());
    let mut activities = Vec::new();
    let mut evidence = Vec::new();
    let mut ignored = 0;
    for path in paths {
        let text = read_text(path)?;
        let container = path.file_stem().map_or_else(
            || request.kind.to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let file = Upload {
            kind: request.kind,
            text: &text,
            container: &container,
            options: &options,
        };
        let landing = upload::read(&file, &profile.me, &profile.ladder, at, today)
            .map_err(|e| problem(path, &e))?;
        if request.kind == Kind::Github {
            upload::merge_github(&mut activities, landing.activities);
        } else {
            activities.extend(landing.activities);
        }
        evidence.extend(landing.evidence);
        ignored += landing.ignored;
    }
    land(
        &profile,
        request.kind.nouns(),
        &activities,
        &evidence,
        ignored,
        globals,
    )
    .await
}

/// `TAG=COMPETENCY` pairs against `ladder`.
fn tag_pairs(
    tags: &[String],
    ladder: &cairn_core::ladder::Ladder,
) -> anyhow::Result<Vec<(String, cairn_core::id::CompetencyId)>> {
    let mut map = Vec::new();
    for t in tags {
        let (tag, id) = pair(t, "--tag", "TAG=COMPETENCY")?;
        let id = evidence_flags::skills(ladder, &[id])
            .map_err(|e| BadInput(format!("--tag {t}: {}", e.message)))?;
        map.extend(id.into_iter().map(|id| (tag.clone(), id)));
    }
    Ok(map)
}

/// A `NAME=VALUE` flag value.
pub fn pair(text: &str, flag: &str, shape: &str) -> Result<(String, String), BadInput> {
    text.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| BadInput(format!("{flag} '{text}': expected {shape}")))
}

/// Uploads files (name shown, bytes) to the request's remote, one import each, and prints
/// one summary for them all.
pub async fn upload(
    request: &Request<'_>,
    files: Vec<(String, Vec<u8>)>,
    globals: &Globals,
) -> anyhow::Result<()> {
    let name = request.remote.unwrap_or_default();
    let client = Client::connect(name)?;
    let o = &request.options;
    let mut query = Vec::new();
    let mut add = |key: &str, value: &str| query.push(format!("{key}={}", query_value(value)));
    if let Some(l) = &o.github_login {
        add("login", l);
    }
    if let Some(r) = &o.repository {
        add("repository", r);
    }
    if !o.me.is_empty() {
        add("me", &o.me.join(","));
    }
    if o.accept {
        add("accept", "true");
    }
    if !request.tags.is_empty() {
        add("tags", &request.tags.join(","));
    }
    if !o.columns.is_empty() {
        let columns: Vec<String> = o.columns.iter().map(|(f, c)| format!("{f}={c}")).collect();
        add("columns", &columns.join(","));
    }
    let mut total = Summary {
        imported: 0,
        skipped: 0,
        groups: 0,
        accepted: 0,
        ignored: 0,
    };
    for (shown, bytes) in files {
        let mut q = query.clone();
        q.push(format!("name={}", query_value(&shown)));
        let answer = client
            .upload(&format!("/imports/{}?{}", request.kind, q.join("&")), bytes)
            .await?;
        let done: Summary = serde_json::from_value(answer)?;
        total.imported += done.imported;
        total.skipped += done.skipped;
        total.groups += done.groups;
        total.accepted += done.accepted;
        total.ignored += done.ignored;
    }
    report(&total, request.kind.nouns(), 0, Some(name), globals)
}

/// Stores `activities` (and, for `--accept`, the `evidence` they point at) in one
/// transaction and prints the summary line, or the object with `--json`. `what` names one
/// and several of what was imported.
pub async fn land(
    profile: &Profile,
    what: (&str, &str),
    activities: &[Activity],
    evidence: &[Evidence],
    ignored: u64,
    globals: &Globals,
) -> anyhow::Result<()> {
    let done = profile.store.add_activities(activities, evidence).await?;
    let summary = Summary {
        imported: done.imported,
        skipped: done.skipped,
        groups: if evidence.is_empty() { done.groups } else { 0 },
        accepted: done.accepted,
        ignored,
    };
    let untagged = evidence
        .iter()
        .filter(|e| e.competencies.is_empty())
        .count();
    report(&summary, what, untagged, None, globals)
}

/// Prints an import's summary: the object with `--json`, a line on stderr always.
fn report(
    summary: &Summary,
    what: (&str, &str),
    untagged: usize,
    remote: Option<&str>,
    globals: &Globals,
) -> anyhow::Result<()> {
    if globals.json {
        let mut out = std::io::stdout().lock();
        output::json(&mut out, summary)?;
        out.flush()?;
    }
    let noun = if summary.imported == 1 {
        what.0
    } else {
        what.1
    };
    let into = remote.map(|r| format!(" into {r}")).unwrap_or_default();
    let mut line = format!(
        "Imported {} new {noun}{into} ({} already there",
        summary.imported, summary.skipped
    );
    if summary.ignored > 0 {
        line.push_str(&format!(", {} left out", summary.ignored));
    }
    line.push(')');
    let inbox = match remote {
        Some(r) => format!("its inbox page on {r}"),
        None => "`cairn inbox`".to_owned(),
    };
    if summary.accepted > 0 {
        line.push_str(&format!(": {} added as evidence.", summary.accepted));
        if untagged > 0 {
            let verb = if untagged == 1 { "has" } else { "have" };
            line.push_str(&format!(
                " {untagged} {verb} no competency yet; `cairn suggest` helps tag them."
            ));
        }
    } else if summary.groups > 0 {
        line.push_str(&format!(
            " in {}; review them with {inbox}.",
            count(summary.groups, "inbox group", "inbox groups")
        ));
    } else {
        line.push('.');
    }
    eprintln!("{line}");
    Ok(())
}
