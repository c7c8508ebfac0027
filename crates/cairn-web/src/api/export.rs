//! `/api/v1/export`: the caller's own record as an archive they can take away.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cairn_core::archive::{Archive, Growth};
use cairn_core::assessment::Assessor;
use cairn_core::evidence::EvidenceQuery;
use cairn_core::ladder::LadderRef;
use cairn_core::person::Person;

use crate::error::ApiError;
use crate::session::ApiViewer;
use crate::{AppState, Mode};

/// `GET /api/v1/export`: in local mode the whole store (as `cairn export` writes it). On a
/// team server only the caller's own records: their person, destinations, evidence and
/// rounds, with each round's manager entries only once both views are in (the blindness
/// rule holds here as everywhere), reps, conversations with their commitments,
/// constraints, decisions, the profile's history, imported activities, the ladder versions those pin, and the people they
/// name (their manager, whoever recorded a view or a constraint) as bare references
/// without emails.
pub async fn archive(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Response, ApiError> {
    let archive = match state.mode {
        Mode::Local { .. } => state.store.export().await?,
        Mode::Team { .. } => personal(&state, &viewer.person).await?,
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cairn-export.json\"",
            ),
        ],
        archive.to_json(),
    )
        .into_response())
}

/// The engineer's own records as the server holds them, the manager's side of a round only
/// once both sides are in: what `/api/v1/export` gives and what a sync pulls from.
pub(super) async fn personal(
    state: &AppState,
    me: &cairn_core::id::PersonId,
) -> Result<Archive, crate::AppError> {
    let store = &state.store;
    let person = store.person(*me).await?;
    let destinations = store.destinations(*me).await?;
    let events = store.destination_events(*me).await?;
    let evidence = store
        .list_evidence(&EvidenceQuery {
            owner: Some(*me),
            ..EvidenceQuery::default()
        })
        .await?;
    let rounds = store.rounds(*me).await?;
    let assessments: Vec<_> = store
        .assessments(*me)
        .await?
        .into_iter()
        .filter(|a| {
            rounds
                .iter()
                .any(|r| r.id == a.round && r.shows(Assessor::Own, a))
        })
        .collect();
    let reps = store.reps(*me).await?;
    let (conversations, commitments): (Vec<_>, Vec<_>) =
        store.conversations(*me).await?.into_iter().unzip();
    let constraints = store.constraints(*me).await?;
    let decisions = store.decisions(*me).await?;
    let profile_changes = store.profile_changes(*me).await?;
    let mut named: Vec<Person> = Vec::new();
    let others = person
        .manager
        .into_iter()
        .chain(assessments.iter().map(|a| a.recorded_by))
        .chain(constraints.iter().map(|c| c.recorded_by))
        .filter(|id| id != me);
    for id in others {
        if !named.iter().any(|p| p.id == id) {
            let p = store.person(id).await?;
            named.push(Person {
                emails: Vec::new(),
                github: None,
                manager: None,
                ..p
            });
        }
    }
    let mut refs: Vec<LadderRef> = std::iter::once(person.ladder.clone())
        .chain(named.iter().map(|p| p.ladder.clone()))
        .chain(evidence.iter().map(|e| e.ladder.clone()))
        .chain(rounds.iter().map(|r| r.ladder.clone()))
        .collect();
    refs.sort();
    refs.dedup();
    let mut ladders = Vec::with_capacity(refs.len());
    for r in &refs {
        ladders.push(state.ladder(r).await?.as_ref().clone());
    }
    named.push(person);
    let activities = store.activities(*me, None).await?;
    Ok(
        Archive::new(Some(*me), ladders, named, destinations, events, evidence)
            .with_rounds(rounds, assessments)
            .with_activities(activities)
            .with_growth(Growth {
                reps,
                conversations,
                commitments: commitments.into_iter().flatten().collect(),
                constraints,
                decisions,
                profile_changes,
            }),
    )
}
