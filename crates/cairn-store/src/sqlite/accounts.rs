//! Team-server accounts: users, roles, sessions and the login throttle.

use cairn_core::account::{Account, Role, Session, SignedIn};
use cairn_core::dates::Timestamp;
use cairn_core::id::PersonId;
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;

use super::goals::insert_ladder;
use super::people::upsert_person;
use super::{ACCOUNT_SELECT, BEGIN_WRITE, SqliteStore, ts};
use crate::rows::{AccountRow, SessionRow, decode_all, duplicate};
use crate::{Result, StoreError};

pub(super) async fn add_user(
    store: &SqliteStore,
    ladder: &Ladder,
    person: &Person,
    account: &Account,
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    insert_ladder(&mut tx, ladder).await?;
    upsert_person(&mut tx, person).await?;
    sqlx::query(
        "INSERT INTO accounts (person_id, login, password_hash, role, created_at, updated_at, active, external_id, \
         directory, removed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(account.person.to_string())
    .bind(&account.login)
    .bind(&account.password_hash)
    .bind(account.role.as_str())
    .bind(ts(account.created_at))
    .bind(ts(account.updated_at))
    .bind(account.active)
    .bind(&account.external_id)
    .bind(&account.directory)
    .bind(account.removed_at.map(ts))
    .execute(&mut *tx)
    .await
    .map_err(|e| duplicate(e, format!("login {}", account.login)))?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn accounts(store: &SqliteStore) -> Result<Vec<Account>> {
    let rows: Vec<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} ORDER BY login"))
        .fetch_all(&store.pool)
        .await?;
    decode_all(rows)
}

pub(super) async fn account(store: &SqliteStore, login: &str) -> Result<Option<Account>> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE login = $1"))
        .bind(login)
        .fetch_optional(&store.pool)
        .await?;
    row.map(Account::try_from).transpose()
}

pub(super) async fn set_role(
    store: &SqliteStore,
    person: PersonId,
    role: Role,
    at: Timestamp,
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    let done = sqlx::query("UPDATE accounts SET role = $2, updated_at = $3 WHERE person_id = $1")
        .bind(person.to_string())
        .bind(role.as_str())
        .bind(ts(at))
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "account",
            id: person.to_string(),
        });
    }
    // Only managers head reporting lines: a role change ends the old reads at once.
    if role != Role::Manager {
        sqlx::query("UPDATE people SET manager_id = NULL, updated_at = $2 WHERE manager_id = $1")
            .bind(person.to_string())
            .bind(ts(at))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn add_session(store: &SqliteStore, session: &Session) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&session.token_hash)
    .bind(session.person.to_string())
    .bind(&session.csrf)
    .bind(ts(session.created_at))
    .bind(ts(session.expires_at))
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(super) async fn session(
    store: &SqliteStore,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<SignedIn>> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT s.token_hash, s.person_id AS person_id, s.csrf, s.created_at, s.expires_at, \
         p.name, a.login AS email, a.role FROM sessions s \
         JOIN accounts a ON a.person_id = s.person_id JOIN people p ON p.id = s.person_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active",
    )
    .bind(token_hash)
    .bind(ts(now))
    .fetch_optional(&store.pool)
    .await?;
    row.map(SignedIn::try_from).transpose()
}

pub(super) async fn remove_session(store: &SqliteStore, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn claim_login_attempt(
    store: &SqliteStore,
    login: &str,
    since: Timestamp,
    at: Timestamp,
    limit: u64,
) -> Result<bool> {
    // One statement that writes takes SQLite's write lock before it reads, so the count
    // and the insert cannot interleave with another claim.
    let claimed = sqlx::query(
        "INSERT INTO login_failures (login, at) SELECT $1, $2 \
         WHERE (SELECT COUNT(*) FROM login_failures WHERE login = $1 AND at > $3) < $4",
    )
    .bind(login)
    .bind(ts(at))
    .bind(ts(since))
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .execute(&store.pool)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

pub(super) async fn forget_login_attempt(
    store: &SqliteStore,
    login: &str,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM login_failures WHERE rowid = \
         (SELECT rowid FROM login_failures WHERE login = $1 AND at = $2 LIMIT 1)",
    )
    .bind(login)
    .bind(ts(at))
    .execute(&store.pool)
    .await?;
    Ok(())
}
