//! The two documents: the case at `/packet` (the viewer's own, or with `person=ID` a
//! report's for their manager chain, from what the report shared) and the private coaching
//! report at `/coaching` (the viewer's own only). Both are self-contained, printable pages.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::Invalid;
use cairn_core::dates::window_months;
use cairn_core::readiness::WINDOW_MONTHS;
use serde::Deserialize;

use crate::assessing::{access, aim};
use crate::{AppError, AppState, Viewer};

/// `?person=ID&target=LEVEL&window=MONTHS&summary=TEXT&reasons=1`.
#[derive(Debug, Default, Deserialize)]
pub struct CaseParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    window: Option<u32>,
    /// The engineer's own summary, replacing Cairn's (their own case only).
    #[serde(default)]
    summary: String,
    /// Keep their reasons for each change of destination (their own case only).
    #[serde(default)]
    reasons: String,
}

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
    // The case is handed to others: it speaks of the engineer in the third person.
    let view = access(&state, &viewer, &p.person).await?;
    let window = window_months("window", p.window.unwrap_or(WINDOW_MONTHS))?;
    let target = aim(&view, crate::assessing::target(Some(&p.target))?)?;
    let reasons = view.own && !p.reasons.is_empty();
    let mut built = view
        .case(
            state.store.as_ref(),
            target.as_ref(),
            window,
            state.today(),
            reasons,
        )
        .await?
        .ok_or_else(no_target)?;
    if view.own {
        built = built.with_summary(&p.summary);
    }
    Ok(document(crate::packet::html(&built)?))
}

/// A ladder with no level above: nothing to make a case or coach toward.
fn no_target() -> AppError {
    Invalid::new("target", "the ladder has no level to aim for").into()
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
