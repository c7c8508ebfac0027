//! `/api/v1/inbox`, `/api/v1/review` and `/api/v1/suggest`: imported work waiting to become
//! evidence, the monthly review, and competency suggestions. All read the caller's own
//! records only: imported activities are never shown to anyone else.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::Invalid;
use cairn_core::dates::{now, parse_month};
use cairn_core::evidence::EvidenceQuery;
use cairn_core::inbox::Group;
use cairn_core::review::{Inputs, Review, review};
use cairn_core::suggest::Suggestion;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::evidence::EvidenceView;
use crate::AppState;
use crate::assessing::access;
use crate::assessing::waiting;
use crate::draft::Draft;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `GET /api/v1/inbox`: every waiting group, newest first.
pub async fn list(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<Vec<Group>>, ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    Ok(Json(
        cairn_store::inbox(state.store.as_ref(), &me, &ladder, None).await?,
    ))
}

/// Accepting a group; fields left out take the group's suggestions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    group: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    competencies: Option<Vec<String>>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    visibility: String,
}

/// `POST /api/v1/inbox/accept`: the group becomes evidence (201).
pub async fn accept(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(request): Body<AcceptRequest>,
) -> Result<(StatusCode, Json<EvidenceView>), ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let (group, suggested) = waiting(&state, &me, &ladder, &request.group).await?;
    let mut draft = Draft::of(&suggested);
    if let Some(title) = request.title {
        draft.title = title;
    }
    if let Some(competencies) = request.competencies {
        draft.competencies = competencies;
    }
    if let Some(level) = request.level {
        draft.level = level;
    }
    draft.impact = request.impact;
    draft.visibility = request.visibility;
    let mut evidence = draft.into_evidence(&me, &ladder, None)?;
    evidence.source = suggested.source;
    state
        .store
        .settle_group(me.id, &group.key, Some(&evidence), now())
        .await?;
    Ok((StatusCode::CREATED, Json(EvidenceView::from(evidence))))
}

/// Dismissing a group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DismissRequest {
    group: String,
}

/// `POST /api/v1/inbox/dismiss`'s answer.
#[derive(Debug, Serialize)]
pub struct Dismissed {
    dismissed: u64,
}

/// `POST /api/v1/inbox/dismiss`
pub async fn dismiss(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(request): Body<DismissRequest>,
) -> Result<Json<Dismissed>, ApiError> {
    let dismissed = state
        .store
        .settle_group(viewer.person, &request.group, None, now())
        .await?;
    Ok(Json(Dismissed { dismissed }))
}

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
    let today = cairn_core::dates::today();
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
