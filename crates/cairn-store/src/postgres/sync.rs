//! Sync's bookkeeping: tombstones (written with each deletion, and merged from archives,
//! where they delete what they name unless it changed since), origins, and where each
//! remote's sync stands.

use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use cairn_core::sync::{Kind, Origin, SyncState, Tombstone};
use sqlx::postgres::PgConnection;

use super::PgStore;
use crate::Result;
use crate::rows::{OriginRow, SyncStateRow, TombstoneRow, decode_all};

pub(super) const TOMBSTONE_SELECT: &str =
    "SELECT kind, id::text AS id, owner_id::text AS owner_id, deleted_at FROM tombstones";
pub(super) const ORIGIN_SELECT: &str = "SELECT kind, id::text AS id, remote, author FROM origins";

/// Notes a deletion, in the deleting transaction.
pub(super) async fn record_tombstone(
    conn: &mut PgConnection,
    kind: Kind,
    id: uuid::Uuid,
    owner: PersonId,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO tombstones (kind, id, owner_id, deleted_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (kind, id) DO UPDATE SET deleted_at = excluded.deleted_at",
    )
    .bind(kind.as_str())
    .bind(id)
    .bind(owner.uuid())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Merges a tombstone: keeps it, and deletes the record it names when it is its owner's
/// and did not change after the deletion. Says whether anything was written.
pub(super) async fn merge_tombstone(conn: &mut PgConnection, t: &Tombstone) -> Result<bool> {
    let kept = sqlx::query(
        "INSERT INTO tombstones (kind, id, owner_id, deleted_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (kind, id) DO NOTHING",
    )
    .bind(t.kind.as_str())
    .bind(t.id)
    .bind(t.owner.uuid())
    .bind(t.deleted_at)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let delete = match t.kind {
        Kind::Evidence => {
            "DELETE FROM evidence WHERE id = $1 AND owner_id = $2 AND updated_at <= $3"
        }
        Kind::Rep => "DELETE FROM reps WHERE id = $1 AND owner_id = $2 AND updated_at <= $3",
        _ => return Ok(kept > 0),
    };
    if t.kind == Kind::Evidence {
        // The activities it was made from go back to the inbox, as with any deletion.
        sqlx::query(
            "UPDATE activities SET state = 'inbox', evidence_id = NULL, updated_at = $3 \
             WHERE evidence_id = $1 AND EXISTS (SELECT 1 FROM evidence \
             WHERE id = $1 AND owner_id = $2 AND updated_at <= $3)",
        )
        .bind(t.id)
        .bind(t.owner.uuid())
        .bind(t.deleted_at)
        .execute(&mut *conn)
        .await?;
    }
    let gone = sqlx::query(delete)
        .bind(t.id)
        .bind(t.owner.uuid())
        .bind(t.deleted_at)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(kept + gone > 0)
}

/// Notes where a record came from, replacing an earlier note; says whether it changed.
pub(super) async fn upsert_origin(conn: &mut PgConnection, o: &Origin) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO origins (kind, id, remote, author) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (kind, id) DO UPDATE SET remote = excluded.remote, author = excluded.author \
         WHERE origins.remote IS DISTINCT FROM excluded.remote OR origins.author IS DISTINCT FROM excluded.author",
    )
    .bind(o.kind.as_str())
    .bind(o.id)
    .bind(&o.remote)
    .bind(&o.author)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn origin(store: &PgStore, kind: Kind, id: uuid::Uuid) -> Result<Option<Origin>> {
    let row: Option<OriginRow> =
        sqlx::query_as(&format!("{ORIGIN_SELECT} WHERE kind = $1 AND id = $2"))
            .bind(kind.as_str())
            .bind(id)
            .fetch_optional(&store.pool)
            .await?;
    row.map(Origin::try_from).transpose()
}

pub(super) async fn tombstones(
    store: &PgStore,
    owner: PersonId,
    since: Option<Timestamp>,
) -> Result<Vec<Tombstone>> {
    let rows: Vec<TombstoneRow> = sqlx::query_as(&format!(
        "{TOMBSTONE_SELECT} WHERE owner_id = $1 AND ($2::timestamptz IS NULL OR deleted_at > $2) ORDER BY kind, id"
    ))
    .bind(owner.uuid())
    .bind(since)
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn sync_state(store: &PgStore, remote: &str) -> Result<Option<SyncState>> {
    let row: Option<SyncStateRow> = sqlx::query_as(
        "SELECT remote, url, remote_person::text AS remote_person, pushed_at, pulled_at FROM sync_state WHERE remote = $1",
    )
    .bind(remote)
    .fetch_optional(&store.pool)
    .await?;
    row.map(SyncState::try_from).transpose()
}

pub(super) async fn set_sync_state(store: &PgStore, state: &SyncState) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_state (remote, url, remote_person, pushed_at, pulled_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (remote) DO UPDATE SET url = excluded.url, remote_person = excluded.remote_person, \
         pushed_at = excluded.pushed_at, pulled_at = excluded.pulled_at",
    )
    .bind(&state.remote)
    .bind(&state.url)
    .bind(state.remote_person.uuid())
    .bind(state.pushed_at)
    .bind(state.pulled_at)
    .execute(&store.pool)
    .await?;
    Ok(())
}
