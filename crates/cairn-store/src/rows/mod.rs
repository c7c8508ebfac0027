//! Rows as both engines return them, and their decoding into domain records.
//!
//! Each engine's SELECTs produce the same column types (ids and lists as text, versions as
//! 64-bit integers, dates and timestamps native), so decoding and its checks live here once.
//! A row that does not decode is reported as [`StoreError::Corrupt`], never skipped.

mod access;
mod decode;

pub(crate) use access::{
    AuditRow, BearerRow, GrantRow, OriginRow, SyncStateRow, TokenRow, TombstoneRow,
};

use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use chrono::NaiveDate;
use serde::Serialize;

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
    pub active: bool,
    pub external_id: Option<String>,
    pub directory: Option<String>,
    pub removed_at: Option<Timestamp>,
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
    pub name: String,
    pub email: String,
    pub role: String,
}

/// A list as the JSON text both engines store.
pub(crate) fn json_list<T: Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
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
