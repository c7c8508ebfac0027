//! The two documents: the case at `/packet` (the viewer's own, or with `person=ID` a
//! report's for their manager chain, from what the report shared) and the private coaching
//! report at `/coaching` (the viewer's own only). Both are self-contained, printable pages.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::readiness::WINDOW_MONTHS;

use crate::assessing::{CaseParams, access, no_target};
use crate::{AppError, AppState, Viewer};

/// A document answer: its own strict policy, HTML body.
fn document(html: String) -> Response {
    (
        [(
            axum::http::header::CONTENT_SECURITY_POLICY,
            crate::security::DOCUMENT_CSP,
        )],
        axum::response::Html(html),
    )
        .into_response()
}

/// `GET /packet`
pub async fn case(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(p): Query<CaseParams>,
) -> Result<Response, AppError> {
    let built = crate::assessing::case(&state, &viewer, &p).await?;
    Ok(document(crate::packet::html(&built)?))
}

/// `GET /coaching`
pub async fn coaching(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let view = access(&state, &viewer, "").await?;
    let report = view
        .coaching(state.store.as_ref(), None, WINDOW_MONTHS, state.today())
        .await?
        .ok_or_else(no_target)?;
    Ok(document(crate::packet::coaching_html(&report)?))
}
