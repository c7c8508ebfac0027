//! People: profiles, the history of their changes, and who reports to whom.

use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use cairn_core::person::{Person, ProfileChange};
use sqlx::postgres::PgConnection;

use super::{PERSON_SELECT, PROFILE_CHANGE_SELECT, PgStore, version};
use crate::rows::{PersonRow, ProfileChangeRow, decode_all, json_list};
use crate::{Result, StoreError};

pub(super) async fn person(store: &PgStore, id: PersonId) -> Result<Person> {
    let row: Option<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} WHERE id = $1"))
        .bind(id.uuid())
        .fetch_optional(&store.pool)
        .await?;
    let row = row.ok_or_else(|| StoreError::NotFound {
        what: "person",
        id: id.to_string(),
    })?;
    row.try_into()
}

pub(super) async fn update_person(
    store: &PgStore,
    person: &Person,
    changes: &[ProfileChange],
) -> Result<()> {
    let mut tx = store.pool.begin().await?;
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
    store: &PgStore,
    person: PersonId,
) -> Result<Vec<ProfileChange>> {
    let rows: Vec<ProfileChangeRow> = sqlx::query_as(&format!(
        "{PROFILE_CHANGE_SELECT} WHERE person_id = $1 ORDER BY at, id"
    ))
    .bind(person.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn reports(store: &PgStore, manager: PersonId) -> Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!(
        "{PERSON_SELECT} WHERE manager_id = $1 ORDER BY id"
    ))
    .bind(manager.uuid())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn people(store: &PgStore) -> Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} ORDER BY id"))
        .fetch_all(&store.pool)
        .await?;
    decode_all(rows)
}

pub(super) async fn set_manager(
    store: &PgStore,
    person: PersonId,
    manager: Option<PersonId>,
    at: Timestamp,
) -> Result<()> {
    let done = sqlx::query("UPDATE people SET manager_id = $2, updated_at = $3 WHERE id = $1")
        .bind(person.uuid())
        .bind(manager.map(PersonId::uuid))
        .bind(at)
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

pub(super) async fn upsert_person(conn: &mut PgConnection, p: &Person) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO people (id, name, emails, ladder_id, ladder_version, level, manager_id, created_at, updated_at, github) \
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, emails = excluded.emails, github = excluded.github, \
           ladder_id = excluded.ladder_id, ladder_version = excluded.ladder_version, level = excluded.level, \
           manager_id = excluded.manager_id, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > people.updated_at",
    )
    .bind(p.id.uuid())
    .bind(&p.name)
    .bind(json_list(&p.emails))
    .bind(p.ladder.id.as_str())
    .bind(version(p.ladder.version))
    .bind(p.level.as_str())
    .bind(p.manager.map(PersonId::uuid))
    .bind(p.created_at)
    .bind(p.updated_at)
    .bind(p.github.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds a profile change unless it is stored already (changes are never edited).
pub(super) async fn insert_profile_change(
    conn: &mut PgConnection,
    c: &ProfileChange,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO profile_changes (id, person_id, field, from_value, to_value, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(c.id.uuid())
    .bind(c.person.uuid())
    .bind(c.field.as_str())
    .bind(&c.from)
    .bind(&c.to)
    .bind(&c.reason)
    .bind(c.at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
