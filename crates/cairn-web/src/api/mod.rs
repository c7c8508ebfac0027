//! The JSON API under `/api/v1`: typed requests and responses (never store rows), errors
//! as `{"error": {"status", "code", "message", "field"?}}`, described by `openapi.json`.

mod assess;
mod body;
pub(crate) mod decide;
mod evidence;
mod export;
mod goal;
pub(crate) mod growth;
mod inbox;
mod openapi;
pub(crate) mod profile;

use axum::Router;
use axum::routing::{delete, get};

use crate::AppState;

/// The API's routes, relative to `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evidence", get(evidence::list).post(evidence::create))
        .route(
            "/evidence/{id}",
            get(evidence::show)
                .put(evidence::update)
                .delete(evidence::remove),
        )
        .route("/goal", get(goal::show).post(goal::set))
        .route("/goal/check", axum::routing::post(goal::check_text))
        .route("/rounds", get(assess::list).post(assess::submit))
        .route("/gap", get(assess::gap))
        .route("/shape", get(assess::shape))
        .route("/inbox", get(inbox::list))
        .route("/inbox/accept", axum::routing::post(inbox::accept))
        .route("/inbox/dismiss", axum::routing::post(inbox::dismiss))
        .route("/review", get(inbox::monthly))
        .route("/ready", get(growth::ready))
        .route("/team", get(growth::team))
        .route("/signal", get(growth::signal))
        .route("/reps", get(growth::reps).post(growth::add_rep))
        .route("/reps/plan", get(growth::rep_plan))
        .route("/reps/{id}", delete(growth::remove_rep))
        .route(
            "/conversations",
            get(growth::conversations).post(growth::add_conversation),
        )
        .route("/commitments/{id}", axum::routing::post(growth::resolve))
        .route(
            "/constraints",
            get(growth::constraints).post(growth::add_constraint),
        )
        .route("/suggest", get(inbox::suggest))
        .route("/export", get(export::archive))
        .route("/profile", get(profile::show).post(profile::set))
        .route("/profile/history", get(profile::history))
        .route("/decisions", get(decide::list).post(decide::add))
        .route("/ladder", get(profile::ladder))
        .route("/ladder/next", get(profile::next))
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { crate::error::ApiError(crate::AppError::NotFound) })
}
