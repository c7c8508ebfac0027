//! `/api/v1/signal`: the strategic signal over growth conversations.

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::dates::window_months;
use cairn_core::signal::Signal;
use serde::Deserialize;

use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?person=ID&window=MONTHS`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    window: Option<u32>,
}

/// `GET /api/v1/signal`
pub async fn signal(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<SignalParams>,
) -> Result<Json<Signal>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    let window = window_months(
        "window",
        p.window.unwrap_or(cairn_core::signal::WINDOW_MONTHS),
    )?;
    Ok(Json(
        view.signal(state.store.as_ref(), window, state.today())
            .await?,
    ))
}
