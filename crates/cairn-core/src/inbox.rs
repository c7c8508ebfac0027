//! The inbox: imported activities gathered into candidate evidence.
//!
//! Each activity gets a group key when it is imported, from the strongest sign of what
//! piece of work it belongs to: a ticket key such as `ABC-123` anywhere in its title or
//! body, else its pull request or issue (`owner/repo#12`), else its conventional-commit scope within
//! its repository and ISO week, else just its repository and week. Entries from curated
//! sources (journals, brag documents) are each their own group. Nothing becomes evidence
//! until the engineer accepts a group.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::Visibility;
use crate::activity::{Activity, ActivityKind};
use crate::dates::Timestamp;
use crate::evidence::{Evidence, LevelSignal, Source};
use crate::id::{CompetencyId, EvidenceId, LevelId, PersonId};
use crate::ladder::{Ladder, LadderRef};
use crate::suggest::{Suggester, Suggestion, level_hint};

/// Upper-case words that look like ticket keys but name standards (`UTF-8`, `SHA-256`).
const NOT_PROJECTS: &[&str] = &[
    "AES", "CVE", "GPT", "HTTP", "ISO", "MD", "PEP", "RFC", "RSA", "SHA", "TLS", "UTF", "WCAG",
];

/// The group an activity belongs to (see the module documentation).
pub fn group_key(a: &Activity) -> String {
    if matches!(a.kind, ActivityKind::Note) {
        return format!("{}:{}", a.source, short(&a.external_id));
    }
    if a.kind == ActivityKind::Ticket {
        return a.external_id.clone();
    }
    if let Some(key) = ticket_key(&a.title).or_else(|| ticket_key(&a.body)) {
        return key;
    }
    if let Some(number) = pull_number(a) {
        return format!("{}#{number}", a.container);
    }
    let week = a.occurred_at.date_naive().iso_week();
    let week = format!("{}-W{:02}", week.year(), week.week());
    match conventional_scope(&a.title) {
        Some(scope) => format!("{}:{scope}@{week}", a.container),
        None => format!("{}@{week}", a.container),
    }
}

/// The last eight characters of an id: enough to tell entries apart in a list.
fn short(id: &str) -> &str {
    let start = id.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    &id[start..]
}

/// The first ticket key in `text`: a project key of two to ten capitals and digits starting
/// with a capital, a hyphen and a number, standing alone (not `CVE-2024-1234`, not `v1-2`).
pub fn ticket_key(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let boundary = |i: usize| i >= bytes.len() || !(bytes[i].is_ascii_alphanumeric());
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-');
        if starts_word && bytes[i].is_ascii_uppercase() {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_uppercase() || bytes[j].is_ascii_digit()) {
                j += 1;
            }
            let project = &text[i..j];
            if (2..=10).contains(&project.len())
                && !NOT_PROJECTS.contains(&project)
                && bytes.get(j) == Some(&b'-')
            {
                let mut k = j + 1;
                while k < bytes.len() && bytes[k].is_ascii_digit() {
                    k += 1;
                }
                let digits = k - j - 1;
                let version =
                    bytes.get(k) == Some(&b'.') && bytes.get(k + 1).is_some_and(u8::is_ascii_digit);
                let ends = boundary(k) && bytes.get(k) != Some(&b'-') && !version;
                if (1..=7).contains(&digits) && ends {
                    return Some(text[i..k].to_owned());
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The pull request or issue an activity is or belongs to: its own number (the end of its
/// URL), or the `(#12)` GitHub adds to squash-merged commit subjects.
fn pull_number(a: &Activity) -> Option<u64> {
    match a.kind {
        ActivityKind::PullRequest | ActivityKind::Review | ActivityKind::Issue => {
            let url = a.url.as_deref().unwrap_or(&a.external_id);
            url.rsplit('/').next()?.parse().ok()
        }
        _ => {
            let subject = a.title.trim_end();
            let inner = subject.strip_suffix(')')?;
            let at = inner.rfind("(#")?;
            inner[at + 2..].parse().ok()
        }
    }
}

/// The scope of a conventional-commit subject such as `fix(billing): ...`, in lower case.
fn conventional_scope(subject: &str) -> Option<String> {
    let (head, _) = subject.split_once(':')?;
    let head = head.strip_suffix('!').unwrap_or(head);
    let (kind, scope) = head.split_once('(')?;
    let scope = scope.strip_suffix(')')?.trim();
    let word = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
    };
    (word(kind) && word(scope)).then(|| scope.to_lowercase())
}

/// A subject without its conventional-commit prefix or trailing `(#12)`, first letter
/// capitalised: `fix(api): retry once (#12)` reads "Retry once".
pub fn plain_title(subject: &str) -> String {
    let mut text = subject.trim();
    if let Some((head, rest)) = text.split_once(": ") {
        let kind = head.split('(').next().unwrap_or(head).trim_end_matches('!');
        if !kind.is_empty() && kind.len() <= 12 && kind.chars().all(|c| c.is_ascii_lowercase()) {
            text = rest.trim();
        }
    }
    if let Some(at) = text.rfind(" (#")
        && text.ends_with(')')
        && text[at + 3..text.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        text = text[..at].trim_end();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Candidate evidence: the inbox activities that share a group key, with what Cairn
/// suggests the evidence should say.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The group key, which `cairn inbox accept` takes.
    pub key: String,
    /// Suggested evidence title.
    pub title: String,
    /// The day of the latest activity: the evidence's suggested date.
    pub date: NaiveDate,
    /// Ranked competencies, best first (at most three).
    pub suggestions: Vec<Suggestion>,
    /// A hint of the level the work reads at, for the best competency: shown beside the
    /// group, never written into evidence (claiming the next level is the engineer's call).
    pub level: LevelSignal,
    /// The activities, newest first.
    pub activities: Vec<Activity>,
}

/// How many competencies a group suggests.
const SUGGESTIONS: usize = 3;

/// Gathers inbox activities into groups, newest group first, each titled; suggestions are
/// added per group by [`Group::suggest`], since ranking costs more than grouping.
pub fn gather(activities: Vec<Activity>) -> Vec<Group> {
    let mut by_key: BTreeMap<String, Vec<Activity>> = BTreeMap::new();
    for a in activities {
        by_key.entry(a.group.clone()).or_default().push(a);
    }
    let mut groups: Vec<Group> = by_key
        .into_iter()
        .map(|(key, mut activities)| {
            activities.sort_by(|a, b| b.occurred_at.cmp(&a.occurred_at).then(a.id.cmp(&b.id)));
            Group {
                title: headline(&activities),
                date: activities[0].occurred_at.date_naive(),
                key,
                suggestions: Vec::new(),
                level: LevelSignal::Current,
                activities,
            }
        })
        .collect();
    groups.sort_by(|a, b| b.date.cmp(&a.date).then(a.key.cmp(&b.key)));
    groups
}

/// The competencies to tag by default from ranked suggestions: the best and any other
/// scoring at least half as much, two at most.
pub fn pick(suggestions: &[Suggestion]) -> Vec<CompetencyId> {
    let Some(best) = suggestions.first() else {
        return Vec::new();
    };
    suggestions
        .iter()
        .filter(|s| s.score * 2.0 >= best.score)
        .take(2)
        .map(|s| s.competency.clone())
        .collect()
}

/// The title of the activity that best names the work: a ticket, then a pull request, an
/// issue, a review or note, and last the largest commit.
fn headline(activities: &[Activity]) -> String {
    let rank = |a: &Activity| match a.kind {
        ActivityKind::Ticket => 0,
        ActivityKind::PullRequest => 1,
        ActivityKind::Issue => 2,
        ActivityKind::Review | ActivityKind::Note => 3,
        ActivityKind::Commit => 4,
    };
    let best = activities
        .iter()
        .min_by_key(|a| (rank(a), u64::MAX - u64::from(a.additions + a.deletions)))
        .expect("a group has at least one activity");
    let title = plain_title(&best.title);
    match best.kind {
        ActivityKind::Ticket => format!("{}: {title}", best.external_id),
        ActivityKind::Review => format!("Reviewed: {title}"),
        _ => title,
    }
}

impl Group {
    /// Ranks the competencies the group's titles and bodies show (at most three) and hints
    /// the level for the best; `level` is the engineer's current level on `ladder`.
    pub fn suggest(&mut self, ladder: &Ladder, level: &LevelId, suggester: &Suggester) {
        let text = self
            .activities
            .iter()
            .map(|a| format!("{} {}", a.title, a.body))
            .collect::<Vec<_>>()
            .join("\n");
        let mut suggestions = suggester.suggest(&text);
        suggestions.truncate(SUGGESTIONS);
        self.level = suggestions.first().map_or(LevelSignal::Current, |s| {
            level_hint(ladder, &s.competency, level, &text)
        });
        self.suggestions = suggestions;
    }

    /// The competencies accepting the group tags by default ([`pick`]).
    pub fn suggested_competencies(&self) -> Vec<CompetencyId> {
        pick(&self.suggestions)
    }

    /// The evidence body: one line per activity, oldest first.
    pub fn body(&self) -> String {
        let mut lines: Vec<String> = self
            .activities
            .iter()
            .rev()
            .map(|a| {
                let mut line = format!("- {} ({}, {}", a.title, a.container, a.kind);
                if a.additions + a.deletions > 0 {
                    line.push_str(&format!(", +{} -{}", a.additions, a.deletions));
                }
                line.push(')');
                line
            })
            .collect();
        lines.dedup();
        lines.join("\n")
    }

    /// The links of the activities that have one, oldest first, without repeats.
    pub fn links(&self) -> Vec<String> {
        let mut links: Vec<String> = Vec::new();
        for url in self.activities.iter().rev().filter_map(|a| a.url.clone()) {
            if !links.contains(&url) {
                links.push(url);
            }
        }
        links
    }

    /// The evidence accepting the group as suggested would make: private, dated by its
    /// latest activity, linking every activity that has an address, tagged with the
    /// suggested competencies and claiming the current level only.
    pub fn draft(&self, owner: PersonId, ladder: LadderRef, at: Timestamp) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner,
            date: self.date,
            title: self.title.clone(),
            body: self.body(),
            impact: String::new(),
            links: self.links(),
            competencies: self.suggested_competencies(),
            level: LevelSignal::Current,
            areas: Vec::new(),
            visibility: Visibility::Private,
            source: self.source(),
            ladder,
            created_at: at,
            updated_at: at,
        }
        .fitted()
    }

    /// The source most of the activities came from (the earliest listed on a tie).
    pub fn source(&self) -> Source {
        let mut counts: Vec<(Source, usize)> = Vec::new();
        for a in &self.activities {
            match counts.iter_mut().find(|(s, _)| *s == a.source) {
                Some((_, n)) => *n += 1,
                None => counts.push((a.source, 1)),
            }
        }
        counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.as_str().cmp(a.0.as_str())))
            .map_or(Source::Manual, |(s, _)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::ActivityState;
    use crate::id::ActivityId;
    use crate::ladder::builtin;

    fn activity(kind: ActivityKind, title: &str, body: &str, at: &str) -> Activity {
        let at: Timestamp = at.parse().unwrap();
        let mut a = Activity {
            id: ActivityId::new(),
            owner: PersonId::new(),
            source: Source::Git,
            external_id: format!("{title}{at}"),
            kind,
            title: title.into(),
            body: body.into(),
            url: None,
            container: "acme/billing".into(),
            group: String::new(),
            files: 1,
            additions: 5,
            deletions: 1,
            occurred_at: at,
            state: ActivityState::Inbox,
            evidence: None,
            created_at: at,
            updated_at: at,
        };
        a.group = group_key(&a);
        a
    }

    #[test]
    fn ticket_keys_are_found_and_standards_are_not() {
        assert_eq!(ticket_key("PAY-142 round totals"), Some("PAY-142".into()));
        assert_eq!(ticket_key("fix: totals [PAY-142]"), Some("PAY-142".into()));
        assert_eq!(ticket_key("Refs: AB2-7."), Some("AB2-7".into()));
        assert_eq!(ticket_key("decode UTF-8 and SHA-256 names"), None);
        assert_eq!(ticket_key("patch CVE-2024-1234"), None);
        assert_eq!(ticket_key("bump X-1 and v1-2 and my-PAY-1"), None);
        assert_eq!(ticket_key("version 1.2-3 of ABCDEFGHIJK-1 or AB-1.2"), None);
    }

    #[test]
    fn the_strongest_sign_decides_the_group() {
        let key = |title: &str, body: &str| {
            activity(ActivityKind::Commit, title, body, "2026-04-01T10:00:00Z").group
        };
        assert_eq!(key("fix(api): retry PAY-9", ""), "PAY-9");
        assert_eq!(key("Retry once (#812)", "Refs PAY-9"), "PAY-9");
        assert_eq!(key("Retry once (#812)", ""), "acme/billing#812");
        assert_eq!(key("fix(API): retry once", ""), "acme/billing:api@2026-W14");
        assert_eq!(key("retry once", ""), "acme/billing@2026-W14");
        let mut pr = activity(
            ActivityKind::PullRequest,
            "Retry",
            "",
            "2026-04-01T10:00:00Z",
        );
        pr.url = Some("https://github.com/acme/billing/pull/812".into());
        assert_eq!(group_key(&pr), "acme/billing#812");
    }

    #[test]
    fn titles_lose_their_commit_prefixes() {
        assert_eq!(plain_title("fix(api)!: retry once (#12)"), "Retry once");
        assert_eq!(plain_title("Note: keep this (#x)"), "Note: keep this (#x)");
        assert_eq!(plain_title("docs: explain"), "Explain");
    }

    #[test]
    fn groups_gather_suggest_and_sort_newest_first() {
        let ladder = builtin::find("software-engineer").unwrap();
        let suggester = Suggester::new(&ladder, &[]);
        let mut pr = activity(
            ActivityKind::PullRequest,
            "Mentoring guide for new hires",
            "Onboarding steps",
            "2026-04-02T10:00:00Z",
        );
        pr.url = Some("https://github.com/acme/billing/pull/5".into());
        pr.group = group_key(&pr);
        let list = vec![
            activity(
                ActivityKind::Commit,
                "docs: onboarding guide (#5)",
                "",
                "2026-04-01T10:00:00Z",
            ),
            pr,
            activity(
                ActivityKind::Commit,
                "fix(db): index",
                "",
                "2026-05-01T10:00:00Z",
            ),
        ];
        let l2: LevelId = "L2".parse().unwrap();
        let mut groups = gather(list);
        groups
            .iter_mut()
            .for_each(|g| g.suggest(&ladder, &l2, &suggester));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].key, "acme/billing:db@2026-W18");
        let guide = &groups[1];
        assert_eq!(guide.title, "Mentoring guide for new hires");
        assert_eq!(guide.activities.len(), 2);
        assert_eq!(guide.suggested_competencies()[0].as_str(), "mentoring");
        assert_eq!(guide.links(), ["https://github.com/acme/billing/pull/5"]);
        assert!(guide.body().starts_with("- docs: onboarding guide (#5)"));
    }

    #[test]
    fn accepting_as_suggested_never_claims_the_next_level() {
        let ladder = builtin::find("software-engineer").unwrap();
        let suggester = Suggester::new(&ladder, &[]);
        let l2: LevelId = "L2".parse().unwrap();
        let list = vec![activity(
            ActivityKind::PullRequest,
            "Mentored a junior engineer towards their next level; interviewed candidates",
            "",
            "2026-04-02T10:00:00Z",
        )];
        let mut groups = gather(list);
        groups[0].suggest(&ladder, &l2, &suggester);
        assert_eq!(groups[0].level, LevelSignal::Next, "the hint is shown");
        let draft = groups[0].draft(PersonId::new(), ladder.reference(), crate::dates::now());
        assert_eq!(draft.level, LevelSignal::Current, "but not written");
    }
}
