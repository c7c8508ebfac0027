//! Assessment rounds: the level someone is believed to work at, per competency, from the
//! engineer's own view and from their manager's.
//!
//! A round is recorded blind: the engineer's view is written before they see the manager's.
//! This module holds the records and the rules for one entry; comparing the two views is
//! calibration's job.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::id::{AssessmentId, CompetencyId, LevelId, PersonId, RoundId};
use crate::invalid::check_length;
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
        round.manager_submitted_at = Some(now());
        assert!(round.revealed());
    }
}
