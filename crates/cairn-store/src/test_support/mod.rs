//! What every crate's tests share, compiled only with the `test-support` feature: the
//! record builders in [`records`], and scratch PostgreSQL databases.
//!
//! Tests that should also run on PostgreSQL call [`scratch_postgres`]: when
//! `CAIRN_TEST_POSTGRES_URL` is set it creates a fresh, uniquely named database on that
//! server and drops it again (with `FORCE`) when the guard is dropped.

use sqlx::{Connection, Executor, PgConnection};

pub mod records;

/// The variable naming the PostgreSQL server tests may use.
pub const POSTGRES_URL_VAR: &str = "CAIRN_TEST_POSTGRES_URL";

/// A database that exists for one test.
pub struct ScratchDatabase {
    server: String,
    name: String,
    /// The URL of the scratch database.
    pub url: String,
}

/// A new empty database, or `None` when no server is configured.
pub async fn scratch_postgres() -> Option<ScratchDatabase> {
    let server = std::env::var(POSTGRES_URL_VAR)
        .ok()
        .filter(|u| !u.is_empty())?;
    let name = format!("cairn_test_{}", uuid::Uuid::now_v7().simple());
    let mut conn = PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR} is set but the server is unreachable: {e}"));
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap_or_else(|e| panic!("cannot create a scratch database: {e}"));
    let (base, query) = server
        .split_once('?')
        .map_or((server.as_str(), None), |(b, q)| (b, Some(q)));
    let root = base.rsplit_once('/').map_or(base, |(root, _db)| root);
    let url = match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    };
    Some(ScratchDatabase { server, name, url })
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Drop runs outside any runtime the test may have; a small one does the cleanup.
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut conn = PgConnection::connect(&server).await.ok()?;
                conn.execute(sql.as_str()).await.ok()
            })
        });
        let _ = cleanup.join();
    }
}
