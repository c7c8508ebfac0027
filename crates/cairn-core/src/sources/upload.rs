//! One file of one source, read whole into what lands in a single transaction: the
//! activities (and, for a curated source imported with `accept`, the evidence they point
//! at). The command line reads files from disk and a team server takes them as uploads;
//! both come here, so a file imports the same way wherever it is brought in.
//!
//! A git history comes as `git log` prints it with [`super::git::LOG_FORMAT`] and
//! `--numstat`; the commits that credit the engineer's emails are theirs, the rest are left
//! out and counted.

use chrono::{Datelike, NaiveDate};

use super::entries::{Entry, competency_of};
use super::{SourceError, git, github, jira, jrnl, markdown, table};
use crate::activity::Activity;
use crate::closest::closest;
use crate::dates::Timestamp;
use crate::evidence::{Evidence, Source};
use crate::id::CompetencyId;
use crate::ladder::Ladder;
use crate::person::Person;

/// Which source a file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `git log` output (see the module's note).
    Git,
    /// GitHub's JSON as `gh` prints it.
    Github,
    /// Jira's CSV export.
    Jira,
    /// A spreadsheet of past work.
    Csv,
    /// A Markdown brag document.
    Markdown,
    /// A jrnl journal.
    Jrnl,
}

named_enum!(
    Kind,
    "kind",
    Git = "git",
    Github = "github",
    Jira = "jira",
    Csv = "csv",
    Markdown = "markdown",
    Jrnl = "jrnl"
);

impl Kind {
    /// One and several of what it imports, for the summary line.
    pub fn nouns(self) -> (&'static str, &'static str) {
        match self {
            Self::Git => ("commit", "commits"),
            Self::Github => ("GitHub item", "GitHub items"),
            Self::Jira => ("ticket", "tickets"),
            Self::Csv | Self::Markdown | Self::Jrnl => ("entry", "entries"),
        }
    }

    /// True for sources the engineer curated, whose entries may become evidence at once.
    pub fn curated(self) -> bool {
        matches!(self, Self::Csv | Self::Markdown | Self::Jrnl)
    }
}

/// What reading a file needs besides its text; each has a sensible empty default.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The engineer's GitHub login (default: their profile's).
    pub github_login: Option<String>,
    /// Who counts as the engineer: emails for git, names or emails for Jira's `Assignee`
    /// (default: the profile's emails, and for Jira also their name).
    pub me: Vec<String>,
    /// The repository a git log is from (default: "git").
    pub repository: Option<String>,
    /// Curated sources: add every entry as evidence at once.
    pub accept: bool,
    /// Curated sources: tags that mean a competency.
    pub tags: Vec<(String, CompetencyId)>,
    /// A spreadsheet's `field=Column` names.
    pub columns: Vec<(String, String)>,
}

/// What lands from one file.
#[derive(Debug, Clone, Default)]
pub struct Landing {
    /// The activities, new or already stored (the store skips those).
    pub activities: Vec<Activity>,
    /// Evidence the accepted activities point at.
    pub evidence: Vec<Evidence>,
    /// Entries read but left out: other people's work.
    pub ignored: u64,
}

/// One file to read.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    /// Its source.
    pub kind: Kind,
    /// Its text.
    pub text: &'a str,
    /// Where curated entries came from: the file's name without its extension.
    pub container: &'a str,
    /// What reading it needs besides.
    pub options: &'a Options,
}

/// Reads a file of `me`'s, for their `ladder`.
pub fn read(
    upload: &Upload<'_>,
    me: &Person,
    ladder: &Ladder,
    at: Timestamp,
    today: NaiveDate,
) -> Result<Landing, SourceError> {
    let Upload {
        kind,
        text,
        options,
        ..
    } = *upload;
    let whom: Vec<String> = if options.me.is_empty() {
        me.emails.iter().map(|e| e.to_lowercase()).collect()
    } else {
        options.me.iter().map(|e| e.trim().to_lowercase()).collect()
    };
    match kind {
        Kind::Git => {
            let mut landing = Landing::default();
            for record in git::records(text) {
                let commit = git::parse_record(record)
                    .map_err(|e| SourceError::new(None, e.field, e.message))?;
                if commit.credits(&whom) {
                    let repository = options.repository.as_deref().unwrap_or("git");
                    landing
                        .activities
                        .push(commit.activity(me.id, repository, None, at));
                } else {
                    landing.ignored += 1;
                }
            }
            Ok(landing)
        }
        Kind::Github => {
            let login = options.github_login.as_deref().or(me.github.as_deref());
            let mut activities = Vec::new();
            merge_github(&mut activities, github::read(text, login, me.id, at)?);
            Ok(Landing {
                activities,
                ..Landing::default()
            })
        }
        Kind::Jira => {
            let mut names = whom;
            if options.me.is_empty() {
                names.insert(0, me.name.clone());
            }
            let tickets = jira::read(text, &names, me.id, at)?;
            Ok(Landing {
                activities: tickets.activities,
                evidence: Vec::new(),
                ignored: tickets.others,
            })
        }
        Kind::Csv => {
            let entries = table::read(text, &options.columns, today)?;
            curated(&entries, Source::Csv, upload, me, ladder, at, today)
        }
        Kind::Markdown => {
            let entries = markdown::read(text, today.year())?;
            curated(&entries, Source::Markdown, upload, me, ladder, at, today)
        }
        Kind::Jrnl => {
            let entries = jrnl::read(text)?;
            curated(&entries, Source::Jrnl, upload, me, ladder, at, today)
        }
    }
}

/// Adds GitHub items to `into`, keeping one per pull request: the copy that knows its size
/// (a search page does not; `gh pr list --json additions,...` does).
pub fn merge_github(into: &mut Vec<Activity>, items: Vec<Activity>) {
    let mut seen: std::collections::HashMap<String, usize> = into
        .iter()
        .enumerate()
        .map(|(i, a)| (a.external_id.clone(), i))
        .collect();
    for a in items {
        match seen.get(&a.external_id) {
            Some(&i) if into[i].additions + into[i].deletions == 0 => into[i] = a,
            Some(_) => {}
            None => {
                seen.insert(a.external_id.clone(), into.len());
                into.push(a);
            }
        }
    }
}

/// Curated entries as activities, each checked first. A spreadsheet's skills column must
/// name competencies; free-text tags need not. Accepted entries carry the competencies
/// their own tags name and no guesses.
fn curated(
    entries: &[Entry],
    source: Source,
    upload: &Upload<'_>,
    me: &Person,
    ladder: &Ladder,
    at: Timestamp,
    today: NaiveDate,
) -> Result<Landing, SourceError> {
    let (options, container) = (upload.options, upload.container);
    let strict = source == Source::Csv;
    let mut landing = Landing::default();
    for entry in entries {
        let unknown = entry
            .tags
            .iter()
            .find(|t| competency_of(t, ladder, &options.tags).is_none());
        if strict && let Some(unknown) = unknown {
            let hint = closest(unknown, ladder.competencies.iter().map(|c| c.id.as_str()))
                .map(|c| format!("; did you mean '{c}'?"))
                .unwrap_or_default();
            return Err(SourceError::new(
                Some(entry.line),
                "skills",
                format!("'{unknown}' is not a competency of {}{hint}", ladder.name),
            ));
        }
        let competencies = entry.competencies(ladder, &options.tags);
        let accepted = if options.accept {
            let e = entry.evidence(me.id, ladder, source, competencies, at);
            e.validate(ladder, today)
                .map_err(|err| SourceError::new(Some(entry.line), err.field, err.message))?;
            Some(e)
        } else {
            None
        };
        landing
            .activities
            .push(entry.activity(me.id, source, container, accepted.as_ref(), at));
        landing.evidence.extend(accepted);
    }
    Ok(landing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{now, today};
    use crate::ladder::builtin;

    fn me() -> (Person, Ladder) {
        let ladder = builtin::find(builtin::DEFAULT_LADDER).unwrap();
        let person = Person {
            id: crate::id::PersonId::new(),
            name: "Ada".into(),
            emails: vec!["ada@work.example".into()],
            github: Some("ada-l".into()),
            ladder: ladder.reference(),
            level: "L2".parse().unwrap(),
            manager: None,
            created_at: now(),
            updated_at: now(),
        };
        (person, ladder)
    }

    fn log(email: &str, hash: char) -> String {
        let hash: String = std::iter::repeat_n(hash, 40).collect();
        format!(
            "\u{1e}{hash}\u{1f}2026-03-02T10:00:00+00:00\u{1f}Someone\u{1f}{email}\u{1f}Fix the cache\u{1f}\u{1f}\n3\t1\tsrc/cache.rs\n"
        )
    }

    #[test]
    fn a_git_log_keeps_the_engineers_commits_and_counts_the_rest() {
        let (me, ladder) = me();
        let text = log("ada@work.example", 'a') + &log("bo@work.example", 'b');
        let options = Options {
            repository: Some("acme/cache".into()),
            ..Options::default()
        };
        let upload = |text| Upload {
            kind: Kind::Git,
            text,
            container: "x",
            options: &options,
        };
        let l = read(&upload(&text), &me, &ladder, now(), today()).unwrap();
        assert_eq!((l.activities.len(), l.ignored), (1, 1));
        assert_eq!(l.activities[0].container, "acme/cache");
        assert_eq!(l.activities[0].additions, 3);
        let bad = read(&upload("\u{1e}nonsense"), &me, &ladder, now(), today());
        assert_eq!(bad.unwrap_err().field, "git log");
    }

    #[test]
    fn a_spreadsheet_must_name_competencies_and_accepted_entries_become_evidence() {
        let (me, ladder) = me();
        let csv = "date,title,skills\n2026-03-02,Ran the incident review,operations\n";
        let options = Options {
            accept: true,
            ..Options::default()
        };
        let upload = |text| Upload {
            kind: Kind::Csv,
            text,
            container: "brag",
            options: &options,
        };
        let l = read(&upload(csv), &me, &ladder, now(), today()).unwrap();
        assert_eq!((l.activities.len(), l.evidence.len()), (1, 1));
        assert_eq!(l.evidence[0].competencies[0].as_str(), "operations");
        let typo = csv.replace("operations", "operatons");
        let err = read(&upload(&typo), &me, &ladder, now(), today()).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (Some(2), "skills"));
        assert!(
            err.message.contains("did you mean 'operations'"),
            "{}",
            err.message
        );
    }

    #[test]
    fn the_same_pull_request_twice_keeps_the_copy_that_knows_its_size() {
        let (me, _) = me();
        let mut a = Activity::new(
            me.id,
            Source::Github,
            crate::activity::ActivityKind::PullRequest,
            now(),
        );
        a.external_id = "acme/x#1".into();
        let mut sized = a.clone();
        sized.additions = 10;
        let mut all = Vec::new();
        merge_github(&mut all, vec![a.clone(), sized]);
        merge_github(&mut all, vec![a]);
        assert_eq!((all.len(), all[0].additions), (1, 10));
    }
}
