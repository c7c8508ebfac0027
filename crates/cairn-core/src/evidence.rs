//! Evidence: dated claims of work, each mapped to the ladder's competencies.
//!
//! This module owns what an evidence record holds, how it is checked against the ladder it
//! was logged against, and the query used to list and search it. Where evidence comes from
//! (typed, imported, a demo) is recorded in [`Source`].

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::id::{CompetencyId, EvidenceId, PersonId};
use crate::invalid::{check_length, check_plain, require_text};
use crate::ladder::{Ladder, LadderRef};
use crate::text::{clip, fit_title, plain};
use crate::{Invalid, Visibility};

/// Does this evidence show the current level's expectation, or the next level's?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSignal {
    /// Meets the current level.
    #[default]
    Current,
    /// Shows the next level's expectation.
    Next,
}

/// Where a record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Typed by the engineer.
    #[default]
    Manual,
    /// Mined from git history.
    Git,
    /// From GitHub pull requests, issues or reviews.
    Github,
    /// From a Jira export.
    Jira,
    /// From a generic CSV file.
    Csv,
    /// From a Markdown brag document.
    Markdown,
    /// From a jrnl journal.
    Jrnl,
    /// Made by `cairn demo`.
    Demo,
}

named_enum!(LevelSignal, "level", Current = "current", Next = "next");
named_enum!(
    Source,
    "source",
    Manual = "manual",
    Git = "git",
    Github = "github",
    Jira = "jira",
    Csv = "csv",
    Markdown = "markdown",
    Jrnl = "jrnl",
    Demo = "demo"
);

/// A dated claim of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Record id.
    pub id: EvidenceId,
    /// The engineer it belongs to.
    pub owner: PersonId,
    /// The day the work happened.
    pub date: NaiveDate,
    /// One line saying what was done.
    pub title: String,
    /// The detail, as long as needed.
    pub body: String,
    /// The outcome: what changed because of it.
    pub impact: String,
    /// Pull requests, documents, dashboards.
    pub links: Vec<String>,
    /// Competency ids from the pinned ladder, most relevant first.
    pub competencies: Vec<CompetencyId>,
    /// Current-level or next-level signal.
    pub level: LevelSignal,
    /// Area tags such as `backend` or `people`.
    pub areas: Vec<String>,
    /// Who may read it.
    pub visibility: Visibility,
    /// Where it came from.
    pub source: Source,
    /// The ladder version the competencies refer to.
    pub ladder: LadderRef,
    /// When the record was made.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// Longest title, in characters: a title is one line, the body holds the rest.
pub const MAX_TITLE: usize = 300;
const MAX_TEXT: usize = 20_000;

impl Evidence {
    /// Checks the record against the rules and its ladder. `today` bounds the date: evidence
    /// is about work done, so a date after tomorrow (allowing for time zones) is a typo.
    pub fn validate(&self, ladder: &Ladder, today: NaiveDate) -> Result<(), Invalid> {
        require_text("title", &self.title, MAX_TITLE)?;
        if self.title.contains('\n') {
            return Err(Invalid::new(
                "title",
                "must be one line; put the rest in the body",
            ));
        }
        check_length("body", &self.body, MAX_TEXT)?;
        check_length("impact", &self.impact, MAX_TEXT)?;
        if let Some(latest) = today.checked_add_days(Days::new(1))
            && self.date > latest
        {
            return Err(Invalid::new(
                "date",
                format!(
                    "{} is in the future; evidence records work already done",
                    self.date
                ),
            ));
        }
        for (i, link) in self.links.iter().enumerate() {
            check_link(link).map_err(|e| e.within(&format!("links[{i}]")))?;
        }
        if ladder.reference() != self.ladder {
            return Err(Invalid::new(
                "ladder",
                format!(
                    "is {} v{}, not {} v{}",
                    ladder.id, ladder.version, self.ladder.id, self.ladder.version
                ),
            ));
        }
        for (i, competency) in self.competencies.iter().enumerate() {
            let field = format!("competencies[{i}]");
            ladder.require_competency(&field, competency)?;
            if self.competencies[..i].contains(competency) {
                return Err(Invalid::new(
                    field,
                    format!("'{competency}' is listed twice"),
                ));
            }
        }
        for (i, area) in self.areas.iter().enumerate() {
            check_area(area).map_err(|e| e.within(&format!("areas[{i}]")))?;
        }
        Ok(())
    }

    /// What an import made, fitted to the rules [`Evidence::validate`] applies: control
    /// characters go, the title becomes one line of at most [`MAX_TITLE`] characters (a
    /// longer one is clipped with an ellipsis and kept whole at the top of the body), body
    /// and impact are clipped to their limit, and links that are not http(s) or mailto go.
    #[must_use]
    pub fn fitted(mut self) -> Self {
        let title = plain(&self.title).replace('\n', " ");
        let (title, body) = fit_title(&title, &plain(&self.body), MAX_TITLE);
        self.title = title;
        self.body = clip(&body, MAX_TEXT);
        self.impact = clip(&plain(&self.impact), MAX_TEXT);
        self.links.retain(|l| check_link(l).is_ok());
        self
    }
}

/// Links are absolute web addresses (http or https) or mailto: anything else is a paste
/// error or, in a document someone opens, a script (`javascript:`) waiting to run.
pub(crate) fn check_link(link: &str) -> Result<(), Invalid> {
    let lower = link.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    let ok = rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && !link.chars().any(char::is_whitespace)
        && check_plain("", link).is_ok();
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            "",
            format!(
                "'{}' is not a web address (expected https://…, http://… or mailto:…)",
                link.escape_debug()
            ),
        ))
    }
}

/// Areas are short lowercase tags so that `Backend` and `backend` never split a count.
fn check_area(area: &str) -> Result<(), Invalid> {
    let ok = !area.is_empty()
        && area.len() <= 40
        && area
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            "",
            format!("'{area}' is not an area tag (use lowercase letters, digits and '-')"),
        ))
    }
}

/// Which evidence to list. Every condition given must hold; results come newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceQuery {
    /// Only this engineer's evidence.
    pub owner: Option<PersonId>,
    /// On or after this day.
    pub since: Option<NaiveDate>,
    /// On or before this day.
    pub until: Option<NaiveDate>,
    /// Tagged with this competency.
    pub competency: Option<CompetencyId>,
    /// From this source.
    pub source: Option<Source>,
    /// Containing these words in the title, body or impact.
    pub text: Option<String>,
    /// Only evidence shared with the owner's manager chain.
    pub shared_only: bool,
    /// At most this many.
    pub limit: Option<u32>,
}

/// The words of a free-text search, for the stores' full-text indexes: runs of letters and
/// digits, lowercased. Punctuation never reaches a query language, so a user's `"` or `-`
/// cannot change what the query means.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::ladder::builtin;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample(ladder: &Ladder) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner: PersonId::new(),
            date: day("2026-05-04"),
            title: "Led the incident review for the checkout outage".into(),
            body: String::new(),
            impact: "Five follow-up actions, all closed".into(),
            links: vec!["https://wiki.example/postmortems/42".into()],
            competencies: vec!["operations".parse().unwrap(), "influence".parse().unwrap()],
            level: LevelSignal::Next,
            areas: vec!["backend".into()],
            visibility: Visibility::Private,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn imported_evidence_is_fitted_and_then_valid() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mut e = sample(&ladder);
        e.title = format!("{}\u{1b}", "long ".repeat(400));
        e.body = "x".repeat(MAX_TEXT + 5);
        e.links = vec![
            "HTTPS://ok.example/a".into(),
            "mailto:ada@work.example".into(),
            "javascript:alert(1)".into(),
        ];
        let e = e.fitted();
        assert_eq!(e.validate(&ladder, day("2026-06-01")), Ok(()));
        assert!(e.title.ends_with('…') && e.title.chars().count() == MAX_TITLE);
        assert!(
            e.body.starts_with("long long"),
            "the whole title opens the body"
        );
        assert_eq!(e.links.len(), 2);
    }

    #[test]
    fn each_rule_names_its_field() {
        let ladder = builtin::find("software-engineer").unwrap();
        let today = day("2026-06-01");
        assert_eq!(sample(&ladder).validate(&ladder, today), Ok(()));

        type Edit = fn(&mut Evidence);
        let cases: [(Edit, &str); 12] = [
            (|e| e.title = "  ".into(), "title"),
            (|e| e.title = "bell\u{7}".into(), "title"),
            (|e| e.body = "nul\0".into(), "body"),
            (
                |e| e.links.push("javascript://%0aalert(1)".into()),
                "links[1]",
            ),
            (|e| e.links.push("ftp://files.example/x".into()), "links[1]"),
            (|e| e.title = "two\nlines".into(), "title"),
            (|e| e.title = "x".repeat(MAX_TITLE + 1), "title"),
            (|e| e.date = day("2026-06-03"), "date"),
            (|e| e.links.push("wiki/page".into()), "links[1]"),
            (
                |e| e.competencies.push("cooking".parse().unwrap()),
                "competencies[2]",
            ),
            (
                |e| e.competencies.push("operations".parse().unwrap()),
                "competencies[2]",
            ),
            (|e| e.areas.push("Back End".into()), "areas[1]"),
        ];
        for (edit, field) in cases {
            let mut e = sample(&ladder);
            edit(&mut e);
            assert_eq!(e.validate(&ladder, today).unwrap_err().field, field);
        }
    }

    #[test]
    fn tomorrow_is_allowed_for_time_zones() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mut e = sample(&ladder);
        e.date = day("2026-06-02");
        assert_eq!(e.validate(&ladder, day("2026-06-01")), Ok(()));
    }

    #[test]
    fn names_parse_and_print_the_same_way() {
        for s in [
            "manual", "git", "github", "jira", "csv", "markdown", "jrnl", "demo",
        ] {
            assert_eq!(s.parse::<Source>().unwrap().as_str(), s);
        }
        assert_eq!("next".parse::<LevelSignal>().unwrap(), LevelSignal::Next);
        let err = "later".parse::<LevelSignal>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "level: 'later' is not one of: current, next"
        );
    }

    #[test]
    fn search_words_drop_query_syntax() {
        assert_eq!(
            search_words("p99 \"latency\" -cache*"),
            ["p99", "latency", "cache"]
        );
        assert!(search_words(" -- ").is_empty());
    }
}
