//! Ladders and destinations: storing ladder versions, and setting and reading destinations
//! with their history.

use cairn_core::dates::Timestamp;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::id::{LevelId, PersonId};
use cairn_core::ladder::{Ladder, LadderRef};
use sqlx::sqlite::SqliteConnection;

use super::{BEGIN_WRITE, DESTINATION_SELECT, EVENT_SELECT, SqliteStore, ts};
use crate::rows::{DestinationEventRow, DestinationRow, LadderRow, decode_all, json_list};
use crate::{LadderImport, Result, StoreError};

pub(super) async fn ladder(store: &SqliteStore, reference: &LadderRef) -> Result<Ladder> {
    let row: Option<LadderRow> =
        sqlx::query_as("SELECT id, version, document FROM ladders WHERE id = $1 AND version = $2")
            .bind(reference.id.as_str())
            .bind(i64::from(reference.version))
            .fetch_optional(&store.pool)
            .await?;
    let row = row.ok_or_else(|| StoreError::NotFound {
        what: "ladder",
        id: format!("{} v{}", reference.id, reference.version),
    })?;
    row.try_into()
}

pub(super) async fn ladders(store: &SqliteStore) -> Result<Vec<Ladder>> {
    let rows: Vec<LadderRow> =
        sqlx::query_as("SELECT id, version, document FROM ladders ORDER BY id, version")
            .fetch_all(&store.pool)
            .await?;
    decode_all(rows)
}

pub(super) async fn import_ladder(
    store: &SqliteStore,
    ladder: &Ladder,
    profile: Option<(PersonId, &LevelId, Timestamp)>,
) -> Result<LadderImport> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    let newest: Option<LadderRow> = sqlx::query_as(
        "SELECT id, version, document FROM ladders WHERE id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(ladder.id.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let newest = newest.map(Ladder::try_from).transpose()?;
    let mut stored = ladder.clone();
    let same = newest.as_ref().is_some_and(|n| {
        stored.version = n.version;
        *n == stored
    });
    let outcome = LadderImport::after(newest.map(|n| n.version), same);
    stored.version = outcome.version;
    if outcome.added {
        insert_ladder(&mut tx, &stored).await?;
    }
    if let Some((person, level, at)) = profile {
        let done = sqlx::query(
            "UPDATE people SET ladder_id = $2, ladder_version = $3, level = $4, updated_at = $5 \
             WHERE id = $1",
        )
        .bind(person.to_string())
        .bind(stored.id.as_str())
        .bind(i64::from(stored.version))
        .bind(level.as_str())
        .bind(ts(at))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "person",
                id: person.to_string(),
            });
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

pub(super) async fn set_destination(
    store: &SqliteStore,
    destination: &Destination,
    event: &DestinationEvent,
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    upsert_destination(&mut tx, destination).await?;
    insert_event(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn destinations(store: &SqliteStore, owner: PersonId) -> Result<Vec<Destination>> {
    let rows: Vec<DestinationRow> = sqlx::query_as(&format!(
        "{DESTINATION_SELECT} WHERE owner_id = $1 ORDER BY created_at DESC, id DESC"
    ))
    .bind(owner.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn destination_events(
    store: &SqliteStore,
    owner: PersonId,
) -> Result<Vec<DestinationEvent>> {
    let rows: Vec<DestinationEventRow> = sqlx::query_as(&format!(
        "{EVENT_SELECT} WHERE owner_id = $1 ORDER BY at, id"
    ))
    .bind(owner.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

/// Stores a ladder version unless it is already there; a different document under the same
/// version is refused, because versions never change.
pub(super) async fn insert_ladder(conn: &mut SqliteConnection, ladder: &Ladder) -> Result<bool> {
    let document = serde_json::to_string(ladder).unwrap_or_default();
    let done = sqlx::query(
        "INSERT INTO ladders (id, version, document) VALUES ($1, $2, $3) ON CONFLICT (id, version) DO NOTHING",
    )
    .bind(ladder.id.as_str())
    .bind(i64::from(ladder.version))
    .bind(&document)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(true);
    }
    let stored: LadderRow =
        sqlx::query_as("SELECT id, version, document FROM ladders WHERE id = $1 AND version = $2")
            .bind(ladder.id.as_str())
            .bind(i64::from(ladder.version))
            .fetch_one(&mut *conn)
            .await?;
    if Ladder::try_from(stored)? == *ladder {
        Ok(false)
    } else {
        Err(StoreError::LadderChanged(format!(
            "{} v{}",
            ladder.id, ladder.version
        )))
    }
}

pub(super) async fn upsert_destination(
    conn: &mut SqliteConnection,
    d: &Destination,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destinations (id, owner_id, statement, target_level, horizon, reps, evidence_criteria, \
           status, visibility, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, statement = excluded.statement, \
           target_level = excluded.target_level, horizon = excluded.horizon, reps = excluded.reps, \
           evidence_criteria = excluded.evidence_criteria, status = excluded.status, \
           visibility = excluded.visibility, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > destinations.updated_at",
    )
    .bind(d.id.to_string())
    .bind(d.owner.to_string())
    .bind(&d.statement)
    .bind(d.target_level.as_ref().map(|l| l.as_str().to_owned()))
    .bind(d.horizon)
    .bind(json_list(&d.reps))
    .bind(&d.evidence_criteria)
    .bind(d.status.as_str())
    .bind(d.visibility.as_str())
    .bind(ts(d.created_at))
    .bind(ts(d.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// History is append-only: an event already stored is left as it is.
pub(super) async fn insert_event(
    conn: &mut SqliteConnection,
    e: &DestinationEvent,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destination_events (id, destination_id, owner_id, change, statement, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(e.id.to_string())
    .bind(e.destination.to_string())
    .bind(e.owner.to_string())
    .bind(e.change.as_str())
    .bind(&e.statement)
    .bind(&e.reason)
    .bind(ts(e.at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
