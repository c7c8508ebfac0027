//! `/api/v1/profile` (and its history), `/api/v1/ladder` and `/api/v1/ladder/next`: who the store belongs
//! to, their ladder, and what its next level adds. In team mode each takes `person` for a
//! report, under the same access rule as their rounds; a report's destination shows only
//! when they shared it.

use axum::Json;
use axum::extract::{Query, State};
use std::sync::Arc;

use cairn_core::ladder::Ladder;
use cairn_core::ladder::next::NextLevel;
use cairn_core::person::ProfileChange;
use serde::Serialize;

use super::body::Body;
use super::params::PersonParams;
use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::params::NextParams;
use crate::recording::{ProfileRequest, edit};
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
    Query(params): Query<PersonParams>,
) -> Result<Json<ProfileView>, ApiError> {
    let view = access(&state, &viewer, &params.person).await?;
    let destination = view.destination(state.store.as_ref()).await?;
    let (me, ladder) = (view.person, view.ladder);
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

/// `POST /api/v1/profile`: changes the caller's own profile; answers with what changed.
pub async fn set(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<ProfileRequest>,
) -> Result<Json<Vec<ProfileChange>>, ApiError> {
    Ok(Json(edit(&state, &viewer, &r).await?))
}

/// `GET /api/v1/profile/history`: every change to the profile, oldest first (a report's
/// for their manager chain).
pub async fn history(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<PersonParams>,
) -> Result<Json<Vec<ProfileChange>>, ApiError> {
    let access = access(&state, &viewer, &params.person).await?;
    Ok(Json(access.profile_changes(state.store.as_ref()).await?))
}

/// `GET /api/v1/ladder`: the owner's ladder, whole (the ladder file's own shape).
pub async fn ladder(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<PersonParams>,
) -> Result<Json<Arc<Ladder>>, ApiError> {
    Ok(Json(access(&state, &viewer, &params.person).await?.ladder))
}

/// `GET /api/v1/ladder/next?level=L&track=T`: the step above the owner's level (or `level`),
/// along `track` where the ladder branches.
pub async fn next(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<NextParams>,
) -> Result<Json<NextLevel>, ApiError> {
    let access = access(&state, &viewer, &params.person).await?;
    let (step, _) = params.step(&access.ladder, &access.person.level)?;
    Ok(Json(step))
}
