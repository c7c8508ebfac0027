//! Connecting to the server, bringing its schema up to date, the owner setting and the
//! maintenance calls.

use cairn_core::id::PersonId;
use sqlx::Connection;
use sqlx::postgres::PgPoolOptions;

use super::{MIGRATOR, PING_WHEN_IDLE, PgStore};
use crate::rows::owner_setting;
use crate::{Result, StoreError};

impl PgStore {
    pub(crate) async fn connect(url: &str) -> Result<Self> {
        // The pool's default pings every connection before each use, which doubled the
        // round trips of every query (measured in BENCHMARKS.md). Only a connection idle
        // for a while, which a server restart may have broken, is pinged; one that fails
        // is replaced.
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .before_acquire(|connection, meta| {
                Box::pin(async move {
                    if meta.idle_for > PING_WHEN_IDLE {
                        connection.ping().await?;
                    }
                    Ok(true)
                })
            })
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool })
    }
}

pub(super) async fn owner(store: &PgStore) -> Result<Option<PersonId>> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
            .fetch_optional(&store.pool)
            .await?;
    owner_setting(value)
}

pub(super) async fn close(store: &PgStore) -> Result<()> {
    store.pool.close().await;
    Ok(())
}

pub(super) async fn backup(_store: &PgStore, _path: &std::path::Path) -> Result<()> {
    Err(StoreError::Unsupported(
        "a PostgreSQL store is backed up with `cairn export` or pg_dump, not `cairn backup`".into(),
    ))
}

pub(super) async fn integrity(store: &PgStore) -> Result<Vec<String>> {
    // Constraints are enforced on every write; what is left is that the server answers.
    sqlx::query("SELECT 1").execute(&store.pool).await?;
    Ok(Vec::new())
}
