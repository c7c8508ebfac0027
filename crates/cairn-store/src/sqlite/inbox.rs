//! The inbox: activities mined from sources, and settling a group of them as evidence or
//! dismissed.

use cairn_core::activity::{Activity, ActivityState};
use cairn_core::dates::Timestamp;
use cairn_core::evidence::Evidence;
use cairn_core::id::PersonId;
use sqlx::sqlite::SqliteConnection;
use sqlx::{QueryBuilder, Sqlite};

use super::evidence::upsert_evidence;
use super::{ACTIVITY_BATCH, ACTIVITY_SELECT, BEGIN_WRITE, SqliteStore, ts};
use crate::rows::{ActivityRow, decode_all, json_list};
use crate::{ActivityImport, Result, StoreError};

pub(super) async fn add_activities(
    store: &SqliteStore,
    activities: &[Activity],
    evidence: &[Evidence],
) -> Result<ActivityImport> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    let mut imported = 0;
    let mut accepted: Vec<String> = Vec::new();
    for chunk in activities.chunks(ACTIVITY_BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO activities (id, owner_id, source, external_id, kind, title, body, \
             url, container, group_key, files, additions, deletions, occurred_at, state, \
             evidence_id, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, a| {
            row.push_bind(a.id.to_string())
                .push_bind(a.owner.to_string())
                .push_bind(a.source.as_str())
                .push_bind(a.external_id.as_str())
                .push_bind(a.kind.as_str())
                .push_bind(a.title.as_str())
                .push_bind(a.body.as_str())
                .push_bind(a.url.as_deref())
                .push_bind(a.container.as_str())
                .push_bind(a.group.as_str())
                .push_bind(i64::from(a.files))
                .push_bind(i64::from(a.additions))
                .push_bind(i64::from(a.deletions))
                .push_bind(ts(a.occurred_at))
                .push_bind(a.state.as_str())
                .push_bind(a.evidence.map(|e| e.to_string()))
                .push_bind(ts(a.created_at))
                .push_bind(ts(a.updated_at));
        });
        q.push(" ON CONFLICT DO NOTHING");
        if evidence.is_empty() {
            imported += q.build().execute(&mut *tx).await?.rows_affected();
        } else {
            // Curated imports are small: ask which evidence their new rows point at.
            q.push(" RETURNING evidence_id");
            let new: Vec<Option<String>> = q.build_query_scalar().fetch_all(&mut *tx).await?;
            imported += new.len() as u64;
            accepted.extend(new.into_iter().flatten());
        }
    }
    // Rows returned one by one cost more than the insert itself on a large import, so
    // the new groups are counted in one query: new rows are the ones with these ids.
    let ids = json_list(
        &activities
            .iter()
            .map(|a| a.id.to_string())
            .collect::<Vec<_>>(),
    );
    let groups: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT group_key) FROM activities \
         WHERE id IN (SELECT value FROM json_each($1))",
    )
    .bind(ids)
    .fetch_one(&mut *tx)
    .await?;
    let wanted: Vec<Evidence> = evidence
        .iter()
        .filter(|e| accepted.contains(&e.id.to_string()))
        .cloned()
        .collect();
    upsert_evidence(&mut tx, &wanted).await?;
    tx.commit().await?;
    Ok(ActivityImport {
        imported,
        skipped: activities.len() as u64 - imported,
        groups: u64::try_from(groups).unwrap_or_default(),
        accepted: wanted.len() as u64,
    })
}

pub(super) async fn activities(
    store: &SqliteStore,
    owner: PersonId,
    state: Option<ActivityState>,
) -> Result<Vec<Activity>> {
    let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
        "{ACTIVITY_SELECT} WHERE owner_id = $1 AND ($2 IS NULL OR state = $2) \
         ORDER BY occurred_at, id"
    ))
    .bind(owner.to_string())
    .bind(state.map(ActivityState::as_str))
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn settle_group(
    store: &SqliteStore,
    owner: PersonId,
    group: &str,
    evidence: Option<&Evidence>,
    at: Timestamp,
) -> Result<u64> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    if let Some(e) = evidence {
        upsert_evidence(&mut tx, std::slice::from_ref(e)).await?;
    }
    let state = if evidence.is_some() {
        ActivityState::Accepted
    } else {
        ActivityState::Dismissed
    };
    let done = sqlx::query(
        "UPDATE activities SET state = $1, evidence_id = $2, updated_at = $3 \
         WHERE owner_id = $4 AND group_key = $5 AND state = 'inbox'",
    )
    .bind(state.as_str())
    .bind(evidence.map(|e| e.id.to_string()))
    .bind(ts(at))
    .bind(owner.to_string())
    .bind(group)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "inbox group",
            id: group.to_owned(),
        });
    }
    tx.commit().await?;
    Ok(done.rows_affected())
}

/// Adds an activity from an archive, or brings the stored copy up to date when the archive's
/// is newer. An activity stored under another id (the same commit imported into two stores)
/// is left as it is.
pub(super) async fn upsert_activity(conn: &mut SqliteConnection, a: &Activity) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO activities (id, owner_id, source, external_id, kind, title, body, url, \
         container, group_key, files, additions, deletions, occurred_at, state, evidence_id, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         ON CONFLICT DO NOTHING",
    )
    .bind(a.id.to_string())
    .bind(a.owner.to_string())
    .bind(a.source.as_str())
    .bind(a.external_id.as_str())
    .bind(a.kind.as_str())
    .bind(a.title.as_str())
    .bind(a.body.as_str())
    .bind(a.url.as_deref())
    .bind(a.container.as_str())
    .bind(a.group.as_str())
    .bind(i64::from(a.files))
    .bind(i64::from(a.additions))
    .bind(i64::from(a.deletions))
    .bind(ts(a.occurred_at))
    .bind(a.state.as_str())
    .bind(a.evidence.map(|e| e.to_string()))
    .bind(ts(a.created_at))
    .bind(ts(a.updated_at))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted > 0 {
        return Ok(true);
    }
    let updated = sqlx::query(
        "UPDATE activities SET state = $1, evidence_id = $2, group_key = $3, updated_at = $4 \
         WHERE id = $5 AND updated_at < $4",
    )
    .bind(a.state.as_str())
    .bind(a.evidence.map(|e| e.to_string()))
    .bind(a.group.as_str())
    .bind(ts(a.updated_at))
    .bind(a.id.to_string())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(updated > 0)
}
