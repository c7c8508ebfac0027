//! Reps: candidate projects and opportunities, with the competencies they would exercise.
//!
//! Ranking reps against the gap to a target level is the planner's job; this module holds
//! what a rep is and checks it.

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::id::{CompetencyId, PersonId, RepId};
use crate::invalid::{check_length, require_text};
use crate::ladder::Ladder;
use crate::{Invalid, Visibility};

/// How visible a piece of work is to the people who decide promotions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Exposure {
    /// Seen by the team.
    Low,
    /// Seen by the wider group.
    Medium,
    /// Seen by leadership.
    High,
}

named_enum!(
    Exposure,
    "exposure",
    Low = "low",
    Medium = "medium",
    High = "high"
);

/// Where a rep stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RepStatus {
    /// An option, not yet taken.
    Candidate,
    /// Under way.
    Active,
    /// Finished.
    Done,
    /// Decided against.
    Dropped,
}

named_enum!(
    RepStatus,
    "status",
    Candidate = "candidate",
    Active = "active",
    Done = "done",
    Dropped = "dropped"
);

/// A candidate piece of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rep {
    /// Record id.
    pub id: RepId,
    /// The engineer considering it.
    pub owner: PersonId,
    /// What the work is.
    pub title: String,
    /// More detail.
    pub description: String,
    /// The competencies it would exercise.
    pub competencies: Vec<CompetencyId>,
    /// How visible it is.
    pub exposure: Exposure,
    /// Candidate, active, done or dropped.
    pub status: RepStatus,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Rep {
    /// Checks the rep against its ladder.
    pub fn validate(&self, ladder: &Ladder) -> Result<(), Invalid> {
        require_text("title", &self.title, 300)?;
        check_length("description", &self.description, 5_000)?;
        if self.competencies.is_empty() {
            return Err(Invalid::new(
                "competencies",
                "name at least one competency the work would exercise",
            ));
        }
        for (i, c) in self.competencies.iter().enumerate() {
            ladder.require_competency(&format!("competencies[{i}]"), c)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::ladder::builtin;

    #[test]
    fn a_rep_must_exercise_something_on_the_ladder() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mut rep = Rep {
            id: RepId::new(),
            owner: PersonId::new(),
            title: "Run the Q3 architecture review".into(),
            description: String::new(),
            competencies: vec!["influence".parse().unwrap()],
            exposure: Exposure::High,
            status: RepStatus::Candidate,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(rep.validate(&ladder), Ok(()));
        rep.competencies.clear();
        assert_eq!(rep.validate(&ladder).unwrap_err().field, "competencies");
        rep.competencies.push("juggling".parse().unwrap());
        assert_eq!(rep.validate(&ladder).unwrap_err().field, "competencies[0]");
        assert!(Exposure::High > Exposure::Low);
    }
}
