//! Assessment rounds: the level someone is believed to work at, per competency, from the
//! engineer's own view and from their manager's.
//!
//! A round is recorded blind: the engineer's view is written before they see the manager's.
//! This module holds the records and the rules for one entry; comparing the two views is
//! calibration's job.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::id::{AssessmentId, CompetencyId, LevelId, PersonId, RoundId};
use crate::invalid::{check_length, require_text};
use crate::ladder::{Ladder, LadderRef};

/// Whose view an assessment records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Assessor {
    /// The engineer's own view.
    #[serde(rename = "self")]
    Own,
    /// The manager's view.
    Manager,
}

named_enum!(Assessor, "assessor", Own = "self", Manager = "manager");

/// One round of assessment for one engineer, pinned to a ladder version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRound {
    /// Record id.
    pub id: RoundId,
    /// The engineer assessed.
    pub owner: PersonId,
    /// The ladder version the levels refer to.
    pub ladder: LadderRef,
    /// A name such as `2026 H1`.
    pub name: String,
    /// When the engineer submitted their view, if they have.
    pub self_submitted_at: Option<Timestamp>,
    /// When the manager submitted theirs, if they have.
    pub manager_submitted_at: Option<Timestamp>,
    /// When the round was opened.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl AssessmentRound {
    /// Both views are in, so each side may see the other's.
    pub fn revealed(&self) -> bool {
        self.self_submitted_at.is_some() && self.manager_submitted_at.is_some()
    }

    /// When `side` submitted its view, if it has.
    pub fn submitted_at(&self, side: Assessor) -> Option<Timestamp> {
        match side {
            Assessor::Own => self.self_submitted_at,
            Assessor::Manager => self.manager_submitted_at,
        }
    }

    /// What the round is waiting for, in words: `open`, `waiting for the manager`,
    /// `waiting for the engineer`, or `closed` once both views are in.
    pub fn status(&self) -> &'static str {
        match (self.self_submitted_at, self.manager_submitted_at) {
            (Some(_), Some(_)) => "closed",
            (Some(_), None) => "waiting for the manager",
            (None, Some(_)) => "waiting for the engineer",
            (None, None) => "open",
        }
    }

    /// The round as it stands once `side` has submitted at `at`.
    #[must_use]
    pub fn submitted(mut self, side: Assessor, at: Timestamp) -> Self {
        match side {
            Assessor::Own => self.self_submitted_at = Some(at),
            Assessor::Manager => self.manager_submitted_at = Some(at),
        }
        self.updated_at = at;
        self
    }

    /// True when a reader on `side` may see `entry`: their own side's entries always, the
    /// other side's only once both have submitted. This is the blindness rule.
    pub fn shows(&self, side: Assessor, entry: &Assessment) -> bool {
        entry.assessor == side || self.revealed()
    }

    /// Checks the round's own fields.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("name", &self.name, 80)
    }
}

/// Where a submission goes: a round already open, or a new one with this name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundChoice<'a> {
    /// A stored round still waiting for this side's view.
    Existing(&'a AssessmentRound),
    /// A round to open.
    New(String),
}

/// Picks the round a `side` submission belongs to. `rounds` are the engineer's, newest first.
///
/// With a `name`, the round of that name (opened if there is none). Without one, the newest
/// round if it is still waiting for a view, else a new round named after the half-year of
/// `today`. A side submits once per round: a second submission is refused, because a view
/// that could change after the other side's is revealed would not be blind.
pub fn choose_round<'a>(
    rounds: &'a [AssessmentRound],
    name: Option<&str>,
    side: Assessor,
    today: NaiveDate,
) -> Result<RoundChoice<'a>, Invalid> {
    let round = match name.map(str::trim) {
        Some(name) => {
            require_text("round", name, 80)?;
            match rounds.iter().find(|r| r.name.eq_ignore_ascii_case(name)) {
                Some(round) => round,
                None => return Ok(RoundChoice::New(name.to_owned())),
            }
        }
        None => match rounds.first().filter(|r| !r.revealed()) {
            Some(round) => round,
            None => return Ok(RoundChoice::New(default_round_name(rounds, today))),
        },
    };
    match round.submitted_at(side) {
        None => Ok(RoundChoice::Existing(round)),
        Some(at) => Err(Invalid::new(
            "round",
            format!(
                "round '{}' already has the {side} view (submitted {}); a submitted view is final{}",
                round.name,
                at.format("%Y-%m-%d"),
                if round.revealed() {
                    ", and this round is closed: name a new one with --round"
                } else {
                    ", and the round opens for comparison when the other view is in"
                }
            ),
        )),
    }
}

/// `2026 H2`, or `2026 H2 (2)` and so on when that name is taken.
fn default_round_name(rounds: &[AssessmentRound], today: NaiveDate) -> String {
    let base = format!(
        "{} H{}",
        today.year(),
        if today.month() <= 6 { 1 } else { 2 }
    );
    let taken = |name: &str| rounds.iter().any(|r| r.name.eq_ignore_ascii_case(name));
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|name| !taken(name))
        .unwrap_or(base)
}

/// One competency's level in a submission, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The competency judged.
    pub competency: CompetencyId,
    /// The level the assessor places the engineer at.
    pub level: LevelId,
    /// Why, optional.
    #[serde(default)]
    pub note: String,
}

/// Turns one side's ratings into assessments for `round`, checking each against `ladder`:
/// at least one rating, no competency twice, real competencies and levels. Errors name the
/// rating as `ratings[i]`.
pub fn submission(
    round: &AssessmentRound,
    side: Assessor,
    recorded_by: PersonId,
    ratings: &[Rating],
    ladder: &Ladder,
    at: Timestamp,
) -> Result<Vec<Assessment>, Invalid> {
    if ratings.is_empty() {
        return Err(Invalid::new(
            "ratings",
            "give a level for at least one competency",
        ));
    }
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(ratings.len());
    for (i, rating) in ratings.iter().enumerate() {
        let field = format!("ratings[{i}]");
        if !seen.insert(&rating.competency) {
            return Err(Invalid::new(
                format!("{field}.competency"),
                format!("'{}' is rated twice", rating.competency),
            ));
        }
        let entry = Assessment {
            id: AssessmentId::new(),
            round: round.id,
            assessor: side,
            recorded_by,
            competency: rating.competency.clone(),
            level: rating.level.clone(),
            note: rating.note.trim().to_owned(),
            created_at: at,
            updated_at: at,
        };
        entry.validate(ladder).map_err(|e| e.within(&field))?;
        entries.push(entry);
    }
    Ok(entries)
}

/// The level one assessor places the engineer at for one competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Record id.
    pub id: AssessmentId,
    /// The round it belongs to.
    pub round: RoundId,
    /// Whose view it is.
    pub assessor: Assessor,
    /// Who typed it: the manager, or the engineer recording a manager's view by hand.
    pub recorded_by: PersonId,
    /// The competency judged.
    pub competency: CompetencyId,
    /// The level the assessor believes the engineer works at.
    pub level: LevelId,
    /// Why.
    pub note: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Assessment {
    /// A manager's view typed by the engineer (a local store records it by hand).
    pub fn by_hand(&self, owner: PersonId) -> bool {
        self.assessor == Assessor::Manager && self.recorded_by == owner
    }

    /// Checks the entry against the round's ladder.
    pub fn validate(&self, ladder: &Ladder) -> Result<(), Invalid> {
        ladder.require_competency("competency", &self.competency)?;
        ladder.require_level("level", &self.level)?;
        check_length("note", &self.note, 5_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::ladder::builtin;

    #[test]
    fn an_assessment_names_a_real_competency_and_level() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mut a = Assessment {
            id: AssessmentId::new(),
            round: RoundId::new(),
            assessor: Assessor::Own,
            recorded_by: PersonId::new(),
            competency: "mentoring".parse().unwrap(),
            level: "L3".parse().unwrap(),
            note: "Mentored two new joiners this half".into(),
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(a.validate(&ladder), Ok(()));
        a.level = "L7".parse().unwrap();
        assert_eq!(a.validate(&ladder).unwrap_err().field, "level");
        assert_eq!(serde_json::to_string(&Assessor::Own).unwrap(), "\"self\"");
    }

    #[test]
    fn a_round_is_revealed_only_when_both_views_are_in() {
        let mut round = AssessmentRound {
            id: RoundId::new(),
            owner: PersonId::new(),
            ladder: builtin::find("software-engineer").unwrap().reference(),
            name: "2026 H2".into(),
            self_submitted_at: Some(now()),
            manager_submitted_at: None,
            created_at: now(),
            updated_at: now(),
        };
        assert!(!round.revealed());
        assert_eq!(round.status(), "waiting for the manager");
        round = round.submitted(Assessor::Manager, now());
        assert!(round.revealed());
        assert_eq!(round.status(), "closed");
    }

    fn open_round(name: &str) -> AssessmentRound {
        AssessmentRound {
            id: RoundId::new(),
            owner: PersonId::new(),
            ladder: builtin::find("software-engineer").unwrap().reference(),
            name: name.into(),
            self_submitted_at: None,
            manager_submitted_at: None,
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn each_side_submits_once_per_round_and_a_closed_round_makes_way_for_a_new_one() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            choose_round(&[], None, Assessor::Own, today),
            Ok(RoundChoice::New("2026 H2".into()))
        );
        let mut rounds = vec![open_round("2026 H2")];
        rounds[0].self_submitted_at = Some(now());
        // The manager joins the open round; the engineer cannot submit to it again.
        assert_eq!(
            choose_round(&rounds, None, Assessor::Manager, today),
            Ok(RoundChoice::Existing(&rounds[0]))
        );
        let again = choose_round(&rounds, None, Assessor::Own, today).unwrap_err();
        assert_eq!(again.field, "round");
        assert!(
            again.message.contains("already has the self view"),
            "{again}"
        );
        // Once both are in the round is closed: the next submission opens a new round.
        rounds[0].manager_submitted_at = Some(now());
        assert_eq!(
            choose_round(&rounds, None, Assessor::Own, today),
            Ok(RoundChoice::New("2026 H2 (2)".into()))
        );
        let closed = choose_round(&rounds, Some("2026 h2"), Assessor::Own, today).unwrap_err();
        assert!(closed.message.contains("this round is closed"), "{closed}");
        assert_eq!(
            choose_round(&rounds, Some(" Promo case "), Assessor::Own, today),
            Ok(RoundChoice::New("Promo case".into()))
        );
        assert_eq!(
            choose_round(&rounds, Some("  "), Assessor::Own, today)
                .unwrap_err()
                .field,
            "round"
        );
    }

    #[test]
    fn a_submission_is_checked_rating_by_rating() {
        let ladder = builtin::find("software-engineer").unwrap();
        let round = open_round("2026 H2");
        let rating = |c: &str, l: &str| Rating {
            competency: c.parse().unwrap(),
            level: l.parse().unwrap(),
            note: " why ".into(),
        };
        let ok = submission(
            &round,
            Assessor::Manager,
            round.owner,
            &[rating("delivery", "L3"), rating("influence", "L2")],
            &ladder,
            now(),
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].note, "why");
        assert!(ok[0].by_hand(round.owner));
        let field = |ratings: &[Rating]| {
            submission(&round, Assessor::Own, round.owner, ratings, &ladder, now())
                .unwrap_err()
                .field
        };
        assert_eq!(field(&[]), "ratings");
        assert_eq!(
            field(&[rating("delivery", "L3"), rating("delivery", "L4")]),
            "ratings[1].competency"
        );
        assert_eq!(field(&[rating("cooking", "L3")]), "ratings[0].competency");
        assert_eq!(field(&[rating("delivery", "L9")]), "ratings[0].level");
    }

    #[test]
    fn each_side_sees_only_its_own_entries_until_both_are_in() {
        let mut round = open_round("2026 H2");
        let entry = |assessor| Assessment {
            id: AssessmentId::new(),
            round: round.id,
            assessor,
            recorded_by: PersonId::new(),
            competency: "delivery".parse().unwrap(),
            level: "L3".parse().unwrap(),
            note: String::new(),
            created_at: now(),
            updated_at: now(),
        };
        let (own, theirs) = (entry(Assessor::Own), entry(Assessor::Manager));
        round.self_submitted_at = Some(now());
        assert!(round.shows(Assessor::Own, &own));
        assert!(!round.shows(Assessor::Own, &theirs));
        assert!(!round.shows(Assessor::Manager, &own));
        round.manager_submitted_at = Some(now());
        assert!(round.shows(Assessor::Own, &theirs) && round.shows(Assessor::Manager, &own));
    }
}
