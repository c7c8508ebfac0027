//! People: profiles, the history of their changes, and who reports to whom.

use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use cairn_core::person::{Person, ProfileChange};
use sqlx::sqlite::SqliteConnection;

use super::{BEGIN_WRITE, PERSON_SELECT, PROFILE_CHANGE_SELECT, SqliteStore, ts};
use crate::rows::{PersonRow, ProfileChangeRow, decode_all, json_list};
use crate::{Result, StoreError};

pub(super) async fn person(store: &SqliteStore, id: PersonId) -> Result<Person> {
    let row: Option<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} WHERE id = $1"))
        .bind(id.to_string())
        .fetch_optional(&store.pool)
        .await?;
    let row = row.ok_or_else(|| StoreError::NotFound {
        what: "person",
        id: id.to_string(),
    })?;
    row.try_into()
}

pub(super) async fn update_person(
    store: &SqliteStore,
    person: &Person,
    changes: &[ProfileChange],
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    if !upsert_person(&mut tx, person).await? {
        return Err(StoreError::NotFound {
            what: "newer profile",
            id: person.id.to_string(),
        });
    }
    for c in changes {
        insert_profile_change(&mut tx, c).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn profile_changes(
    store: &SqliteStore,
    person: PersonId,
) -> Result<Vec<ProfileChange>> {
    let rows: Vec<ProfileChangeRow> = sqlx::query_as(&format!(
        "{PROFILE_CHANGE_SELECT} WHERE person_id = $1 ORDER BY at, id"
    ))
    .bind(person.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn reports(store: &SqliteStore, manager: PersonId) -> Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!(
        "{PERSON_SELECT} WHERE manager_id = $1 ORDER BY id"
    ))
    .bind(manager.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn people(store: &SqliteStore) -> Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} ORDER BY id"))
        .fetch_all(&store.pool)
        .await?;
    decode_all(rows)
}

pub(super) async fn set_manager(
    store: &SqliteStore,
    person: PersonId,
    manager: Option<PersonId>,
    at: Timestamp,
) -> Result<()> {
    let done = sqlx::query("UPDATE people SET manager_id = $2, updated_at = $3 WHERE id = $1")
        .bind(person.to_string())
        .bind(manager.map(|m| m.to_string()))
        .bind(ts(at))
        .execute(&store.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "person",
            id: person.to_string(),
        });
    }
    Ok(())
}

pub(super) async fn upsert_person(conn: &mut SqliteConnection, p: &Person) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO people (id, name, emails, ladder_id, ladder_version, level, manager_id, created_at, updated_at, github) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, emails = excluded.emails, github = excluded.github, \
           ladder_id = excluded.ladder_id, ladder_version = excluded.ladder_version, level = excluded.level, \
           manager_id = excluded.manager_id, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > people.updated_at",
    )
    .bind(p.id.to_string())
    .bind(&p.name)
    .bind(json_list(&p.emails))
    .bind(p.ladder.id.as_str())
    .bind(i64::from(p.ladder.version))
    .bind(p.level.as_str())
    .bind(p.manager.map(|m| m.to_string()))
    .bind(ts(p.created_at))
    .bind(ts(p.updated_at))
    .bind(p.github.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds a profile change unless it is stored already (changes are never edited).
pub(super) async fn insert_profile_change(
    conn: &mut SqliteConnection,
    c: &ProfileChange,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO profile_changes (id, person_id, field, from_value, to_value, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(c.id.to_string())
    .bind(c.person.to_string())
    .bind(c.field.as_str())
    .bind(&c.from)
    .bind(&c.to)
    .bind(&c.reason)
    .bind(ts(c.at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
