//! Entries from sources the engineer already curated (journals, brag documents,
//! spreadsheets): each is one claim of work, so each is its own inbox group, or evidence at
//! once with `--accept`.

use chrono::NaiveDate;

use crate::Visibility;
use crate::activity::{Activity, ActivityKind, ActivityState};
use crate::dates::Timestamp;
use crate::evidence::{Evidence, LevelSignal, Source};
use crate::id::{CompetencyId, EvidenceId, PersonId};
use crate::ladder::Ladder;
use crate::ladder::import::slugify;

/// One curated entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The line it starts on.
    pub line: usize,
    /// The day of the work.
    pub date: NaiveDate,
    /// One line saying what was done.
    pub title: String,
    /// The rest.
    pub body: String,
    /// Outcome, where the source has one.
    pub impact: String,
    /// Links, where the source has them.
    pub links: Vec<String>,
    /// Tags or skills as written (`@design`, `Mentoring`, a section heading).
    pub tags: Vec<String>,
    /// Next-level signal, where the source says so.
    pub level: LevelSignal,
}

/// True when `title` says nothing once control characters are dropped: every reader
/// refuses such an entry, naming its line, rather than import a blank title.
pub(crate) fn blank(title: &str) -> bool {
    crate::text::plain(title).trim().is_empty()
}

impl Entry {
    /// The key that makes re-importing the same entry a no-op: its date and a hash of its
    /// words, so an edited entry imports as new.
    pub fn external_id(&self) -> String {
        let hash = crate::text::fnv1a(self.title.bytes().chain([0]).chain(self.body.bytes()));
        format!("{}:{hash:016x}", self.date)
    }

    /// The competencies its tags name, each once (see [`competency_of`]).
    pub fn competencies(
        &self,
        ladder: &Ladder,
        map: &[(String, CompetencyId)],
    ) -> Vec<CompetencyId> {
        let mut found: Vec<CompetencyId> = Vec::new();
        for id in self
            .tags
            .iter()
            .filter_map(|t| competency_of(t, ladder, map))
        {
            if !found.contains(&id) {
                found.push(id);
            }
        }
        found
    }

    /// The entry as an inbox activity, or, with `evidence`, as an accepted activity pointing
    /// at the evidence it became.
    pub fn activity(
        &self,
        owner: PersonId,
        source: Source,
        container: &str,
        evidence: Option<&Evidence>,
        at: Timestamp,
    ) -> Activity {
        let mut a = Activity::new(owner, source, ActivityKind::Note, at);
        a.external_id = self.external_id();
        a.title = self.title.clone();
        a.body = self.body.clone();
        a.url = self.links.first().cloned();
        a.container = container.to_owned();
        a.occurred_at = self.date.and_hms_opt(12, 0, 0).map_or(at, |t| t.and_utc());
        if let Some(e) = evidence {
            a.state = ActivityState::Accepted;
            a.evidence = Some(e.id);
        }
        a.grouped()
    }

    /// The evidence accepting the entry at once makes, tagged with `competencies`.
    pub fn evidence(
        &self,
        owner: PersonId,
        ladder: &Ladder,
        source: Source,
        competencies: Vec<CompetencyId>,
        at: Timestamp,
    ) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner,
            date: self.date,
            title: self.title.clone(),
            body: self.body.clone(),
            impact: self.impact.clone(),
            links: self.links.clone(),
            competencies,
            level: self.level,
            areas: Vec::new(),
            visibility: Visibility::Private,
            source,
            ladder: ladder.reference(),
            created_at: at,
            updated_at: at,
        }
        .fitted()
    }
}

/// The competency a tag names: by id or name (ignoring case, `@`/`#` and punctuation), or
/// through `map` (tag → competency id), which wins.
pub fn competency_of(
    tag: &str,
    ladder: &Ladder,
    map: &[(String, CompetencyId)],
) -> Option<CompetencyId> {
    let tag = slugify(tag.trim_start_matches(['@', '#']));
    let mapped = map
        .iter()
        .find(|(from, _)| slugify(from.trim_start_matches(['@', '#'])) == tag)
        .map(|(_, to)| to.clone());
    mapped.or_else(|| {
        ladder
            .competencies
            .iter()
            .find(|c| c.id.as_str() == tag || slugify(&c.name) == tag)
            .map(|c| c.id.clone())
    })
}

/// The `@tag` and `#tag` words of a text, as jrnl finds them: after a space or at the
/// start, made of word characters and `-+*#/`, without trailing punctuation.
pub fn tags(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if !(word.starts_with('@') || word.starts_with('#')) {
            continue;
        }
        let tag: String = word
            .chars()
            .take_while(|c| {
                c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '*' | '#' | '/' | '@')
            })
            .collect();
        let tag = tag.trim_end_matches(['-', '/', '*', '+']).to_lowercase();
        if tag.len() > 1 && !found.contains(&tag) {
            found.push(tag);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::builtin;

    #[test]
    fn tags_map_to_competencies_by_id_name_or_map() {
        let ladder = builtin::find("software-engineer").unwrap();
        let entry = Entry {
            tags: tags("Ran it @Mentoring, #system-design and @incident. @nothing"),
            ..Entry::default()
        };
        assert_eq!(
            entry.tags,
            ["@mentoring", "#system-design", "@incident", "@nothing"]
        );
        let map = vec![("incident".to_owned(), "operations".parse().unwrap())];
        let ids: Vec<String> = entry
            .competencies(&ladder, &map)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(ids, ["mentoring", "system-design", "operations"]);
        let other = Entry {
            body: "x".into(),
            ..entry.clone()
        };
        assert_ne!(entry.external_id(), other.external_id());
        assert_eq!(entry.external_id(), entry.clone().external_id());
    }
}
