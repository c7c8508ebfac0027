//! `/api/v1/profile`, `/api/v1/ladder` and `/api/v1/ladder/next`: who the store belongs
//! to, their ladder, and what its next level adds.

use axum::Json;
use axum::extract::{Query, State};
use std::sync::Arc;

use cairn_core::ladder::Ladder;
use cairn_core::ladder::next::NextLevel;
use serde::Serialize;

use crate::AppState;
use crate::error::ApiError;
use crate::pages::ladder::NextParams;
use crate::session::ApiViewer;

/// The owner's profile.
#[derive(Debug, Serialize)]
pub struct ProfileView {
    id: String,
    name: String,
    emails: Vec<String>,
    ladder: String,
    ladder_version: u32,
    level: String,
    level_title: String,
    destination: Option<String>,
}

/// `GET /api/v1/profile`
pub async fn show(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<ProfileView>, ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let destination = state.store.destinations(me.id).await?.into_iter().next();
    Ok(Json(ProfileView {
        id: me.id.to_string(),
        level_title: ladder
            .level(&me.level)
            .map(|l| l.title.clone())
            .unwrap_or_default(),
        level: me.level.to_string(),
        ladder: ladder.id.to_string(),
        ladder_version: ladder.version,
        name: me.name,
        emails: me.emails,
        destination: destination.map(|d| d.statement),
    }))
}

/// `GET /api/v1/ladder`: the owner's ladder, whole (the ladder file's own shape).
pub async fn ladder(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<Arc<Ladder>>, ApiError> {
    let (_, ladder) = state.profile(viewer.person).await?;
    Ok(Json(ladder))
}

/// `GET /api/v1/ladder/next?level=L&track=T`: the step above the owner's level (or `level`),
/// along `track` where the ladder branches.
pub async fn next(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<NextParams>,
) -> Result<Json<NextLevel>, ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let (step, _) = params.step(&ladder, &me.level)?;
    Ok(Json(step))
}
