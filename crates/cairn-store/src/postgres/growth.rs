//! Growth records: reps, conversations with their commitments, constraints and decisions.

use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::Timestamp;
use cairn_core::decision::Decision;
use cairn_core::id::{CommitmentId, PersonId, RepId};
use cairn_core::rep::Rep;
use cairn_core::sync::Kind;
use sqlx::postgres::PgConnection;

use super::sync::record_tombstone;
use super::{
    CONSTRAINT_SELECT, CONVERSATION_COMMITMENTS_SELECT, DECISION_SELECT, PgStore, REP_SELECT,
};
use crate::rows::{
    ConstraintRow, ConversationCommitmentsRow, DecisionRow, RepRow, decode_all, json_list,
};
use crate::{Result, StoreError};

pub(super) async fn put_rep(store: &PgStore, r: &Rep) -> Result<()> {
    let mut conn = store.pool.acquire().await?;
    upsert_rep(&mut conn, r).await?;
    Ok(())
}

pub(super) async fn reps(store: &PgStore, owner: PersonId) -> Result<Vec<Rep>> {
    let rows: Vec<RepRow> = sqlx::query_as(&format!(
        "{REP_SELECT} WHERE owner_id = $1 ORDER BY created_at, id"
    ))
    .bind(owner.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn remove_rep(store: &PgStore, owner: PersonId, id: RepId) -> Result<()> {
    let mut tx = store.pool.begin().await?;
    let done = sqlx::query("DELETE FROM reps WHERE id = $1 AND owner_id = $2")
        .bind(id.uuid())
        .bind(owner.uuid())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "rep",
            id: id.to_string(),
        });
    }
    record_tombstone(
        &mut tx,
        Kind::Rep,
        id.uuid(),
        owner,
        cairn_core::dates::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn add_conversation(
    store: &PgStore,
    conversation: &Conversation,
    commitments: &[Commitment],
) -> Result<()> {
    let mut tx = store.pool.begin().await?;
    upsert_conversation(&mut tx, conversation).await?;
    for c in commitments {
        upsert_commitment(&mut tx, c).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn conversations(
    store: &PgStore,
    owner: PersonId,
) -> Result<Vec<(Conversation, Vec<Commitment>)>> {
    let rows: Vec<ConversationCommitmentsRow> = sqlx::query_as(&format!(
        "{CONVERSATION_COMMITMENTS_SELECT} WHERE c.owner_id = $1 ORDER BY c.date, c.id"
    ))
    .bind(owner.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn set_outcome(
    store: &PgStore,
    commitment: CommitmentId,
    outcome: Outcome,
    at: Timestamp,
) -> Result<()> {
    let done = sqlx::query("UPDATE commitments SET outcome = $1, updated_at = $2 WHERE id = $3")
        .bind(outcome.as_str())
        .bind(at)
        .bind(commitment.uuid())
        .execute(&store.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "commitment",
            id: commitment.to_string(),
        });
    }
    Ok(())
}

pub(super) async fn add_constraint(store: &PgStore, c: &Constraint) -> Result<()> {
    let mut conn = store.pool.acquire().await?;
    upsert_constraint(&mut conn, c).await?;
    Ok(())
}

pub(super) async fn constraints(store: &PgStore, owner: PersonId) -> Result<Vec<Constraint>> {
    let rows: Vec<ConstraintRow> = sqlx::query_as(&format!(
        "{CONSTRAINT_SELECT} WHERE owner_id = $1 ORDER BY since, id"
    ))
    .bind(owner.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn add_decision(store: &PgStore, d: &Decision) -> Result<()> {
    let mut conn = store.pool.acquire().await?;
    upsert_decision(&mut conn, d).await?;
    Ok(())
}

pub(super) async fn decisions(store: &PgStore, owner: PersonId) -> Result<Vec<Decision>> {
    let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
        "{DECISION_SELECT} WHERE owner_id = $1 ORDER BY decided_on, created_at, id"
    ))
    .bind(owner.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

/// Adds or updates (when newer) a rep from an archive.
pub(super) async fn upsert_rep(conn: &mut PgConnection, r: &Rep) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO reps (id, owner_id, title, description, competencies, exposure, status, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, \
         description = excluded.description, competencies = excluded.competencies, \
         exposure = excluded.exposure, status = excluded.status, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > reps.updated_at",
    )
    .bind(r.id.uuid())
    .bind(r.owner.uuid())
    .bind(&r.title)
    .bind(&r.description)
    .bind(json_list(&r.competencies))
    .bind(r.exposure.as_str())
    .bind(r.status.as_str())
    .bind(r.visibility.as_str())
    .bind(r.created_at)
    .bind(r.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a conversation.
pub(super) async fn upsert_conversation(conn: &mut PgConnection, c: &Conversation) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO conversations (id, owner_id, date, ask, response, visibility, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, ask = excluded.ask, \
         response = excluded.response, visibility = excluded.visibility, \
         updated_at = excluded.updated_at WHERE excluded.updated_at > conversations.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.owner.uuid())
    .bind(c.date)
    .bind(&c.ask)
    .bind(&c.response)
    .bind(c.visibility.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a commitment.
pub(super) async fn upsert_commitment(conn: &mut PgConnection, c: &Commitment) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO commitments (id, conversation_id, what, who, due, outcome, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET what = excluded.what, who = excluded.who, \
         due = excluded.due, outcome = excluded.outcome, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > commitments.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.conversation.uuid())
    .bind(&c.what)
    .bind(&c.who)
    .bind(c.due)
    .bind(c.outcome.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a constraint.
pub(super) async fn upsert_constraint(conn: &mut PgConnection, c: &Constraint) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO constraints (id, owner_id, recorded_by, kind, description, since, until, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, \
         description = excluded.description, since = excluded.since, until = excluded.until, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > constraints.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.owner.uuid())
    .bind(c.recorded_by.uuid())
    .bind(c.kind.as_str())
    .bind(&c.description)
    .bind(c.since)
    .bind(c.until)
    .bind(c.visibility.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a decision.
pub(super) async fn upsert_decision(conn: &mut PgConnection, d: &Decision) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO decisions (id, owner_id, choice, because, decided_on, revisit, context, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET choice = excluded.choice, because = excluded.because, \
         decided_on = excluded.decided_on, revisit = excluded.revisit, context = excluded.context, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > decisions.updated_at",
    )
    .bind(d.id.uuid())
    .bind(d.owner.uuid())
    .bind(d.choice.as_str())
    .bind(&d.because)
    .bind(d.decided_on)
    .bind(d.revisit)
    .bind(serde_json::to_string(&d.context).unwrap_or_default())
    .bind(d.visibility.as_str())
    .bind(d.created_at)
    .bind(d.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
