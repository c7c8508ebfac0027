//! The PostgreSQL engine, for a team server.
//!
//! Native types (uuid, date, timestamptz, jsonb lists) and a generated `tsvector` column
//! with a GIN index for search. The server keeps no state of its own, so several app
//! servers can share one database; migrations take PostgreSQL's advisory lock, so servers
//! starting together do not race. SELECTs cast ids and lists to text so that rows decode
//! through the same code as SQLite's (`rows/`).

mod access;
mod accounts;
mod archive;
mod evidence;
mod goals;
mod growth;
mod inbox;
mod open;
mod people;
mod rounds;
mod sync;

use std::time::Duration;

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
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use cairn_core::sync::{SyncState, Tombstone};
use sqlx::migrate::Migrator;
use sqlx::postgres::PgPool;

use crate::{ActivityImport, ImportSummary, LadderImport, Result, Store};

/// Evidence rows per INSERT: 16 parameters each, well under the engine's limit.
const EVIDENCE_BATCH: usize = 500;

/// Activity rows per INSERT: 18 parameters each.
const ACTIVITY_BATCH: usize = 500;

const ACTIVITY_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, source, \
     external_id, kind, title, body, url, container, group_key, files::bigint AS files, \
     additions::bigint AS additions, deletions::bigint AS deletions, occurred_at, state, \
     evidence_id::text AS evidence_id, created_at, updated_at FROM activities";

const REP_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, title, description, \
     competencies::text AS competencies, exposure, status, visibility, created_at, updated_at \
     FROM reps";

const CONVERSATION_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, date, ask, \
     response, visibility, created_at, updated_at FROM conversations";

/// Conversations with their commitments (oldest first) as one JSON column.
const CONVERSATION_COMMITMENTS_SELECT: &str = "SELECT c.id::text AS id, c.owner_id::text AS owner_id, c.date, c.ask, \
     c.response, c.visibility, c.created_at, c.updated_at, \
     COALESCE((SELECT json_agg(json_build_object('id', m.id::text, 'conversation_id', m.conversation_id::text, \
     'what', m.what, 'who', m.who, 'due', m.due, 'outcome', m.outcome, \
     'created_at', m.created_at, 'updated_at', m.updated_at) ORDER BY m.created_at, m.id) \
     FROM commitments m WHERE m.conversation_id = c.id), '[]')::text AS commitments \
     FROM conversations c";

const COMMITMENT_SELECT: &str = "SELECT id::text AS id, conversation_id::text AS conversation_id, \
     what, who, due, outcome, created_at, updated_at FROM commitments";

const CONSTRAINT_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, \
     recorded_by::text AS recorded_by, kind, description, since, until, visibility, created_at, \
     updated_at FROM constraints";

const DECISION_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, choice, \
     because, decided_on, revisit, context, visibility, created_at, updated_at FROM decisions";

const PROFILE_CHANGE_SELECT: &str = "SELECT id::text AS id, person_id::text AS person_id, field, \
     from_value, to_value, reason, at FROM profile_changes";

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

const EVIDENCE_SELECT: &str = "SELECT e.id::text AS id, e.owner_id::text AS owner_id, e.date, e.title, \
     e.body, e.impact, e.links::text AS links, e.competencies::text AS competencies, e.level, e.areas::text AS areas, e.visibility, e.source, e.ladder_id, \
     e.ladder_version::bigint AS ladder_version, e.created_at, e.updated_at \
     FROM evidence e";

const PERSON_SELECT: &str = "SELECT id::text AS id, name, emails::text AS emails, ladder_id, \
     ladder_version::bigint AS ladder_version, level, manager_id::text AS manager_id, created_at, \
     updated_at, github FROM people";

const DESTINATION_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, statement, \
     target_level, horizon, reps::text AS reps, evidence_criteria, status, visibility, created_at, \
     updated_at FROM destinations";

const ACCOUNT_SELECT: &str = "SELECT person_id::text AS person_id, login, password_hash, role, active, external_id, \
     directory, removed_at, created_at, updated_at FROM accounts";

const ROUND_SELECT: &str = "SELECT id::text AS id, owner_id::text AS owner_id, ladder_id, \
     ladder_version::bigint AS ladder_version, name, self_submitted_at, manager_submitted_at, \
     created_at, updated_at FROM rounds";

const ASSESSMENT_SELECT: &str = "SELECT a.id::text AS id, a.round_id::text AS round_id, a.assessor, \
     a.recorded_by::text AS recorded_by, a.competency_id, a.level, a.note, a.created_at, a.updated_at \
     FROM assessments a";

const EVENT_SELECT: &str = "SELECT id::text AS id, destination_id::text AS destination_id, \
     owner_id::text AS owner_id, change, statement, reason, at FROM destination_events";

const LADDER_SELECT: &str = "SELECT id, version::bigint AS version, document FROM ladders";

/// How long a pooled connection may sit unused before it is pinged on its next use.
const PING_WHEN_IDLE: Duration = Duration::from_secs(10);

/// A store in a PostgreSQL database.
pub(crate) struct PgStore {
    pool: PgPool,
}

/// Ladder versions are `u32` in the domain and `INTEGER` here; versions past `i32::MAX` do
/// not occur (one per import of a changed ladder), so saturating is only a guard.
fn version(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

#[async_trait]
impl Store for PgStore {
    async fn owner(&self) -> Result<Option<PersonId>> {
        open::owner(self).await
    }

    async fn person(&self, id: PersonId) -> Result<Person> {
        people::person(self, id).await
    }

    async fn ladder(&self, reference: &LadderRef) -> Result<Ladder> {
        goals::ladder(self, reference).await
    }

    async fn ladders(&self) -> Result<Vec<Ladder>> {
        goals::ladders(self).await
    }

    async fn import_ladder(
        &self,
        ladder: &Ladder,
        profile: Option<(PersonId, &LevelId, Timestamp)>,
    ) -> Result<LadderImport> {
        goals::import_ladder(self, ladder, profile).await
    }

    async fn set_destination(
        &self,
        destination: &Destination,
        event: &DestinationEvent,
    ) -> Result<()> {
        goals::set_destination(self, destination, event).await
    }

    async fn destinations(&self, owner: PersonId) -> Result<Vec<Destination>> {
        goals::destinations(self, owner).await
    }

    async fn destination_events(&self, owner: PersonId) -> Result<Vec<DestinationEvent>> {
        goals::destination_events(self, owner).await
    }

    async fn add_evidence(&self, evidence: &Evidence) -> Result<()> {
        evidence::add_evidence(self, evidence).await
    }

    async fn evidence(&self, id: EvidenceId) -> Result<Evidence> {
        evidence::evidence(self, id).await
    }

    async fn resolve_evidence(&self, fragment: &str) -> Result<EvidenceId> {
        evidence::resolve_evidence(self, fragment).await
    }

    async fn update_evidence(&self, e: &Evidence) -> Result<()> {
        evidence::update_evidence(self, e).await
    }

    async fn remove_evidence(&self, id: EvidenceId) -> Result<()> {
        evidence::remove_evidence(self, id).await
    }

    async fn list_evidence(&self, query: &EvidenceQuery) -> Result<Vec<Evidence>> {
        evidence::list_evidence(self, query).await
    }

    async fn add_activities(
        &self,
        activities: &[Activity],
        evidence: &[Evidence],
    ) -> Result<ActivityImport> {
        inbox::add_activities(self, activities, evidence).await
    }

    async fn activities(
        &self,
        owner: PersonId,
        state: Option<ActivityState>,
    ) -> Result<Vec<Activity>> {
        inbox::activities(self, owner, state).await
    }

    async fn settle_group(
        &self,
        owner: PersonId,
        group: &str,
        evidence: Option<&Evidence>,
        at: Timestamp,
    ) -> Result<u64> {
        inbox::settle_group(self, owner, group, evidence, at).await
    }

    async fn put_rep(&self, r: &Rep) -> Result<()> {
        growth::put_rep(self, r).await
    }

    async fn reps(&self, owner: PersonId) -> Result<Vec<Rep>> {
        growth::reps(self, owner).await
    }

    async fn remove_rep(&self, owner: PersonId, id: RepId) -> Result<()> {
        growth::remove_rep(self, owner, id).await
    }

    async fn add_conversation(
        &self,
        conversation: &Conversation,
        commitments: &[Commitment],
    ) -> Result<()> {
        growth::add_conversation(self, conversation, commitments).await
    }

    async fn conversations(&self, owner: PersonId) -> Result<Vec<(Conversation, Vec<Commitment>)>> {
        growth::conversations(self, owner).await
    }

    async fn set_outcome(
        &self,
        commitment: CommitmentId,
        outcome: Outcome,
        at: Timestamp,
    ) -> Result<()> {
        growth::set_outcome(self, commitment, outcome, at).await
    }

    async fn add_constraint(&self, c: &Constraint) -> Result<()> {
        growth::add_constraint(self, c).await
    }

    async fn constraints(&self, owner: PersonId) -> Result<Vec<Constraint>> {
        growth::constraints(self, owner).await
    }

    async fn add_decision(&self, d: &Decision) -> Result<()> {
        growth::add_decision(self, d).await
    }

    async fn decisions(&self, owner: PersonId) -> Result<Vec<Decision>> {
        growth::decisions(self, owner).await
    }

    async fn update_person(&self, person: &Person, changes: &[ProfileChange]) -> Result<()> {
        people::update_person(self, person, changes).await
    }

    async fn profile_changes(&self, person: PersonId) -> Result<Vec<ProfileChange>> {
        people::profile_changes(self, person).await
    }

    async fn submit_assessment(
        &self,
        round: &AssessmentRound,
        side: Assessor,
        at: Timestamp,
        entries: &[Assessment],
    ) -> Result<()> {
        rounds::submit_assessment(self, round, side, at, entries).await
    }

    async fn rounds(&self, owner: PersonId) -> Result<Vec<AssessmentRound>> {
        rounds::rounds(self, owner).await
    }

    async fn assessments(&self, owner: PersonId) -> Result<Vec<Assessment>> {
        rounds::assessments(self, owner).await
    }

    async fn reports(&self, manager: PersonId) -> Result<Vec<Person>> {
        people::reports(self, manager).await
    }

    async fn people(&self) -> Result<Vec<Person>> {
        people::people(self).await
    }

    async fn set_manager(
        &self,
        person: PersonId,
        manager: Option<PersonId>,
        at: Timestamp,
    ) -> Result<()> {
        people::set_manager(self, person, manager, at).await
    }

    async fn add_user(&self, ladder: &Ladder, person: &Person, account: &Account) -> Result<()> {
        accounts::add_user(self, ladder, person, account).await
    }

    async fn accounts(&self) -> Result<Vec<Account>> {
        accounts::accounts(self).await
    }

    async fn account(&self, login: &str) -> Result<Option<Account>> {
        accounts::account(self, login).await
    }

    async fn set_role(&self, person: PersonId, role: Role, at: Timestamp) -> Result<()> {
        accounts::set_role(self, person, role, at).await
    }

    async fn add_session(&self, session: &Session) -> Result<()> {
        accounts::add_session(self, session).await
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<SignedIn>> {
        accounts::session(self, token_hash, now).await
    }

    async fn remove_session(&self, token_hash: &str) -> Result<()> {
        accounts::remove_session(self, token_hash).await
    }

    async fn claim_login_attempt(
        &self,
        login: &str,
        since: Timestamp,
        at: Timestamp,
        limit: u64,
    ) -> Result<bool> {
        accounts::claim_login_attempt(self, login, since, at, limit).await
    }

    async fn forget_login_attempt(&self, login: &str, at: Timestamp) -> Result<()> {
        accounts::forget_login_attempt(self, login, at).await
    }

    async fn account_of(&self, person: PersonId) -> Result<Option<Account>> {
        access::account_of(self, person).await
    }

    async fn update_account(&self, account: &Account) -> Result<()> {
        access::update_account(self, account).await
    }

    async fn provision(&self, person: &Person, account: &Account) -> Result<()> {
        access::provision(self, person, account).await
    }

    async fn set_password(
        &self,
        person: PersonId,
        hash: &str,
        keep: Option<&str>,
        at: Timestamp,
    ) -> Result<()> {
        access::set_password(self, person, hash, keep, at).await
    }

    async fn add_token(&self, token: &Token) -> Result<()> {
        access::add_token(self, token).await
    }

    async fn bearer(&self, hash: &str, now: Timestamp) -> Result<Option<Bearer>> {
        access::bearer(self, hash, now).await
    }

    async fn tokens(&self, person: PersonId) -> Result<Vec<Token>> {
        access::tokens(self, person).await
    }

    async fn revoke_token(&self, person: PersonId, id: TokenId, at: Timestamp) -> Result<()> {
        access::revoke_token(self, person, id, at).await
    }

    async fn add_grant(&self, grant: &Grant) -> Result<()> {
        access::add_grant(self, grant).await
    }

    async fn take_grant(
        &self,
        kind: GrantKind,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<Grant>> {
        access::take_grant(self, kind, hash, now).await
    }

    async fn audit(&self, entry: &AuditEntry) -> Result<()> {
        access::audit(self, entry).await
    }

    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        access::audit_log(self, limit).await
    }

    async fn tombstones(
        &self,
        owner: PersonId,
        since: Option<Timestamp>,
    ) -> Result<Vec<Tombstone>> {
        sync::tombstones(self, owner, since).await
    }

    async fn origin(
        &self,
        kind: cairn_core::sync::Kind,
        id: uuid::Uuid,
    ) -> Result<Option<cairn_core::sync::Origin>> {
        sync::origin(self, kind, id).await
    }

    async fn last_change(&self) -> Result<Option<Timestamp>> {
        Ok(sqlx::query_scalar(crate::LAST_CHANGE_SELECT)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn ladder_maps(&self) -> Result<Vec<cairn_core::ladder::map::LadderMap>> {
        let documents: Vec<String> = sqlx::query_scalar(crate::LADDER_MAP_SELECT)
            .fetch_all(&self.pool)
            .await?;
        crate::decode_maps(documents)
    }

    async fn sync_state(&self, remote: &str) -> Result<Option<SyncState>> {
        sync::sync_state(self, remote).await
    }

    async fn set_sync_state(&self, state: &SyncState) -> Result<()> {
        sync::set_sync_state(self, state).await
    }

    async fn close(&self) -> Result<()> {
        open::close(self).await
    }

    async fn backup(&self, _path: &std::path::Path) -> Result<()> {
        open::backup(self, _path).await
    }

    async fn integrity(&self) -> Result<Vec<String>> {
        open::integrity(self).await
    }

    async fn export(&self) -> Result<Archive> {
        archive::export(self).await
    }

    async fn import(&self, archive: &Archive) -> Result<ImportSummary> {
        archive::import(self, archive).await
    }
}
