//! `/api/v1/goal`: the destination, its history, and the clarity check.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use cairn_core::Invalid;
use cairn_core::clarity::{Clarity, Verdict, check};
use cairn_core::dates::{now, parse_date};
use cairn_core::destination::{Destination, DestinationEvent, DestinationStatus, Setting};
use cairn_core::id::LevelId;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::params::PersonParams;
use crate::AppState;
use crate::assessing::access;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// The destination as the API shows it.
#[derive(Debug, Serialize)]
pub struct DestinationView {
    id: String,
    statement: String,
    target_level: Option<String>,
    horizon: Option<String>,
    reps: Vec<String>,
    evidence_criteria: String,
    status: String,
    visibility: String,
    created_at: String,
    updated_at: String,
}

impl From<&Destination> for DestinationView {
    fn from(d: &Destination) -> Self {
        Self {
            id: d.id.to_string(),
            statement: d.statement.clone(),
            target_level: d.target_level.as_ref().map(ToString::to_string),
            horizon: d.horizon.map(|h| h.to_string()),
            reps: d.reps.clone(),
            evidence_criteria: d.evidence_criteria.clone(),
            status: d.status.to_string(),
            visibility: d.visibility.to_string(),
            created_at: d.created_at.to_rfc3339(),
            updated_at: d.updated_at.to_rfc3339(),
        }
    }
}

/// One change in the history.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    change: String,
    statement: String,
    reason: String,
    at: String,
}

impl From<&DestinationEvent> for ChangeView {
    fn from(e: &DestinationEvent) -> Self {
        Self {
            change: e.change.to_string(),
            statement: e.statement.clone(),
            reason: e.reason.clone(),
            at: e.at.to_rfc3339(),
        }
    }
}

/// `GET /api/v1/goal`'s answer.
#[derive(Debug, Serialize)]
pub struct GoalView {
    destination: Option<DestinationView>,
    clarity: Option<Clarity>,
    history: Vec<ChangeView>,
}

/// A statement to check.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    text: String,
}

/// A destination to set or change.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalRequest {
    statement: String,
    #[serde(default)]
    target_level: Option<String>,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    reps: Vec<String>,
    #[serde(default)]
    evidence_criteria: String,
    #[serde(default)]
    pivot: bool,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    force: bool,
    /// `private` or `shared`; left out, the current destination's visibility is kept.
    #[serde(default)]
    visibility: Option<String>,
}

/// `POST /api/v1/goal`'s answer.
#[derive(Debug, Serialize)]
pub struct SetView {
    destination: DestinationView,
    change: String,
    clarity: Clarity,
}

/// `GET /api/v1/goal`
pub async fn show(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<PersonParams>,
) -> Result<Json<GoalView>, ApiError> {
    let view = access(&state, &viewer, &params.person).await?;
    // A report's destinations, and their history, only as far as they shared them.
    let store = state.store.as_ref();
    let current = view.destination(store).await?;
    let history = view.destination_history(store).await?;
    Ok(Json(GoalView {
        clarity: current.as_ref().map(Destination::clarity),
        destination: current.as_ref().map(DestinationView::from),
        history: history.iter().map(ChangeView::from).collect(),
    }))
}

/// `POST /api/v1/goal/check`
pub async fn check_text(
    ApiViewer(_viewer): ApiViewer,
    Body(request): Body<CheckRequest>,
) -> Json<Clarity> {
    Json(check(&request.text))
}

/// `POST /api/v1/goal`
pub async fn set(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(request): Body<GoalRequest>,
) -> Result<(StatusCode, Json<SetView>), ApiError> {
    let (_, ladder) = state.profile(viewer.person).await?;
    let today = state.today();
    let target_level = match &request.target_level {
        Some(l) => {
            let level: LevelId = l
                .parse()
                .map_err(|e: Invalid| Invalid::new("target_level", e.message))?;
            ladder.require_level("target_level", &level)?;
            Some(level)
        }
        None => None,
    };
    let horizon = request
        .by
        .as_deref()
        .map(|b| parse_date("by", b, today))
        .transpose()?;
    let current = state
        .store
        .destinations(viewer.person)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active);
    let visibility = match &request.visibility {
        Some(v) => v
            .parse()
            .map_err(|e: Invalid| Invalid::new("visibility", e.message))?,
        None => current.as_ref().map(|d| d.visibility).unwrap_or_default(),
    };
    let setting = Setting {
        statement: request.statement,
        target_level,
        horizon,
        reps: request.reps,
        evidence_criteria: request.evidence_criteria,
        pivot: request.pivot,
        reason: request.reason,
        visibility,
    };
    let clarity = setting.clarity();
    if clarity.verdict == Verdict::Vague && !request.force {
        let message = format!(
            "the destination is vague, so it was not saved: {}",
            clarity.questions.join(" ")
        );
        return Err(Invalid::new("statement", message).into());
    }
    let (destination, event) = setting.apply(viewer.person, current.as_ref(), now())?;
    state.store.set_destination(&destination, &event).await?;
    let status = if event.change == cairn_core::destination::DestinationChange::Set {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(SetView {
            destination: DestinationView::from(&destination),
            change: event.change.to_string(),
            clarity,
        }),
    ))
}
