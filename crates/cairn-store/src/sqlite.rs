//! The SQLite engine: the embedded default, one file per store.
//!
//! WAL journal (set when the file is made) so readers never wait for a writer, foreign keys on, and a busy timeout so
//! concurrent `cairn` processes queue for the write lock instead of failing. Every write
//! transaction is `BEGIN IMMEDIATE`, so it takes the lock (and waits for it) up front. Timestamps are stored as fixed-width RFC 3339 text so that
//! comparing them as text compares them in time. Search uses an FTS5 index kept in step
//! with the evidence table by triggers.

use std::path::Path;

use async_trait::async_trait;
use cairn_core::account::{Account, Role, Session};
use cairn_core::activity::{Activity, ActivityState};
use cairn_core::archive::Archive;
use cairn_core::assessment::{Assessment, AssessmentRound, Assessor};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::{Timestamp, now};
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::evidence::{Evidence, EvidenceQuery, search_words};
use cairn_core::id::{CommitmentId, EvidenceId, LevelId, PersonId, RepId};
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{Acquire, QueryBuilder, Sqlite};
use tokio::runtime::{Handle, RuntimeFlavor};

use crate::merge::merge;
use crate::rows::{
    AccountRow, ActivityRow, AssessmentRow, CommitmentRow, ConstraintRow,
    ConversationCommitmentsRow, ConversationRow, DecisionRow, DestinationEventRow, DestinationRow,
    EvidenceRow, ExportRows, LadderRow, PersonRow, ProfileChangeRow, RepRow, RoundRow, SessionRow,
    decode_all, duplicate, json_list, owner_setting,
};
use crate::{ActivityImport, ImportSummary, LadderImport, Result, Store, StoreError, id_fragment};

/// Evidence rows per INSERT: 16 parameters each, well under the engine's limit.
const EVIDENCE_BATCH: usize = 500;

/// Activity rows per INSERT: 18 parameters each.
const ACTIVITY_BATCH: usize = 500;

const ACTIVITY_SELECT: &str = "SELECT id, owner_id, source, external_id, kind, title, body, url, \
     container, group_key, files, additions, deletions, occurred_at, state, evidence_id, \
     created_at, updated_at FROM activities";

const REP_SELECT: &str = "SELECT id, owner_id, title, description, competencies, exposure, \
     status, visibility, created_at, updated_at FROM reps";

const CONVERSATION_SELECT: &str = "SELECT id, owner_id, date, ask, response, visibility, \
     created_at, updated_at FROM conversations";

/// Conversations with their commitments (oldest first) as one JSON column.
const CONVERSATION_COMMITMENTS_SELECT: &str = "SELECT c.id, c.owner_id, c.date, c.ask, \
     c.response, c.visibility, c.created_at, c.updated_at, \
     COALESCE((SELECT json_group_array(json_object('id', m.id, 'conversation_id', m.conversation_id, \
     'what', m.what, 'who', m.who, 'due', m.due, 'outcome', m.outcome, \
     'created_at', m.created_at, 'updated_at', m.updated_at) ORDER BY m.created_at, m.id) \
     FROM commitments m WHERE m.conversation_id = c.id), '[]') AS commitments \
     FROM conversations c";

const COMMITMENT_SELECT: &str = "SELECT id, conversation_id, what, who, due, outcome, \
     created_at, updated_at FROM commitments";

const CONSTRAINT_SELECT: &str = "SELECT id, owner_id, recorded_by, kind, description, since, \
     until, visibility, created_at, updated_at FROM constraints";

const DECISION_SELECT: &str = "SELECT id, owner_id, choice, because, decided_on, revisit, \
     context, visibility, created_at, updated_at FROM decisions";

const PROFILE_CHANGE_SELECT: &str =
    "SELECT id, person_id, field, from_value, to_value, reason, at FROM profile_changes";

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

/// Write transactions take the write lock when they begin. A deferred `BEGIN` takes it at
/// the first write instead, and if that upgrade meets another writer SQLite answers "busy"
/// at once rather than waiting out the busy timeout, so concurrent `cairn log` processes
/// would fail.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// Rows the driver's worker may buffer ahead of the reader.
const ROW_BUFFER: usize = 8192;

/// SQLite's result code for "file is not a database".
const SQLITE_NOTADB: &str = "26";

const EVIDENCE_SELECT: &str = "SELECT e.id, e.owner_id, e.date, e.title, e.body, e.impact, e.links, \
     e.competencies, e.level, e.areas, e.visibility, e.source, e.ladder_id, e.ladder_version, e.created_at, e.updated_at \
     FROM evidence e";

const PERSON_SELECT: &str = "SELECT id, name, emails, ladder_id, ladder_version, level, manager_id, \
     created_at, updated_at, github FROM people";

const DESTINATION_SELECT: &str = "SELECT id, owner_id, statement, target_level, horizon, reps, \
     evidence_criteria, status, visibility, created_at, updated_at FROM destinations";

const ACCOUNT_SELECT: &str = "SELECT person_id AS person_id, login, password_hash, role, created_at, updated_at FROM accounts";

const ROUND_SELECT: &str = "SELECT id, owner_id, ladder_id, ladder_version, name, \
     self_submitted_at, manager_submitted_at, created_at, updated_at FROM rounds";

const ASSESSMENT_SELECT: &str = "SELECT a.id, a.round_id, a.assessor, a.recorded_by, a.competency_id, \
     a.level, a.note, a.created_at, a.updated_at FROM assessments a";

const EVENT_SELECT: &str =
    "SELECT id, destination_id, owner_id, change, statement, reason, at FROM destination_events";

/// A store in one SQLite file.
pub(crate) struct SqliteStore {
    pool: SqlitePool,
    /// Opened read-only: the file (or its folder) cannot be written, as with a mounted backup.
    read_only: bool,
}

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

/// Fixed-width UTC text, so text order is time order.
fn ts(t: Timestamp) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
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

#[async_trait]
impl Store for SqliteStore {
    async fn owner(&self) -> Result<Option<PersonId>> {
        let value: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
                .fetch_optional(&self.pool)
                .await?;
        owner_setting(value)
    }

    async fn person(&self, id: PersonId) -> Result<Person> {
        let row: Option<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} WHERE id = $1"))
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "person",
            id: id.to_string(),
        })?;
        row.try_into()
    }

    async fn ladder(&self, reference: &LadderRef) -> Result<Ladder> {
        let row: Option<LadderRow> = sqlx::query_as(
            "SELECT id, version, document FROM ladders WHERE id = $1 AND version = $2",
        )
        .bind(reference.id.as_str())
        .bind(i64::from(reference.version))
        .fetch_optional(&self.pool)
        .await?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "ladder",
            id: format!("{} v{}", reference.id, reference.version),
        })?;
        row.try_into()
    }

    async fn ladders(&self) -> Result<Vec<Ladder>> {
        let rows: Vec<LadderRow> =
            sqlx::query_as("SELECT id, version, document FROM ladders ORDER BY id, version")
                .fetch_all(&self.pool)
                .await?;
        decode_all(rows)
    }

    async fn import_ladder(
        &self,
        ladder: &Ladder,
        profile: Option<(PersonId, &LevelId, Timestamp)>,
    ) -> Result<LadderImport> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        let newest: Option<LadderRow> = sqlx::query_as(
            "SELECT id, version, document FROM ladders WHERE id = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(ladder.id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let newest = newest.map(Ladder::try_from).transpose()?;
        let mut stored = ladder.clone();
        let same = newest.as_ref().is_some_and(|n| {
            stored.version = n.version;
            *n == stored
        });
        let outcome = LadderImport::after(newest.map(|n| n.version), same);
        stored.version = outcome.version;
        if outcome.added {
            insert_ladder(&mut tx, &stored).await?;
        }
        if let Some((person, level, at)) = profile {
            let done = sqlx::query(
                "UPDATE people SET ladder_id = $2, ladder_version = $3, level = $4, updated_at = $5 \
                 WHERE id = $1",
            )
            .bind(person.to_string())
            .bind(stored.id.as_str())
            .bind(i64::from(stored.version))
            .bind(level.as_str())
            .bind(ts(at))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound {
                    what: "person",
                    id: person.to_string(),
                });
            }
        }
        tx.commit().await?;
        Ok(outcome)
    }

    async fn set_destination(
        &self,
        destination: &Destination,
        event: &DestinationEvent,
    ) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        upsert_destination(&mut tx, destination).await?;
        insert_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn destinations(&self, owner: PersonId) -> Result<Vec<Destination>> {
        let rows: Vec<DestinationRow> = sqlx::query_as(&format!(
            "{DESTINATION_SELECT} WHERE owner_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn destination_events(&self, owner: PersonId) -> Result<Vec<DestinationEvent>> {
        let rows: Vec<DestinationEventRow> = sqlx::query_as(&format!(
            "{EVENT_SELECT} WHERE owner_id = $1 ORDER BY at, id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn add_evidence(&self, evidence: &Evidence) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        upsert_evidence(&mut tx, std::slice::from_ref(evidence)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn evidence(&self, id: EvidenceId) -> Result<Evidence> {
        let row: Option<EvidenceRow> =
            sqlx::query_as(&format!("{EVIDENCE_SELECT} WHERE e.id = $1"))
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "evidence",
            id: id.to_string(),
        })?;
        row.try_into()
    }

    async fn resolve_evidence(&self, fragment: &str) -> Result<EvidenceId> {
        let prefix = id_fragment(fragment)?;
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT id FROM evidence WHERE id LIKE $1 OR id LIKE $2 LIMIT 2")
                .bind(format!("{prefix}%"))
                .bind(format!("%{prefix}"))
                .fetch_all(&self.pool)
                .await?;
        match ids.as_slice() {
            [one] => one.parse().map_err(|_| StoreError::Corrupt {
                what: "evidence",
                id: one.clone(),
                reason: "the id is not a UUID".into(),
            }),
            [] => Err(StoreError::NotFound {
                what: "evidence",
                id: prefix,
            }),
            _ => Err(StoreError::Ambiguous {
                what: "evidence",
                prefix,
            }),
        }
    }

    async fn update_evidence(&self, e: &Evidence) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM evidence WHERE id = $1)")
                .bind(e.id.to_string())
                .fetch_one(&mut *tx)
                .await?;
        if !exists {
            return Err(StoreError::NotFound {
                what: "evidence",
                id: e.id.to_string(),
            });
        }
        // The upsert replaces the row only if this copy is newer than the stored one.
        if upsert_evidence(&mut tx, std::slice::from_ref(e)).await? == 0 {
            return Err(StoreError::Stale(e.id.to_string()));
        }
        tx.commit().await?;
        Ok(())
    }

    async fn remove_evidence(&self, id: EvidenceId) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        sqlx::query(
            "UPDATE activities SET state = 'inbox', evidence_id = NULL, updated_at = $1 \
             WHERE evidence_id = $2",
        )
        .bind(ts(now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query("DELETE FROM evidence WHERE id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "evidence",
                id: id.to_string(),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    async fn list_evidence(&self, query: &EvidenceQuery) -> Result<Vec<Evidence>> {
        let mut q = QueryBuilder::<Sqlite>::new("WITH listed AS (");
        q.push(EVIDENCE_SELECT);
        let mut clause = " WHERE ";
        let mut next = |q: &mut QueryBuilder<Sqlite>, sql: &str| {
            q.push(clause).push(sql);
            clause = " AND ";
        };
        // A search is driven by its full-text matches, so its cost follows the number of
        // matches. Left alone, SQLite prefers the owner/date index and probes the matches
        // once per entry in the store (13 ms for a word found nowhere in 100,000 entries).
        // A unary `+` keeps a column's index out of the plan.
        let plain = if query.text.is_some() { "+" } else { "" };
        if let Some(owner) = query.owner {
            next(&mut q, &format!("{plain}e.owner_id = "));
            q.push_bind(owner.to_string());
        }
        if let Some(since) = query.since {
            next(&mut q, &format!("{plain}e.date >= "));
            q.push_bind(since);
        }
        if let Some(until) = query.until {
            next(&mut q, &format!("{plain}e.date <= "));
            q.push_bind(until);
        }
        if let Some(competency) = &query.competency {
            next(
                &mut q,
                &format!(
                    "{plain}e.id IN (SELECT evidence_id FROM evidence_competencies WHERE competency_id = "
                ),
            );
            q.push_bind(competency.as_str().to_owned()).push(")");
        }
        if let Some(source) = query.source {
            next(&mut q, &format!("{plain}e.source = "));
            q.push_bind(source.as_str());
        }
        if query.shared_only {
            next(&mut q, &format!("{plain}e.visibility = 'shared'"));
        }
        if let Some(text) = &query.text {
            let words = search_words(text);
            if words.is_empty() {
                return Ok(Vec::new());
            }
            // Each word quoted: FTS5 reads them as plain terms that must all appear.
            let fts: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            next(
                &mut q,
                "e.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ",
            );
            q.push_bind(fts.join(" ")).push(")");
        }
        q.push(" ORDER BY e.date DESC, e.id DESC");
        if let Some(limit) = query.limit {
            q.push(" LIMIT ").push_bind(i64::from(limit));
        }
        // The whole list comes back as one JSON document: the driver hands each row from its
        // worker thread to the caller separately, which cost more than the query itself.
        // Each entry is an array in `EvidenceRow`'s field order (serde reads a struct from a
        // sequence), so no key names are written or read: 30% more lists served per second.
        q.push(
            ") SELECT json_group_array(json_array(id, owner_id, date, title, body, impact, links, \
             competencies, level, areas, visibility, source, ladder_id, ladder_version, \
             created_at, updated_at) ORDER BY date DESC, id DESC) FROM listed",
        );
        let document: String = q.build_query_scalar().fetch_one(&self.pool).await?;
        let rows: Vec<EvidenceRow> =
            serde_json::from_str(&document).map_err(|e| StoreError::Corrupt {
                what: "evidence list",
                id: String::new(),
                reason: e.to_string(),
            })?;
        decode_all(rows)
    }

    async fn add_activities(
        &self,
        activities: &[Activity],
        evidence: &[Evidence],
    ) -> Result<ActivityImport> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
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

    async fn activities(
        &self,
        owner: PersonId,
        state: Option<ActivityState>,
    ) -> Result<Vec<Activity>> {
        let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
            "{ACTIVITY_SELECT} WHERE owner_id = $1 AND ($2 IS NULL OR state = $2) \
             ORDER BY occurred_at, id"
        ))
        .bind(owner.to_string())
        .bind(state.map(ActivityState::as_str))
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn settle_group(
        &self,
        owner: PersonId,
        group: &str,
        evidence: Option<&Evidence>,
        at: Timestamp,
    ) -> Result<u64> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
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

    async fn put_rep(&self, r: &Rep) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        upsert_rep(&mut conn, r).await?;
        Ok(())
    }

    async fn reps(&self, owner: PersonId) -> Result<Vec<Rep>> {
        let rows: Vec<RepRow> = sqlx::query_as(&format!(
            "{REP_SELECT} WHERE owner_id = $1 ORDER BY created_at, id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn remove_rep(&self, owner: PersonId, id: RepId) -> Result<()> {
        let done = sqlx::query("DELETE FROM reps WHERE id = $1 AND owner_id = $2")
            .bind(id.to_string())
            .bind(owner.to_string())
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "rep",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    async fn add_conversation(
        &self,
        conversation: &Conversation,
        commitments: &[Commitment],
    ) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        upsert_conversation(&mut tx, conversation).await?;
        for c in commitments {
            upsert_commitment(&mut tx, c).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn conversations(&self, owner: PersonId) -> Result<Vec<(Conversation, Vec<Commitment>)>> {
        let rows: Vec<ConversationCommitmentsRow> = sqlx::query_as(&format!(
            "{CONVERSATION_COMMITMENTS_SELECT} WHERE c.owner_id = $1 ORDER BY c.date, c.id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn set_outcome(
        &self,
        commitment: CommitmentId,
        outcome: Outcome,
        at: Timestamp,
    ) -> Result<()> {
        let done =
            sqlx::query("UPDATE commitments SET outcome = $1, updated_at = $2 WHERE id = $3")
                .bind(outcome.as_str())
                .bind(ts(at))
                .bind(commitment.to_string())
                .execute(&self.pool)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "commitment",
                id: commitment.to_string(),
            });
        }
        Ok(())
    }

    async fn add_constraint(&self, c: &Constraint) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        upsert_constraint(&mut conn, c).await?;
        Ok(())
    }

    async fn constraints(&self, owner: PersonId) -> Result<Vec<Constraint>> {
        let rows: Vec<ConstraintRow> = sqlx::query_as(&format!(
            "{CONSTRAINT_SELECT} WHERE owner_id = $1 ORDER BY since, id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn add_decision(&self, d: &Decision) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        upsert_decision(&mut conn, d).await?;
        Ok(())
    }

    async fn decisions(&self, owner: PersonId) -> Result<Vec<Decision>> {
        let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
            "{DECISION_SELECT} WHERE owner_id = $1 ORDER BY decided_on, created_at, id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn update_person(&self, person: &Person, changes: &[ProfileChange]) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
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

    async fn profile_changes(&self, person: PersonId) -> Result<Vec<ProfileChange>> {
        let rows: Vec<ProfileChangeRow> = sqlx::query_as(&format!(
            "{PROFILE_CHANGE_SELECT} WHERE person_id = $1 ORDER BY at, id"
        ))
        .bind(person.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn submit_assessment(
        &self,
        round: &AssessmentRound,
        side: Assessor,
        at: Timestamp,
        entries: &[Assessment],
    ) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        insert_round(&mut tx, round).await?;
        let mark = match side {
            Assessor::Own => {
                "UPDATE rounds SET self_submitted_at = $1, updated_at = $1 \
                 WHERE id = $2 AND self_submitted_at IS NULL"
            }
            Assessor::Manager => {
                "UPDATE rounds SET manager_submitted_at = $1, updated_at = $1 \
                 WHERE id = $2 AND manager_submitted_at IS NULL"
            }
        };
        let done = sqlx::query(mark)
            .bind(ts(at))
            .bind(round.id.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::AlreadySubmitted {
                round: round.name.clone(),
                side,
            });
        }
        for entry in entries {
            upsert_assessment(&mut tx, entry).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn rounds(&self, owner: PersonId) -> Result<Vec<AssessmentRound>> {
        let rows: Vec<RoundRow> = sqlx::query_as(&format!(
            "{ROUND_SELECT} WHERE owner_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn assessments(&self, owner: PersonId) -> Result<Vec<Assessment>> {
        let rows: Vec<AssessmentRow> = sqlx::query_as(&format!(
            "{ASSESSMENT_SELECT} JOIN rounds r ON r.id = a.round_id WHERE r.owner_id = $1 \
             ORDER BY a.round_id, a.assessor, a.competency_id"
        ))
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn reports(&self, manager: PersonId) -> Result<Vec<Person>> {
        let rows: Vec<PersonRow> = sqlx::query_as(&format!(
            "{PERSON_SELECT} WHERE manager_id = $1 ORDER BY id"
        ))
        .bind(manager.to_string())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn people(&self) -> Result<Vec<Person>> {
        let rows: Vec<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        decode_all(rows)
    }

    async fn set_manager(
        &self,
        person: PersonId,
        manager: Option<PersonId>,
        at: Timestamp,
    ) -> Result<()> {
        let done = sqlx::query("UPDATE people SET manager_id = $2, updated_at = $3 WHERE id = $1")
            .bind(person.to_string())
            .bind(manager.map(|m| m.to_string()))
            .bind(ts(at))
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "person",
                id: person.to_string(),
            });
        }
        Ok(())
    }

    async fn add_user(&self, ladder: &Ladder, person: &Person, account: &Account) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        insert_ladder(&mut tx, ladder).await?;
        upsert_person(&mut tx, person).await?;
        sqlx::query(
            "INSERT INTO accounts (person_id, login, password_hash, role, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(account.person.to_string())
        .bind(&account.login)
        .bind(&account.password_hash)
        .bind(account.role.as_str())
        .bind(ts(account.created_at))
        .bind(ts(account.updated_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| duplicate(e, format!("login {}", account.login)))?;
        tx.commit().await?;
        Ok(())
    }

    async fn accounts(&self) -> Result<Vec<Account>> {
        let rows: Vec<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} ORDER BY login"))
            .fetch_all(&self.pool)
            .await?;
        decode_all(rows)
    }

    async fn account(&self, login: &str) -> Result<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE login = $1"))
            .bind(login)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Account::try_from).transpose()
    }

    async fn set_role(&self, person: PersonId, role: Role, at: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        let done =
            sqlx::query("UPDATE accounts SET role = $2, updated_at = $3 WHERE person_id = $1")
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
            sqlx::query(
                "UPDATE people SET manager_id = NULL, updated_at = $2 WHERE manager_id = $1",
            )
            .bind(person.to_string())
            .bind(ts(at))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn add_session(&self, session: &Session) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, person_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&session.token_hash)
        .bind(session.person.to_string())
        .bind(&session.csrf)
        .bind(ts(session.created_at))
        .bind(ts(session.expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<Session>> {
        let row: Option<SessionRow> = sqlx::query_as(
            "SELECT token_hash, person_id AS person_id, csrf, created_at, expires_at FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(ts(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(Session::try_from).transpose()
    }

    async fn remove_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn claim_login_attempt(
        &self,
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
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(claimed == 1)
    }

    async fn forget_login_attempt(&self, login: &str, at: Timestamp) -> Result<()> {
        sqlx::query(
            "DELETE FROM login_failures WHERE rowid = \
             (SELECT rowid FROM login_failures WHERE login = $1 AND at = $2 LIMIT 1)",
        )
        .bind(login)
        .bind(ts(at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn close(&self) -> Result<()> {
        if self.read_only {
            self.pool.close().await;
            return Ok(());
        }
        // TRUNCATE waits for readers and writers of this process (none are left at exit)
        // and leaves an empty log; the last connection's close then removes it.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        self.pool.close().await;
        Ok(())
    }

    async fn backup(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(StoreError::Exists(path.display().to_string()));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn integrity(&self) -> Result<Vec<String>> {
        let mut conn = self.pool.acquire().await?;
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
            orphans.into_iter().map(|(table, row, parent)| {
                format!("{table} row {row} points at a missing {parent}")
            }),
        );
        Ok(problems)
    }

    async fn export(&self) -> Result<Archive> {
        // One read transaction: a consistent snapshot even while others write.
        let mut tx = self.pool.begin().await?;
        let owner: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
                .fetch_optional(&mut *tx)
                .await?;
        let ladders: Vec<LadderRow> = sqlx::query_as("SELECT id, version, document FROM ladders")
            .fetch_all(&mut *tx)
            .await?;
        let people: Vec<PersonRow> = sqlx::query_as(PERSON_SELECT).fetch_all(&mut *tx).await?;
        let destinations: Vec<DestinationRow> = sqlx::query_as(DESTINATION_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        let events: Vec<DestinationEventRow> =
            sqlx::query_as(EVENT_SELECT).fetch_all(&mut *tx).await?;
        let evidence: Vec<EvidenceRow> =
            sqlx::query_as(EVIDENCE_SELECT).fetch_all(&mut *tx).await?;
        let rounds: Vec<RoundRow> = sqlx::query_as(ROUND_SELECT).fetch_all(&mut *tx).await?;
        let assessments: Vec<AssessmentRow> = sqlx::query_as(ASSESSMENT_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        let activities: Vec<ActivityRow> =
            sqlx::query_as(ACTIVITY_SELECT).fetch_all(&mut *tx).await?;
        let reps: Vec<RepRow> = sqlx::query_as(REP_SELECT).fetch_all(&mut *tx).await?;
        let conversations: Vec<ConversationRow> = sqlx::query_as(CONVERSATION_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        let commitments: Vec<CommitmentRow> = sqlx::query_as(COMMITMENT_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        let constraints: Vec<ConstraintRow> = sqlx::query_as(CONSTRAINT_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        let decisions: Vec<DecisionRow> =
            sqlx::query_as(DECISION_SELECT).fetch_all(&mut *tx).await?;
        let profile_changes: Vec<ProfileChangeRow> = sqlx::query_as(PROFILE_CHANGE_SELECT)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        ExportRows {
            owner,
            ladders,
            people,
            destinations,
            events,
            evidence,
            rounds,
            assessments,
            activities,
            reps,
            conversations,
            commitments,
            constraints,
            decisions,
            profile_changes,
        }
        .try_into()
    }

    async fn import(&self, archive: &Archive) -> Result<ImportSummary> {
        let mut tx = self.pool.begin_with(BEGIN_WRITE).await?;
        let summary = merge(&mut Merging(tx.acquire().await?), archive).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

// The archive merge's writes (see `crate::merge`), on this engine's transaction.
crate::merge::upserts_on!(SqliteConnection);

/// Opens a round unless it is stored already; submission times are set by the caller.
async fn insert_round(conn: &mut SqliteConnection, r: &AssessmentRound) -> Result<()> {
    sqlx::query(
        "INSERT INTO rounds (id, owner_id, ladder_id, ladder_version, name, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(r.id.to_string())
    .bind(r.owner.to_string())
    .bind(r.ladder.id.as_str())
    .bind(i64::from(r.ladder.version))
    .bind(&r.name)
    .bind(ts(r.created_at))
    .bind(ts(r.updated_at))
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(())
}

async fn upsert_round(conn: &mut SqliteConnection, r: &AssessmentRound) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO rounds (id, owner_id, ladder_id, ladder_version, name, self_submitted_at, \
           manager_submitted_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, ladder_id = excluded.ladder_id, \
           ladder_version = excluded.ladder_version, name = excluded.name, \
           self_submitted_at = excluded.self_submitted_at, \
           manager_submitted_at = excluded.manager_submitted_at, created_at = excluded.created_at, \
           updated_at = excluded.updated_at \
         WHERE excluded.updated_at > rounds.updated_at",
    )
    .bind(r.id.to_string())
    .bind(r.owner.to_string())
    .bind(r.ladder.id.as_str())
    .bind(i64::from(r.ladder.version))
    .bind(&r.name)
    .bind(r.self_submitted_at.map(ts))
    .bind(r.manager_submitted_at.map(ts))
    .bind(ts(r.created_at))
    .bind(ts(r.updated_at))
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_assessment(conn: &mut SqliteConnection, a: &Assessment) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO assessments (id, round_id, assessor, recorded_by, competency_id, level, note, \
           created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET round_id = excluded.round_id, assessor = excluded.assessor, \
           recorded_by = excluded.recorded_by, competency_id = excluded.competency_id, \
           level = excluded.level, note = excluded.note, created_at = excluded.created_at, \
           updated_at = excluded.updated_at \
         WHERE excluded.updated_at > assessments.updated_at",
    )
    .bind(a.id.to_string())
    .bind(a.round.to_string())
    .bind(a.assessor.as_str())
    .bind(a.recorded_by.to_string())
    .bind(a.competency.as_str())
    .bind(a.level.as_str())
    .bind(&a.note)
    .bind(ts(a.created_at))
    .bind(ts(a.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores a ladder version unless it is already there; a different document under the same
/// version is refused, because versions never change.
async fn insert_ladder(conn: &mut SqliteConnection, ladder: &Ladder) -> Result<bool> {
    let document = serde_json::to_string(ladder).unwrap_or_default();
    let done = sqlx::query(
        "INSERT INTO ladders (id, version, document) VALUES ($1, $2, $3) ON CONFLICT (id, version) DO NOTHING",
    )
    .bind(ladder.id.as_str())
    .bind(i64::from(ladder.version))
    .bind(&document)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(true);
    }
    let stored: LadderRow =
        sqlx::query_as("SELECT id, version, document FROM ladders WHERE id = $1 AND version = $2")
            .bind(ladder.id.as_str())
            .bind(i64::from(ladder.version))
            .fetch_one(&mut *conn)
            .await?;
    if Ladder::try_from(stored)? == *ladder {
        Ok(false)
    } else {
        Err(StoreError::LadderChanged(format!(
            "{} v{}",
            ladder.id, ladder.version
        )))
    }
}

async fn upsert_person(conn: &mut SqliteConnection, p: &Person) -> Result<bool> {
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

async fn upsert_destination(conn: &mut SqliteConnection, d: &Destination) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destinations (id, owner_id, statement, target_level, horizon, reps, evidence_criteria, \
           status, visibility, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, statement = excluded.statement, \
           target_level = excluded.target_level, horizon = excluded.horizon, reps = excluded.reps, \
           evidence_criteria = excluded.evidence_criteria, status = excluded.status, \
           visibility = excluded.visibility, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > destinations.updated_at",
    )
    .bind(d.id.to_string())
    .bind(d.owner.to_string())
    .bind(&d.statement)
    .bind(d.target_level.as_ref().map(|l| l.as_str().to_owned()))
    .bind(d.horizon)
    .bind(json_list(&d.reps))
    .bind(&d.evidence_criteria)
    .bind(d.status.as_str())
    .bind(d.visibility.as_str())
    .bind(ts(d.created_at))
    .bind(ts(d.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// History is append-only: an event already stored is left as it is.
async fn insert_event(conn: &mut SqliteConnection, e: &DestinationEvent) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destination_events (id, destination_id, owner_id, change, statement, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(e.id.to_string())
    .bind(e.destination.to_string())
    .bind(e.owner.to_string())
    .bind(e.change.as_str())
    .bind(&e.statement)
    .bind(&e.reason)
    .bind(ts(e.at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds evidence, or replaces stored copies that are older, in one statement per
/// [`EVIDENCE_BATCH`] records. Returns how many were written. The competency index rows
/// follow by trigger.
async fn upsert_evidence(conn: &mut SqliteConnection, batch: &[Evidence]) -> Result<u64> {
    let mut written = 0;
    for chunk in batch.chunks(EVIDENCE_BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO evidence (id, owner_id, date, title, body, impact, links, competencies, level, \
             areas, visibility, source, ladder_id, ladder_version, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, e| {
            row.push_bind(e.id.to_string())
                .push_bind(e.owner.to_string())
                .push_bind(e.date)
                .push_bind(e.title.as_str())
                .push_bind(e.body.as_str())
                .push_bind(e.impact.as_str())
                .push_bind(json_list(&e.links))
                .push_bind(json_list(&e.competencies))
                .push_bind(e.level.as_str())
                .push_bind(json_list(&e.areas))
                .push_bind(e.visibility.as_str())
                .push_bind(e.source.as_str())
                .push_bind(e.ladder.id.as_str())
                .push_bind(i64::from(e.ladder.version))
                .push_bind(ts(e.created_at))
                .push_bind(ts(e.updated_at));
        });
        q.push(
            " ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, date = excluded.date, \
             title = excluded.title, body = excluded.body, impact = excluded.impact, \
             links = excluded.links, competencies = excluded.competencies, level = excluded.level, \
             areas = excluded.areas, visibility = excluded.visibility, source = excluded.source, \
             ladder_id = excluded.ladder_id, ladder_version = excluded.ladder_version, \
             created_at = excluded.created_at, updated_at = excluded.updated_at \
             WHERE excluded.updated_at > evidence.updated_at",
        );
        written += q.build().execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// Adds an activity from an archive, or brings the stored copy up to date when the archive's
/// is newer. An activity stored under another id (the same commit imported into two stores)
/// is left as it is.
async fn upsert_activity(conn: &mut SqliteConnection, a: &Activity) -> Result<bool> {
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

/// Adds or updates (when newer) a rep from an archive.
async fn upsert_rep(conn: &mut SqliteConnection, r: &Rep) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO reps (id, owner_id, title, description, competencies, exposure, status, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, \
         description = excluded.description, competencies = excluded.competencies, \
         exposure = excluded.exposure, status = excluded.status, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > reps.updated_at",
    )
    .bind(r.id.to_string())
    .bind(r.owner.to_string())
    .bind(&r.title)
    .bind(&r.description)
    .bind(json_list(&r.competencies))
    .bind(r.exposure.as_str())
    .bind(r.status.as_str())
    .bind(r.visibility.as_str())
    .bind(ts(r.created_at))
    .bind(ts(r.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a conversation.
async fn upsert_conversation(conn: &mut SqliteConnection, c: &Conversation) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO conversations (id, owner_id, date, ask, response, visibility, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, ask = excluded.ask, \
         response = excluded.response, visibility = excluded.visibility, \
         updated_at = excluded.updated_at WHERE excluded.updated_at > conversations.updated_at",
    )
    .bind(c.id.to_string())
    .bind(c.owner.to_string())
    .bind(c.date)
    .bind(&c.ask)
    .bind(&c.response)
    .bind(c.visibility.as_str())
    .bind(ts(c.created_at))
    .bind(ts(c.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a commitment.
async fn upsert_commitment(conn: &mut SqliteConnection, c: &Commitment) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO commitments (id, conversation_id, what, who, due, outcome, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET what = excluded.what, who = excluded.who, \
         due = excluded.due, outcome = excluded.outcome, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > commitments.updated_at",
    )
    .bind(c.id.to_string())
    .bind(c.conversation.to_string())
    .bind(&c.what)
    .bind(&c.who)
    .bind(c.due)
    .bind(c.outcome.as_str())
    .bind(ts(c.created_at))
    .bind(ts(c.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a constraint.
async fn upsert_constraint(conn: &mut SqliteConnection, c: &Constraint) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO constraints (id, owner_id, recorded_by, kind, description, since, until, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, \
         description = excluded.description, since = excluded.since, until = excluded.until, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > constraints.updated_at",
    )
    .bind(c.id.to_string())
    .bind(c.owner.to_string())
    .bind(c.recorded_by.to_string())
    .bind(c.kind.as_str())
    .bind(&c.description)
    .bind(c.since)
    .bind(c.until)
    .bind(c.visibility.as_str())
    .bind(ts(c.created_at))
    .bind(ts(c.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a decision.
async fn upsert_decision(conn: &mut SqliteConnection, d: &Decision) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO decisions (id, owner_id, choice, because, decided_on, revisit, context, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET choice = excluded.choice, because = excluded.because, \
         decided_on = excluded.decided_on, revisit = excluded.revisit, context = excluded.context, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > decisions.updated_at",
    )
    .bind(d.id.to_string())
    .bind(d.owner.to_string())
    .bind(d.choice.as_str())
    .bind(&d.because)
    .bind(d.decided_on)
    .bind(d.revisit)
    .bind(serde_json::to_string(&d.context).unwrap_or_default())
    .bind(d.visibility.as_str())
    .bind(ts(d.created_at))
    .bind(ts(d.updated_at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds a profile change unless it is stored already (changes are never edited).
async fn insert_profile_change(conn: &mut SqliteConnection, c: &ProfileChange) -> Result<bool> {
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
