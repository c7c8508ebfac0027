//! GitHub's JSON, as `gh` prints it: search API pages (`gh api search/issues?q=...`, one
//! page, several concatenated by `--paginate`, or wrapped in one array by `--slurp`), REST lists of pull requests or issues,
//! and `gh pr list --json ...` / `gh issue list --json ...` arrays.
//!
//! What an item means follows from who wrote it: a pull request by the engineer is theirs;
//! one by someone else that appears in their export (a `reviewed-by:` search) is a review;
//! an issue is an issue whoever opened it (assigned to them, or theirs).

use chrono::DateTime;
use serde_json::{Deserializer, Map, Value};

use super::{SourceError, body};
use crate::activity::{Activity, ActivityKind};
use crate::dates::Timestamp;
use crate::evidence::Source;
use crate::id::PersonId;

/// Reads every item of a GitHub export, in file order. `login` is the engineer's GitHub
/// login; it is needed only when items name their authors.
pub fn read(
    text: &str,
    login: Option<&str>,
    owner: PersonId,
    at: Timestamp,
) -> Result<Vec<Activity>, SourceError> {
    let mut activities = Vec::new();
    let mut values = Deserializer::from_str(text).into_iter::<Value>();
    let mut pages = 0;
    loop {
        let start = values.byte_offset();
        let Some(value) = values.next() else { break };
        let line = line_of(text, start);
        let value = value.map_err(|e| {
            SourceError::new(Some(e.line()), "", format!("not valid JSON: {}", strip(&e)))
        })?;
        // `gh api --paginate --slurp` wraps the pages in one array: read each as a page.
        let slurped = match &value {
            Value::Array(all)
                if all.iter().all(|v| v.is_array() || v.get("items").is_some())
                    && !all.is_empty() =>
            {
                all.clone()
            }
            other => vec![other.clone()],
        };
        for page in &slurped {
            pages += 1;
            let items = match page {
                Value::Array(items) => items,
                Value::Object(page) => match page.get("items") {
                    Some(Value::Array(items)) => items,
                    _ => return Err(not_github(line)),
                },
                _ => return Err(not_github(line)),
            };
            for (i, item) in items.iter().enumerate() {
                let field = format!("page {pages}, item {}", i + 1);
                let Value::Object(item) = item else {
                    return Err(SourceError::new(Some(line), field, "is not an object"));
                };
                activities.push(
                    activity(item, login, owner, at)
                        .map_err(|m| SourceError::new(Some(line), field, m))?,
                );
            }
        }
    }
    if pages == 0 {
        return Err(SourceError::new(None, "", "the file is empty"));
    }
    Ok(activities)
}

fn not_github(line: usize) -> SourceError {
    SourceError::new(
        Some(line),
        "",
        "not GitHub's JSON: expected a search page ({\"items\": [...]}) or a list ([...]) \
         as `gh api` or `gh pr list --json` print them",
    )
}

fn line_of(text: &str, offset: usize) -> usize {
    let before = &text[..offset.min(text.len())];
    // The value starts after any whitespace that follows the offset.
    let skipped = text[before.len()..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .filter(|c| *c == '\n')
        .count();
    before.matches('\n').count() + skipped + 1
}

fn strip(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rfind(" at line ")
        .map_or(text.clone(), |at| text[..at].to_owned())
}

/// One item in either shape: REST (`html_url`, `user`, `created_at`) or `gh --json`
/// (`url`, `author`, `createdAt`).
fn activity(
    item: &Map<String, Value>,
    login: Option<&str>,
    owner: PersonId,
    at: Timestamp,
) -> Result<Activity, String> {
    let rest = item.contains_key("html_url");
    let text = |name: &str| item.get(name).and_then(Value::as_str);
    let url_field = if rest { "html_url" } else { "url" };
    let url = text(url_field).ok_or_else(|| missing(url_field))?;
    let (repository, number, is_pull) = parse_url(url).ok_or_else(|| {
        format!("`{url_field}` '{url}' is not a GitHub pull request or issue address")
    })?;
    let title = text("title").ok_or_else(|| missing("title"))?;
    let (author_field, created, merged, closed) = if rest {
        ("user", "created_at", "merged_at", "closed_at")
    } else {
        ("author", "createdAt", "mergedAt", "closedAt")
    };
    let author = item
        .get(author_field)
        .and_then(|a| a.get("login"))
        .and_then(Value::as_str);
    let time = |name: &str| -> Result<Option<Timestamp>, String> {
        let value = item
            .get(name)
            .or_else(|| item.get("pull_request").and_then(|p| p.get(name)));
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .map(|t| Some(t.to_utc()))
                .map_err(|e| format!("`{name}` '{s}': {e}")),
            Some(other) => Err(format!("`{name}` is {other}, not a date")),
        }
    };
    let created_at = time(created)?.ok_or_else(|| missing(created))?;
    let is_pull = is_pull || item.contains_key("pull_request");
    let mine = match (author, login) {
        (None, _) => true,
        (Some(a), Some(me)) => a.eq_ignore_ascii_case(me),
        (Some(_), None) => {
            return Err(
                "names its author, and your GitHub login is not known: pass --login LOGIN \
                 (or give it once with `cairn init --github LOGIN`)"
                    .into(),
            );
        }
    };
    let kind = match (is_pull, mine) {
        (true, true) => ActivityKind::PullRequest,
        (true, false) => ActivityKind::Review,
        (false, _) => ActivityKind::Issue,
    };
    let mut a = Activity::new(owner, Source::Github, kind, at);
    a.occurred_at = match kind {
        ActivityKind::PullRequest => time(merged)?.or(time(closed)?).unwrap_or(created_at),
        _ => time(closed)?.unwrap_or(created_at),
    };
    a.external_id = format!(
        "https://github.com/{repository}/{}/{number}",
        if is_pull { "pull" } else { "issues" }
    );
    a.url = Some(a.external_id.clone());
    a.title = if title.trim().is_empty() {
        format!("#{number}")
    } else {
        title.trim().to_owned()
    };
    a.body = body(text("body").unwrap_or_default());
    a.container = repository;
    let count = |name: &str| {
        item.get(name)
            .and_then(Value::as_u64)
            .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX))
    };
    if kind == ActivityKind::PullRequest {
        a.additions = count("additions");
        a.deletions = count("deletions");
        a.files = count(if rest {
            "changed_files"
        } else {
            "changedFiles"
        });
    }
    Ok(a.grouped())
}

fn missing(field: &str) -> String {
    format!("`{field}` is missing")
}

/// `owner/name`, the number, and whether it is a pull request, from a web or API address:
/// `https://github.com/o/n/pull/12`, `.../issues/3`, `https://api.github.com/repos/o/n/pulls/12`.
fn parse_url(url: &str) -> Option<(String, u64, bool)> {
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("https://api.github.com/repos/"))?;
    let parts: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let [owner, name, kind, number, ..] = parts.as_slice() else {
        return None;
    };
    let is_pull = match *kind {
        "pull" | "pulls" => true,
        "issues" => false,
        _ => return None,
    };
    Some((format!("{owner}/{name}"), number.parse().ok()?, is_pull))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    fn read_as(text: &str, login: Option<&str>) -> Result<Vec<Activity>, SourceError> {
        read(text, login, PersonId::new(), now())
    }

    const SEARCH_PAGE: &str = r#"{"total_count": 2, "incomplete_results": false, "items": [
      {"url": "https://api.github.com/repos/acme/billing/issues/12",
       "repository_url": "https://api.github.com/repos/acme/billing",
       "html_url": "https://github.com/acme/billing/pull/12", "number": 12,
       "title": "Round invoice totals once", "user": {"login": "ada-l"},
       "state": "closed", "created_at": "2026-03-01T09:00:00Z",
       "closed_at": "2026-03-03T09:00:00Z", "body": null,
       "pull_request": {"url": "https://api.github.com/repos/acme/billing/pulls/12",
                        "merged_at": "2026-03-02T17:00:00Z"}},
      {"url": "https://api.github.com/repos/acme/web/issues/40",
       "repository_url": "https://api.github.com/repos/acme/web",
       "html_url": "https://github.com/acme/web/pull/40", "number": 40,
       "title": "Cache the ladder", "user": {"login": "bob"},
       "state": "open", "created_at": "2026-03-05T09:00:00Z", "closed_at": null,
       "body": "Reviewed by Ada", "pull_request": {"merged_at": null}}]}"#;

    #[test]
    fn search_pages_tell_authored_from_reviewed() {
        let two_pages = format!("{SEARCH_PAGE}\n{}", SEARCH_PAGE.replace("/12", "/13"));
        let list = read_as(&two_pages, Some("Ada-L")).unwrap();
        assert_eq!(list.len(), 4);
        let own = &list[0];
        assert_eq!(own.kind, ActivityKind::PullRequest);
        assert_eq!(own.occurred_at.to_rfc3339(), "2026-03-02T17:00:00+00:00");
        assert_eq!(own.group, "acme/billing#12");
        assert_eq!(own.external_id, "https://github.com/acme/billing/pull/12");
        assert_eq!(list[1].kind, ActivityKind::Review);
        assert_eq!(list[1].container, "acme/web");
        assert_eq!(list[2].group, "acme/billing#13");
        let slurped = format!("[{SEARCH_PAGE}, {}]", SEARCH_PAGE.replace("/12", "/13"));
        let same = |l: &[Activity]| -> Vec<(String, ActivityKind)> {
            l.iter().map(|a| (a.external_id.clone(), a.kind)).collect()
        };
        assert_eq!(
            same(&read_as(&slurped, Some("ada-l")).unwrap()),
            same(&list)
        );
    }

    #[test]
    fn gh_lists_read_with_their_sizes() {
        let text = r#"[{"number": 7, "title": "PAY-9 refunds", "body": "Adds retries",
            "url": "https://github.com/acme/pay/pull/7", "mergedAt": "2026-04-02T10:00:00Z",
            "createdAt": "2026-04-01T10:00:00Z", "additions": 120, "deletions": 8,
            "changedFiles": 4, "state": "MERGED"}]"#;
        let list = read_as(text, None).unwrap();
        assert_eq!(list[0].kind, ActivityKind::PullRequest);
        assert_eq!(
            (list[0].files, list[0].additions, list[0].deletions),
            (4, 120, 8)
        );
        assert_eq!(list[0].group, "PAY-9");
    }

    #[test]
    fn other_json_is_refused_with_the_place() {
        let err = read_as("\n\n{\"login\": \"x\"}", None).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("not GitHub's JSON"), "{err}");
        let err = read_as(SEARCH_PAGE, None).unwrap_err();
        assert!(err.message.contains("--login"), "{err}");
        assert_eq!(err.field, "page 1, item 1");
        let bad = SEARCH_PAGE.replace("\"2026-03-05T09:00:00Z\"", "\"last tuesday\"");
        let err = read_as(&bad, Some("ada-l")).unwrap_err();
        assert_eq!(err.field, "page 1, item 2");
        assert!(err.message.contains("created_at"), "{err}");
        let err = read_as("[{\"title\": \"x\"}]", None).unwrap_err();
        assert!(err.message.contains("`url` is missing"), "{err}");
        assert!(
            read_as("{\"items\": [", None)
                .unwrap_err()
                .message
                .contains("not valid JSON")
        );
        assert!(read_as("  ", None).is_err());
    }
}
