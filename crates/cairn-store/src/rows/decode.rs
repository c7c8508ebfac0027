//! Rows decoded into domain records, each checked, blaming the record it belongs to.

use std::str::FromStr;

use cairn_core::Invalid;
use cairn_core::account::{Account, Session, SignedIn};
use cairn_core::activity::Activity;
use cairn_core::assessment::{Assessment, AssessmentRound};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation};
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::evidence::Evidence;
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use serde::de::DeserializeOwned;

use super::{
    AccountRow, ActivityRow, AssessmentRow, CommitmentRow, ConstraintRow,
    ConversationCommitmentsRow, ConversationRow, DecisionRow, DestinationEventRow, DestinationRow,
    EvidenceRow, LadderRow, PersonRow, ProfileChangeRow, RepRow, RoundRow, SessionRow, decode_all,
};
use crate::{Result, StoreError};

/// Decodes one stored value, blaming the record it belongs to.
struct Decoder<'a> {
    what: &'static str,
    id: &'a str,
}

impl Decoder<'_> {
    fn corrupt(&self, reason: &impl ToString) -> StoreError {
        StoreError::Corrupt {
            what: self.what,
            id: self.id.to_owned(),
            reason: reason.to_string(),
        }
    }

    fn parse<T: FromStr<Err = Invalid>>(&self, text: &str) -> Result<T> {
        text.parse().map_err(|e: Invalid| self.corrupt(&e))
    }

    fn json<T: DeserializeOwned>(&self, text: &str) -> Result<T> {
        serde_json::from_str(text).map_err(|e| self.corrupt(&e))
    }

    fn version(&self, version: i64) -> Result<u32> {
        u32::try_from(version).map_err(|e| self.corrupt(&e))
    }

    fn ladder(&self, id: &str, version: i64) -> Result<LadderRef> {
        Ok(LadderRef {
            id: self.parse(id)?,
            version: self.version(version)?,
        })
    }
}

impl TryFrom<LadderRow> for Ladder {
    type Error = StoreError;
    fn try_from(row: LadderRow) -> Result<Self> {
        let d = Decoder {
            what: "ladder",
            id: &row.id,
        };
        let ladder: Ladder = d.json(&row.document)?;
        if ladder.id.as_str() != row.id || i64::from(ladder.version) != row.version {
            return Err(d.corrupt(&"the document does not match its key"));
        }
        Ok(ladder)
    }
}

impl TryFrom<PersonRow> for Person {
    type Error = StoreError;
    fn try_from(row: PersonRow) -> Result<Self> {
        let d = Decoder {
            what: "person",
            id: &row.id,
        };
        Ok(Person {
            id: d.parse(&row.id)?,
            name: row.name.clone(),
            emails: d.json(&row.emails)?,
            github: row.github.clone(),
            ladder: d.ladder(&row.ladder_id, row.ladder_version)?,
            level: d.parse(&row.level)?,
            manager: row.manager_id.as_deref().map(|m| d.parse(m)).transpose()?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<DestinationRow> for Destination {
    type Error = StoreError;
    fn try_from(row: DestinationRow) -> Result<Self> {
        let d = Decoder {
            what: "destination",
            id: &row.id,
        };
        Ok(Destination {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            statement: row.statement.clone(),
            target_level: row
                .target_level
                .as_deref()
                .map(|l| d.parse(l))
                .transpose()?,
            horizon: row.horizon,
            reps: d.json(&row.reps)?,
            evidence_criteria: row.evidence_criteria.clone(),
            status: d.parse(&row.status)?,
            visibility: d.parse(&row.visibility)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<DestinationEventRow> for DestinationEvent {
    type Error = StoreError;
    fn try_from(row: DestinationEventRow) -> Result<Self> {
        let d = Decoder {
            what: "destination event",
            id: &row.id,
        };
        Ok(DestinationEvent {
            id: d.parse(&row.id)?,
            destination: d.parse(&row.destination_id)?,
            owner: d.parse(&row.owner_id)?,
            change: d.parse(&row.change)?,
            statement: row.statement.clone(),
            reason: row.reason.clone(),
            at: row.at,
        })
    }
}

impl TryFrom<EvidenceRow> for Evidence {
    type Error = StoreError;
    fn try_from(row: EvidenceRow) -> Result<Self> {
        let d = Decoder {
            what: "evidence",
            id: &row.id,
        };
        let competencies: Vec<String> = d.json(&row.competencies)?;
        Ok(Evidence {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            date: row.date,
            title: row.title,
            body: row.body,
            impact: row.impact,
            links: d.json(&row.links)?,
            competencies: competencies
                .iter()
                .map(|c| d.parse(c))
                .collect::<Result<_>>()?,
            level: d.parse(&row.level)?,
            areas: d.json(&row.areas)?,
            visibility: d.parse(&row.visibility)?,
            source: d.parse(&row.source)?,
            ladder: d.ladder(&row.ladder_id, row.ladder_version)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<ActivityRow> for Activity {
    type Error = StoreError;
    fn try_from(row: ActivityRow) -> Result<Self> {
        let d = Decoder {
            what: "activity",
            id: &row.id,
        };
        let count = |n: i64| u32::try_from(n).map_err(|_| d.corrupt(&format!("count {n}")));
        Ok(Activity {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            source: d.parse(&row.source)?,
            external_id: row.external_id.clone(),
            kind: d.parse(&row.kind)?,
            title: row.title.clone(),
            body: row.body.clone(),
            url: row.url.clone(),
            container: row.container.clone(),
            group: row.group_key.clone(),
            files: count(row.files)?,
            additions: count(row.additions)?,
            deletions: count(row.deletions)?,
            occurred_at: row.occurred_at,
            state: d.parse(&row.state)?,
            evidence: row.evidence_id.as_deref().map(|e| d.parse(e)).transpose()?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<RepRow> for Rep {
    type Error = StoreError;
    fn try_from(row: RepRow) -> Result<Self> {
        let d = Decoder {
            what: "rep",
            id: &row.id,
        };
        Ok(Rep {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            title: row.title.clone(),
            description: row.description.clone(),
            competencies: d.json(&row.competencies)?,
            exposure: d.parse(&row.exposure)?,
            status: d.parse(&row.status)?,
            visibility: d.parse(&row.visibility)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<ConversationRow> for Conversation {
    type Error = StoreError;
    fn try_from(row: ConversationRow) -> Result<Self> {
        let d = Decoder {
            what: "conversation",
            id: &row.id,
        };
        Ok(Conversation {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            date: row.date,
            ask: row.ask.clone(),
            response: row.response.clone(),
            visibility: d.parse(&row.visibility)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<ConversationCommitmentsRow> for (Conversation, Vec<Commitment>) {
    type Error = StoreError;
    fn try_from(row: ConversationCommitmentsRow) -> Result<Self> {
        let commitments: Vec<CommitmentRow> =
            serde_json::from_str(&row.commitments).map_err(|e| StoreError::Corrupt {
                what: "conversation",
                id: row.conversation.id.clone(),
                reason: format!("commitments: {e}"),
            })?;
        Ok((row.conversation.try_into()?, decode_all(commitments)?))
    }
}

impl TryFrom<CommitmentRow> for Commitment {
    type Error = StoreError;
    fn try_from(row: CommitmentRow) -> Result<Self> {
        let d = Decoder {
            what: "commitment",
            id: &row.id,
        };
        Ok(Commitment {
            id: d.parse(&row.id)?,
            conversation: d.parse(&row.conversation_id)?,
            what: row.what.clone(),
            who: row.who.clone(),
            due: row.due,
            outcome: d.parse(&row.outcome)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<ConstraintRow> for Constraint {
    type Error = StoreError;
    fn try_from(row: ConstraintRow) -> Result<Self> {
        let d = Decoder {
            what: "constraint",
            id: &row.id,
        };
        Ok(Constraint {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            recorded_by: d.parse(&row.recorded_by)?,
            kind: d.parse(&row.kind)?,
            description: row.description.clone(),
            since: row.since,
            until: row.until,
            visibility: d.parse(&row.visibility)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<DecisionRow> for Decision {
    type Error = StoreError;
    fn try_from(row: DecisionRow) -> Result<Self> {
        let d = Decoder {
            what: "decision",
            id: &row.id,
        };
        Ok(Decision {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            choice: d.parse(&row.choice)?,
            because: row.because.clone(),
            decided_on: row.decided_on,
            revisit: row.revisit,
            context: d.json(&row.context)?,
            visibility: d.parse(&row.visibility)?,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<ProfileChangeRow> for ProfileChange {
    type Error = StoreError;
    fn try_from(row: ProfileChangeRow) -> Result<Self> {
        let d = Decoder {
            what: "profile change",
            id: &row.id,
        };
        Ok(ProfileChange {
            id: d.parse(&row.id)?,
            person: d.parse(&row.person_id)?,
            field: d.parse(&row.field)?,
            from: row.from_value.clone(),
            to: row.to_value.clone(),
            reason: row.reason.clone(),
            at: row.at,
        })
    }
}

impl TryFrom<RoundRow> for AssessmentRound {
    type Error = StoreError;
    fn try_from(row: RoundRow) -> Result<Self> {
        let d = Decoder {
            what: "assessment round",
            id: &row.id,
        };
        Ok(AssessmentRound {
            id: d.parse(&row.id)?,
            owner: d.parse(&row.owner_id)?,
            ladder: d.ladder(&row.ladder_id, row.ladder_version)?,
            name: row.name.clone(),
            self_submitted_at: row.self_submitted_at,
            manager_submitted_at: row.manager_submitted_at,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<AssessmentRow> for Assessment {
    type Error = StoreError;
    fn try_from(row: AssessmentRow) -> Result<Self> {
        let d = Decoder {
            what: "assessment",
            id: &row.id,
        };
        Ok(Assessment {
            id: d.parse(&row.id)?,
            round: d.parse(&row.round_id)?,
            assessor: d.parse(&row.assessor)?,
            recorded_by: d.parse(&row.recorded_by)?,
            competency: d.parse(&row.competency_id)?,
            level: d.parse(&row.level)?,
            note: row.note.clone(),
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(row: AccountRow) -> Result<Self> {
        let d = Decoder {
            what: "account",
            id: &row.login,
        };
        Ok(Account {
            person: d.parse(&row.person_id)?,
            login: row.login.clone(),
            password_hash: row.password_hash.clone(),
            role: d.parse(&row.role)?,
            active: row.active,
            external_id: row.external_id.clone(),
            directory: row.directory.clone(),
            removed_at: row.removed_at,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<SessionRow> for SignedIn {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self> {
        let d = Decoder {
            what: "session",
            id: "(hidden)",
        };
        Ok(SignedIn {
            session: Session {
                token_hash: row.token_hash,
                person: d.parse(&row.person_id)?,
                csrf: row.csrf,
                created_at: row.created_at,
                expires_at: row.expires_at,
            },
            name: row.name,
            email: row.email,
            role: d.parse(&row.role)?,
        })
    }
}
