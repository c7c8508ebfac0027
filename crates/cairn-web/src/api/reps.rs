//! `/api/v1/reps` and `/api/v1/reps/plan`: the caller's reps and the plan ranked against
//! the gap.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::dates::now;
use cairn_core::id::RepId;
use cairn_core::rep::{Exposure, Planned, Rep, RepStatus};
use cairn_core::{Invalid, Visibility};
use serde::Deserialize;

use super::body::Body;
use super::params::{PersonParams, ReadyParams};
use crate::assessing::{access, reading, target};
use crate::error::ApiError;
use crate::session::ApiViewer;
use crate::{AppError, AppState};

/// `GET /api/v1/reps`: the caller's reps, oldest first.
pub async fn reps(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PersonParams>,
) -> Result<Json<Vec<Rep>>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    Ok(Json(view.reps(state.store.as_ref()).await?))
}

/// `DELETE /api/v1/reps/{id}`: delete one of the viewer's own reps for good.
pub async fn remove_rep(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: RepId = id.parse().map_err(|_| AppError::NotFound)?;
    state.store.remove_rep(viewer.person, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new rep.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepRequest {
    title: String,
    competencies: Vec<String>,
    #[serde(default)]
    exposure: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    visibility: Option<String>,
}

/// `POST /api/v1/reps`
pub async fn add_rep(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<RepRequest>,
) -> Result<(StatusCode, Json<Rep>), ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let competencies = r
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.parse()
                .map_err(|e: Invalid| Invalid::new(format!("competencies[{i}]"), e.message))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let at = now();
    let rep = Rep {
        id: RepId::new(),
        owner: me.id,
        title: r.title.trim().to_owned(),
        description: r.description,
        competencies,
        exposure: r
            .exposure
            .as_deref()
            .unwrap_or("medium")
            .parse::<Exposure>()?,
        status: r
            .status
            .as_deref()
            .unwrap_or("candidate")
            .parse::<RepStatus>()?,
        visibility: r
            .visibility
            .as_deref()
            .unwrap_or("private")
            .parse::<Visibility>()?,
        created_at: at,
        updated_at: at,
    };
    rep.validate(&ladder)?;
    state.store.put_rep(&rep).await?;
    Ok((StatusCode::CREATED, Json(rep)))
}

/// `GET /api/v1/reps/plan`: the caller's open reps ranked by the gap they would close.
pub async fn rep_plan(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<ReadyParams>,
) -> Result<Json<Vec<Planned>>, ApiError> {
    if !p.person.is_empty() {
        return Err(AppError::NotFound.into());
    }
    let view = access(&state, &viewer, "").await?;
    let window = p.window.unwrap_or(cairn_core::readiness::WINDOW_MONTHS);
    let r = reading(&state, &view, target(p.target.as_deref())?, window).await?;
    Ok(Json(r.readiness.plan(
        &view.ladder,
        &r.reps,
        r.destination.as_ref(),
    )))
}
