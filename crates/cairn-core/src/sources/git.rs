//! Commits as `git log` prints them with [`LOG_FORMAT`], and their sizes as
//! `git diff-tree --stdin --always --numstat -r --root` prints them.
//!
//! Each commit starts with a record separator (0x1E) and its fields are split by a unit
//! separator (0x1F), which commit messages do not contain; `--numstat` lines, when asked
//! for, follow the last field. Names and emails are the ones `.mailmap` maps to, since
//! `%aN` and `%aE` respect it.

use std::collections::HashMap;

use crate::Invalid;
use crate::activity::{Activity, ActivityKind};
use crate::dates::Timestamp;
use crate::evidence::Source;
use crate::id::PersonId;

/// The `--format` argument the reader expects.
pub const LOG_FORMAT: &str = "--format=%x1e%H%x1f%aI%x1f%aN%x1f%aE%x1f%s%x1f%b%x1f";

/// One commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full commit id.
    pub hash: String,
    /// When it was authored.
    pub at: Timestamp,
    /// The author's name.
    pub name: String,
    /// The author's email, in lower case.
    pub email: String,
    /// The subject line.
    pub subject: String,
    /// The rest of the message without credit trailers, trimmed and cut to a few thousand
    /// characters.
    pub body: String,
    /// Emails credited by `Co-authored-by:` trailers, in lower case.
    pub co_authors: Vec<String>,
    /// Files changed.
    pub files: u32,
    /// Lines added (binary files count none).
    pub additions: u32,
    /// Lines deleted.
    pub deletions: u32,
}

impl Commit {
    /// True when `emails` (lower case) include the author or a co-author.
    pub fn credits(&self, emails: &[String]) -> bool {
        emails.contains(&self.email) || self.co_authors.iter().any(|c| emails.contains(c))
    }

    /// The commit as `owner`'s inbox activity from the repository `container`, linked to
    /// `web` (the repository's web address) when it has one, fitted to the record's limits.
    pub fn activity(
        self,
        owner: PersonId,
        container: &str,
        web: Option<&str>,
        at: Timestamp,
    ) -> Activity {
        let mut a = Activity::new(owner, Source::Git, ActivityKind::Commit, at);
        a.url = web.map(|web| format!("{web}/commit/{}", self.hash));
        a.external_id = self.hash;
        a.title = if self.subject.trim().is_empty() {
            "(no subject)".to_owned()
        } else {
            self.subject
        };
        a.body = self.body;
        a.container = container.to_owned();
        a.files = self.files;
        a.additions = self.additions;
        a.deletions = self.deletions;
        a.occurred_at = self.at;
        a.grouped()
    }
}

/// Splits `git log` output into its commit records (the text between separators).
pub fn records(output: &str) -> impl Iterator<Item = &str> {
    output.split('\u{1e}').filter(|r| !r.trim().is_empty())
}

/// Reads one commit record.
pub fn parse_record(record: &str) -> Result<Commit, Invalid> {
    let fields: Vec<&str> = record.split('\u{1f}').collect();
    let [hash, at, name, email, subject, body, numstat] = fields.as_slice() else {
        return Err(Invalid::new(
            "git log",
            format!(
                "a commit record has {} fields where 7 were expected",
                fields.len()
            ),
        ));
    };
    let hash = hash.trim();
    if hash.len() < 40 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Invalid::new(
            "git log",
            format!("'{hash}' is not a commit id"),
        ));
    }
    let at = chrono::DateTime::parse_from_rfc3339(at)
        .map_err(|e| Invalid::new("git log", format!("commit {hash}: date '{at}': {e}")))?
        .to_utc();
    let (files, additions, deletions) = numstat_totals(numstat);
    let message: Vec<&str> = body.lines().filter(|l| !is_trailer(l)).collect();
    let kept = super::body(&message.join("\n"));
    Ok(Commit {
        hash: hash.to_owned(),
        at,
        name: (*name).to_owned(),
        email: email.to_lowercase(),
        subject: (*subject).to_owned(),
        co_authors: co_authors(body),
        body: kept,
        files,
        additions,
        deletions,
    })
}

/// True for a trailer line crediting someone (`Signed-off-by: Name <email>`): it says who,
/// not what, so it stays out of the body.
fn is_trailer(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, value)| {
        !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            && value.contains('<')
            && value.contains('@')
            && value.trim_end().ends_with('>')
    })
}

/// The emails of `Co-authored-by: Name <email>` trailers (the key in any case).
fn co_authors(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            if !key.trim().eq_ignore_ascii_case("co-authored-by") {
                return None;
            }
            let start = value.find('<')?;
            let end = value[start..].find('>')? + start;
            Some(value[start + 1..end].trim().to_lowercase())
        })
        .filter(|e| !e.is_empty())
        .collect()
}

/// Files, lines added and lines deleted from `--numstat` lines (`-` for binary files).
fn numstat_totals(text: &str) -> (u32, u32, u32) {
    let mut totals = (0u32, 0u32, 0u32);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(3, '\t');
        let (Some(added), Some(deleted), Some(_path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        totals.0 = totals.0.saturating_add(1);
        totals.1 = totals.1.saturating_add(added.parse().unwrap_or(0));
        totals.2 = totals.2.saturating_add(deleted.parse().unwrap_or(0));
    }
    totals
}

/// Files, lines added and lines deleted per commit, from `git diff-tree --stdin --always
/// --numstat -r --root` output: a line holding a commit id, then that commit's `--numstat`
/// lines.
pub fn diff_tree_totals(output: &str) -> HashMap<String, (u32, u32, u32)> {
    let mut totals: HashMap<String, (u32, u32, u32)> = HashMap::new();
    let mut current: Option<String> = None;
    let mut lines = String::new();
    let mut flush = |hash: Option<String>, lines: &str| {
        if let Some(h) = hash {
            totals.insert(h, numstat_totals(lines));
        }
    };
    for line in output.lines() {
        let id = line.trim();
        if id.len() == 40 && id.chars().all(|c| c.is_ascii_hexdigit()) {
            flush(current.take(), &lines);
            lines.clear();
            current = Some(id.to_owned());
        } else {
            lines.push_str(line);
            lines.push('\n');
        }
    }
    flush(current, &lines);
    totals
}

/// The `owner/name` a remote URL points at (`git@host:o/n.git`, `https://host/o/n`), with
/// the web address of its commits when the host is GitHub or GitLab.
pub fn remote_repository(url: &str) -> Option<(String, Option<String>)> {
    let url = url.trim();
    let (host, path) = if let Some(rest) = url.split_once("://").map(|(_, r)| r) {
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        rest.split_once('/')?
    } else {
        let rest = url.rsplit_once('@').map_or(url, |(_, r)| r);
        rest.split_once(':')?
    };
    let host = host.split(':').next().unwrap_or(host);
    let path = path.trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    if path.is_empty() || !path.contains('/') {
        return None;
    }
    let web = matches!(host, "github.com" | "gitlab.com").then(|| format!("https://{host}/{path}"));
    Some((path.to_owned(), web))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "3f2a9c1e3f2a9c1e3f2a9c1e3f2a9c1e3f2a9c1e";

    #[test]
    fn reads_a_record_with_numstat_and_trailers() {
        let record = format!(
            "{HASH}\u{1f}2026-03-02T10:15:00+01:00\u{1f}Ada\u{1f}Ada@Work.example\u{1f}\
             fix(billing): round once\u{1f}Totals drifted.\n\nCo-authored-by: Bob <BOB@x.example>\n\
             co-authored-by: broken\n\u{1f}\n\n12\t3\tsrc/a.rs\n-\t-\tlogo.png\n0\t9\tsrc/b.rs\n"
        );
        let c = parse_record(&record).unwrap();
        assert_eq!(c.email, "ada@work.example");
        assert_eq!(c.at.to_rfc3339(), "2026-03-02T09:15:00+00:00");
        assert_eq!(c.co_authors, ["bob@x.example"]);
        assert_eq!((c.files, c.additions, c.deletions), (3, 12, 12));
        assert_eq!(c.body, "Totals drifted.\n\nco-authored-by: broken");
        assert!(c.credits(&["bob@x.example".into()]));
        assert!(!c.credits(&["carol@x.example".into()]));
    }

    #[test]
    fn damaged_records_are_named() {
        assert!(
            parse_record("abc\u{1f}x")
                .unwrap_err()
                .message
                .contains("7")
        );
        let bad_date = format!("{HASH}\u{1f}yesterday\u{1f}A\u{1f}a@x\u{1f}s\u{1f}\u{1f}");
        assert!(
            parse_record(&bad_date)
                .unwrap_err()
                .message
                .contains("yesterday")
        );
    }

    #[test]
    fn diff_tree_output_gives_each_commits_size() {
        let other = "b".repeat(40);
        let out = format!("{HASH}\n12\t3\tsrc/a.rs\n-\t-\tlogo.png\n{other}\n");
        let totals = diff_tree_totals(&out);
        assert_eq!(totals[HASH], (2, 12, 3));
        assert_eq!(totals[&other], (0, 0, 0), "an empty commit still has a row");
    }

    #[test]
    fn remotes_name_their_repository() {
        let gh = Some((
            "acme/billing".to_owned(),
            Some("https://github.com/acme/billing".to_owned()),
        ));
        assert_eq!(remote_repository("git@github.com:acme/billing.git"), gh);
        assert_eq!(remote_repository("https://github.com/acme/billing"), gh);
        assert_eq!(
            remote_repository("ssh://git@git.corp:2222/team/app.git"),
            Some(("team/app".to_owned(), None))
        );
        assert_eq!(remote_repository("/srv/git/app"), None);
    }
}
