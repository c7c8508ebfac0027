//! `/api/v1/sync`: a team server's side of `cairn sync`. `POST` takes what an engineer's
//! own store shares (checked: every record theirs and shared, a round's self side only) and
//! merges it by id in one transaction; `GET` gives back the engineer's records as the
//! server holds them, changed since a cursor, with the manager's side of a round only once
//! both sides are in, the deletions since, and who wrote what they did not.

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::Invalid;
use cairn_core::assessment::Assessor;
use cairn_core::dates::{Timestamp, now};
use cairn_core::sync::{Batch, Kind, Origin, Records, Tombstone, adopt_rounds, check_push};
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::export::personal;
use crate::error::ApiError;
use crate::session::ApiViewer;
use crate::{AppError, AppState};

/// How far behind the server's clock a pull's cursor is set, so a write that began before
/// the pull and committed after it is read by the next one (which then merges it again,
/// harmlessly).
const MARGIN_SECONDS: i64 = 60;

/// What a push did.
#[derive(Debug, Serialize)]
pub struct Pushed {
    written: u64,
    unchanged: u64,
}

fn team(state: &AppState) -> Result<(), ApiError> {
    if state.is_team() {
        Ok(())
    } else {
        Err(AppError::NotFound.into())
    }
}

/// `POST /api/v1/sync`
pub async fn push(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(mut batch): Body<Batch>,
) -> Result<Json<Pushed>, ApiError> {
    team(&state)?;
    let me = viewer.person;
    check_push(&batch, me)?;
    let store = state.store.as_ref();
    let rounds = store.rounds(viewer.person).await?;
    let conversations = store.conversations(viewer.person).await?;
    let r = &mut batch.records;
    adopt_rounds(r, &rounds);
    for (i, a) in r.assessments.iter().enumerate() {
        let known =
            r.rounds.iter().any(|x| x.id == a.round) || rounds.iter().any(|x| x.id == a.round);
        if !known {
            return Err(Invalid::new(
                format!("assessments[{i}].round"),
                "is not one of your rounds",
            )
            .into());
        }
    }
    for (i, k) in r.commitments.iter().enumerate() {
        let known = r.conversations.iter().any(|c| c.id == k.conversation)
            || conversations.iter().any(|(c, _)| c.id == k.conversation);
        if !known {
            return Err(Invalid::new(
                format!("commitments[{i}].conversation"),
                "is not one of your conversations",
            )
            .into());
        }
    }
    for (i, e) in r.evidence.iter().enumerate() {
        let ladder = match r.ladders.iter().find(|l| l.reference() == e.ladder) {
            Some(l) => l.clone(),
            None => state.ladder(&e.ladder).await?.as_ref().clone(),
        };
        e.validate(&ladder, state.today())
            .map_err(|err| err.within(&format!("evidence[{i}]")))?;
    }
    // A round's sides are each their author's to say: the pushed copy brings the self side,
    // the server keeps the manager's. A round that changed by it is newer than both copies
    // (by a microsecond at least), so it wins here and travels back in the same pull.
    for round in &mut r.rounds {
        let Some(held) = rounds.iter().find(|x| x.id == round.id) else {
            round.manager_submitted_at = None;
            continue;
        };
        let own = held.self_submitted_at.or(round.self_submitted_at);
        round.updated_at = if own == held.self_submitted_at {
            held.updated_at
        } else {
            round
                .updated_at
                .max(held.updated_at + chrono::Duration::microseconds(1))
        };
        round.self_submitted_at = own;
        round.manager_submitted_at = held.manager_submitted_at;
    }
    // What was deleted here stays deleted.
    let deleted = store.tombstones(me, None).await?;
    drop_deleted(r, &deleted);
    let archive = batch.records.clone().into_archive();
    let archive = cairn_core::archive::Archive {
        tombstones: batch.tombstones,
        ..archive
    };
    let done = store.import(&archive).await?;
    Ok(Json(Pushed {
        written: done.written,
        unchanged: done.unchanged,
    }))
}

/// Drops the records `deleted` names whose deletion came after their last change.
fn drop_deleted(records: &mut Records, deleted: &[Tombstone]) {
    let gone = |kind: Kind, id: uuid::Uuid, updated: Timestamp| {
        deleted
            .iter()
            .any(|t| t.kind == kind && t.id == id && t.deleted_at >= updated)
    };
    records
        .evidence
        .retain(|e| !gone(Kind::Evidence, e.id.uuid(), e.updated_at));
    records
        .reps
        .retain(|x| !gone(Kind::Rep, x.id.uuid(), x.updated_at));
}

/// `GET /api/v1/sync` parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullParams {
    /// The cursor the last pull gave; absent for everything.
    since: Option<String>,
}

/// `GET /api/v1/sync`
pub async fn pull(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PullParams>,
) -> Result<Json<Batch>, ApiError> {
    team(&state)?;
    let since: Option<Timestamp> = match p.since.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            chrono::DateTime::parse_from_rfc3339(s)
                .map_err(|e| Invalid::new("since", format!("'{s}' is not a time: {e}")))?
                .to_utc(),
        ),
    };
    let cursor = now() - chrono::Duration::seconds(MARGIN_SECONDS);
    let me = viewer.person;
    let all = personal(&state, &me).await?;
    let fresh = |t: Timestamp| since.is_none_or(|s| t > s);
    let name_of = |id: cairn_core::id::PersonId| {
        all.people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| "someone".to_owned(), |p| p.name.clone())
    };
    let mut records = Records {
        ladders: all.ladders.clone(),
        destinations: all
            .destinations
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        destination_events: all
            .destination_events
            .iter()
            .filter(|x| fresh(x.at))
            .cloned()
            .collect(),
        evidence: all
            .evidence
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        rounds: all
            .rounds
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        // A round that changed brings all its entries, so a view revealed by the other side
        // arriving travels however long ago it was written.
        assessments: all
            .assessments
            .iter()
            .filter(|x| {
                fresh(x.updated_at)
                    || all
                        .rounds
                        .iter()
                        .any(|r| r.id == x.round && fresh(r.updated_at))
            })
            .cloned()
            .collect(),
        reps: all
            .reps
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        conversations: all
            .conversations
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        commitments: all
            .commitments
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        constraints: all
            .constraints
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
        decisions: all
            .decisions
            .iter()
            .filter(|x| fresh(x.updated_at))
            .cloned()
            .collect(),
    };
    // A round whose entries moved travels with them.
    for a in &records.assessments {
        if !records.rounds.iter().any(|r| r.id == a.round)
            && let Some(r) = all.rounds.iter().find(|r| r.id == a.round)
        {
            records.rounds.push(r.clone());
        }
    }
    let mut authors: Vec<Origin> = Vec::new();
    for a in records
        .assessments
        .iter()
        .filter(|a| a.assessor == Assessor::Manager && a.recorded_by != me)
    {
        authors.push(Origin {
            kind: Kind::Assessment,
            id: a.id.uuid(),
            remote: String::new(),
            author: Some(name_of(a.recorded_by)),
        });
    }
    for c in records.constraints.iter().filter(|c| c.recorded_by != me) {
        authors.push(Origin {
            kind: Kind::Constraint,
            id: c.id.uuid(),
            remote: String::new(),
            author: Some(name_of(c.recorded_by)),
        });
    }
    let pinned: std::collections::HashSet<_> = records
        .evidence
        .iter()
        .map(|e| e.ladder.clone())
        .chain(records.rounds.iter().map(|r| r.ladder.clone()))
        .collect();
    records.ladders.retain(|l| pinned.contains(&l.reference()));
    Ok(Json(Batch {
        records,
        tombstones: state.store.tombstones(me, since).await?,
        authors,
        cursor: Some(cursor),
        person: Some(me),
    }))
}
