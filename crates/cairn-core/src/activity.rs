//! Activities: raw events imported from git, GitHub, Jira and the like.
//!
//! An activity is not evidence. Imports land activities in an inbox, and only the engineer
//! turns them into evidence. The pair (source, external id) identifies an activity across
//! imports, so importing the same history twice changes nothing.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::evidence::Source;
use crate::id::{ActivityId, EvidenceId, PersonId};
use crate::invalid::{check_length, require_text};
use crate::text::{clip, fit_title, plain};

/// Longest title an activity keeps, in characters; the rest of a longer one moves to the body.
pub const MAX_TITLE: usize = 1_000;
/// Longest body an activity keeps, in characters.
pub const MAX_BODY: usize = 100_000;
const MAX_EXTERNAL_ID: usize = 500;
const MAX_CONTAINER: usize = 500;
const MAX_GROUP: usize = 600;
const MAX_URL: usize = 2_000;

/// The kind of event an activity records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A commit.
    Commit,
    /// A pull request the engineer authored.
    PullRequest,
    /// A review of someone else's pull request.
    Review,
    /// An issue.
    Issue,
    /// A ticket from a tracker such as Jira.
    Ticket,
    /// An entry from a journal or brag document.
    Note,
}

named_enum!(
    ActivityKind,
    "kind",
    Commit = "commit",
    PullRequest = "pull_request",
    Review = "review",
    Issue = "issue",
    Ticket = "ticket",
    Note = "note"
);

/// What the engineer decided about an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityState {
    /// Waiting in the inbox.
    #[default]
    Inbox,
    /// Became (part of) evidence.
    Accepted,
    /// Not worth keeping as evidence.
    Dismissed,
}

named_enum!(
    ActivityState,
    "state",
    Inbox = "inbox",
    Accepted = "accepted",
    Dismissed = "dismissed"
);

/// One imported event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Record id.
    pub id: ActivityId,
    /// The engineer it is credited to.
    pub owner: PersonId,
    /// Where it came from.
    pub source: Source,
    /// The source's own id (commit hash, pull request URL, issue key): the de-duplication key.
    pub external_id: String,
    /// What kind of event.
    pub kind: ActivityKind,
    /// Its title or subject line.
    pub title: String,
    /// Its description or message body.
    pub body: String,
    /// Where it can be seen.
    pub url: Option<String>,
    /// Repository or project it belongs to (`owner/name` for GitHub and git remotes).
    pub container: String,
    /// The candidate evidence it belongs to in the inbox ([`crate::inbox::group_key`]).
    pub group: String,
    /// Files changed, for commits and pull requests (0 where unknown).
    pub files: u32,
    /// Lines added (0 where unknown).
    pub additions: u32,
    /// Lines deleted (0 where unknown).
    pub deletions: u32,
    /// When it happened.
    pub occurred_at: Timestamp,
    /// Inbox, accepted or dismissed.
    pub state: ActivityState,
    /// The evidence it became, once accepted.
    pub evidence: Option<EvidenceId>,
    /// When it was imported.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Activity {
    /// An empty inbox activity of `owner`, imported at `at`: the importer fills in what the
    /// source says, then calls [`Activity::grouped`].
    pub fn new(owner: PersonId, source: Source, kind: ActivityKind, at: Timestamp) -> Self {
        Self {
            id: ActivityId::new(),
            owner,
            source,
            external_id: String::new(),
            kind,
            title: String::new(),
            body: String::new(),
            url: None,
            container: String::new(),
            group: String::new(),
            files: 0,
            additions: 0,
            deletions: 0,
            occurred_at: at,
            state: ActivityState::Inbox,
            evidence: None,
            created_at: at,
            updated_at: at,
        }
    }

    /// The same activity fitted to what a record may hold ([`Activity::fitted`]) with its
    /// inbox group set from what it holds. Every importer ends with this.
    #[must_use]
    pub fn grouped(self) -> Self {
        let mut a = self.fitted();
        a.group = clip(&crate::inbox::group_key(&a), MAX_GROUP);
        a
    }

    /// What a source said, fitted to the rules [`Activity::validate`] applies, so an import
    /// never stores what a backup could not restore: control characters go, a title past
    /// [`MAX_TITLE`] is clipped with an ellipsis and kept whole at the top of the body, a
    /// body past [`MAX_BODY`] is clipped, a link that is not http(s) is dropped, and an
    /// over-long source id is shortened to a prefix and a hash of the whole, which stays
    /// unique and stable across imports.
    #[must_use]
    pub fn fitted(mut self) -> Self {
        let (title, body) = fit_title(&plain(&self.title), &plain(&self.body), MAX_TITLE);
        self.title = title;
        self.body = clip(&body, MAX_BODY);
        self.container = clip(&plain(&self.container), MAX_CONTAINER);
        self.url = self
            .url
            .take()
            .filter(|u| u.chars().count() <= MAX_URL && crate::evidence::check_link(u).is_ok());
        let id = plain(&self.external_id);
        self.external_id = if id.chars().count() > MAX_EXTERNAL_ID {
            let prefix: String = id.chars().take(MAX_EXTERNAL_ID - 20).collect();
            format!("{prefix}…{:016x}", crate::text::fnv1a(id.bytes()))
        } else {
            id
        };
        self
    }

    /// Checks the fields every importer must fill.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("external_id", &self.external_id, MAX_EXTERNAL_ID)?;
        require_text("title", &self.title, MAX_TITLE)?;
        check_length("body", &self.body, MAX_BODY)?;
        check_length("container", &self.container, MAX_CONTAINER)?;
        require_text("group", &self.group, MAX_GROUP)?;
        if let Some(url) = &self.url {
            check_length("url", url, MAX_URL)?;
            crate::evidence::check_link(url).map_err(|e| e.within("url"))?;
        }
        match (self.state, self.evidence) {
            (ActivityState::Accepted, None) => Err(Invalid::new(
                "evidence",
                "an accepted activity must name the evidence it became",
            )),
            (ActivityState::Inbox | ActivityState::Dismissed, Some(_)) => Err(Invalid::new(
                "evidence",
                "only an accepted activity points at evidence",
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    #[test]
    fn imported_text_is_fitted_to_what_a_record_may_hold() {
        let mut a = Activity::new(PersonId::new(), Source::Git, ActivityKind::Commit, now());
        let subject = format!("fix: {}\u{1b}[0m", "S".repeat(2_000));
        a.external_id = "x".repeat(600);
        a.title = subject.clone();
        a.body = "body\0text".into();
        a.url = Some("javascript://%0aalert(1)".into());
        let a = a.grouped();
        assert_eq!(a.validate(), Ok(()));
        assert_eq!(a.title.chars().count(), MAX_TITLE);
        assert!(a.title.ends_with('…'));
        assert!(
            a.body.starts_with("fix: SSS"),
            "the whole subject is kept in the body"
        );
        assert!(
            a.body.ends_with("[0m\n\nbodytext"),
            "{:?}",
            &a.body[a.body.len() - 20..]
        );
        assert_eq!(a.url, None, "only web links are kept");
        assert!(a.external_id.chars().count() <= MAX_EXTERNAL_ID);
        let mut other = Activity::new(a.owner, Source::Git, ActivityKind::Commit, now());
        other.external_id = format!("{}y", "x".repeat(599));
        other.title = "t".into();
        assert_ne!(
            other.grouped().external_id,
            a.external_id,
            "shortened ids stay distinct"
        );
    }

    #[test]
    fn acceptance_and_evidence_go_together() {
        let mut a = Activity {
            id: ActivityId::new(),
            owner: PersonId::new(),
            source: Source::Git,
            external_id: "3f2a9c1".into(),
            kind: ActivityKind::Commit,
            title: "fix(billing): round invoice totals once".into(),
            body: String::new(),
            url: None,
            container: "billing".into(),
            group: "billing@2026-W14".into(),
            files: 2,
            additions: 10,
            deletions: 3,
            occurred_at: now(),
            state: ActivityState::Inbox,
            evidence: None,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(a.validate(), Ok(()));
        a.state = ActivityState::Accepted;
        assert_eq!(a.validate().unwrap_err().field, "evidence");
        a.evidence = Some(EvidenceId::new());
        assert_eq!(a.validate(), Ok(()));
        a.external_id = String::new();
        assert_eq!(a.validate().unwrap_err().field, "external_id");
        assert_eq!(
            "pull_request".parse::<ActivityKind>().unwrap(),
            ActivityKind::PullRequest
        );
    }
}
