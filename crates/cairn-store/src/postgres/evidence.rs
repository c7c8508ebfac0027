//! Evidence: adding, editing and removing entries, resolving an id from its first
//! characters, and listing with filters and full-text search.

use cairn_core::dates::now;
use cairn_core::evidence::{Evidence, EvidenceQuery, search_words};
use cairn_core::id::EvidenceId;
use cairn_core::sync::Kind;
use sqlx::postgres::PgConnection;
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

use super::sync::record_tombstone;
use super::{EVIDENCE_BATCH, EVIDENCE_SELECT, PgStore, version};
use crate::rows::{EvidenceRow, decode_all, json_list};
use crate::{Result, StoreError, id_fragment};

pub(super) async fn add_evidence(store: &PgStore, evidence: &Evidence) -> Result<()> {
    let mut tx = store.pool.begin().await?;
    upsert_evidence(&mut tx, std::slice::from_ref(evidence)).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn evidence(store: &PgStore, id: EvidenceId) -> Result<Evidence> {
    let row: Option<EvidenceRow> = sqlx::query_as(&format!("{EVIDENCE_SELECT} WHERE e.id = $1"))
        .bind(id.uuid())
        .fetch_optional(&store.pool)
        .await?;
    let row = row.ok_or_else(|| StoreError::NotFound {
        what: "evidence",
        id: id.to_string(),
    })?;
    row.try_into()
}

pub(super) async fn resolve_evidence(store: &PgStore, fragment: &str) -> Result<EvidenceId> {
    let prefix = id_fragment(fragment)?;
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT id FROM evidence WHERE id::text LIKE $1 OR id::text LIKE $2 LIMIT 2",
    )
    .bind(format!("{prefix}%"))
    .bind(format!("%{prefix}"))
    .fetch_all(&store.pool)
    .await?;
    match ids.as_slice() {
        [one] => Ok(EvidenceId::from_uuid(*one)),
        [] => Err(StoreError::NotFound {
            what: "evidence",
            id: prefix,
        }),
        _ => Err(StoreError::Ambiguous {
            what: "evidence",
            prefix,
        }),
    }
}

pub(super) async fn update_evidence(store: &PgStore, e: &Evidence) -> Result<()> {
    let mut tx = store.pool.begin().await?;
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM evidence WHERE id = $1)")
        .bind(e.id.uuid())
        .fetch_one(&mut *tx)
        .await?;
    if !exists {
        return Err(StoreError::NotFound {
            what: "evidence",
            id: e.id.to_string(),
        });
    }
    // The upsert replaces the row only if this copy is newer than the stored one.
    if upsert_evidence(&mut tx, std::slice::from_ref(e)).await? == 0 {
        return Err(StoreError::Stale(e.id.to_string()));
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn remove_evidence(store: &PgStore, id: EvidenceId) -> Result<()> {
    let mut tx = store.pool.begin().await?;
    sqlx::query(
        "UPDATE activities SET state = 'inbox', evidence_id = NULL, updated_at = $1 \
         WHERE evidence_id = $2",
    )
    .bind(now())
    .bind(id.uuid())
    .execute(&mut *tx)
    .await?;
    let owner: Option<String> =
        sqlx::query_scalar("DELETE FROM evidence WHERE id = $1 RETURNING owner_id::text")
            .bind(id.uuid())
            .fetch_optional(&mut *tx)
            .await?;
    let Some(owner) = owner else {
        return Err(StoreError::NotFound {
            what: "evidence",
            id: id.to_string(),
        });
    };
    let owner = owner
        .parse()
        .map_err(|e: cairn_core::Invalid| StoreError::Corrupt {
            what: "evidence",
            id: id.to_string(),
            reason: e.to_string(),
        })?;
    record_tombstone(&mut tx, Kind::Evidence, id.uuid(), owner, now()).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn list_evidence(store: &PgStore, query: &EvidenceQuery) -> Result<Vec<Evidence>> {
    let mut q = QueryBuilder::<Postgres>::new(EVIDENCE_SELECT);
    let mut clause = " WHERE ";
    let mut next = |q: &mut QueryBuilder<Postgres>, sql: &str| {
        q.push(clause).push(sql);
        clause = " AND ";
    };
    if let Some(owner) = query.owner {
        next(&mut q, "e.owner_id = ");
        q.push_bind(owner.uuid());
    }
    if let Some(since) = query.since {
        next(&mut q, "e.date >= ");
        q.push_bind(since);
    }
    if let Some(until) = query.until {
        next(&mut q, "e.date <= ");
        q.push_bind(until);
    }
    if let Some(competency) = &query.competency {
        next(
            &mut q,
            "e.id IN (SELECT evidence_id FROM evidence_competencies WHERE competency_id = ",
        );
        q.push_bind(competency.as_str().to_owned()).push(")");
    }
    if let Some(source) = query.source {
        next(&mut q, "e.source = ");
        q.push_bind(source.as_str());
    }
    if query.shared_only {
        next(&mut q, "e.visibility = 'shared'");
    }
    if let Some(text) = &query.text {
        let words = search_words(text);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        next(&mut q, "e.search @@ plainto_tsquery('english', ");
        q.push_bind(words.join(" ")).push(")");
    }
    q.push(" ORDER BY e.date DESC, e.id DESC");
    if let Some(limit) = query.limit {
        q.push(" LIMIT ").push_bind(i64::from(limit));
    }
    let rows: Vec<EvidenceRow> = q.build_query_as().fetch_all(&store.pool).await?;
    decode_all(rows)
}

/// Adds evidence, or replaces stored copies that are older, in one statement per
/// [`EVIDENCE_BATCH`] records. Returns how many were written. The competency index rows
/// follow by trigger.
pub(super) async fn upsert_evidence(conn: &mut PgConnection, batch: &[Evidence]) -> Result<u64> {
    let mut written = 0;
    for chunk in batch.chunks(EVIDENCE_BATCH) {
        let mut q = QueryBuilder::<Postgres>::new(
            "INSERT INTO evidence (id, owner_id, date, title, body, impact, links, competencies, level, \
             areas, visibility, source, ladder_id, ladder_version, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, e| {
            row.push_bind(e.id.uuid())
                .push_bind(e.owner.uuid())
                .push_bind(e.date)
                .push_bind(e.title.as_str())
                .push_bind(e.body.as_str())
                .push_bind(e.impact.as_str())
                .push_bind(json_list(&e.links))
                .push_unseparated("::jsonb")
                .push_bind(json_list(&e.competencies))
                .push_unseparated("::jsonb")
                .push_bind(e.level.as_str())
                .push_bind(json_list(&e.areas))
                .push_unseparated("::jsonb")
                .push_bind(e.visibility.as_str())
                .push_bind(e.source.as_str())
                .push_bind(e.ladder.id.as_str())
                .push_bind(version(e.ladder.version))
                .push_bind(e.created_at)
                .push_bind(e.updated_at);
        });
        q.push(
            " ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, date = excluded.date, \
             title = excluded.title, body = excluded.body, impact = excluded.impact, \
             links = excluded.links, competencies = excluded.competencies, level = excluded.level, \
             areas = excluded.areas, visibility = excluded.visibility, source = excluded.source, \
             ladder_id = excluded.ladder_id, ladder_version = excluded.ladder_version, \
             created_at = excluded.created_at, updated_at = excluded.updated_at \
             WHERE excluded.updated_at > evidence.updated_at",
        );
        written += q.build().execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}
