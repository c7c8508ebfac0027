//! Cairn's storage: one contract, [`Store`], and two engines that keep it.
//!
//! SQLite is the embedded default (one file, WAL, FTS5 search); PostgreSQL is for a team
//! server (several app servers may share one database, since no engine keeps state of its
//! own). Both engines have their own migrations with matching names, and one conformance
//! story (`tests/story.rs`) runs every operation against each. This crate owns SQL and
//! nothing else: validation lives in `cairn-core`, and callers validate before storing.

mod export;
mod location;
mod merge;
mod postgres;
mod rows;
mod sqlite;
mod team;
#[cfg(feature = "test-support")]
pub mod test_support;
pub mod views;

use std::sync::Arc;

use async_trait::async_trait;
use cairn_core::access::{AuditEntry, Bearer, Grant, GrantKind, Token};
use cairn_core::account::{Account, Role, Session, SignedIn};
use cairn_core::activity::{Activity, ActivityState};
use cairn_core::archive::Archive;
use cairn_core::assessment::{Assessment, AssessmentRound, Assessor};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::Timestamp;
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::evidence::{Evidence, EvidenceQuery};
use cairn_core::id::{CommitmentId, EvidenceId, LevelId, PersonId, RepId, TokenId};
use cairn_core::inbox::Group;
use cairn_core::ladder::map::LadderMap;
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use cairn_core::suggest::Suggester;
use cairn_core::sync::{Origin, SyncState, Tombstone};

pub use location::Location;
pub use team::team;

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record asked for does not exist (or is not the caller's to see).
    #[error("no {what} {id}")]
    NotFound {
        /// The kind of record.
        what: &'static str,
        /// The id or prefix asked for.
        id: String,
    },
    /// An id prefix matches more than one record.
    #[error("'{prefix}' matches several {what}; use the full id (`cairn list --json` shows it)")]
    Ambiguous {
        /// The kind of record.
        what: &'static str,
        /// The prefix typed.
        prefix: String,
    },
    /// There is no store at the location.
    #[error("no Cairn store at {0}; run `cairn init` (or `cairn demo`) first")]
    Missing(String),
    /// The file exists but is empty (zero bytes).
    #[error("{0} is an empty file, not a Cairn store; `cairn init` starts one there")]
    Empty(String),
    /// The file or database exists but is not a Cairn store.
    #[error("{0} is not a Cairn store")]
    NotAStore(String),
    /// The store was written by a newer Cairn.
    #[error("{0} was written by a newer version of Cairn; upgrade Cairn to open it")]
    TooNew(String),
    /// A value that must be unique is taken.
    #[error("{0} is taken")]
    Duplicate(String),
    /// A ladder version already stored differs from the one given: versions never change.
    #[error("ladder {0} is already stored with different content; import it as a new version")]
    LadderChanged(String),
    /// An update based on an older copy than the one stored: someone changed it meanwhile.
    #[error("{0} was changed since it was read; read it again and retry")]
    Stale(String),
    /// One side of an assessment round submits once; this side already has.
    #[error("round '{round}' already has the {side} view; a submitted view is final")]
    AlreadySubmitted {
        /// The round's name.
        round: String,
        /// The side that tried again.
        side: Assessor,
    },
    /// Stored data that does not decode into a valid record.
    #[error("stored {what} {id} is damaged: {reason}")]
    Corrupt {
        /// The kind of record.
        what: &'static str,
        /// Its id.
        id: String,
        /// What failed to decode.
        reason: String,
    },
    /// A file that must be new exists already.
    #[error("{0} exists already; choose a new file name")]
    Exists(String),
    /// The engine cannot do this.
    #[error("{0}")]
    Unsupported(String),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// Applying migrations failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// True when the database refused a text value it cannot hold (PostgreSQL's "character
    /// not in repertoire", for a NUL): the caller's input, not the server, is at fault.
    pub fn is_unstorable_text(&self) -> bool {
        self.code() == Some(Code::Postgres("22021".into()))
    }

    /// True when a write met a store that was opened read-only (SQLite's `SQLITE_READONLY`
    /// family, PostgreSQL's read-only transaction).
    pub fn is_read_only(&self) -> bool {
        match self.code() {
            Some(Code::Sqlite(c)) => c & 0xff == 8,
            Some(Code::Postgres(c)) => c == "25006",
            None => false,
        }
    }

    /// True when another process held the lock for longer than the store waits for it
    /// (SQLite's `SQLITE_BUSY` and `SQLITE_LOCKED` families, PostgreSQL's lock timeout).
    pub fn is_locked(&self) -> bool {
        match self.code() {
            Some(Code::Sqlite(c)) => matches!(c & 0xff, 5 | 6),
            Some(Code::Postgres(c)) => c == "55P03",
            None => false,
        }
    }

    fn code(&self) -> Option<Code> {
        let Self::Database(sqlx::Error::Database(db)) = self else {
            return None;
        };
        let code = db.code()?;
        Some(
            if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                // SQLite reports extended result codes; the low byte is the primary one.
                Code::Sqlite(code.parse().ok()?)
            } else {
                Code::Postgres(code.into_owned())
            },
        )
    }
}

/// A database error's code, by engine.
#[derive(Debug, PartialEq, Eq)]
enum Code {
    Sqlite(u32),
    Postgres(String),
}

/// How long a SQLite write waits for another process's lock before giving up: 30 s, or
/// the whole seconds in `CAIRN_LOCK_WAIT` (a script that would rather fail fast sets 0).
pub fn lock_wait() -> std::time::Duration {
    let seconds = std::env::var("CAIRN_LOCK_WAIT")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(30);
    std::time::Duration::from_secs(seconds)
}

/// A store result.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What an archive import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportSummary {
    /// Records added or replaced by a newer copy.
    pub written: u64,
    /// Records already present and at least as new.
    pub unchanged: u64,
}

impl ImportSummary {
    /// Counts one record as written or left unchanged.
    pub(crate) fn record(&mut self, written: bool) {
        if written {
            self.written += 1;
        } else {
            self.unchanged += 1;
        }
    }
}

/// What importing a ladder did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LadderImport {
    /// The version the ladder is stored as.
    pub version: u32,
    /// The newest version stored before, if any.
    pub previous: Option<u32>,
    /// False when the newest stored version already had this content.
    pub added: bool,
}

impl LadderImport {
    /// The version a ladder imported after `previous` gets, and whether it is new, given
    /// whether its content matches the previous version's.
    pub(crate) fn after(previous: Option<u32>, same: bool) -> Self {
        match previous {
            Some(v) if same => Self {
                version: v,
                previous,
                added: false,
            },
            _ => Self {
                version: previous.map_or(1, |v| v + 1),
                previous,
                added: true,
            },
        }
    }
}

/// What adding imported activities did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ActivityImport {
    /// Activities not stored before.
    pub imported: u64,
    /// Activities already stored (same owner, source and external id), left as they were.
    pub skipped: u64,
    /// Distinct group keys among the new activities.
    pub groups: u64,
    /// Evidence records added with accepted activities.
    pub accepted: u64,
}

/// The storage contract. Writes that touch several rows are single transactions; reads of a
/// missing record answer [`StoreError::NotFound`].
#[async_trait]
pub trait Store: Send + Sync {
    /// The person a local store belongs to, once `init` has run.
    async fn owner(&self) -> Result<Option<PersonId>>;
    /// One person.
    async fn person(&self, id: PersonId) -> Result<Person>;

    /// One ladder version.
    async fn ladder(&self, reference: &LadderRef) -> Result<Ladder>;
    /// Every stored ladder version, by id then version.
    async fn ladders(&self) -> Result<Vec<Ladder>>;
    /// Stores `ladder` as the next version of its id (its own `version` is ignored), unless
    /// the newest stored version has the same content, in which case nothing is added. With
    /// `profile`, that person's profile moves onto the stored version at the given level and
    /// time (the caller checks the level is in it). One transaction.
    async fn import_ladder(
        &self,
        ladder: &Ladder,
        profile: Option<(PersonId, &LevelId, Timestamp)>,
    ) -> Result<LadderImport>;

    /// Saves a destination (new or changed) together with the event that explains the change.
    async fn set_destination(
        &self,
        destination: &Destination,
        event: &DestinationEvent,
    ) -> Result<()>;
    /// A person's destinations, newest first.
    async fn destinations(&self, owner: PersonId) -> Result<Vec<Destination>>;
    /// A person's destination history, oldest first.
    async fn destination_events(&self, owner: PersonId) -> Result<Vec<DestinationEvent>>;

    /// Adds a piece of evidence.
    async fn add_evidence(&self, evidence: &Evidence) -> Result<()>;
    /// One piece of evidence.
    async fn evidence(&self, id: EvidenceId) -> Result<Evidence>;
    /// The one piece of evidence whose id starts or ends with `fragment` (four or more hex
    /// digits): lists show an id's last eight digits, and a pasted full id also works.
    async fn resolve_evidence(&self, fragment: &str) -> Result<EvidenceId>;
    /// Replaces a piece of evidence with a changed copy, whose `updated_at` must be later than
    /// the stored one's ([`StoreError::Stale`] otherwise).
    async fn update_evidence(&self, evidence: &Evidence) -> Result<()>;
    /// Deletes a piece of evidence, keeping a tombstone so a sync carries the deletion; the
    /// activities it was made from go back to the inbox.
    async fn remove_evidence(&self, id: EvidenceId) -> Result<()>;
    /// Evidence matching the query, newest first.
    async fn list_evidence(&self, query: &EvidenceQuery) -> Result<Vec<Evidence>>;

    /// Adds imported activities in one transaction; one already stored (same owner, source
    /// and external id) is skipped and left as it is. `evidence` holds the records that
    /// accepted activities point at (imports with `--accept`): each is added together with
    /// the first new activity pointing at it, so a re-run adds no evidence twice.
    async fn add_activities(
        &self,
        activities: &[Activity],
        evidence: &[Evidence],
    ) -> Result<ActivityImport>;
    /// A person's activities, in one state or all, oldest first.
    async fn activities(
        &self,
        owner: PersonId,
        state: Option<ActivityState>,
    ) -> Result<Vec<Activity>>;
    /// Settles an inbox group in one transaction: with `evidence`, adds it and marks the
    /// group's inbox activities accepted, pointing at it; without, marks them dismissed.
    /// Returns how many activities it settled; a group with nothing in the inbox is
    /// [`StoreError::NotFound`] and nothing is written.
    async fn settle_group(
        &self,
        owner: PersonId,
        group: &str,
        evidence: Option<&Evidence>,
        at: Timestamp,
    ) -> Result<u64>;

    /// Saves a rep, new or changed (matched by id).
    async fn put_rep(&self, rep: &Rep) -> Result<()>;
    /// A person's reps, oldest first.
    async fn reps(&self, owner: PersonId) -> Result<Vec<Rep>>;
    /// Deletes one of `owner`'s reps, keeping a tombstone so a sync carries the deletion;
    /// not found when it is not theirs.
    async fn remove_rep(&self, owner: PersonId, id: RepId) -> Result<()>;
    /// Adds a growth conversation with the commitments made in it, in one transaction.
    async fn add_conversation(
        &self,
        conversation: &Conversation,
        commitments: &[Commitment],
    ) -> Result<()>;
    /// A person's conversations, oldest first, each with its commitments.
    async fn conversations(&self, owner: PersonId) -> Result<Vec<(Conversation, Vec<Commitment>)>>;
    /// Records how a commitment turned out.
    async fn set_outcome(
        &self,
        commitment: CommitmentId,
        outcome: Outcome,
        at: Timestamp,
    ) -> Result<()>;
    /// Adds a constraint.
    async fn add_constraint(&self, constraint: &Constraint) -> Result<()>;
    /// The constraints affecting a person, oldest first.
    async fn constraints(&self, owner: PersonId) -> Result<Vec<Constraint>>;
    /// Records a decision to push, wait or change.
    async fn add_decision(&self, decision: &Decision) -> Result<()>;
    /// The engineer's decisions, oldest first.
    async fn decisions(&self, owner: PersonId) -> Result<Vec<Decision>>;
    /// Writes a changed profile and its history in one transaction; the person's
    /// `updated_at` must be later than the stored one.
    async fn update_person(&self, person: &Person, changes: &[ProfileChange]) -> Result<()>;
    /// The history of a person's profile, oldest first.
    async fn profile_changes(&self, person: PersonId) -> Result<Vec<ProfileChange>>;

    /// Submits one side's view of a round in one transaction: opens the round if it is not
    /// stored yet, marks `side` as submitted at `at`, and adds its entries. A side that has
    /// submitted already is refused with [`StoreError::AlreadySubmitted`], a round name the
    /// person already uses with [`StoreError::Duplicate`]; either way nothing is written.
    async fn submit_assessment(
        &self,
        round: &AssessmentRound,
        side: Assessor,
        at: Timestamp,
        entries: &[Assessment],
    ) -> Result<()>;
    /// A person's assessment rounds, newest first.
    async fn rounds(&self, owner: PersonId) -> Result<Vec<AssessmentRound>>;
    /// Every entry in a person's rounds, both sides: callers apply the blindness rule
    /// (`AssessmentRound::shows`) before showing them to anyone.
    async fn assessments(&self, owner: PersonId) -> Result<Vec<Assessment>>;

    /// Every person, by id.
    async fn people(&self) -> Result<Vec<Person>>;
    /// The people whose manager is `manager`, by id.
    async fn reports(&self, manager: PersonId) -> Result<Vec<Person>>;
    /// Sets or clears a person's manager. Callers check the line makes no loop
    /// (`cairn_core::privacy::check_manager`).
    async fn set_manager(
        &self,
        person: PersonId,
        manager: Option<PersonId>,
        at: Timestamp,
    ) -> Result<()>;

    /// Adds a team-server user in one transaction: the ladder version (unless stored), the
    /// person and the account. A taken login is [`StoreError::Duplicate`].
    async fn add_user(&self, ladder: &Ladder, person: &Person, account: &Account) -> Result<()>;
    /// Every account, by login.
    async fn accounts(&self) -> Result<Vec<Account>>;
    /// The account with this login.
    async fn account(&self, login: &str) -> Result<Option<Account>>;
    /// Changes an account's role. A role other than manager also ends the reporting lines the
    /// account heads, in the same transaction (see `cairn_core::privacy`).
    async fn set_role(&self, person: PersonId, role: Role, at: Timestamp) -> Result<()>;

    /// Starts a session.
    async fn add_session(&self, session: &Session) -> Result<()>;
    /// The session with this token hash, if it has not expired by `now` and its account is
    /// active, with the name and role of whose it is: the one read a team request makes to
    /// know who is asking.
    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<SignedIn>>;
    /// Ends a session (ending one that is gone already is not an error).
    async fn remove_session(&self, token_hash: &str) -> Result<()>;
    /// Claims one of the `limit` password checks allowed for `login` since `since`, in one
    /// atomic step: records an attempt at `at` and answers true, or answers false when
    /// `limit` attempts are recorded already. Parallel claims never exceed `limit`.
    async fn claim_login_attempt(
        &self,
        login: &str,
        since: Timestamp,
        at: Timestamp,
        limit: u64,
    ) -> Result<bool>;
    /// Forgets the attempt claimed at `at`, once its password matched.
    async fn forget_login_attempt(&self, login: &str, at: Timestamp) -> Result<()>;

    /// The account of a person, if they have one.
    async fn account_of(&self, person: PersonId) -> Result<Option<Account>>;
    /// Replaces an account's login, password hash, role, active flag and external id,
    /// matched by person. Deactivating ends the account's sessions and revokes its tokens in
    /// the same transaction, so every server sharing the database refuses them at once; the
    /// person and their records stay. A taken login or external id is
    /// [`StoreError::Duplicate`].
    async fn update_account(&self, account: &Account) -> Result<()>;
    /// Writes a person and their account as a directory provisions them, in one
    /// transaction: the person (name, emails, manager) and the account as
    /// [`Store::update_account`] writes it; a removed account also heads no reporting line
    /// any more.
    async fn provision(&self, person: &Person, account: &Account) -> Result<()>;
    /// Sets an account's password hash and ends its sessions but `keep` (the session making
    /// the change, if any), in one transaction.
    async fn set_password(
        &self,
        person: PersonId,
        hash: &str,
        keep: Option<&str>,
        at: Timestamp,
    ) -> Result<()>;

    /// Adds a personal access token.
    async fn add_token(&self, token: &Token) -> Result<()>;
    /// The live token with this hash, if its account is active, with its owner's name and
    /// role: the one read a bearer request makes. Marks it used, to the hour.
    async fn bearer(&self, hash: &str, now: Timestamp) -> Result<Option<Bearer>>;
    /// A person's tokens, oldest first, revoked and expired ones included.
    async fn tokens(&self, person: PersonId) -> Result<Vec<Token>>;
    /// Revokes one of `person`'s tokens (revoking twice is no error); not found when it is
    /// not theirs.
    async fn revoke_token(&self, person: PersonId, id: TokenId, at: Timestamp) -> Result<()>;

    /// Stores a one-time grant.
    async fn add_grant(&self, grant: &Grant) -> Result<()>;
    /// Takes a grant in one step (it is deleted, so it works once); `None` when there is
    /// none of that kind with this hash, or it expired by `now`.
    async fn take_grant(
        &self,
        kind: GrantKind,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<Grant>>;

    /// Appends to the audit log.
    async fn audit(&self, entry: &AuditEntry) -> Result<()>;
    /// The newest `limit` audit entries, newest first.
    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>>;

    /// `owner`'s tombstones (deletions) after `since`, or all, by kind then id.
    async fn tombstones(&self, owner: PersonId, since: Option<Timestamp>)
    -> Result<Vec<Tombstone>>;
    /// Where the sync with `remote` stands, if it ever ran.
    async fn sync_state(&self, remote: &str) -> Result<Option<SyncState>>;
    /// Records where the sync with a remote stands.
    async fn set_sync_state(&self, state: &SyncState) -> Result<()>;
    /// Where a record came from (a team server, and who wrote it), when it came from one.
    async fn origin(&self, kind: cairn_core::sync::Kind, id: uuid::Uuid) -> Result<Option<Origin>>;
    /// When a record a sync carries last changed or was deleted, if any ever was: a sync
    /// reads the whole store only when something changed since its last push.
    async fn last_change(&self) -> Result<Option<Timestamp>>;
    /// Every ladder map kept by `cairn ladder switch`, by the ladders they join.
    async fn ladder_maps(&self) -> Result<Vec<LadderMap>>;

    /// Closes the store's connections once the work in hand is done. SQLite first folds its
    /// write-ahead log back into the database file, so the file alone is the whole store
    /// (a backup by copy); call it before the process exits.
    async fn close(&self) -> Result<()>;

    /// Writes a consistent copy of the whole store to a new SQLite file at `path` while
    /// others may go on writing (SQLite's `VACUUM INTO`); PostgreSQL stores are backed up
    /// with `cairn export` or the server's own tools.
    async fn backup(&self, path: &std::path::Path) -> Result<()>;

    /// The engine's own consistency checks: what they report, empty when all is well
    /// (SQLite: `integrity_check` and `foreign_key_check`; PostgreSQL enforces both itself).
    async fn integrity(&self) -> Result<Vec<String>>;

    /// Everything in the store. Accounts, sessions, failed logins, tokens, grants and the
    /// audit log are not records of anyone's career and stay out of archives.
    async fn export(&self) -> Result<Archive>;
    /// Merges an archive by id in one transaction: new records are added, records with a
    /// newer `updated_at` replace the stored copy, the rest are left alone; its tombstones
    /// delete what they name unless it changed since, and its origins are noted. The owner is set
    /// only if the store has none.
    async fn import(&self, archive: &Archive) -> Result<ImportSummary>;
}

/// A person's assessment rounds with every entry and the ladder versions they pin: what
/// calibration reads (`cairn_core::calibration::round_views` applies the blindness rule).
#[derive(Debug, Clone, Default)]
pub struct AssessmentHistory {
    /// The rounds, newest first.
    pub rounds: Vec<AssessmentRound>,
    /// Every entry of both sides.
    pub entries: Vec<Assessment>,
    /// The ladder versions the rounds pin.
    pub ladders: Vec<Ladder>,
}

/// Reads a person's [`AssessmentHistory`].
pub async fn assessment_history(store: &dyn Store, owner: PersonId) -> Result<AssessmentHistory> {
    let rounds = store.rounds(owner).await?;
    let entries = store.assessments(owner).await?;
    let mut ladders: Vec<Ladder> = Vec::new();
    for round in &rounds {
        if !ladders.iter().any(|l| l.reference() == round.ladder) {
            ladders.push(store.ladder(&round.ladder).await?);
        }
    }
    Ok(AssessmentHistory {
        rounds,
        entries,
        ladders,
    })
}

/// A competency suggester for `owner` on `ladder`: the ladder's words plus the owner's own
/// tagged evidence on the same ladder.
pub async fn suggester(store: &dyn Store, owner: PersonId, ladder: &Ladder) -> Result<Suggester> {
    let query = EvidenceQuery {
        owner: Some(owner),
        ..EvidenceQuery::default()
    };
    let history: Vec<(String, Vec<_>)> = store
        .list_evidence(&query)
        .await?
        .into_iter()
        .filter(|e| e.ladder.id == ladder.id && !e.competencies.is_empty())
        .map(|e| (format!("{} {}", e.title, e.body), e.competencies))
        .collect();
    Ok(Suggester::new(ladder, &history))
}

/// A person's inbox: their waiting activities gathered into groups, newest first. The
/// first `suggested` groups (all with `None`) come with suggested competencies and level
/// (`ladder` is the one the person's level is on); the rest only with their titles.
pub async fn inbox(
    store: &dyn Store,
    person: &Person,
    ladder: &Ladder,
    suggested: Option<usize>,
) -> Result<Vec<Group>> {
    let mut groups = cairn_core::inbox::gather(
        store
            .activities(person.id, Some(ActivityState::Inbox))
            .await?,
    );
    let n = suggested.unwrap_or(groups.len()).min(groups.len());
    if n > 0 {
        let suggester = suggester(store, person.id, ladder).await?;
        for g in &mut groups[..n] {
            g.suggest(ladder, &person.level, &suggester);
        }
    }
    Ok(groups)
}

/// One inbox group with its suggestions, or `None` when nothing waits under `key`.
pub async fn inbox_group(
    store: &dyn Store,
    person: &Person,
    ladder: &Ladder,
    key: &str,
) -> Result<Option<Group>> {
    let waiting = store
        .activities(person.id, Some(ActivityState::Inbox))
        .await?;
    let mine: Vec<Activity> = waiting.into_iter().filter(|a| a.group == key).collect();
    let Some(mut group) = cairn_core::inbox::gather(mine).pop() else {
        return Ok(None);
    };
    let suggester = suggester(store, person.id, ladder).await?;
    group.suggest(ladder, &person.level, &suggester);
    Ok(Some(group))
}

/// Opens an existing store, applying any migrations it lacks.
pub async fn open(location: &Location) -> Result<Arc<dyn Store>> {
    connect(location, false).await
}

/// Opens a store, creating it (but not its parent folder) if it does not exist.
pub async fn create(location: &Location) -> Result<Arc<dyn Store>> {
    connect(location, true).await
}

async fn connect(location: &Location, create: bool) -> Result<Arc<dyn Store>> {
    Ok(match location {
        Location::Sqlite(path) => Arc::new(sqlite::SqliteStore::connect(path, create).await?),
        Location::Postgres(url) => Arc::new(postgres::PgStore::connect(url).await?),
    })
}

/// Checks an id fragment typed by a user: hex digits and hyphens only, so it can go into a
/// `LIKE` pattern without escaping, and long enough to mean something.
fn id_fragment(fragment: &str) -> Result<String> {
    let fragment = fragment.trim().to_ascii_lowercase();
    let ok = fragment.len() >= 4 && fragment.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if ok {
        Ok(fragment)
    } else {
        Err(StoreError::NotFound {
            what: "evidence",
            id: fragment,
        })
    }
}

/// Reads every ladder map from its stored documents, in one order on both engines.
pub(crate) const LADDER_MAP_SELECT: &str =
    "SELECT document FROM ladder_maps ORDER BY from_id, from_version, to_id, to_version";

/// Ladder maps from their stored JSON documents.
pub(crate) fn decode_maps(documents: Vec<String>) -> Result<Vec<LadderMap>> {
    documents
        .into_iter()
        .map(|d| {
            serde_json::from_str(&d).map_err(|e| StoreError::Corrupt {
                what: "ladder map",
                id: d.chars().take(80).collect(),
                reason: e.to_string(),
            })
        })
        .collect()
}

/// The newest change to any record a sync carries, deletions included.
pub(crate) const LAST_CHANGE_SELECT: &str = "SELECT MAX(t) FROM (\
    SELECT MAX(updated_at) AS t FROM destinations \
    UNION ALL SELECT MAX(at) FROM destination_events \
    UNION ALL SELECT MAX(updated_at) FROM evidence \
    UNION ALL SELECT MAX(updated_at) FROM rounds \
    UNION ALL SELECT MAX(updated_at) FROM assessments \
    UNION ALL SELECT MAX(updated_at) FROM reps \
    UNION ALL SELECT MAX(updated_at) FROM conversations \
    UNION ALL SELECT MAX(updated_at) FROM commitments \
    UNION ALL SELECT MAX(updated_at) FROM constraints \
    UNION ALL SELECT MAX(updated_at) FROM decisions \
    UNION ALL SELECT MAX(deleted_at) FROM tombstones) AS changes";
