//! `/api/v1/inbox`: imported work waiting to become evidence, accepted or dismissed. It
//! reads the caller's own records only: imported activities are never shown to anyone else.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::dates::now;
use cairn_core::inbox::Group;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::evidence::EvidenceView;
use crate::AppState;
use crate::assessing::waiting;
use crate::draft::Draft;
use crate::error::ApiError;
use crate::importing::{self, Imported, Params};
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
    let mut evidence = draft.into_evidence(&me, &ladder, None, state.today())?;
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

/// `POST /api/v1/imports/{kind}`: a file's bytes as the body (up to 32 MiB), read with the
/// same readers as `cairn import` and stored in one transaction in the caller's own inbox.
pub async fn import(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(kind): Path<String>,
    Query(params): Query<Params>,
    bytes: Bytes,
) -> Result<(StatusCode, Json<Imported>), ApiError> {
    let done = importing::import(&state, &viewer, &kind, &params, &bytes).await?;
    Ok((StatusCode::OK, Json(done)))
}
