//! The archive: one versioned JSON document holding everything in a store.
//!
//! It is how an engineer takes their record with them, and how records move between a
//! personal store and a team server. Writing is deterministic (records sorted by id, fixed
//! field order, microsecond timestamps), so exporting, importing into an empty store and
//! exporting again gives the same bytes. Reading checks the whole document before anything
//! is stored: every error names the line, column and field.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::activity::Activity;
use crate::assessment::{Assessment, AssessmentRound};
use crate::constraint::Constraint;
use crate::conversation::{Commitment, Conversation};
use crate::dates::Timestamp;
use crate::decision::Decision;
use crate::destination::{Destination, DestinationEvent};
use crate::evidence::Evidence;
use crate::id::PersonId;
use crate::ladder::map::LadderMap;
use crate::ladder::{Ladder, LadderRef};
use crate::person::{Person, ProfileChange};
use crate::rep::Rep;
use crate::sync::{Origin, Tombstone};

mod shift;

pub use shift::shifted;

/// The value of the `format` field, so a stray JSON file is recognised as not an archive.
pub const FORMAT: &str = "cairn-archive";
/// The archive version this build writes. It also reads version 1, which had no
/// assessment rounds, version 2, which had no imported activities, and version 3, which had
/// no reps, conversations or constraints, version 4, which had no decisions or profile
/// history, and version 5, which had no tombstones, origins or ladder maps.
pub const VERSION: u32 = 6;

/// Everything in a store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// Always [`FORMAT`].
    pub format: String,
    /// The archive version, [`VERSION`] when written by this build.
    pub version: u32,
    /// The person a local store belongs to, if it has one.
    pub owner: Option<PersonId>,
    /// Every ladder version, sorted by id then version.
    pub ladders: Vec<Ladder>,
    /// Every person, sorted by id.
    pub people: Vec<Person>,
    /// Every destination, sorted by id.
    pub destinations: Vec<Destination>,
    /// Every destination change, sorted by id.
    pub destination_events: Vec<DestinationEvent>,
    /// Every piece of evidence, sorted by id.
    pub evidence: Vec<Evidence>,
    /// Every assessment round, sorted by id.
    #[serde(default)]
    pub rounds: Vec<AssessmentRound>,
    /// Every assessment, sorted by id.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Every imported activity (the inbox and what became of it), sorted by id.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Every rep, sorted by id.
    #[serde(default)]
    pub reps: Vec<Rep>,
    /// Every growth conversation, sorted by id.
    #[serde(default)]
    pub conversations: Vec<Conversation>,
    /// Every commitment made in them, sorted by id.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Every constraint, sorted by id.
    #[serde(default)]
    pub constraints: Vec<Constraint>,
    /// Every decision to push, wait or change, sorted by id.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Every profile change, sorted by id.
    #[serde(default)]
    pub profile_changes: Vec<ProfileChange>,
    /// Records deleted, so a sync carries the deletion, sorted by kind then id.
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    /// Where records came from (which team server, written by whom), sorted by kind then id.
    #[serde(default)]
    pub origins: Vec<Origin>,
    /// How ladders moved to read records made on earlier ones (`cairn ladder switch`),
    /// sorted by the ladders they join.
    #[serde(default)]
    pub ladder_maps: Vec<LadderMap>,
}

/// The growth records an archive carries besides evidence: reps, conversations with their
/// commitments, constraints, decisions and the history of profile changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Growth {
    /// Reps.
    pub reps: Vec<Rep>,
    /// Conversations.
    pub conversations: Vec<Conversation>,
    /// Commitments.
    pub commitments: Vec<Commitment>,
    /// Constraints.
    pub constraints: Vec<Constraint>,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Profile changes.
    pub profile_changes: Vec<ProfileChange>,
}

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ArchiveError {
    /// 1-based line of the problem, when it is a syntax or type error.
    pub line: Option<usize>,
    /// 1-based column, with the line.
    pub column: Option<usize>,
    /// The field and what is wrong.
    pub invalid: Invalid,
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        write!(f, "{}", self.invalid)
    }
}

impl From<Invalid> for ArchiveError {
    fn from(invalid: Invalid) -> Self {
        Self {
            line: None,
            column: None,
            invalid,
        }
    }
}

impl Archive {
    /// An archive of these records, sorted into their canonical order.
    pub fn new(
        owner: Option<PersonId>,
        mut ladders: Vec<Ladder>,
        mut people: Vec<Person>,
        mut destinations: Vec<Destination>,
        mut destination_events: Vec<DestinationEvent>,
        mut evidence: Vec<Evidence>,
    ) -> Self {
        ladders.sort_by(|a, b| (&a.id, a.version).cmp(&(&b.id, b.version)));
        people.sort_by_key(|p| p.id);
        destinations.sort_by_key(|d| d.id);
        destination_events.sort_by_key(|e| e.id);
        evidence.sort_by_key(|e| e.id);
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            owner,
            ladders,
            people,
            destinations,
            destination_events,
            evidence,
            rounds: Vec::new(),
            assessments: Vec::new(),
            activities: Vec::new(),
            reps: Vec::new(),
            conversations: Vec::new(),
            commitments: Vec::new(),
            constraints: Vec::new(),
            decisions: Vec::new(),
            profile_changes: Vec::new(),
            tombstones: Vec::new(),
            origins: Vec::new(),
            ladder_maps: Vec::new(),
        }
    }

    /// The same archive with these ladder maps, sorted.
    #[must_use]
    pub fn with_ladder_maps(mut self, mut maps: Vec<LadderMap>) -> Self {
        maps.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
        self.ladder_maps = maps;
        self
    }

    /// The same archive with these tombstones and origins, sorted.
    #[must_use]
    pub fn with_sync(mut self, mut tombstones: Vec<Tombstone>, mut origins: Vec<Origin>) -> Self {
        tombstones.sort_by_key(|t| (t.kind, t.id));
        origins.sort_by_key(|o| (o.kind, o.id));
        self.tombstones = tombstones;
        self.origins = origins;
        self
    }

    /// The same archive with these growth records, sorted.
    #[must_use]
    pub fn with_growth(mut self, mut growth: Growth) -> Self {
        growth.reps.sort_by_key(|r| r.id);
        growth.conversations.sort_by_key(|c| c.id);
        growth.commitments.sort_by_key(|c| c.id);
        growth.constraints.sort_by_key(|c| c.id);
        growth.decisions.sort_by_key(|d| d.id);
        growth.profile_changes.sort_by_key(|c| c.id);
        self.reps = growth.reps;
        self.conversations = growth.conversations;
        self.commitments = growth.commitments;
        self.constraints = growth.constraints;
        self.decisions = growth.decisions;
        self.profile_changes = growth.profile_changes;
        self
    }

    /// The same archive with these imported activities, sorted.
    #[must_use]
    pub fn with_activities(mut self, mut activities: Vec<Activity>) -> Self {
        activities.sort_by_key(|a| a.id);
        self.activities = activities;
        self
    }

    /// The same archive with these assessment rounds and assessments, sorted.
    #[must_use]
    pub fn with_rounds(
        mut self,
        mut rounds: Vec<AssessmentRound>,
        mut assessments: Vec<Assessment>,
    ) -> Self {
        rounds.sort_by_key(|r| r.id);
        assessments.sort_by_key(|a| a.id);
        self.rounds = rounds;
        self.assessments = assessments;
        self
    }

    /// The archive as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads and checks an archive. `today` bounds evidence dates.
    pub fn parse(text: &str, today: chrono::NaiveDate) -> Result<Self, ArchiveError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let archive: Archive = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            ArchiveError {
                line: Some(inner.line()),
                column: Some(inner.column()),
                invalid: Invalid::new(
                    if path == "." { String::new() } else { path },
                    strip_position(&inner.to_string()),
                ),
            }
        })?;
        archive.check(today)?;
        Ok(archive)
    }

    /// The cross-record rules: the format and version, unique ids, every reference resolved
    /// within the archive, and every record valid against the ladder it pins.
    fn check(&self, today: chrono::NaiveDate) -> Result<(), Invalid> {
        if self.format != FORMAT {
            return Err(Invalid::new(
                "format",
                format!(
                    "is '{}', not '{FORMAT}': this is not a Cairn archive",
                    self.format
                ),
            ));
        }
        if !(1..=VERSION).contains(&self.version) {
            return Err(Invalid::new(
                "version",
                format!(
                    "archive version {} is not supported (this Cairn reads versions 1 to {VERSION})",
                    self.version
                ),
            ));
        }
        self.check_stamps(today)?;
        let mut ladder_refs = HashSet::new();
        for (i, ladder) in self.ladders.iter().enumerate() {
            if let Some(problem) = ladder.problems().into_iter().next() {
                return Err(problem.within(&format!("ladders[{i}]")));
            }
            if !ladder_refs.insert(ladder.reference()) {
                return Err(Invalid::new(
                    format!("ladders[{i}]"),
                    "the same ladder version appears twice",
                ));
            }
        }
        let ladder = |field: String, r: &LadderRef| {
            self.ladders
                .iter()
                .find(|l| l.id == r.id && l.version == r.version)
                .ok_or_else(|| {
                    Invalid::new(
                        field,
                        format!("ladder {} v{} is not in the archive", r.id, r.version),
                    )
                })
        };
        let people: HashSet<PersonId> = self.people.iter().map(|p| p.id).collect();
        let person = |field: String, id: PersonId| {
            if people.contains(&id) {
                Ok(())
            } else {
                Err(Invalid::new(
                    field,
                    format!("person {id} is not in the archive"),
                ))
            }
        };
        unique("people", self.people.iter().map(|p| p.id))?;
        unique("destinations", self.destinations.iter().map(|d| d.id))?;
        unique(
            "destination_events",
            self.destination_events.iter().map(|e| e.id),
        )?;
        unique("evidence", self.evidence.iter().map(|e| e.id))?;
        unique("rounds", self.rounds.iter().map(|r| r.id))?;
        unique("assessments", self.assessments.iter().map(|a| a.id))?;
        unique("activities", self.activities.iter().map(|a| a.id))?;
        unique("reps", self.reps.iter().map(|r| r.id))?;
        unique("conversations", self.conversations.iter().map(|c| c.id))?;
        unique("commitments", self.commitments.iter().map(|c| c.id))?;
        unique("constraints", self.constraints.iter().map(|c| c.id))?;
        unique("decisions", self.decisions.iter().map(|d| d.id))?;
        unique("profile_changes", self.profile_changes.iter().map(|c| c.id))?;
        if let Some(owner) = self.owner {
            person("owner".into(), owner)?;
        }
        for (i, p) in self.people.iter().enumerate() {
            let field = format!("people[{i}]");
            p.validate(ladder(format!("{field}.ladder"), &p.ladder)?)
                .map_err(|e| e.within(&field))?;
            if let Some(manager) = p.manager {
                person(format!("{field}.manager"), manager)?;
            }
        }
        // The reporting lines must hold the rule `user set-manager` applies: no one manages
        // themselves, directly or round a loop.
        let lines: crate::privacy::ReportingLines =
            self.people.iter().map(|p| (p.id, p.manager)).collect();
        for (i, p) in self.people.iter().enumerate() {
            crate::privacy::check_manager(p.id, p.manager, &lines)
                .map_err(|e| e.within(&format!("people[{i}]")))?;
        }
        for (i, d) in self.destinations.iter().enumerate() {
            let field = format!("destinations[{i}]");
            d.validate().map_err(|e| e.within(&field))?;
            person(format!("{field}.owner"), d.owner)?;
        }
        let destinations: HashSet<_> = self.destinations.iter().map(|d| d.id).collect();
        for (i, e) in self.destination_events.iter().enumerate() {
            let field = format!("destination_events[{i}]");
            if !destinations.contains(&e.destination) {
                return Err(Invalid::new(
                    format!("{field}.destination"),
                    "is not in the archive",
                ));
            }
            person(format!("{field}.owner"), e.owner)?;
        }
        for (i, e) in self.evidence.iter().enumerate() {
            let field = format!("evidence[{i}]");
            person(format!("{field}.owner"), e.owner)?;
            e.validate(ladder(format!("{field}.ladder"), &e.ladder)?, today)
                .map_err(|err| err.within(&field))?;
        }
        for (i, r) in self.rounds.iter().enumerate() {
            let field = format!("rounds[{i}]");
            person(format!("{field}.owner"), r.owner)?;
            ladder(format!("{field}.ladder"), &r.ladder)?;
            r.validate().map_err(|e| e.within(&field))?;
        }
        for (i, a) in self.assessments.iter().enumerate() {
            let field = format!("assessments[{i}]");
            let round = self
                .rounds
                .iter()
                .find(|r| r.id == a.round)
                .ok_or_else(|| Invalid::new(format!("{field}.round"), "is not in the archive"))?;
            person(format!("{field}.recorded_by"), a.recorded_by)?;
            a.validate(ladder(format!("{field}.round"), &round.ladder)?)
                .map_err(|e| e.within(&field))?;
        }
        let evidence: HashSet<_> = self.evidence.iter().map(|e| e.id).collect();
        for (i, a) in self.activities.iter().enumerate() {
            let field = format!("activities[{i}]");
            person(format!("{field}.owner"), a.owner)?;
            a.validate().map_err(|e| e.within(&field))?;
            if a.evidence.is_some_and(|e| !evidence.contains(&e)) {
                return Err(Invalid::new(
                    format!("{field}.evidence"),
                    "is not in the archive",
                ));
            }
        }
        for (i, r) in self.reps.iter().enumerate() {
            let field = format!("reps[{i}]");
            person(format!("{field}.owner"), r.owner)?;
            let owner = self.people.iter().find(|p| p.id == r.owner);
            if let Some(owner) = owner {
                r.validate(ladder(format!("{field}.owner"), &owner.ladder)?)
                    .map_err(|e| e.within(&field))?;
            }
        }
        for (i, c) in self.conversations.iter().enumerate() {
            let field = format!("conversations[{i}]");
            person(format!("{field}.owner"), c.owner)?;
            c.validate().map_err(|e| e.within(&field))?;
        }
        for (i, c) in self.commitments.iter().enumerate() {
            let field = format!("commitments[{i}]");
            let convo = self
                .conversations
                .iter()
                .find(|x| x.id == c.conversation)
                .ok_or_else(|| {
                    Invalid::new(format!("{field}.conversation"), "is not in the archive")
                })?;
            c.validate(convo).map_err(|e| e.within(&field))?;
        }
        for (i, c) in self.constraints.iter().enumerate() {
            let field = format!("constraints[{i}]");
            person(format!("{field}.owner"), c.owner)?;
            person(format!("{field}.recorded_by"), c.recorded_by)?;
            c.validate().map_err(|e| e.within(&field))?;
        }
        for (i, d) in self.decisions.iter().enumerate() {
            let field = format!("decisions[{i}]");
            person(format!("{field}.owner"), d.owner)?;
            d.validate().map_err(|e| e.within(&field))?;
        }
        for (i, c) in self.profile_changes.iter().enumerate() {
            person(format!("profile_changes[{i}].person"), c.person)?;
        }
        Ok(())
    }

    /// Every record's (collection, created, updated) stamps, in archive order.
    fn stamps(&self) -> Vec<(&'static str, Timestamp, Timestamp)> {
        fn of<T>(
            name: &'static str,
            records: &[T],
            stamp: impl Fn(&T) -> (Timestamp, Timestamp),
        ) -> impl Iterator<Item = (&'static str, Timestamp, Timestamp)> {
            records.iter().map(move |r| {
                let (created, updated) = stamp(r);
                (name, created, updated)
            })
        }
        of("people", &self.people, |p| (p.created_at, p.updated_at))
            .chain(of("destinations", &self.destinations, |d| {
                (d.created_at, d.updated_at)
            }))
            .chain(of("evidence", &self.evidence, |e| {
                (e.created_at, e.updated_at)
            }))
            .chain(of("rounds", &self.rounds, |r| (r.created_at, r.updated_at)))
            .chain(of("assessments", &self.assessments, |a| {
                (a.created_at, a.updated_at)
            }))
            .chain(of("activities", &self.activities, |a| {
                (a.created_at, a.updated_at)
            }))
            .chain(of("reps", &self.reps, |r| (r.created_at, r.updated_at)))
            .chain(of("conversations", &self.conversations, |c| {
                (c.created_at, c.updated_at)
            }))
            .chain(of("commitments", &self.commitments, |c| {
                (c.created_at, c.updated_at)
            }))
            .chain(of("constraints", &self.constraints, |c| {
                (c.created_at, c.updated_at)
            }))
            .chain(of("decisions", &self.decisions, |d| {
                (d.created_at, d.updated_at)
            }))
            .chain(of("profile_changes", &self.profile_changes, |c| {
                (c.at, c.at)
            }))
            .collect()
    }

    /// Checks every record's stamps: made no later than it last changed, and changed no
    /// later than tomorrow (allowing for time zones). A stamp in 2099 would win every merge
    /// by id and push every later edit after it.
    fn check_stamps(&self, today: chrono::NaiveDate) -> Result<(), Invalid> {
        let latest = today
            .checked_add_days(chrono::Days::new(2))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc());
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (name, created, updated) in self.stamps() {
            let i = index.entry(name).or_default();
            let field = format!("{name}[{i}]");
            *i += 1;
            if created > updated {
                return Err(Invalid::new(
                    format!("{field}.created_at"),
                    format!("{created} is after updated_at {updated}"),
                ));
            }
            if latest.is_some_and(|latest| updated >= latest) {
                return Err(Invalid::new(
                    format!("{field}.updated_at"),
                    format!("{updated} is in the future"),
                ));
            }
        }
        Ok(())
    }

    /// The newest change recorded anywhere in the archive.
    pub fn latest_change(&self) -> Option<Timestamp> {
        self.stamps()
            .into_iter()
            .map(|(_, _, updated)| updated)
            .max()
    }
}

fn unique<T: Eq + std::hash::Hash + fmt::Display>(
    field: &str,
    ids: impl Iterator<Item = T>,
) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id.to_string()) {
            return Err(Invalid::new(
                format!("{field}[{i}].id"),
                format!("{id} appears twice"),
            ));
        }
    }
    Ok(())
}

/// serde_json appends " at line L column C" to its messages; the error carries those apart.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::Visibility;
    use crate::assessment::Assessor;
    use crate::dates::now;
    use crate::evidence::{LevelSignal, Source};
    use crate::id::{AssessmentId, EvidenceId, RoundId};
    use crate::ladder::builtin;

    /// Records are stamped with the clock, and the archive refuses stamps after tomorrow.
    fn today() -> NaiveDate {
        now().date_naive()
    }

    pub(crate) fn sample() -> Archive {
        let ladder = builtin::find("software-engineer").unwrap();
        let me = Person {
            id: PersonId::new(),
            name: "Ada".into(),
            emails: vec!["ada@example.com".into()],
            github: None,
            ladder: ladder.reference(),
            level: "L2".parse().unwrap(),
            manager: None,
            created_at: now(),
            updated_at: now(),
        };
        let evidence = (0..3)
            .map(|i| Evidence {
                id: EvidenceId::new(),
                owner: me.id,
                date: NaiveDate::from_ymd_opt(2026, 3, 1 + i).unwrap(),
                title: format!("Entry {i}"),
                body: String::new(),
                impact: String::new(),
                links: vec![],
                competencies: vec!["delivery".parse().unwrap()],
                level: LevelSignal::Current,
                areas: vec![],
                visibility: Visibility::Private,
                source: Source::Manual,
                ladder: ladder.reference(),
                created_at: now(),
                updated_at: now(),
            })
            .rev()
            .collect();
        let round = AssessmentRound {
            id: RoundId::new(),
            owner: me.id,
            ladder: ladder.reference(),
            name: "2026 H1".into(),
            self_submitted_at: Some(now()),
            manager_submitted_at: None,
            created_at: now(),
            updated_at: now(),
        };
        let assessment = Assessment {
            id: AssessmentId::new(),
            round: round.id,
            assessor: Assessor::Own,
            recorded_by: me.id,
            competency: "delivery".parse().unwrap(),
            level: "L2".parse().unwrap(),
            note: String::new(),
            created_at: now(),
            updated_at: now(),
        };
        Archive::new(
            Some(me.id),
            vec![ladder],
            vec![me],
            vec![],
            vec![],
            evidence,
        )
        .with_rounds(vec![round], vec![assessment])
    }

    #[test]
    fn version_1_archives_without_rounds_still_read() {
        let mut a = sample().with_rounds(vec![], vec![]);
        a.version = 1;
        let text = a.to_json().replace(
            ",\n  \"rounds\": [],\n  \"assessments\": [],\n  \"activities\": [],\n  \"reps\": [],\n  \"conversations\": [],\n  \"commitments\": [],\n  \"constraints\": [],\n  \"decisions\": [],\n  \"profile_changes\": []",
            "",
        );
        assert!(!text.contains("rounds"));
        assert_eq!(Archive::parse(&text, today()).unwrap(), a);
        a.version = VERSION + 1;
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "version"
        );
    }

    #[test]
    fn round_trips_to_identical_bytes_and_sorts_records() {
        let archive = sample();
        assert!(archive.evidence.windows(2).all(|w| w[0].id < w[1].id));
        let text = archive.to_json();
        let back = Archive::parse(&text, today()).unwrap();
        assert_eq!(back, archive);
        assert_eq!(back.to_json(), text);
    }

    #[test]
    fn tombstones_and_origins_round_trip_to_identical_bytes() {
        use crate::sync::{Kind, Origin, Tombstone};
        let mut archive = sample();
        let owner = archive.people[0].id;
        let gone = archive.evidence.pop().unwrap();
        let kept = archive.evidence[0].id.uuid();
        let entry = archive.assessments[0].id.uuid();
        let archive = archive.with_sync(
            vec![Tombstone {
                kind: Kind::Evidence,
                id: gone.id.uuid(),
                owner,
                deleted_at: now(),
            }],
            vec![
                Origin {
                    kind: Kind::Evidence,
                    id: kept,
                    remote: "acme".into(),
                    author: None,
                },
                Origin {
                    kind: Kind::Assessment,
                    id: entry,
                    remote: "acme".into(),
                    author: Some("Grace Hopper".into()),
                },
            ],
        );
        assert_eq!(archive.origins[0].kind, Kind::Evidence, "sorted by kind");
        let text = archive.to_json();
        assert!(text.contains("\"remote\": \"acme\"") && text.contains("\"deleted_at\""));
        let back = Archive::parse(&text, today()).unwrap();
        assert_eq!(back, archive);
        assert_eq!(back.to_json(), text);
    }

    #[test]
    fn type_errors_name_line_column_and_field() {
        let text = sample()
            .to_json()
            .replacen("\"2026-03-02\"", "\"March 2nd\"", 1);
        let err = Archive::parse(&text, today()).unwrap_err();
        assert_eq!(err.invalid.field, "evidence[1].date");
        let line = text.lines().position(|l| l.contains("March 2nd")).unwrap() + 1;
        assert_eq!(err.line, Some(line));
        assert!(
            err.to_string()
                .starts_with(&format!("line {line}, column ")),
            "{err}"
        );
    }

    #[test]
    fn reporting_loops_self_management_and_odd_stamps_are_refused() {
        let refused = |a: &Archive| Archive::parse(&a.to_json(), today()).unwrap_err().invalid;
        let mut a = sample();
        a.people[0].manager = Some(a.people[0].id);
        assert_eq!(refused(&a).message, "no one can be their own manager");

        let mut a = sample();
        let mut other = a.people[0].clone();
        other.id = PersonId::new();
        a.people.push(other);
        let (first, second) = (a.people[0].id, a.people[1].id);
        a.people[0].manager = Some(second);
        a.people[1].manager = Some(first);
        assert!(refused(&a).message.contains("loop"), "{}", refused(&a));

        let mut a = sample();
        a.evidence[1].updated_at = "2099-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(refused(&a).field, "evidence[1].updated_at");

        let mut a = sample();
        a.evidence[0].created_at = a.evidence[0].updated_at + chrono::Duration::seconds(1);
        assert_eq!(refused(&a).field, "evidence[0].created_at");
    }

    #[test]
    fn broken_references_and_rules_are_refused() {
        let mut a = sample();
        a.evidence[0].owner = PersonId::new();
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "evidence[0].owner"
        );

        let mut a = sample();
        a.evidence[2].competencies = vec!["cooking".parse().unwrap()];
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "evidence[2].competencies[0]"
        );

        let mut a = sample();
        a.evidence[1].id = a.evidence[0].id;
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "evidence[1].id"
        );

        let mut a = sample();
        a.assessments[0].round = RoundId::new();
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "assessments[0].round"
        );

        let mut a = sample();
        a.assessments[0].level = "L9".parse().unwrap();
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "assessments[0].level"
        );

        let mut a = sample();
        a.format = "something-else".into();
        assert_eq!(
            Archive::parse(&a.to_json(), today())
                .unwrap_err()
                .invalid
                .field,
            "format"
        );

        let err = Archive::parse("{\"format\": \"cairn-archive\",", today()).unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
