//! A PostgreSQL store outlives the loss of its connections: the server ending them (a
//! restart, an administrator) costs at most the one query that was using one.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

use cairn_store::Location;
use cairn_store::test_support::scratch_postgres;
use sqlx::{Connection, Executor, PgConnection};

/// Ends every connection to `database` but the caller's.
async fn end_connections(server: &str, database: &str) -> u64 {
    let mut admin = PgConnection::connect(server).await.unwrap();
    let ended = admin
        .execute(
            format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{database}' AND pid <> pg_backend_pid()"
            )
            .as_str(),
        )
        .await
        .unwrap();
    ended.rows_affected()
}

#[tokio::test]
async fn lost_connections_are_replaced() {
    let Some(db) = scratch_postgres().await else {
        eprintln!("skipped: CAIRN_TEST_POSTGRES_URL is not set");
        return;
    };
    let store = cairn_store::open(&Location::Postgres(db.url.clone()))
        .await
        .unwrap();
    assert!(store.people().await.unwrap().is_empty());
    let name = db.url.rsplit('/').next().unwrap().to_owned();
    let server = std::env::var(cairn_store::test_support::POSTGRES_URL_VAR).unwrap();
    // Connections in use within the last ten seconds are not pinged: each ended one fails
    // the one query that takes it, and is replaced.
    let ended = end_connections(&server, &name).await;
    assert!(ended >= 1);
    let failed = failures(store.as_ref(), 10).await;
    assert!(
        failed <= ended,
        "{failed} of 10 queries failed, {ended} connections ended"
    );
    assert_eq!(
        failures(store.as_ref(), 1).await,
        0,
        "the store did not recover"
    );
    // Connections idle for longer are pinged first, and ended ones replaced unseen.
    let ended = end_connections(&server, &name).await;
    assert!(ended >= 1);
    tokio::time::sleep(std::time::Duration::from_secs(11)).await;
    assert_eq!(failures(store.as_ref(), 10).await, 0);
}

/// How many of `n` reads fail.
async fn failures(store: &dyn cairn_store::Store, n: usize) -> u64 {
    let mut failed = 0;
    for _ in 0..n {
        if store.people().await.is_err() {
            failed += 1;
        }
    }
    failed
}
