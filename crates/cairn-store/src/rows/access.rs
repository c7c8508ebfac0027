//! Rows of the access and sync tables (tokens, grants, the audit log; tombstones, origins,
//! sync state) and their decoding.

use cairn_core::access::{AuditEntry, Bearer, Grant, Token};
use cairn_core::dates::Timestamp;
use cairn_core::sync::{Origin, SyncState, Tombstone};

use crate::{Result, StoreError};

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    pub id: String,
    pub person_id: String,
    pub name: String,
    pub hash: String,
    pub scope: String,
    pub created_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

/// A token with its owner's name and role, as one read for a request gives them.
#[derive(sqlx::FromRow)]
pub(crate) struct BearerRow {
    #[sqlx(flatten)]
    pub token: TokenRow,
    pub owner_name: String,
    pub email: String,
    pub role: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct GrantRow {
    pub hash: String,
    pub kind: String,
    pub person_id: Option<String>,
    pub payload: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    pub id: String,
    pub at: Timestamp,
    pub actor_id: Option<String>,
    pub actor_login: String,
    pub action: String,
    pub subject: String,
    pub address: String,
}

fn corrupt(what: &'static str, id: &str, e: &impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        id: id.to_owned(),
        reason: e.to_string(),
    }
}

impl TryFrom<TokenRow> for Token {
    type Error = StoreError;
    fn try_from(row: TokenRow) -> Result<Self> {
        let bad = |e: cairn_core::Invalid| corrupt("token", &row.id, &e);
        Ok(Token {
            id: row.id.parse().map_err(bad)?,
            person: row.person_id.parse().map_err(bad)?,
            name: row.name,
            hash: row.hash,
            scope: row.scope.parse().map_err(bad)?,
            created_at: row.created_at,
            expires_at: row.expires_at,
            last_used_at: row.last_used_at,
            revoked_at: row.revoked_at,
        })
    }
}

impl TryFrom<BearerRow> for Bearer {
    type Error = StoreError;
    fn try_from(row: BearerRow) -> Result<Self> {
        let role = row
            .role
            .parse()
            .map_err(|e: cairn_core::Invalid| corrupt("token", &row.token.id, &e))?;
        Ok(Bearer {
            token: Token::try_from(row.token)?,
            name: row.owner_name,
            email: row.email,
            role,
        })
    }
}

impl TryFrom<GrantRow> for Grant {
    type Error = StoreError;
    fn try_from(row: GrantRow) -> Result<Self> {
        let bad = |e: cairn_core::Invalid| corrupt("grant", "(hidden)", &e);
        Ok(Grant {
            kind: row.kind.parse().map_err(bad)?,
            hash: row.hash,
            person: row.person_id.map(|p| p.parse()).transpose().map_err(bad)?,
            payload: row.payload,
            created_at: row.created_at,
            expires_at: row.expires_at,
        })
    }
}

impl TryFrom<AuditRow> for AuditEntry {
    type Error = StoreError;
    fn try_from(row: AuditRow) -> Result<Self> {
        let bad = |e: cairn_core::Invalid| corrupt("audit entry", &row.id, &e);
        Ok(AuditEntry {
            id: row.id.parse().map_err(bad)?,
            at: row.at,
            actor: row.actor_id.map(|p| p.parse()).transpose().map_err(bad)?,
            actor_login: row.actor_login,
            action: row.action.parse().map_err(bad)?,
            subject: row.subject,
            address: row.address,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TombstoneRow {
    pub kind: String,
    pub id: String,
    pub owner_id: String,
    pub deleted_at: Timestamp,
}

#[derive(sqlx::FromRow)]
pub(crate) struct OriginRow {
    pub kind: String,
    pub id: String,
    pub remote: String,
    pub author: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct SyncStateRow {
    pub remote: String,
    pub url: String,
    pub remote_person: String,
    pub pushed_at: Option<Timestamp>,
    pub pulled_at: Option<Timestamp>,
}

fn uuid(what: &'static str, id: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(id).map_err(|e| corrupt(what, id, &e))
}

impl TryFrom<TombstoneRow> for Tombstone {
    type Error = StoreError;
    fn try_from(row: TombstoneRow) -> Result<Self> {
        let bad = |e: cairn_core::Invalid| corrupt("tombstone", &row.id, &e);
        Ok(Tombstone {
            kind: row.kind.parse().map_err(bad)?,
            id: uuid("tombstone", &row.id)?,
            owner: row.owner_id.parse().map_err(bad)?,
            deleted_at: row.deleted_at,
        })
    }
}

impl TryFrom<OriginRow> for Origin {
    type Error = StoreError;
    fn try_from(row: OriginRow) -> Result<Self> {
        Ok(Origin {
            kind: row
                .kind
                .parse()
                .map_err(|e: cairn_core::Invalid| corrupt("origin", &row.id, &e))?,
            id: uuid("origin", &row.id)?,
            remote: row.remote,
            author: row.author,
        })
    }
}

impl TryFrom<SyncStateRow> for SyncState {
    type Error = StoreError;
    fn try_from(row: SyncStateRow) -> Result<Self> {
        Ok(SyncState {
            remote_person: row
                .remote_person
                .parse()
                .map_err(|e: cairn_core::Invalid| corrupt("sync state", &row.remote, &e))?,
            remote: row.remote,
            url: row.url,
            pushed_at: row.pushed_at,
            pulled_at: row.pulled_at,
        })
    }
}
