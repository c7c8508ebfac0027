//! Opening a store file (read-only and frozen copies too), bringing its schema up to date,
//! the owner setting, backup and the integrity check.

use std::path::Path;

use cairn_core::id::PersonId;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use tokio::runtime::{Handle, RuntimeFlavor};

use super::{MIGRATOR, ROW_BUFFER, SQLITE_NOTADB, SqliteStore};
use crate::rows::owner_setting;
use crate::{Result, StoreError};

/// How a store file that exists may be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    /// The file cannot be written; its folder can hold SQLite's shared-memory file.
    ReadOnly,
    /// Neither the file nor its folder can be written: nothing may change under the reader.
    Frozen,
}

/// Finds out whether an existing store file can be written. A file whose write bits are all
/// clear counts as read-only even for an administrator, who could write it anyway.
fn access(path: &Path) -> Access {
    let writable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| !m.permissions().readonly())
            && (p.is_dir() || std::fs::OpenOptions::new().append(true).open(p).is_ok())
    };
    if writable(path) {
        return Access::ReadWrite;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if writable(folder) || shared_memory(path).exists() {
        Access::ReadOnly
    } else {
        Access::Frozen
    }
}

/// SQLite's shared-memory file beside a WAL store.
fn shared_memory(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-shm");
    name.into()
}

/// SQLite's write-ahead log beside a store.
fn write_ahead_log(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

impl SqliteStore {
    pub(crate) async fn connect(path: &Path, create: bool) -> Result<Self> {
        let shown = path.display().to_string();
        if !create && !path.exists() {
            return Err(StoreError::Missing(shown));
        }
        // An empty file would silently become an empty store, and a backup that checks "ok"
        // with nothing in it is worse than one that fails: only `init` may start from one.
        if !create && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Err(StoreError::Empty(shown));
        }
        let access = if create || !path.exists() {
            Access::ReadWrite
        } else {
            access(path)
        };
        // A frozen store is read as it is on disk; a log beside it that was never folded
        // back would be ignored, so such a copy is refused rather than read without it.
        if access == Access::Frozen
            && std::fs::metadata(write_ahead_log(path)).is_ok_and(|m| m.len() > 0)
        {
            return Err(StoreError::Unsupported(format!(
                "{shown} is read-only and its write-ahead log {} holds changes not yet in it; \
                 copy both files to a folder you can write and open the copy",
                write_ahead_log(path).display()
            )));
        }
        let mut options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(create)
            .read_only(access != Access::ReadWrite)
            .immutable(access == Access::Frozen)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(crate::lock_wait())
            .foreign_keys(true)
            // The driver steps SQLite on a worker thread and hands rows over a channel. With
            // its default of 50 the two threads wake each other for nearly every row of a
            // large list; a deep buffer lets the worker run ahead (measured in BENCHMARKS.md).
            .row_buffer_size(ROW_BUFFER)
            // Map the file instead of a read() per page: lists and searches read many pages.
            .pragma("mmap_size", "268435456")
            // A 32 MiB page cache (allocated only as used): with the default 2 MiB, a large
            // import spills and rewrites pages to the WAL about fifteen times per record.
            .pragma("cache_size", "-32768");
        // WAL is a property of the file and persists. Setting it takes a lock that the busy
        // timeout cannot wait for, so concurrent openers of an existing store would fail:
        // it is set once, when the file is made.
        if !path.exists() {
            options = options.journal_mode(SqliteJournalMode::Wal);
        }
        // On a current-thread runtime (the command line) a used connection goes back to the
        // pool only when the caller next waits, so each query after the first would open
        // another connection, worker thread and all (~0.4 ms each). One connection serves
        // one thread; the server's multi-thread runtime keeps several for its requests.
        let connections = match Handle::try_current().map(|h| h.runtime_flavor()) {
            Ok(RuntimeFlavor::CurrentThread) => 1,
            _ => 4,
        };
        // A file cannot go away under an open connection: no ping (a round trip to the
        // driver's worker) before each use.
        let pool = SqlitePoolOptions::new()
            .max_connections(connections)
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .map_err(|e| not_a_store(e, &shown))?;
        let read_only = access != Access::ReadWrite;
        migrate(&pool, &shown, read_only).await?;
        Ok(Self { pool, read_only })
    }
}

fn not_a_store(error: sqlx::Error, shown: &str) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.code().as_deref() == Some(SQLITE_NOTADB) => {
            StoreError::NotAStore(shown.to_owned())
        }
        _ => StoreError::Database(error),
    }
}

/// Brings the schema up to date. A file with tables but no migration record is someone
/// else's database and is left untouched.
/// A read-only store must already be current: it cannot be brought up to date.
async fn migrate(pool: &SqlitePool, shown: &str, read_only: bool) -> Result<()> {
    let latest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    let has_record: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| not_a_store(e, shown))?;
    if has_record {
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(pool)
                .await?;
        match applied {
            Some(v) if v == latest => return Ok(()),
            Some(v) if v > latest => return Err(StoreError::TooNew(shown.to_owned())),
            _ if read_only => {
                return Err(StoreError::Unsupported(format!(
                    "{shown} is read-only and was written by an older Cairn; \
                     copy it to a folder you can write so it can be brought up to date"
                )));
            }
            _ => {}
        }
    } else {
        let tables: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master")
            .fetch_one(pool)
            .await?;
        if tables > 0 {
            return Err(StoreError::NotAStore(shown.to_owned()));
        }
    }
    MIGRATOR.run(pool).await?;
    Ok(())
}

pub(super) async fn owner(store: &SqliteStore) -> Result<Option<PersonId>> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
            .fetch_optional(&store.pool)
            .await?;
    owner_setting(value)
}

pub(super) async fn close(store: &SqliteStore) -> Result<()> {
    if store.read_only {
        store.pool.close().await;
        return Ok(());
    }
    // TRUNCATE waits for readers and writers of this process (none are left at exit)
    // and leaves an empty log; the last connection's close then removes it.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&store.pool)
        .await?;
    store.pool.close().await;
    Ok(())
}

pub(super) async fn backup(store: &SqliteStore, path: &Path) -> Result<()> {
    if path.exists() {
        return Err(StoreError::Exists(path.display().to_string()));
    }
    sqlx::query("VACUUM INTO $1")
        .bind(path.to_string_lossy().into_owned())
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn integrity(store: &SqliteStore) -> Result<Vec<String>> {
    let mut conn = store.pool.acquire().await?;
    let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .filter(|line: &String| line != "ok")
        .collect();
    let orphans: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
            .fetch_all(&mut *conn)
            .await?;
    problems.extend(
        orphans
            .into_iter()
            .map(|(table, row, parent)| format!("{table} row {row} points at a missing {parent}")),
    );
    Ok(problems)
}
