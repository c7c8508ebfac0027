//! `/api/v1/rounds` and `/api/v1/gap`: assessment rounds with the blindness rule applied,
//! one side's submission, and calibration.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::Invalid;
use cairn_core::assessment::{AssessmentRound, Assessor, Rating};
use cairn_core::calibration::{Calibration, round_views};
use cairn_core::id::LevelId;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::params::PersonParams;
use crate::AppState;

use crate::assessing::{access, aim, submit as submit_view};
use crate::error::ApiError;
use crate::session::ApiViewer;

/// `?person=ID&target=LEVEL`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: Option<String>,
}

/// One entry of a round, as the API shows it.
#[derive(Debug, Serialize)]
pub struct EntryView {
    assessor: Assessor,
    competency: String,
    level: String,
    note: String,
    /// A manager's view typed by the engineer.
    by_hand: bool,
}

/// A round with the entries the caller may see.
#[derive(Debug, Serialize)]
pub struct RoundView {
    id: String,
    name: String,
    ladder: String,
    ladder_version: u32,
    self_submitted_at: Option<String>,
    manager_submitted_at: Option<String>,
    revealed: bool,
    created_at: String,
    entries: Vec<EntryView>,
}

impl RoundView {
    fn new(round: &AssessmentRound, entries: Vec<EntryView>) -> Self {
        Self {
            id: round.id.to_string(),
            name: round.name.clone(),
            ladder: round.ladder.id.to_string(),
            ladder_version: round.ladder.version,
            self_submitted_at: round.self_submitted_at.map(|t| t.to_rfc3339()),
            manager_submitted_at: round.manager_submitted_at.map(|t| t.to_rfc3339()),
            revealed: round.revealed(),
            created_at: round.created_at.to_rfc3339(),
            entries,
        }
    }
}

/// One side's view to submit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    /// `self` or `manager`.
    side: String,
    /// Whose round: empty for the caller's own.
    #[serde(default)]
    person: String,
    /// The round's name; empty for the round waiting for this side, or a new one.
    #[serde(default)]
    round: String,
    /// A level per competency.
    ratings: Vec<Rating>,
}

/// `GET /api/v1/rounds`
pub async fn list(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<PersonParams>,
) -> Result<Json<Vec<RoundView>>, ApiError> {
    let view = access(&state, &viewer, &params.person).await?;
    let history = view.history(state.store.as_ref()).await?;
    // The same reading rule as the pages and calibration, newest round first.
    let views = round_views(
        &history.rounds,
        &history.ladders,
        &history.entries,
        view.reader,
    );
    let rounds = views
        .iter()
        .rev()
        .map(|view| {
            let entries = view
                .entries
                .iter()
                .map(|e| EntryView {
                    assessor: e.assessor,
                    competency: e.competency.to_string(),
                    level: e.level.to_string(),
                    note: e.note.clone(),
                    by_hand: e.by_hand(view.round.owner),
                })
                .collect();
            RoundView::new(view.round, entries)
        })
        .collect();
    Ok(Json(rounds))
}

/// `POST /api/v1/rounds`
pub async fn submit(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(request): Body<SubmitRequest>,
) -> Result<(StatusCode, Json<RoundView>), ApiError> {
    let view = access(&state, &viewer, &request.person).await?;
    let side: Assessor = request.side.parse()?;
    let round = submit_view(
        &state,
        &viewer,
        &view,
        side,
        Some(&request.round),
        &request.ratings,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(RoundView::new(&round, Vec::new())),
    ))
}

/// `GET /api/v1/gap`
pub async fn gap(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<GapParams>,
) -> Result<Json<Calibration>, ApiError> {
    let view = access(&state, &viewer, &params.person).await?;
    let target: Option<LevelId> = params
        .target
        .as_deref()
        .map(|t| {
            t.parse()
                .map_err(|e: Invalid| Invalid::new("target", e.message))
        })
        .transpose()?;
    let target = aim(&view, target)?;
    Ok(Json(
        view.calibration(state.store.as_ref(), target.as_ref())
            .await?,
    ))
}
