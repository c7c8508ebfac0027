//! `/api/v1/shape`: the shape of a person's evidence over time.

use axum::Json;
use axum::extract::{Query, State};

use cairn_core::shape::{self, Shape};
use serde::Deserialize;

use crate::AppState;

use crate::assessing::access;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?person=ID&halves=N`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapeParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    halves: Option<u32>,
}

/// `GET /api/v1/shape`
pub async fn shape(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<ShapeParams>,
) -> Result<Json<Shape>, ApiError> {
    let halves = shape::halves("halves", params.halves.unwrap_or(shape::HALVES))?;
    let view = access(&state, &viewer, &params.person).await?;
    Ok(Json(
        view.shape(state.store.as_ref(), halves, state.today())
            .await?,
    ))
}
