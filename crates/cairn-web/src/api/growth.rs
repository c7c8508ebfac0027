//! `/api/v1/ready`, `/api/v1/signal`, `/api/v1/reps`, `/api/v1/conversations`,
//! `/api/v1/commitments/{id}` and `/api/v1/constraints`: readiness, the strategic signal,
//! reps with their plan, growth conversations and constraints. Reads take `person` for a
//! report (their shared records only); writes are the caller's own.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::{now, today, window_months};
use cairn_core::id::{CommitmentId, RepId};
use cairn_core::readiness::Readiness;
use cairn_core::rep::{Exposure, Planned, Rep, RepStatus};
use cairn_core::signal::{Signal, clear_ask};
use cairn_core::team::{SortKey, TeamRow, sort};
use cairn_core::{Invalid, Visibility};
use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::assessing::{access, reading, target};
use crate::error::ApiError;
use crate::recording::{ConstraintRequest, constraint, conversation};
use crate::session::ApiViewer;
use crate::{AppError, AppState};

/// `?person=ID&target=LEVEL&window=MONTHS`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadyParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    window: Option<u32>,
}

/// `GET /api/v1/ready`
pub async fn ready(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<ReadyParams>,
) -> Result<Json<Readiness>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    let target = target(p.target.as_deref())?;
    let window = p.window.unwrap_or(cairn_core::readiness::WINDOW_MONTHS);
    Ok(Json(
        reading(&state, &view, target, window).await?.readiness,
    ))
}

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
        view.signal(state.store.as_ref(), window, today()).await?,
    ))
}

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

/// A conversation as the API shows it.
#[derive(Debug, Serialize)]
pub struct ConversationView {
    conversation: Conversation,
    commitments: Vec<Commitment>,
    clear_ask: bool,
}

/// `?person=ID`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonParams {
    #[serde(default)]
    person: String,
}

/// `GET /api/v1/conversations`
pub async fn conversations(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PersonParams>,
) -> Result<Json<Vec<ConversationView>>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    Ok(Json(
        view.conversations(state.store.as_ref())
            .await?
            .into_iter()
            .map(|(c, commitments)| ConversationView {
                clear_ask: clear_ask(&c.ask),
                conversation: c,
                commitments,
            })
            .collect(),
    ))
}

/// A commitment in a new conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentRequest {
    what: String,
    who: String,
    #[serde(default)]
    due: Option<String>,
}

/// A new conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationRequest {
    date: Option<String>,
    ask: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    commitments: Vec<CommitmentRequest>,
    #[serde(default)]
    visibility: Option<String>,
}

/// `POST /api/v1/conversations`
pub async fn add_conversation(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<ConversationRequest>,
) -> Result<(StatusCode, Json<ConversationView>), ApiError> {
    let promised: Vec<(String, String, Option<String>)> = r
        .commitments
        .into_iter()
        .map(|c| (c.what, c.who, c.due))
        .collect();
    let (c, commitments) = conversation(
        viewer.person,
        r.date.as_deref(),
        &r.ask,
        &r.response,
        &promised,
        r.visibility.as_deref(),
    )?;
    state.store.add_conversation(&c, &commitments).await?;
    Ok((
        StatusCode::CREATED,
        Json(ConversationView {
            clear_ask: clear_ask(&c.ask),
            conversation: c,
            commitments,
        }),
    ))
}

/// An outcome.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRequest {
    outcome: String,
}

/// `POST /api/v1/commitments/{id}`: how one of the caller's commitments turned out.
pub async fn resolve(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<String>,
    Body(r): Body<OutcomeRequest>,
) -> Result<Json<Commitment>, ApiError> {
    let outcome: Outcome = r.outcome.parse()?;
    let id: CommitmentId = id.parse().map_err(|_| AppError::NotFound)?;
    let mine = state
        .store
        .conversations(viewer.person)
        .await?
        .into_iter()
        .flat_map(|(_, k)| k)
        .find(|k| k.id == id)
        .ok_or(AppError::NotFound)?;
    let at = now();
    state.store.set_outcome(id, outcome, at).await?;
    Ok(Json(Commitment {
        outcome,
        updated_at: at,
        ..mine
    }))
}

/// `GET /api/v1/constraints`
pub async fn constraints(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PersonParams>,
) -> Result<Json<Vec<Constraint>>, ApiError> {
    let view = access(&state, &viewer, &p.person).await?;
    Ok(Json(view.constraints(state.store.as_ref()).await?))
}

/// `POST /api/v1/constraints`: one affecting the caller, or, from their manager chain, one
/// affecting a report (recorded by the manager and shared with the report).
pub async fn add_constraint(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(r): Body<ConstraintRequest>,
) -> Result<(StatusCode, Json<Constraint>), ApiError> {
    let c = constraint(&state, &viewer, &r).await?;
    state.store.add_constraint(&c).await?;
    Ok((StatusCode::CREATED, Json(c)))
}

/// `?sort=name|quiet|gap|readiness|attention`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamParams {
    #[serde(default)]
    sort: String,
}

/// `GET /api/v1/team`: the caller's direct reports, from what each shared.
pub async fn team(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<TeamParams>,
) -> Result<Json<Vec<TeamRow>>, ApiError> {
    let key: SortKey = p.sort.parse()?;
    let today = cairn_core::dates::today();
    let mut rows = cairn_store::team(state.store.as_ref(), viewer.person, today).await?;
    sort(&mut rows, key);
    Ok(Json(rows))
}
