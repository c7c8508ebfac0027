//! `/api/v1/ready`: readiness for the caller or, from what they shared, a report.

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::readiness::Readiness;

use super::params::ReadyParams;
use crate::AppState;
use crate::assessing::{access, reading, target};
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `GET /api/v1/ready`
pub async fn ready(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<ReadyParams>,
) -> Result<Json<Readiness>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    let target = target(p.target.as_deref())?;
    let window = p.window.unwrap_or(cairn_core::readiness::WINDOW_MONTHS);
    Ok(Json(
        reading(&state, &view, target, window).await?.readiness,
    ))
}
