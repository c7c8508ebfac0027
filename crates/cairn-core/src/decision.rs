//! Decisions: the engineer's call to push for the destination, wait, or change
//! environments, with what was in force when they made it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::constraint::Constraint;
use crate::dates::Timestamp;
use crate::id::{DecisionId, PersonId};
use crate::invalid::require_text;
use crate::readiness::Readiness;
use crate::signal::Signal;
use crate::{Invalid, Visibility};

/// What the engineer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Push for the destination here, now.
    Push,
    /// Wait, and look again on the revisit date.
    Wait,
    /// Change environments: another team or another employer.
    Change,
}

named_enum!(
    Choice,
    "choice",
    Push = "push",
    Wait = "wait",
    Change = "change"
);

impl Choice {
    /// The decision as a phrase: "to push", "to wait", "to change environments".
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Push => "to push",
            Self::Wait => "to wait",
            Self::Change => "to change environments",
        }
    }
}

/// What Cairn showed when the decision was made, kept in the words it used then.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// The readiness reading as it was said: verdict first, then what stands out.
    pub readiness: String,
    /// The organisation's signal: what repeated asks have produced.
    pub signal: String,
    /// The constraints in force that day, each in its own words.
    pub constraints: Vec<String>,
}

impl Context {
    /// The context of a decision made on `today`: the readiness reading, the signal, and
    /// the constraints in force that day.
    pub fn new(
        readiness: &Readiness,
        signal: &Signal,
        constraints: &[Constraint],
        today: NaiveDate,
    ) -> Self {
        Self {
            readiness: readiness.summary.clone(),
            signal: signal.headline(),
            constraints: constraints
                .iter()
                .filter(|c| c.applies_on(today))
                .map(|c| c.description.clone())
                .collect(),
        }
    }
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Record id.
    pub id: DecisionId,
    /// The engineer who decided.
    pub owner: PersonId,
    /// Push, wait or change.
    pub choice: Choice,
    /// Why, in their words.
    pub because: String,
    /// The day it was made.
    pub decided_on: NaiveDate,
    /// When to look at it again.
    pub revisit: NaiveDate,
    /// What was in force when it was made.
    pub context: Context,
    /// Who may read it; private unless the engineer shares it.
    pub visibility: Visibility,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Decision {
    /// Checks the reason and that the revisit date comes after the decision.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("because", &self.because, 2_000)?;
        if self.revisit <= self.decided_on {
            return Err(Invalid::new(
                "revisit",
                format!(
                    "{} is not after the decision day {}",
                    self.revisit, self.decided_on
                ),
            ));
        }
        Ok(())
    }

    /// The decision in force: the latest made (ties go to the one recorded last).
    pub fn current(decisions: &[Decision]) -> Option<&Decision> {
        decisions
            .iter()
            .max_by_key(|d| (d.decided_on, d.created_at))
    }

    /// The reminder to show on `today`, once the revisit date has come.
    pub fn reminder(&self, today: NaiveDate) -> Option<String> {
        (self.revisit <= today).then(|| {
            format!(
                "On {} you decided {} because {}; you meant to look at it again on {}.",
                self.decided_on,
                self.choice.phrase(),
                self.because.trim_end_matches('.'),
                self.revisit
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn decision(choice: Choice, on: &str, revisit: &str) -> Decision {
        Decision {
            id: DecisionId::new(),
            owner: PersonId::new(),
            choice,
            because: "Promotions are frozen until April.".into(),
            decided_on: day(on),
            revisit: day(revisit),
            context: Context::default(),
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn a_decision_needs_a_reason_and_a_revisit_date_after_it() {
        assert_eq!(
            decision(Choice::Wait, "2026-12-01", "2027-03-01").validate(),
            Ok(())
        );
        let same_day = decision(Choice::Wait, "2026-12-01", "2026-12-01");
        assert_eq!(same_day.validate().unwrap_err().field, "revisit");
        let mut silent = decision(Choice::Push, "2026-12-01", "2027-01-01");
        silent.because = "  ".into();
        assert_eq!(silent.validate().unwrap_err().field, "because");
    }

    #[test]
    fn the_latest_decision_reminds_only_once_its_revisit_date_comes() {
        let wait = decision(Choice::Wait, "2026-06-01", "2026-09-01");
        let change = decision(Choice::Change, "2026-09-02", "2027-01-15");
        let all = [wait, change];
        let current = Decision::current(&all).unwrap();
        assert_eq!(current.choice, Choice::Change);
        assert_eq!(current.reminder(day("2027-01-14")), None);
        let reminder = current.reminder(day("2027-01-15")).unwrap();
        assert!(
            reminder.contains(
                "decided to change environments because Promotions are frozen until April;"
            ),
            "{reminder}"
        );
        assert!(reminder.contains("2027-01-15"), "{reminder}");
    }
}
