//! `/api/v1/review`: the caller's monthly review (their own records only).

use axum::Json;
use axum::extract::{Query, State};
use cairn_core::dates::parse_month;
use cairn_core::evidence::EvidenceQuery;
use cairn_core::review::{Inputs, Review, review};
use serde::Deserialize;

use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?month=YYYY-MM`.
#[derive(Debug, Default, Deserialize)]
pub struct MonthParams {
    #[serde(default)]
    month: Option<String>,
}

/// `GET /api/v1/review`: the monthly review of the caller's own record.
pub async fn monthly(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<MonthParams>,
) -> Result<Json<Review>, ApiError> {
    let today = state.today();
    let month = params
        .month
        .unwrap_or_else(|| today.format("%Y-%m").to_string());
    let bounds = parse_month("month", &month)?;
    let (me, ladder) = state.profile(viewer.person).await?;
    let view = access(&state, &viewer, "").await?;
    let calibration = view.calibration(state.store.as_ref(), None).await?;
    let evidence = state
        .store
        .list_evidence(&EvidenceQuery {
            owner: Some(me.id),
            ..EvidenceQuery::default()
        })
        .await?;
    let inbox = cairn_store::inbox(state.store.as_ref(), &me, &ladder, Some(0)).await?;
    Ok(Json(review(Inputs {
        month: bounds,
        today,
        ladder: &ladder,
        calibration: &calibration,
        evidence: &evidence,
        inbox: (inbox.len(), inbox.iter().map(|g| g.activities.len()).sum()),
        decisions: &state.store.decisions(me.id).await?,
    })))
}
