//! `/api/v1/decisions`: the engineer's call to push, wait or change environments, kept
//! with the readiness, signal and constraints in force when they made it. Reads take
//! `person` for a report (their shared decisions only); a decision is only ever the
//! caller's own.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::dates::{now, parse_date, today};
use cairn_core::decision::{Choice, Context, Decision};
use cairn_core::id::DecisionId;
use cairn_core::readiness;
use cairn_core::signal::WINDOW_MONTHS;
use serde::Deserialize;

use super::assess::PersonParams;
use super::body::Body;
use crate::assessing::{access, reading};
use crate::error::ApiError;
use crate::session::ApiViewer;
use crate::{AppError, AppState, Viewer};

/// A new decision.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// push, wait or change.
    pub(crate) choice: String,
    /// Why.
    pub(crate) because: String,
    /// When to look again: a date or "in 3 months".
    pub(crate) revisit: String,
    /// private (the default) or shared.
    #[serde(default)]
    pub(crate) visibility: Option<String>,
}

/// `GET /api/v1/decisions`
pub async fn list(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PersonParams>,
) -> Result<Json<Vec<Decision>>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    Ok(Json(view.decisions(state.store.as_ref()).await?))
}

/// `POST /api/v1/decisions`
pub async fn add(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<DecisionRequest>,
) -> Result<(StatusCode, Json<Decision>), ApiError> {
    let d = record(&state, &viewer, &r).await?;
    Ok((StatusCode::CREATED, Json(d)))
}

/// Checks and stores the viewer's decision, with today's readiness (against the
/// destination's target), signal and constraints attached.
pub(crate) async fn record(
    state: &AppState,
    viewer: &Viewer,
    r: &DecisionRequest,
) -> Result<Decision, AppError> {
    let view = access(state, viewer, "").await?;
    let store = state.store.as_ref();
    let today = today();
    let choice: Choice = r.choice.parse()?;
    let revisit = parse_date("revisit", &r.revisit, today)?;
    let readiness = reading(state, &view, None, readiness::WINDOW_MONTHS)
        .await?
        .readiness;
    let signal = view.signal(store, WINDOW_MONTHS, today).await?;
    let constraints = view.constraints(store).await?;
    let at = now();
    let d = Decision {
        id: DecisionId::new(),
        owner: view.person.id,
        choice,
        because: r.because.trim().to_owned(),
        decided_on: today,
        revisit,
        context: Context::new(&readiness, &signal, &constraints, today),
        visibility: r.visibility.as_deref().unwrap_or("private").parse()?,
        created_at: at,
        updated_at: at,
    };
    d.validate()?;
    state.store.add_decision(&d).await?;
    Ok(d)
}
