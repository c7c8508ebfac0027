//! Evidence as a user typed it (a form or a JSON body), and the one path from that to a
//! valid [`Evidence`]: every value parsed and checked against the ladder, errors naming
//! the field.

use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::dates::{now, parse_date};
use cairn_core::evidence::{Evidence, LevelSignal, Source};
use cairn_core::id::{CompetencyId, EvidenceId};
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use chrono::NaiveDate;

/// The fields of an entry as text. Empty `date`, `level` and `visibility` take the defaults
/// (today, current, private).
#[derive(Debug, Default, Clone)]
pub struct Draft {
    pub title: String,
    pub date: String,
    pub body: String,
    pub impact: String,
    pub competencies: Vec<String>,
    pub level: String,
    pub links: Vec<String>,
    pub areas: Vec<String>,
    pub visibility: String,
}

impl Draft {
    /// The draft of an existing entry, for edits that change only some fields.
    pub fn of(e: &Evidence) -> Self {
        Self {
            title: e.title.clone(),
            date: e.date.to_string(),
            body: e.body.clone(),
            impact: e.impact.clone(),
            competencies: e.competencies.iter().map(ToString::to_string).collect(),
            level: e.level.to_string(),
            links: e.links.clone(),
            areas: e.areas.clone(),
            visibility: e.visibility.to_string(),
        }
    }

    /// The entry, owned by `me` and pinned to `ladder`, its date read against `today`.
    /// `before` keeps the id, source and creation time of an edited entry; `updated_at` is
    /// now (later than `before`'s).
    pub fn into_evidence(
        self,
        me: &Person,
        ladder: &Ladder,
        before: Option<&Evidence>,
        today: NaiveDate,
    ) -> Result<Evidence, Invalid> {
        let competencies = self
            .competencies
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.parse()
                    .map_err(|e: Invalid| Invalid::new(format!("competencies[{i}]"), e.message))
            })
            .collect::<Result<Vec<CompetencyId>, _>>()?;
        let at = now();
        let date = if self.date.trim().is_empty() {
            today
        } else {
            parse_date("date", &self.date, today)?
        };
        let e = Evidence {
            id: before.map_or_else(EvidenceId::new, |b| b.id),
            owner: me.id,
            date,
            title: self.title.trim().to_owned(),
            body: self.body.trim().to_owned(),
            impact: self.impact.trim().to_owned(),
            links: self
                .links
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            competencies,
            level: if self.level.is_empty() {
                LevelSignal::Current
            } else {
                self.level.parse()?
            },
            areas: self
                .areas
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            visibility: if self.visibility.is_empty() {
                Visibility::Private
            } else {
                self.visibility.parse()?
            },
            source: before.map_or(Source::Manual, |b| b.source),
            ladder: ladder.reference(),
            created_at: before.map_or(at, |b| b.created_at),
            updated_at: before.map_or(at, |b| {
                at.max(b.updated_at + chrono::Duration::microseconds(1))
            }),
        };
        e.validate(ladder, today)?;
        Ok(e)
    }
}
