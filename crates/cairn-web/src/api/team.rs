//! `/api/v1/team`: the manager's team view.

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::team::{SortKey, TeamRow, sort};
use serde::Deserialize;

use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?sort=name|quiet|gap|readiness|attention`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamParams {
    #[serde(default)]
    sort: String,
}

/// `GET /api/v1/team`: the caller's direct reports, from what each shared.
pub async fn team(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<TeamParams>,
) -> Result<Json<Vec<TeamRow>>, ApiError> {
    let key: SortKey = p.sort.parse()?;
    let today = state.today();
    let mut rows = cairn_store::team(state.store.as_ref(), viewer.person, today).await?;
    sort(&mut rows, key);
    Ok(Json(rows))
}
