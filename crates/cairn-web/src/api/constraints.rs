//! `/api/v1/constraints`: constraints on the caller's growth, or a report's.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::constraint::Constraint;

use super::body::Body;
use super::params::PersonParams;
use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::recording::{ConstraintRequest, constraint};
use crate::session::ApiViewer;

/// `GET /api/v1/constraints`
pub async fn constraints(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PersonParams>,
) -> Result<Json<Vec<Constraint>>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    Ok(Json(view.constraints(state.store.as_ref()).await?))
}

/// `POST /api/v1/constraints`: one affecting the caller, or, from their manager chain, one
/// affecting a report (recorded by the manager and shared with the report).
pub async fn add_constraint(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<ConstraintRequest>,
) -> Result<(StatusCode, Json<Constraint>), ApiError> {
    let c = constraint(&state, &viewer, &r).await?;
    state.store.add_constraint(&c).await?;
    Ok((StatusCode::CREATED, Json(c)))
}
