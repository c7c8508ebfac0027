//! The JSON API under `/api/v1`: typed requests and responses (never store rows), errors
//! as `{"error": {"status", "code", "message", "field"?}}`, described by `openapi.json`.

mod access;
mod assess;
mod body;
mod constraints;
mod conversations;
mod decide;
mod evidence;
mod export;
mod goal;
mod inbox;
mod openapi;
mod packet;
mod params;
mod profile;
mod readiness;
mod reps;
mod review;
mod shape;
mod signal;
mod suggest;
mod sync;
mod team;

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
        .route("/shape", get(shape::shape))
        .route("/inbox", get(inbox::list))
        .route("/inbox/accept", axum::routing::post(inbox::accept))
        .route("/inbox/dismiss", axum::routing::post(inbox::dismiss))
        .route(
            "/imports/{kind}",
            axum::routing::post(inbox::import).layer(axum::extract::DefaultBodyLimit::max(
                crate::importing::MAX_FILE,
            )),
        )
        .route("/review", get(review::monthly))
        .route("/ready", get(readiness::ready))
        .route("/packet", get(packet::packet))
        .route("/team", get(team::team))
        .route("/signal", get(signal::signal))
        .route("/reps", get(reps::reps).post(reps::add_rep))
        .route("/reps/plan", get(reps::rep_plan))
        .route("/reps/{id}", delete(reps::remove_rep))
        .route(
            "/conversations",
            get(conversations::conversations).post(conversations::add_conversation),
        )
        .route(
            "/commitments/{id}",
            axum::routing::post(conversations::resolve),
        )
        .route(
            "/constraints",
            get(constraints::constraints).post(constraints::add_constraint),
        )
        .route("/suggest", get(suggest::suggest))
        .route("/export", get(export::archive))
        .route("/profile", get(profile::show).post(profile::set))
        .route("/profile/history", get(profile::history))
        .route("/decisions", get(decide::list).post(decide::add))
        .route("/ladder", get(profile::ladder))
        .route("/ladder/next", get(profile::next))
        .route("/login", axum::routing::post(access::login))
        .route("/me", get(access::me))
        .route("/tokens", get(access::list).post(access::create))
        .route("/tokens/{id}", delete(access::revoke))
        .route("/password", axum::routing::post(access::password))
        .route("/audit", get(access::audit))
        .route(
            "/sync",
            get(sync::pull)
                .post(sync::push)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::importing::MAX_FILE,
                )),
        )
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { crate::error::ApiError(crate::AppError::NotFound) })
}
