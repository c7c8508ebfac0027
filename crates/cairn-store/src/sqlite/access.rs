//! Access beyond a browser session: account life cycle, personal access tokens, one-time
//! grants and the audit log.

use cairn_core::access::{AuditEntry, Bearer, Grant, GrantKind, Token};
use cairn_core::account::Account;
use cairn_core::dates::Timestamp;
use cairn_core::id::{PersonId, TokenId};
use cairn_core::person::Person;

use super::people::upsert_person;
use super::{ACCOUNT_SELECT, BEGIN_WRITE, SqliteStore, ts};
use crate::rows::{AccountRow, AuditRow, BearerRow, GrantRow, TokenRow, decode_all, duplicate};
use crate::{Result, StoreError};

const TOKEN_COLUMNS: &str = "t.id, t.person_id, t.name, t.hash, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at";

pub(super) async fn account_of(store: &SqliteStore, person: PersonId) -> Result<Option<Account>> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE person_id = $1"))
        .bind(person.to_string())
        .fetch_optional(&store.pool)
        .await?;
    row.map(Account::try_from).transpose()
}

pub(super) async fn update_account(store: &SqliteStore, account: &Account) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    write_account(&mut tx, account).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn provision(
    store: &SqliteStore,
    person: &Person,
    account: &Account,
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    upsert_person(&mut tx, person).await?;
    write_account(&mut tx, account).await?;
    if account.removed_at.is_some() {
        // Someone the directory removed heads no reporting line any more.
        sqlx::query("UPDATE people SET manager_id = NULL, updated_at = $2 WHERE manager_id = $1")
            .bind(account.person.to_string())
            .bind(ts(account.updated_at))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Writes an account over the stored one; an inactive one's sessions and tokens end.
async fn write_account(tx: &mut sqlx::SqliteConnection, account: &Account) -> Result<()> {
    let done = sqlx::query(
        "UPDATE accounts SET login = $2, password_hash = $3, role = $4, active = $5, \
         external_id = $6, updated_at = $7, directory = $8, removed_at = $9 WHERE person_id = $1",
    )
    .bind(account.person.to_string())
    .bind(&account.login)
    .bind(&account.password_hash)
    .bind(account.role.as_str())
    .bind(account.active)
    .bind(&account.external_id)
    .bind(ts(account.updated_at))
    .bind(&account.directory)
    .bind(account.removed_at.map(ts))
    .execute(&mut *tx)
    .await
    .map_err(|e| duplicate(e, format!("login {}", account.login)))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "account",
            id: account.person.to_string(),
        });
    }
    if !account.active {
        end_access(tx, account.person, account.updated_at).await?;
    }
    Ok(())
}

pub(super) async fn set_password(
    store: &SqliteStore,
    person: PersonId,
    hash: &str,
    keep: Option<&str>,
    at: Timestamp,
) -> Result<()> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    let done =
        sqlx::query("UPDATE accounts SET password_hash = $2, updated_at = $3 WHERE person_id = $1")
            .bind(person.to_string())
            .bind(hash)
            .bind(ts(at))
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "account",
            id: person.to_string(),
        });
    }
    end_sessions(&mut tx, person, keep).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session of `person` but `keep`.
async fn end_sessions(
    tx: &mut sqlx::SqliteConnection,
    person: PersonId,
    keep: Option<&str>,
) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND token_hash <> COALESCE($2, '')")
        .bind(person.to_string())
        .bind(keep)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Ends every session of `person` and revokes their live tokens.
async fn end_access(
    tx: &mut sqlx::SqliteConnection,
    person: PersonId,
    at: Timestamp,
) -> Result<()> {
    end_sessions(tx, person, None).await?;
    sqlx::query("UPDATE tokens SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL")
        .bind(person.to_string())
        .bind(ts(at))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub(super) async fn add_token(store: &SqliteStore, token: &Token) -> Result<()> {
    sqlx::query(
        "INSERT INTO tokens (id, person_id, name, hash, scope, created_at, expires_at, last_used_at, revoked_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(token.id.to_string())
    .bind(token.person.to_string())
    .bind(&token.name)
    .bind(&token.hash)
    .bind(token.scope.as_str())
    .bind(ts(token.created_at))
    .bind(token.expires_at.map(ts))
    .bind(token.last_used_at.map(ts))
    .bind(token.revoked_at.map(ts))
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(super) async fn bearer(
    store: &SqliteStore,
    hash: &str,
    now: Timestamp,
) -> Result<Option<Bearer>> {
    let row: Option<BearerRow> = sqlx::query_as(&format!(
        "SELECT {TOKEN_COLUMNS}, p.name AS owner_name, a.login AS email, a.role FROM tokens t \
         JOIN accounts a ON a.person_id = t.person_id JOIN people p ON p.id = t.person_id \
         WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) \
         AND a.active"
    ))
    .bind(hash)
    .bind(ts(now))
    .fetch_optional(&store.pool)
    .await?;
    let Some(bearer) = row.map(Bearer::try_from).transpose()? else {
        return Ok(None);
    };
    // Marked used to the hour: one write an hour per token, not one per request.
    if bearer
        .token
        .last_used_at
        .is_none_or(|t| now - t > chrono::Duration::hours(1))
        && !store.read_only
    {
        sqlx::query("UPDATE tokens SET last_used_at = $2 WHERE id = $1")
            .bind(bearer.token.id.to_string())
            .bind(ts(now))
            .execute(&store.pool)
            .await?;
    }
    Ok(Some(bearer))
}

pub(super) async fn tokens(store: &SqliteStore, person: PersonId) -> Result<Vec<Token>> {
    let rows: Vec<TokenRow> = sqlx::query_as(&format!(
        "SELECT {TOKEN_COLUMNS} FROM tokens t WHERE t.person_id = $1 ORDER BY t.created_at, t.id"
    ))
    .bind(person.to_string())
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}

pub(super) async fn revoke_token(
    store: &SqliteStore,
    person: PersonId,
    id: TokenId,
    at: Timestamp,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND person_id = $2",
    )
    .bind(id.to_string())
    .bind(person.to_string())
    .bind(ts(at))
    .execute(&store.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "token",
            id: id.to_string(),
        });
    }
    Ok(())
}

pub(super) async fn add_grant(store: &SqliteStore, grant: &Grant) -> Result<()> {
    sqlx::query(
        "INSERT INTO grants (hash, kind, person_id, payload, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&grant.hash)
    .bind(grant.kind.as_str())
    .bind(grant.person.map(|p| p.to_string()))
    .bind(&grant.payload)
    .bind(ts(grant.created_at))
    .bind(ts(grant.expires_at))
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(super) async fn take_grant(
    store: &SqliteStore,
    kind: GrantKind,
    hash: &str,
    now: Timestamp,
) -> Result<Option<Grant>> {
    // One statement deletes and returns it: two requests with the same code cannot both
    // take it.
    let row: Option<GrantRow> = sqlx::query_as(
        "DELETE FROM grants WHERE hash = $1 AND kind = $2 \
         RETURNING hash, kind, person_id, payload, created_at, expires_at",
    )
    .bind(hash)
    .bind(kind.as_str())
    .fetch_optional(&store.pool)
    .await?;
    let grant = row.map(Grant::try_from).transpose()?;
    Ok(grant.filter(|g| g.expires_at > now))
}

pub(super) async fn audit(store: &SqliteStore, entry: &AuditEntry) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_login, action, subject, address) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(entry.id.to_string())
    .bind(ts(entry.at))
    .bind(entry.actor.map(|p| p.to_string()))
    .bind(&entry.actor_login)
    .bind(entry.action.as_str())
    .bind(&entry.subject)
    .bind(&entry.address)
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(super) async fn audit_log(store: &SqliteStore, limit: u32) -> Result<Vec<AuditEntry>> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT id, at, actor_id, actor_login, action, subject, address FROM audit_log \
         ORDER BY at DESC, id DESC LIMIT $1",
    )
    .bind(i64::from(limit))
    .fetch_all(&store.pool)
    .await?;
    decode_all(rows)
}
