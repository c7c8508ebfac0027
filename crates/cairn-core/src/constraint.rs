//! Constraints: what the organisation cannot offer now, recorded honestly by either side.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::id::{ConstraintId, PersonId};
use crate::invalid::require_text;
use crate::{Invalid, Visibility};

/// The kind of limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConstraintKind {
    /// No headcount to grow into.
    Headcount,
    /// No promotions or level changes this cycle.
    LevelMovement,
    /// No money for training, travel or tools.
    Budget,
    /// Anything else.
    Other,
}

named_enum!(
    ConstraintKind,
    "kind",
    Headcount = "headcount",
    LevelMovement = "level_movement",
    Budget = "budget",
    Other = "other"
);

impl ConstraintKind {
    /// The kind as people say it: "no level movement".
    pub fn words(self) -> &'static str {
        match self {
            Self::Headcount => "no headcount",
            Self::LevelMovement => "no level movement",
            Self::Budget => "no budget",
            Self::Other => "other limit",
        }
    }
}

/// A limit on what the organisation can offer, for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constraint {
    /// Record id.
    pub id: ConstraintId,
    /// The engineer it affects.
    pub owner: PersonId,
    /// Who recorded it.
    pub recorded_by: PersonId,
    /// What kind of limit.
    pub kind: ConstraintKind,
    /// The limit, in plain words.
    pub description: String,
    /// From when it applies.
    pub since: NaiveDate,
    /// Until when, if known.
    pub until: Option<NaiveDate>,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Constraint {
    /// Checks the description and the period.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("description", &self.description, 2_000)?;
        match self.until {
            Some(until) if until < self.since => Err(Invalid::new(
                "until",
                format!("{until} is before {}", self.since),
            )),
            _ => Ok(()),
        }
    }

    /// In force on `day`.
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.since <= day && self.until.is_none_or(|until| day <= until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    #[test]
    fn a_constraint_covers_its_period_only() {
        let me = PersonId::new();
        let mut c = Constraint {
            id: ConstraintId::new(),
            owner: me,
            recorded_by: me,
            kind: ConstraintKind::LevelMovement,
            description: "Promotions frozen until the next fiscal year".into(),
            since: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            until: NaiveDate::from_ymd_opt(2026, 6, 30),
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(c.validate(), Ok(()));
        assert!(c.applies_on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()));
        assert!(!c.applies_on(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()));
        c.until = NaiveDate::from_ymd_opt(2025, 12, 1);
        assert_eq!(c.validate().unwrap_err().field, "until");
    }
}
