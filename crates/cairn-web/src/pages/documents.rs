//! The two documents: the case at `/packet` (the viewer's own, or with `person=ID` a
//! report's for their manager chain, from what the report shared) and the private coaching
//! report at `/coaching` (the viewer's own only). Both are self-contained, printable pages.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::readiness::WINDOW_MONTHS;
use serde::Deserialize;

use crate::assessing::access;
use crate::{AppError, AppState, Viewer};

/// `?person=ID&target=LEVEL&window=MONTHS&summary=TEXT&reasons=1`.
#[derive(Debug, Default, Deserialize)]
pub struct CaseParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    window: Option<u32>,
    /// The engineer's own summary, replacing Cairn's (their own case only).
    #[serde(default)]
    summary: String,
    /// Keep their reasons for each change of destination (their own case only).
    #[serde(default)]
    reasons: String,
}

/// A document answer: its own strict policy, HTML body.
fn document(html: String) -> Response {
    (
        [(
            axum::http::header::CONTENT_SECURITY_POLICY,
            crate::security::DOCUMENT_CSP,
        )],
        axum::response::Html(html),
    )
        .into_response()
}

/// `GET /packet`
pub async fn case(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(p): Query<CaseParams>,
) -> Result<Response, AppError> {
    // The case is handed to others: it speaks of the engineer in the third person.
    let access = access(&state, &viewer, &p.person).await?.for_committee();
    let target = crate::api::growth::target(Some(&p.target))?;
    let window = p.window.unwrap_or(WINDOW_MONTHS);
    let readiness = access.readiness(&state, target.clone(), window).await?;
    let history = access.history(&state).await?;
    let calibration = access.calibration(&state, &history, target).await?;
    let destination = access.destination(&state).await?;
    // The destination's story only with the destination itself: a private one shows neither.
    let events: Vec<_> = state
        .store
        .destination_events(access.person.id)
        .await?
        .into_iter()
        .filter(|e| access.own || destination.as_ref().is_some_and(|d| d.id == e.destination))
        .collect();
    let evidence = state
        .store
        .list_evidence(&cairn_core::evidence::EvidenceQuery {
            owner: Some(access.person.id),
            shared_only: !access.own,
            ..Default::default()
        })
        .await?;
    let mut built = cairn_core::packet::build(cairn_core::packet::Inputs {
        person: &access.person,
        ladder: &access.ladder,
        destination: destination.as_ref(),
        events: &events,
        evidence: &evidence,
        calibration: &calibration,
        readiness: &readiness,
        today: chrono::Local::now().date_naive(),
        reasons: access.own && !p.reasons.is_empty(),
    });
    if access.own {
        built = built.with_summary(&p.summary);
    }
    Ok(document(crate::packet::html(&built)?))
}

/// `GET /coaching`
pub async fn coaching(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let access = access(&state, &viewer, "").await?;
    let readiness = access.readiness(&state, None, WINDOW_MONTHS).await?;
    let history = access.history(&state).await?;
    let calibration = access
        .calibration(&state, &history, Some(readiness.target.clone()))
        .await?;
    let reps = state.store.reps(access.person.id).await?;
    let destination = access.destination(&state).await?;
    let plan = readiness.plan(&access.ladder, &reps, destination.as_ref());
    let signal = access
        .signal(&state, cairn_core::signal::WINDOW_MONTHS)
        .await?;
    let decisions = access.decisions(&state).await?;
    let report = cairn_core::coaching::build(cairn_core::coaching::Inputs {
        name: &access.person.name,
        readiness: &readiness,
        calibration: &calibration,
        plan: &plan,
        signal: &signal,
        decisions: &decisions,
        today: chrono::Local::now().date_naive(),
    });
    Ok(document(crate::packet::coaching_html(&report)?))
}
