//! Files brought in through the server: the same readers as the command line's imports
//! (`cairn_core::sources::upload`), one transaction, and problems named by file, line and
//! field. What lands is the uploader's own inbox (or, for a curated source with `accept`,
//! their evidence): no route shows another person's activities.

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::sources::upload::{self, Kind, Options, Upload};
use serde::{Deserialize, Serialize};

use crate::{AppError, AppState, Viewer};

/// The largest file a server takes: a year of a busy engineer's GitHub JSON is a few
/// megabytes.
pub const MAX_FILE: usize = 32 * 1024 * 1024;

/// What to read a file with, as a query or a form gives it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The file's name, for messages and as curated entries' container.
    #[serde(default)]
    pub name: Option<String>,
    /// GitHub: your login (default: your profile's).
    #[serde(default)]
    pub login: Option<String>,
    /// Git: the repository the log is from.
    #[serde(default)]
    pub repository: Option<String>,
    /// Who counts as you, comma-separated: git emails, Jira assignee names.
    #[serde(default)]
    pub me: Option<String>,
    /// Curated sources: `true` to add every entry as evidence at once.
    #[serde(default)]
    pub accept: Option<String>,
    /// Curated sources: `TAG=COMPETENCY` pairs, comma-separated.
    #[serde(default)]
    pub tags: Option<String>,
    /// A spreadsheet's `FIELD=COLUMN` pairs, comma-separated.
    #[serde(default)]
    pub columns: Option<String>,
}

/// What an import did.
#[derive(Debug, Serialize)]
pub struct Imported {
    /// Which source.
    pub kind: String,
    /// Activities not stored before.
    pub imported: u64,
    /// Activities already stored, left as they were.
    pub skipped: u64,
    /// Inbox groups the new activities fall into.
    pub groups: u64,
    /// Evidence added at once.
    pub accepted: u64,
    /// Entries read but left out: other people's work.
    pub ignored: u64,
}

fn pairs(field: &str, text: Option<&str>) -> Result<Vec<(String, String)>, Invalid> {
    text.unwrap_or_default()
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.split_once('=')
                .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
                .filter(|(a, b)| !a.is_empty() && !b.is_empty())
                .ok_or_else(|| Invalid::new(field, format!("'{p}' is not NAME=VALUE")))
        })
        .collect()
}

/// Reads `bytes` as a file of `kind` and stores what it holds for the viewer, in one
/// transaction.
pub async fn import(
    state: &AppState,
    viewer: &Viewer,
    kind: &str,
    params: &Params,
    bytes: &[u8],
) -> Result<Imported, AppError> {
    let kind: Kind = kind.parse()?;
    let name = params
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("the {kind} file"));
    let text = cairn_core::text::decode(bytes).map_err(|e| {
        let at =
            e.at.map(|(l, c)| format!("{name}:{l}:{c}"))
                .unwrap_or(name.clone());
        Invalid::new(at, e.message)
    })?;
    let (me, ladder) = state.profile(viewer.person).await?;
    let tags = pairs("tags", params.tags.as_deref())?
        .into_iter()
        .map(|(tag, id)| Ok((tag, ladder.find_competency("tags", &id)?)))
        .collect::<Result<Vec<_>, Invalid>>()?;
    let options = Options {
        github_login: params.login.clone().filter(|l| !l.trim().is_empty()),
        me: params
            .me
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_owned)
            .collect(),
        repository: params.repository.clone().filter(|r| !r.trim().is_empty()),
        accept: params
            .accept
            .as_deref()
            .is_some_and(|a| matches!(a, "true" | "on" | "1")),
        tags,
        columns: pairs("columns", params.columns.as_deref())?,
    };
    let container = std::path::Path::new(&name)
        .file_stem()
        .map_or_else(|| kind.to_string(), |s| s.to_string_lossy().into_owned());
    let file = Upload {
        kind,
        text,
        container: &container,
        options: &options,
    };
    let landing = upload::read(&file, &me, &ladder, now(), state.today()).map_err(|e| {
        let at = match e.line {
            Some(line) => format!("{name}:{line}"),
            None => name.clone(),
        };
        let field = if e.field.is_empty() {
            String::new()
        } else {
            format!("{}: ", e.field)
        };
        Invalid::new(at, format!("{field}{}", e.message))
    })?;
    let done = state
        .store
        .add_activities(&landing.activities, &landing.evidence)
        .await?;
    Ok(Imported {
        kind: kind.to_string(),
        imported: done.imported,
        skipped: done.skipped,
        groups: if landing.evidence.is_empty() {
            done.groups
        } else {
            0
        },
        accepted: done.accepted,
        ignored: landing.ignored,
    })
}
