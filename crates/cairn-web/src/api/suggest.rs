//! `/api/v1/suggest`: competency suggestions for a text, against the caller's ladder.

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::Invalid;
use cairn_core::suggest::Suggestion;
use serde::Deserialize;

use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?text=...&limit=N`.
#[derive(Debug, Default, Deserialize)]
pub struct SuggestParams {
    #[serde(default)]
    text: String,
    #[serde(default)]
    limit: Option<usize>,
}

/// `GET /api/v1/suggest`: competencies for a text, best first, with the words behind each.
pub async fn suggest(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<SuggestParams>,
) -> Result<Json<Vec<Suggestion>>, ApiError> {
    let limit = params.limit.unwrap_or(3);
    if !(1..=50).contains(&limit) {
        return Err(Invalid::new("limit", format!("give 1 to 50, not {limit}")).into());
    }
    let (_, ladder) = state.profile(viewer.person).await?;
    let suggester = cairn_store::suggester(state.store.as_ref(), viewer.person, &ladder).await?;
    let mut ranked = suggester.suggest(&params.text);
    ranked.truncate(limit);
    Ok(Json(ranked))
}
