//! The PostgreSQL engine, for a team server.
//!
//! Native types (uuid, date, timestamptz, jsonb lists) and a generated `tsvector` column
//! with a GIN index for search. The server keeps no state of its own, so several app
//! servers can share one database; migrations take PostgreSQL's advisory lock, so servers
//! starting together do not race. SELECTs cast ids and lists to text so that rows decode
//! through the same code as SQLite's (`rows.rs`).

use std::time::Duration;

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
use sqlx::postgres::{PgConnection, PgPool, PgPoolOptions};
use sqlx::{Acquire, Connection, Postgres, QueryBuilder};
use uuid::Uuid;

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

const ACCOUNT_SELECT: &str = "SELECT person_id::text AS person_id, login, password_hash, role, created_at, updated_at FROM accounts";

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

#[async_trait]
impl Store for PgStore {
    async fn owner(&self) -> Result<Option<PersonId>> {
        let value: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
                .fetch_optional(&self.pool)
                .await?;
        owner_setting(value)
    }

    async fn person(&self, id: PersonId) -> Result<Person> {
        let row: Option<PersonRow> = sqlx::query_as(&format!("{PERSON_SELECT} WHERE id = $1"))
            .bind(id.uuid())
            .fetch_optional(&self.pool)
            .await?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "person",
            id: id.to_string(),
        })?;
        row.try_into()
    }

    async fn ladder(&self, reference: &LadderRef) -> Result<Ladder> {
        let row: Option<LadderRow> =
            sqlx::query_as(&format!("{LADDER_SELECT} WHERE id = $1 AND version = $2"))
                .bind(reference.id.as_str())
                .bind(version(reference.version))
                .fetch_optional(&self.pool)
                .await?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: "ladder",
            id: format!("{} v{}", reference.id, reference.version),
        })?;
        row.try_into()
    }

    async fn ladders(&self) -> Result<Vec<Ladder>> {
        let rows: Vec<LadderRow> = sqlx::query_as(&format!("{LADDER_SELECT} ORDER BY id, version"))
            .fetch_all(&self.pool)
            .await?;
        decode_all(rows)
    }

    async fn import_ladder(
        &self,
        ladder: &Ladder,
        profile: Option<(PersonId, &LevelId, Timestamp)>,
    ) -> Result<LadderImport> {
        let mut tx = self.pool.begin().await?;
        let newest: Option<LadderRow> = sqlx::query_as(&format!(
            "{LADDER_SELECT} WHERE id = $1 ORDER BY version DESC LIMIT 1"
        ))
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
            .bind(person.uuid())
            .bind(stored.id.as_str())
            .bind(version(stored.version))
            .bind(level.as_str())
            .bind(at)
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
        let mut tx = self.pool.begin().await?;
        upsert_destination(&mut tx, destination).await?;
        insert_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn destinations(&self, owner: PersonId) -> Result<Vec<Destination>> {
        let rows: Vec<DestinationRow> = sqlx::query_as(&format!(
            "{DESTINATION_SELECT} WHERE owner_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn destination_events(&self, owner: PersonId) -> Result<Vec<DestinationEvent>> {
        let rows: Vec<DestinationEventRow> = sqlx::query_as(&format!(
            "{EVENT_SELECT} WHERE owner_id = $1 ORDER BY at, id"
        ))
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn add_evidence(&self, evidence: &Evidence) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        upsert_evidence(&mut tx, std::slice::from_ref(evidence)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn evidence(&self, id: EvidenceId) -> Result<Evidence> {
        let row: Option<EvidenceRow> =
            sqlx::query_as(&format!("{EVIDENCE_SELECT} WHERE e.id = $1"))
                .bind(id.uuid())
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
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "SELECT id FROM evidence WHERE id::text LIKE $1 OR id::text LIKE $2 LIMIT 2",
        )
        .bind(format!("{prefix}%"))
        .bind(format!("%{prefix}"))
        .fetch_all(&self.pool)
        .await?;
        match ids.as_slice() {
            [one] => Ok(EvidenceId::from_uuid(*one)),
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
        let mut tx = self.pool.begin().await?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM evidence WHERE id = $1)")
                .bind(e.id.uuid())
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
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE activities SET state = 'inbox', evidence_id = NULL, updated_at = $1 \
             WHERE evidence_id = $2",
        )
        .bind(now())
        .bind(id.uuid())
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query("DELETE FROM evidence WHERE id = $1")
            .bind(id.uuid())
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
        let mut q = QueryBuilder::<Postgres>::new(EVIDENCE_SELECT);
        let mut clause = " WHERE ";
        let mut next = |q: &mut QueryBuilder<Postgres>, sql: &str| {
            q.push(clause).push(sql);
            clause = " AND ";
        };
        if let Some(owner) = query.owner {
            next(&mut q, "e.owner_id = ");
            q.push_bind(owner.uuid());
        }
        if let Some(since) = query.since {
            next(&mut q, "e.date >= ");
            q.push_bind(since);
        }
        if let Some(until) = query.until {
            next(&mut q, "e.date <= ");
            q.push_bind(until);
        }
        if let Some(competency) = &query.competency {
            next(
                &mut q,
                "e.id IN (SELECT evidence_id FROM evidence_competencies WHERE competency_id = ",
            );
            q.push_bind(competency.as_str().to_owned()).push(")");
        }
        if let Some(source) = query.source {
            next(&mut q, "e.source = ");
            q.push_bind(source.as_str());
        }
        if query.shared_only {
            next(&mut q, "e.visibility = 'shared'");
        }
        if let Some(text) = &query.text {
            let words = search_words(text);
            if words.is_empty() {
                return Ok(Vec::new());
            }
            next(&mut q, "e.search @@ plainto_tsquery('english', ");
            q.push_bind(words.join(" ")).push(")");
        }
        q.push(" ORDER BY e.date DESC, e.id DESC");
        if let Some(limit) = query.limit {
            q.push(" LIMIT ").push_bind(i64::from(limit));
        }
        let rows: Vec<EvidenceRow> = q.build_query_as().fetch_all(&self.pool).await?;
        decode_all(rows)
    }

    async fn add_activities(
        &self,
        activities: &[Activity],
        evidence: &[Evidence],
    ) -> Result<ActivityImport> {
        let mut tx = self.pool.begin().await?;
        let mut imported = 0;
        let mut accepted: Vec<Uuid> = Vec::new();
        for chunk in activities.chunks(ACTIVITY_BATCH) {
            let mut q = QueryBuilder::<Postgres>::new(
                "INSERT INTO activities (id, owner_id, source, external_id, kind, title, body, \
                 url, container, group_key, files, additions, deletions, occurred_at, state, \
                 evidence_id, created_at, updated_at) ",
            );
            q.push_values(chunk, |mut row, a| {
                row.push_bind(a.id.uuid())
                    .push_bind(a.owner.uuid())
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
                    .push_bind(a.occurred_at)
                    .push_bind(a.state.as_str())
                    .push_bind(a.evidence.map(EvidenceId::uuid))
                    .push_bind(a.created_at)
                    .push_bind(a.updated_at);
            });
            q.push(" ON CONFLICT DO NOTHING");
            if evidence.is_empty() {
                imported += q.build().execute(&mut *tx).await?.rows_affected();
            } else {
                // Curated imports are small: ask which evidence their new rows point at.
                q.push(" RETURNING evidence_id");
                let new: Vec<Option<Uuid>> = q.build_query_scalar().fetch_all(&mut *tx).await?;
                imported += new.len() as u64;
                accepted.extend(new.into_iter().flatten());
            }
        }
        // Rows returned one by one cost more than the insert itself on a large import, so
        // the new groups are counted in one query: new rows are the ones with these ids.
        let ids: Vec<Uuid> = activities.iter().map(|a| a.id.uuid()).collect();
        let groups: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT group_key) FROM activities WHERE id = ANY($1)",
        )
        .bind(ids)
        .fetch_one(&mut *tx)
        .await?;
        let wanted: Vec<Evidence> = evidence
            .iter()
            .filter(|e| accepted.contains(&e.id.uuid()))
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
            "{ACTIVITY_SELECT} WHERE owner_id = $1 AND ($2::text IS NULL OR state = $2) \
             ORDER BY occurred_at, id"
        ))
        .bind(owner.uuid())
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
        let mut tx = self.pool.begin().await?;
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
        .bind(evidence.map(|e| e.id.uuid()))
        .bind(at)
        .bind(owner.uuid())
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
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn remove_rep(&self, owner: PersonId, id: RepId) -> Result<()> {
        let done = sqlx::query("DELETE FROM reps WHERE id = $1 AND owner_id = $2")
            .bind(id.uuid())
            .bind(owner.uuid())
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
        let mut tx = self.pool.begin().await?;
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
        .bind(owner.uuid())
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
                .bind(at)
                .bind(commitment.uuid())
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
        .bind(owner.uuid())
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
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn update_person(&self, person: &Person, changes: &[ProfileChange]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
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
        .bind(person.uuid())
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
        let mut tx = self.pool.begin().await?;
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
            .bind(at)
            .bind(round.id.uuid())
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
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn assessments(&self, owner: PersonId) -> Result<Vec<Assessment>> {
        let rows: Vec<AssessmentRow> = sqlx::query_as(&format!(
            "{ASSESSMENT_SELECT} JOIN rounds r ON r.id = a.round_id WHERE r.owner_id = $1 \
             ORDER BY a.round_id, a.assessor, a.competency_id"
        ))
        .bind(owner.uuid())
        .fetch_all(&self.pool)
        .await?;
        decode_all(rows)
    }

    async fn reports(&self, manager: PersonId) -> Result<Vec<Person>> {
        let rows: Vec<PersonRow> = sqlx::query_as(&format!(
            "{PERSON_SELECT} WHERE manager_id = $1 ORDER BY id"
        ))
        .bind(manager.uuid())
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
            .bind(person.uuid())
            .bind(manager.map(PersonId::uuid))
            .bind(at)
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
        let mut tx = self.pool.begin().await?;
        insert_ladder(&mut tx, ladder).await?;
        upsert_person(&mut tx, person).await?;
        sqlx::query(
            "INSERT INTO accounts (person_id, login, password_hash, role, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(account.person.uuid())
        .bind(&account.login)
        .bind(&account.password_hash)
        .bind(account.role.as_str())
        .bind(account.created_at)
        .bind(account.updated_at)
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
        let mut tx = self.pool.begin().await?;
        let done =
            sqlx::query("UPDATE accounts SET role = $2, updated_at = $3 WHERE person_id = $1")
                .bind(person.uuid())
                .bind(role.as_str())
                .bind(at)
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
            .bind(person.uuid())
            .bind(at)
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
        .bind(session.person.uuid())
        .bind(&session.csrf)
        .bind(session.created_at)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<Session>> {
        let row: Option<SessionRow> = sqlx::query_as(
            "SELECT token_hash, person_id::text AS person_id, csrf, created_at, expires_at FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
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
        // Under READ COMMITTED two claims would each count the other out; a transaction
        // lock on the login makes them take turns, on every app server alike.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('cairn-login:' || $1, 0))")
            .bind(login)
            .execute(&mut *tx)
            .await?;
        let claimed = sqlx::query(
            "INSERT INTO login_failures (login, at) SELECT $1, $2 \
             WHERE (SELECT COUNT(*) FROM login_failures WHERE login = $1 AND at > $3) < $4",
        )
        .bind(login)
        .bind(at)
        .bind(since)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(claimed == 1)
    }

    async fn forget_login_attempt(&self, login: &str, at: Timestamp) -> Result<()> {
        sqlx::query(
            "DELETE FROM login_failures WHERE ctid = \
             (SELECT ctid FROM login_failures WHERE login = $1 AND at = $2 LIMIT 1)",
        )
        .bind(login)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn close(&self) -> Result<()> {
        self.pool.close().await;
        Ok(())
    }

    async fn backup(&self, _path: &std::path::Path) -> Result<()> {
        Err(StoreError::Unsupported(
            "a PostgreSQL store is backed up with `cairn export` or pg_dump, not `cairn backup`"
                .into(),
        ))
    }

    async fn integrity(&self) -> Result<Vec<String>> {
        // Constraints are enforced on every write; what is left is that the server answers.
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(Vec::new())
    }

    async fn export(&self) -> Result<Archive> {
        // A repeatable-read transaction: one consistent snapshot while others write.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
        let owner: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
                .fetch_optional(&mut *tx)
                .await?;
        let ladders: Vec<LadderRow> = sqlx::query_as(LADDER_SELECT).fetch_all(&mut *tx).await?;
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
        let mut tx = self.pool.begin().await?;
        let summary = merge(&mut Merging(tx.acquire().await?), archive).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

// The archive merge's writes (see `crate::merge`), on this engine's transaction.
crate::merge::upserts_on!(PgConnection);

/// Ladder versions are `u32` in the domain and `INTEGER` here; versions past `i32::MAX` do
/// not occur (one per import of a changed ladder), so saturating is only a guard.
fn version(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Opens a round unless it is stored already; submission times are set by the caller.
async fn insert_round(conn: &mut PgConnection, r: &AssessmentRound) -> Result<()> {
    sqlx::query(
        "INSERT INTO rounds (id, owner_id, ladder_id, ladder_version, name, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(r.id.uuid())
    .bind(r.owner.uuid())
    .bind(r.ladder.id.as_str())
    .bind(version(r.ladder.version))
    .bind(&r.name)
    .bind(r.created_at)
    .bind(r.updated_at)
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(())
}

async fn upsert_round(conn: &mut PgConnection, r: &AssessmentRound) -> Result<bool> {
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
    .bind(r.id.uuid())
    .bind(r.owner.uuid())
    .bind(r.ladder.id.as_str())
    .bind(version(r.ladder.version))
    .bind(&r.name)
    .bind(r.self_submitted_at)
    .bind(r.manager_submitted_at)
    .bind(r.created_at)
    .bind(r.updated_at)
    .execute(&mut *conn)
    .await
    .map_err(|e| duplicate(e, format!("round name '{}'", r.name)))?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_assessment(conn: &mut PgConnection, a: &Assessment) -> Result<bool> {
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
    .bind(a.id.uuid())
    .bind(a.round.uuid())
    .bind(a.assessor.as_str())
    .bind(a.recorded_by.uuid())
    .bind(a.competency.as_str())
    .bind(a.level.as_str())
    .bind(&a.note)
    .bind(a.created_at)
    .bind(a.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn insert_ladder(conn: &mut PgConnection, ladder: &Ladder) -> Result<bool> {
    let document = serde_json::to_string(ladder).unwrap_or_default();
    let done = sqlx::query(
        "INSERT INTO ladders (id, version, document) VALUES ($1, $2, $3) ON CONFLICT (id, version) DO NOTHING",
    )
    .bind(ladder.id.as_str())
    .bind(version(ladder.version))
    .bind(&document)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(true);
    }
    let stored: LadderRow =
        sqlx::query_as(&format!("{LADDER_SELECT} WHERE id = $1 AND version = $2"))
            .bind(ladder.id.as_str())
            .bind(version(ladder.version))
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

async fn upsert_person(conn: &mut PgConnection, p: &Person) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO people (id, name, emails, ladder_id, ladder_version, level, manager_id, created_at, updated_at, github) \
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, emails = excluded.emails, github = excluded.github, \
           ladder_id = excluded.ladder_id, ladder_version = excluded.ladder_version, level = excluded.level, \
           manager_id = excluded.manager_id, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > people.updated_at",
    )
    .bind(p.id.uuid())
    .bind(&p.name)
    .bind(json_list(&p.emails))
    .bind(p.ladder.id.as_str())
    .bind(version(p.ladder.version))
    .bind(p.level.as_str())
    .bind(p.manager.map(PersonId::uuid))
    .bind(p.created_at)
    .bind(p.updated_at)
    .bind(p.github.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_destination(conn: &mut PgConnection, d: &Destination) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destinations (id, owner_id, statement, target_level, horizon, reps, evidence_criteria, \
           status, visibility, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11) \
         ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, statement = excluded.statement, \
           target_level = excluded.target_level, horizon = excluded.horizon, reps = excluded.reps, \
           evidence_criteria = excluded.evidence_criteria, status = excluded.status, \
           visibility = excluded.visibility, created_at = excluded.created_at, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > destinations.updated_at",
    )
    .bind(d.id.uuid())
    .bind(d.owner.uuid())
    .bind(&d.statement)
    .bind(d.target_level.as_ref().map(|l| l.as_str().to_owned()))
    .bind(d.horizon)
    .bind(json_list(&d.reps))
    .bind(&d.evidence_criteria)
    .bind(d.status.as_str())
    .bind(d.visibility.as_str())
    .bind(d.created_at)
    .bind(d.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn insert_event(conn: &mut PgConnection, e: &DestinationEvent) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO destination_events (id, destination_id, owner_id, change, statement, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(e.id.uuid())
    .bind(e.destination.uuid())
    .bind(e.owner.uuid())
    .bind(e.change.as_str())
    .bind(&e.statement)
    .bind(&e.reason)
    .bind(e.at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds evidence, or replaces stored copies that are older, in one statement per
/// [`EVIDENCE_BATCH`] records. Returns how many were written. The competency index rows
/// follow by trigger.
async fn upsert_evidence(conn: &mut PgConnection, batch: &[Evidence]) -> Result<u64> {
    let mut written = 0;
    for chunk in batch.chunks(EVIDENCE_BATCH) {
        let mut q = QueryBuilder::<Postgres>::new(
            "INSERT INTO evidence (id, owner_id, date, title, body, impact, links, competencies, level, \
             areas, visibility, source, ladder_id, ladder_version, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, e| {
            row.push_bind(e.id.uuid())
                .push_bind(e.owner.uuid())
                .push_bind(e.date)
                .push_bind(e.title.as_str())
                .push_bind(e.body.as_str())
                .push_bind(e.impact.as_str())
                .push_bind(json_list(&e.links))
                .push_unseparated("::jsonb")
                .push_bind(json_list(&e.competencies))
                .push_unseparated("::jsonb")
                .push_bind(e.level.as_str())
                .push_bind(json_list(&e.areas))
                .push_unseparated("::jsonb")
                .push_bind(e.visibility.as_str())
                .push_bind(e.source.as_str())
                .push_bind(e.ladder.id.as_str())
                .push_bind(version(e.ladder.version))
                .push_bind(e.created_at)
                .push_bind(e.updated_at);
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
async fn upsert_activity(conn: &mut PgConnection, a: &Activity) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO activities (id, owner_id, source, external_id, kind, title, body, url, \
         container, group_key, files, additions, deletions, occurred_at, state, evidence_id, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         ON CONFLICT DO NOTHING",
    )
    .bind(a.id.uuid())
    .bind(a.owner.uuid())
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
    .bind(a.occurred_at)
    .bind(a.state.as_str())
    .bind(a.evidence.map(EvidenceId::uuid))
    .bind(a.created_at)
    .bind(a.updated_at)
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
    .bind(a.evidence.map(EvidenceId::uuid))
    .bind(a.group.as_str())
    .bind(a.updated_at)
    .bind(a.id.uuid())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(updated > 0)
}

/// Adds or updates (when newer) a rep from an archive.
async fn upsert_rep(conn: &mut PgConnection, r: &Rep) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO reps (id, owner_id, title, description, competencies, exposure, status, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, \
         description = excluded.description, competencies = excluded.competencies, \
         exposure = excluded.exposure, status = excluded.status, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > reps.updated_at",
    )
    .bind(r.id.uuid())
    .bind(r.owner.uuid())
    .bind(&r.title)
    .bind(&r.description)
    .bind(json_list(&r.competencies))
    .bind(r.exposure.as_str())
    .bind(r.status.as_str())
    .bind(r.visibility.as_str())
    .bind(r.created_at)
    .bind(r.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a conversation.
async fn upsert_conversation(conn: &mut PgConnection, c: &Conversation) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO conversations (id, owner_id, date, ask, response, visibility, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, ask = excluded.ask, \
         response = excluded.response, visibility = excluded.visibility, \
         updated_at = excluded.updated_at WHERE excluded.updated_at > conversations.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.owner.uuid())
    .bind(c.date)
    .bind(&c.ask)
    .bind(&c.response)
    .bind(c.visibility.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a commitment.
async fn upsert_commitment(conn: &mut PgConnection, c: &Commitment) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO commitments (id, conversation_id, what, who, due, outcome, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET what = excluded.what, who = excluded.who, \
         due = excluded.due, outcome = excluded.outcome, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > commitments.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.conversation.uuid())
    .bind(&c.what)
    .bind(&c.who)
    .bind(c.due)
    .bind(c.outcome.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a constraint.
async fn upsert_constraint(conn: &mut PgConnection, c: &Constraint) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO constraints (id, owner_id, recorded_by, kind, description, since, until, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, \
         description = excluded.description, since = excluded.since, until = excluded.until, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > constraints.updated_at",
    )
    .bind(c.id.uuid())
    .bind(c.owner.uuid())
    .bind(c.recorded_by.uuid())
    .bind(c.kind.as_str())
    .bind(&c.description)
    .bind(c.since)
    .bind(c.until)
    .bind(c.visibility.as_str())
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds or updates (when newer) a decision.
async fn upsert_decision(conn: &mut PgConnection, d: &Decision) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO decisions (id, owner_id, choice, because, decided_on, revisit, context, \
         visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (id) DO UPDATE SET choice = excluded.choice, because = excluded.because, \
         decided_on = excluded.decided_on, revisit = excluded.revisit, context = excluded.context, \
         visibility = excluded.visibility, updated_at = excluded.updated_at \
         WHERE excluded.updated_at > decisions.updated_at",
    )
    .bind(d.id.uuid())
    .bind(d.owner.uuid())
    .bind(d.choice.as_str())
    .bind(&d.because)
    .bind(d.decided_on)
    .bind(d.revisit)
    .bind(serde_json::to_string(&d.context).unwrap_or_default())
    .bind(d.visibility.as_str())
    .bind(d.created_at)
    .bind(d.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds a profile change unless it is stored already (changes are never edited).
async fn insert_profile_change(conn: &mut PgConnection, c: &ProfileChange) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO profile_changes (id, person_id, field, from_value, to_value, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(c.id.uuid())
    .bind(c.person.uuid())
    .bind(c.field.as_str())
    .bind(&c.from)
    .bind(&c.to)
    .bind(&c.reason)
    .bind(c.at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
