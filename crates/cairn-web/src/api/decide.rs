//! `/api/v1/decisions`: the engineer's call to push, wait or change environments, kept
//! with the readiness, signal and constraints in force when they made it. Reads take
//! `person` for a report (their shared decisions only); a decision is only ever the
//! caller's own.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::decision::Decision;

use super::body::Body;
use super::params::PersonParams;
use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::recording::{DecisionRequest, record};
use crate::session::ApiViewer;

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
