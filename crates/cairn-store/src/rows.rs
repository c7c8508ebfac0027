//! Rows as both engines return them, and their decoding into domain records.
//!
//! Each engine's SELECTs produce the same column types (ids and lists as text, versions as
//! 64-bit integers, dates and timestamps native), so decoding and its checks live here once.
//! A row that does not decode is reported as [`StoreError::Corrupt`], never skipped.

use std::str::FromStr;

use cairn_core::Invalid;
use cairn_core::account::{Account, Session};
use cairn_core::activity::Activity;
use cairn_core::archive::{Archive, Growth};
use cairn_core::assessment::{Assessment, AssessmentRound};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation};
use cairn_core::dates::Timestamp;
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::evidence::Evidence;
use cairn_core::id::PersonId;
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Result, StoreError};

#[derive(sqlx::FromRow)]
pub(crate) struct LadderRow {
    pub id: String,
    pub version: i64,
    pub document: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub id: String,
    pub name: String,
    pub emails: String,
    pub ladder_id: String,
    pub ladder_version: i64,
    pub level: String,
    pub manager_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub github: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DestinationRow {
    pub id: String,
    pub owner_id: String,
    pub statement: String,
    pub target_level: Option<String>,
    pub horizon: Option<NaiveDate>,
    pub reps: String,
    pub evidence_criteria: String,
    pub status: String,
    pub visibility: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DestinationEventRow {
    pub id: String,
    pub destination_id: String,
    pub owner_id: String,
    pub change: String,
    pub statement: String,
    pub reason: String,
    pub at: Timestamp,
}

/// An evidence row. SQLite's list document gives the fields as arrays, in this order.
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct EvidenceRow {
    pub id: String,
    pub owner_id: String,
    pub date: NaiveDate,
    pub title: String,
    pub body: String,
    pub impact: String,
    pub links: String,
    pub competencies: String,
    pub level: String,
    pub areas: String,
    pub visibility: String,
    pub source: String,
    pub ladder_id: String,
    pub ladder_version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ActivityRow {
    pub id: String,
    pub owner_id: String,
    pub source: String,
    pub external_id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub url: Option<String>,
    pub container: String,
    pub group_key: String,
    pub files: i64,
    pub additions: i64,
    pub deletions: i64,
    pub occurred_at: Timestamp,
    pub state: String,
    pub evidence_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct RepRow {
    pub id: String,
    pub owner_id: String,
    pub title: String,
    pub description: String,
    pub competencies: String,
    pub exposure: String,
    pub status: String,
    pub visibility: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ConversationRow {
    pub id: String,
    pub owner_id: String,
    pub date: NaiveDate,
    pub ask: String,
    pub response: String,
    pub visibility: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A conversation with its commitments as one JSON array, so both come from one statement.
#[derive(sqlx::FromRow)]
pub(crate) struct ConversationCommitmentsRow {
    #[sqlx(flatten)]
    pub conversation: ConversationRow,
    pub commitments: String,
}

#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct CommitmentRow {
    pub id: String,
    pub conversation_id: String,
    pub what: String,
    pub who: String,
    pub due: Option<NaiveDate>,
    pub outcome: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ConstraintRow {
    pub id: String,
    pub owner_id: String,
    pub recorded_by: String,
    pub kind: String,
    pub description: String,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
    pub visibility: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DecisionRow {
    pub id: String,
    pub owner_id: String,
    pub choice: String,
    pub because: String,
    pub decided_on: NaiveDate,
    pub revisit: NaiveDate,
    pub context: String,
    pub visibility: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProfileChangeRow {
    pub id: String,
    pub person_id: String,
    pub field: String,
    pub from_value: String,
    pub to_value: String,
    pub reason: String,
    pub at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct RoundRow {
    pub id: String,
    pub owner_id: String,
    pub ladder_id: String,
    pub ladder_version: i64,
    pub name: String,
    pub self_submitted_at: Option<Timestamp>,
    pub manager_submitted_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct AssessmentRow {
    pub id: String,
    pub round_id: String,
    pub assessor: String,
    pub recorded_by: String,
    pub competency_id: String,
    pub level: String,
    pub note: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    pub person_id: String,
    pub login: String,
    pub password_hash: String,
    pub role: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    pub token_hash: String,
    pub person_id: String,
    pub csrf: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// A list as the JSON text both engines store.
pub(crate) fn json_list<T: Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

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

/// The `owner` setting's value as a person id.
pub(crate) fn owner_setting(value: Option<String>) -> Result<Option<PersonId>> {
    value
        .map(|v| {
            v.parse().map_err(|_| StoreError::Corrupt {
                what: "setting",
                id: "owner".into(),
                reason: format!("'{v}' is not a person id"),
            })
        })
        .transpose()
}

/// Everything one engine read for an export, as rows.
pub(crate) struct ExportRows {
    pub owner: Option<String>,
    pub ladders: Vec<LadderRow>,
    pub people: Vec<PersonRow>,
    pub destinations: Vec<DestinationRow>,
    pub events: Vec<DestinationEventRow>,
    pub evidence: Vec<EvidenceRow>,
    pub rounds: Vec<RoundRow>,
    pub assessments: Vec<AssessmentRow>,
    pub activities: Vec<ActivityRow>,
    pub reps: Vec<RepRow>,
    pub conversations: Vec<ConversationRow>,
    pub commitments: Vec<CommitmentRow>,
    pub constraints: Vec<ConstraintRow>,
    pub decisions: Vec<DecisionRow>,
    pub profile_changes: Vec<ProfileChangeRow>,
}

impl TryFrom<ExportRows> for Archive {
    type Error = StoreError;
    fn try_from(rows: ExportRows) -> Result<Self> {
        Ok(Archive::new(
            owner_setting(rows.owner)?,
            decode_all(rows.ladders)?,
            decode_all(rows.people)?,
            decode_all(rows.destinations)?,
            decode_all(rows.events)?,
            decode_all(rows.evidence)?,
        )
        .with_rounds(decode_all(rows.rounds)?, decode_all(rows.assessments)?)
        .with_activities(decode_all(rows.activities)?)
        .with_growth(Growth {
            reps: decode_all(rows.reps)?,
            conversations: decode_all(rows.conversations)?,
            commitments: decode_all(rows.commitments)?,
            constraints: decode_all(rows.constraints)?,
            decisions: decode_all(rows.decisions)?,
            profile_changes: decode_all(rows.profile_changes)?,
        }))
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
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<SessionRow> for Session {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self> {
        let d = Decoder {
            what: "session",
            id: "(hidden)",
        };
        Ok(Session {
            token_hash: row.token_hash,
            person: d.parse(&row.person_id)?,
            csrf: row.csrf,
            created_at: row.created_at,
            expires_at: row.expires_at,
        })
    }
}

/// A unique-constraint failure as [`StoreError::Duplicate`] naming `what`.
pub(crate) fn duplicate(error: sqlx::Error, what: String) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate(what),
        _ => StoreError::Database(error),
    }
}

/// Decodes every row, stopping at the first damaged one.
pub(crate) fn decode_all<R, T: TryFrom<R, Error = StoreError>>(rows: Vec<R>) -> Result<Vec<T>> {
    rows.into_iter().map(T::try_from).collect()
}
