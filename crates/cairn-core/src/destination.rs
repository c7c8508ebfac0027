//! Destinations: the role, level or capability an engineer wants next, and their history.
//!
//! A destination changes as a career does. Each change is kept as an event (set, revised,
//! pivoted, reached, dropped) with its reason, so the history tells the story of direction.
//! Judging whether a statement is concrete is the clarity check's job, not this module's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::id::{DestinationEventId, DestinationId, LevelId, PersonId};
use crate::invalid::{check_length, require_text};
use crate::{Invalid, Visibility};

/// Where a destination stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DestinationStatus {
    /// Being worked towards.
    Active,
    /// Got there.
    Reached,
    /// Let go, deliberately.
    Dropped,
}

/// What happened to a destination at one point in its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DestinationChange {
    /// First written down.
    Set,
    /// Reworded or sharpened, same direction.
    Revised,
    /// Replaced by a different direction.
    Pivoted,
    /// Achieved.
    Reached,
    /// Abandoned.
    Dropped,
}

named_enum!(
    DestinationStatus,
    "status",
    Active = "active",
    Reached = "reached",
    Dropped = "dropped"
);
named_enum!(
    DestinationChange,
    "change",
    Set = "set",
    Revised = "revised",
    Pivoted = "pivoted",
    Reached = "reached",
    Dropped = "dropped"
);

/// The role, level or capability someone wants next, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    /// Record id.
    pub id: DestinationId,
    /// The engineer it belongs to.
    pub owner: PersonId,
    /// The destination as they wrote it.
    pub statement: String,
    /// The ladder level it aims at, if any.
    pub target_level: Option<LevelId>,
    /// When they mean to get there.
    pub horizon: Option<NaiveDate>,
    /// The reps they plan: the concrete work that builds the capability.
    pub reps: Vec<String>,
    /// What would count as evidence they got there.
    pub evidence_criteria: String,
    /// Active, reached or dropped.
    pub status: DestinationStatus,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was set.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// One change in a destination's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestinationEvent {
    /// Record id.
    pub id: DestinationEventId,
    /// The destination it concerns.
    pub destination: DestinationId,
    /// The engineer it belongs to.
    pub owner: PersonId,
    /// What happened.
    pub change: DestinationChange,
    /// The statement as it read after the change.
    pub statement: String,
    /// Why, in the engineer's words.
    pub reason: String,
    /// When.
    pub at: Timestamp,
}

impl Destination {
    /// The clarity check of the statement with the fields set beside it.
    pub fn clarity(&self) -> crate::clarity::Clarity {
        crate::clarity::check_with(
            &self.statement,
            crate::clarity::Fields {
                target_level: self.target_level.as_ref().map(LevelId::as_str),
                horizon: self.horizon,
                reps: &self.reps,
                evidence: &self.evidence_criteria,
            },
        )
    }

    /// Checks the fields that do not depend on a ladder.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("statement", &self.statement, 2_000)?;
        check_length("evidence_criteria", &self.evidence_criteria, 2_000)?;
        for (i, rep) in self.reps.iter().enumerate() {
            require_text(&format!("reps[{i}]"), rep, 500)?;
        }
        Ok(())
    }
}

/// A destination as someone sets it: the statement and its details, and whether it
/// replaces the direction (a pivot) or sharpens it (a revision).
#[derive(Debug, Clone, Default)]
pub struct Setting {
    /// The destination, in their words.
    pub statement: String,
    /// The level it aims at.
    pub target_level: Option<LevelId>,
    /// When they mean to get there.
    pub horizon: Option<NaiveDate>,
    /// The reps they plan.
    pub reps: Vec<String>,
    /// What would count as evidence.
    pub evidence_criteria: String,
    /// A new direction rather than a sharper one.
    pub pivot: bool,
    /// Why it changed.
    pub reason: String,
    /// Who may read it.
    pub visibility: Visibility,
}

impl Setting {
    /// The clarity check of the statement with the fields set beside it.
    pub fn clarity(&self) -> crate::clarity::Clarity {
        let level = self.target_level.as_ref().map(LevelId::as_str);
        crate::clarity::check_with(
            &self.statement,
            crate::clarity::Fields {
                target_level: level,
                horizon: self.horizon,
                reps: &self.reps,
                evidence: &self.evidence_criteria,
            },
        )
    }

    /// The destination and the history entry that records it: a new destination when there
    /// is no active one (`set`), else the active one changed (`revised` or `pivoted`).
    pub fn apply(
        self,
        owner: PersonId,
        current: Option<&Destination>,
        at: Timestamp,
    ) -> Result<(Destination, DestinationEvent), Invalid> {
        let change = match (current, self.pivot) {
            (None, _) => DestinationChange::Set,
            (Some(_), false) => DestinationChange::Revised,
            (Some(_), true) => DestinationChange::Pivoted,
        };
        let updated_at = current.map_or(at, |d| {
            at.max(d.updated_at + chrono::Duration::microseconds(1))
        });
        let destination = Destination {
            id: current.map_or_else(DestinationId::new, |d| d.id),
            owner,
            statement: self.statement.trim().to_owned(),
            target_level: self.target_level,
            horizon: self.horizon,
            reps: self.reps,
            evidence_criteria: self.evidence_criteria,
            status: DestinationStatus::Active,
            visibility: self.visibility,
            created_at: current.map_or(at, |d| d.created_at),
            updated_at,
        };
        destination.validate()?;
        let event = DestinationEvent {
            id: DestinationEventId::new(),
            destination: destination.id,
            owner,
            change,
            statement: destination.statement.clone(),
            reason: self.reason,
            at: updated_at,
        };
        Ok((destination, event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    #[test]
    fn setting_a_destination_records_set_then_revised_or_pivoted() {
        let owner = PersonId::new();
        let first = Setting {
            statement: "Become a staff engineer".into(),
            ..Setting::default()
        };
        let (d, e) = first.apply(owner, None, now()).unwrap();
        assert_eq!(e.change, DestinationChange::Set);
        let sharper = Setting {
            statement: "Become a staff engineer by Q4".into(),
            reason: "sharper".into(),
            ..Setting::default()
        };
        let (d2, e2) = sharper.apply(owner, Some(&d), now()).unwrap();
        assert_eq!(
            (d2.id, d2.created_at, e2.change),
            (d.id, d.created_at, DestinationChange::Revised)
        );
        assert!(d2.updated_at > d.updated_at);
        let pivot = Setting {
            statement: "Move into management".into(),
            pivot: true,
            ..Setting::default()
        };
        assert_eq!(
            pivot.apply(owner, Some(&d2), now()).unwrap().1.change,
            DestinationChange::Pivoted
        );
        let empty = Setting {
            statement: "  ".into(),
            ..Setting::default()
        };
        assert_eq!(
            empty.apply(owner, None, now()).unwrap_err().field,
            "statement"
        );
    }

    #[test]
    fn a_destination_needs_a_statement_and_real_reps() {
        let mut d = Destination {
            id: DestinationId::new(),
            owner: PersonId::new(),
            statement: "Become a staff engineer who leads cross-team platform work".into(),
            target_level: Some("L4".parse().unwrap()),
            horizon: NaiveDate::from_ymd_opt(2027, 12, 31),
            reps: vec!["Lead the event-bus migration".into()],
            evidence_criteria: "Three teams adopt the design".into(),
            status: DestinationStatus::Active,
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(d.validate(), Ok(()));
        d.reps.push(String::new());
        assert_eq!(d.validate().unwrap_err().field, "reps[1]");
        d.statement = "\t".into();
        assert_eq!(d.validate().unwrap_err().field, "statement");
    }
}
