//! Growth conversations between an engineer and their manager, and the commitments made.
//!
//! The record keeps what was asked, what was answered and who promised what by when, so
//! that later a pattern (clear asks, no opportunity) can be seen. Raising that signal is
//! the signal module's job.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::id::{CommitmentId, ConversationId, PersonId};
use crate::invalid::{check_length, require_text};
use crate::{Invalid, Visibility};

/// A growth conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Record id.
    pub id: ConversationId,
    /// The engineer whose growth it was about.
    pub owner: PersonId,
    /// The day it happened.
    pub date: NaiveDate,
    /// What the engineer asked for.
    pub ask: String,
    /// What the manager said.
    pub response: String,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// How a commitment turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Not yet delivered.
    #[default]
    Open,
    /// Done as promised.
    Delivered,
    /// Will not happen.
    Dropped,
}

named_enum!(
    Outcome,
    "outcome",
    Open = "open",
    Delivered = "delivered",
    Dropped = "dropped"
);

/// Something promised in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// Record id.
    pub id: CommitmentId,
    /// The conversation it was made in.
    pub conversation: ConversationId,
    /// What was promised.
    pub what: String,
    /// Who promised it, as they were named.
    pub who: String,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// How it turned out.
    pub outcome: Outcome,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Conversation {
    /// Checks the conversation's text.
    pub fn validate(&self) -> Result<(), Invalid> {
        require_text("ask", &self.ask, 5_000)?;
        check_length("response", &self.response, 5_000)
    }
}

impl Commitment {
    /// Checks the commitment, and that it is not due before the conversation that made it.
    pub fn validate(&self, conversation: &Conversation) -> Result<(), Invalid> {
        require_text("what", &self.what, 1_000)?;
        require_text("who", &self.who, 200)?;
        match self.due {
            Some(due) if due < conversation.date => Err(Invalid::new(
                "due",
                format!("{due} is before the conversation on {}", conversation.date),
            )),
            _ => Ok(()),
        }
    }

    /// Still open after its due date.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.outcome == Outcome::Open && self.due.is_some_and(|due| due < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn commitments_are_due_after_the_conversation_and_go_overdue() {
        let convo = Conversation {
            id: ConversationId::new(),
            owner: PersonId::new(),
            date: day("2026-04-10"),
            ask: "Lead the next cross-team design review by June".into(),
            response: "Yes, I will introduce you to the review chair".into(),
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(convo.validate(), Ok(()));
        let mut c = Commitment {
            id: CommitmentId::new(),
            conversation: convo.id,
            what: "Introduce to the review chair".into(),
            who: "manager".into(),
            due: Some(day("2026-04-30")),
            outcome: Outcome::Open,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(c.validate(&convo), Ok(()));
        assert!(!c.overdue(day("2026-04-30")));
        assert!(c.overdue(day("2026-05-01")));
        c.outcome = Outcome::Delivered;
        assert!(!c.overdue(day("2026-05-01")));
        c.due = Some(day("2026-04-01"));
        assert_eq!(c.validate(&convo).unwrap_err().field, "due");
    }
}
