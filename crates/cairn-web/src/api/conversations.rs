//! `/api/v1/conversations` and `/api/v1/commitments/{id}`: growth conversations and
//! their commitments. Reads take `person` for a report (shared records only).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::now;
use cairn_core::id::CommitmentId;
use cairn_core::signal::clear_ask;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::params::PersonParams;
use crate::assessing::access;
use crate::error::ApiError;
use crate::recording::conversation;
use crate::session::ApiViewer;
use crate::{AppError, AppState};

/// A conversation as the API shows it.
#[derive(Debug, Serialize)]
pub struct ConversationView {
    conversation: Conversation,
    commitments: Vec<Commitment>,
    clear_ask: bool,
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
        state.today(),
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
