//! Assessment rounds and the views each side submits to them.

use cairn_core::assessment::{Assessment, AssessmentRound, Assessor};
use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use sqlx::sqlite::SqliteConnection;

use super::{ASSESSMENT_SELECT, BEGIN_WRITE, ROUND_SELECT, SqliteStore, ts};
use crate::rows::{AssessmentRow, RoundRow, decode_all, duplicate};
use crate::{Result, StoreError};

pub(super) async fn submit_assessment(
    store: &SqliteStore,
    round: &AssessmentRound,
    side: Assessor,
    at: Timestamp,
    entries: &[Assessment],
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    insert_round(&mut tx, round).await?;
    let mark = match side {
        Assessor::Own => {
            "UPDATE rounds SET self_submitted_at = $1, updated_at = $1 \
             WHERE id = $2 AND self_submitted_at IS NULL"
        }
        Assessor::Manager => {
            "UPDATE rounds SET manager_submitted_at = $1, updated_at = $1 \
             WHERE id = $2 AND manager_submitted_at IS NULL"
        }
    };
    let done = sqlx::query(mark)
        .bind(ts(at))
        .bind(round.id.to_string())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::AlreadySubmitted {
            round: round.name.clone(),
            side,
        });
    }
    for entry in entries {
        upsert_assessment(&mut tx, entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn rounds(store: &SqliteStore, owner: PersonId) -> Result<Vec<AssessmentRound>> {
    let rows: Vec<RoundRow> = sqlx::query_as(&format!(
        "{ROUND_SELECT} WHERE owner_id = $1 ORDER BY created_at DESC, id DESC"
    ))
    .bind(owner.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn assessments(store: &SqliteStore, owner: PersonId) -> Result<Vec<Assessment>> {
    let rows: Vec<AssessmentRow> = sqlx::query_as(&format!(
        "{ASSESSMENT_SELECT} JOIN rounds r ON r.id = a.round_id WHERE r.owner_id = $1 \
         ORDER BY a.round_id, a.assessor, a.competency_id"
    ))
    .bind(owner.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

/// Opens a round unless it is stored already; submission times are set by the caller.
pub(super) async fn insert_round(conn: &mut SqliteConnection, r: &AssessmentRound) -> Result<()> {
    sqlx::query(
        "INSERT INTO rounds (id, owner_id, ladder_id, ladder_version, name, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(r.id.to_string())
    .bind(r.owner.to_string())
    .bind(r.ladder.id.as_str())
    .bind(i64::from(r.ladder.version))
    .bind(&r.name)
    .bind(ts(r.created_at))
    .bind(ts(r.updated_at))
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(())
}

pub(super) async fn upsert_round(conn: &mut SqliteConnection, r: &AssessmentRound) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO rounds (id, owner_id, ladder_id, ladder_version, name, self_submitted_at, \
           manager_submitted_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, ladder_id = excluded.ladder_id, \
           ladder_version = excluded.ladder_version, name = excluded.name, \
           self_submitted_at = excluded.self_submitted_at, \
           manager_submitted_at = excluded.manager_submitted_at, created_at = excluded.created_at, \
           updated_at = excluded.updated_at \
         WHERE excluded.updated_at > rounds.updated_at",
    )
    .bind(r.id.to_string())
    .bind(r.owner.to_string())
    .bind(r.ladder.id.as_str())
    .bind(i64::from(r.ladder.version))
    .bind(&r.name)
    .bind(r.self_submitted_at.map(ts))
    .bind(r.manager_submitted_at.map(ts))
    .bind(ts(r.created_at))
    .bind(ts(r.updated_at))
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(done.rows_affected() == 1)
}

pub(super) async fn upsert_assessment(conn: &mut SqliteConnection, a: &Assessment) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO assessments (id, round_id, assessor, recorded_by, competency_id, level, note, \
           created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET round_id = excluded.round_id, assessor = excluded.assessor, \
           recorded_by = excluded.recorded_by, competency_id = excluded.competency_id, \
           level = excluded.level, note = excluded.note, created_at = excluded.created_at, \
           updated_at = excluded.updated_at \
         WHERE excluded.updated_at > assessments.updated_at",
    )
    .bind(a.id.to_string())
    .bind(a.round.to_string())
    .bind(a.assessor.as_str())
    .bind(a.recorded_by.to_string())
    .bind(a.competency.as_str())
    .bind(a.level.as_str())
    .bind(&a.note)
    .bind(ts(a.created_at))
    .bind(ts(a.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
