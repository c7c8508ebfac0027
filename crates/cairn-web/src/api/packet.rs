//! `/api/v1/packet`: the case for the target level as a document, Markdown or
//! self-contained HTML: the caller's own, or with `person` a report's for their manager
//! chain, from what the report shared (what `cairn packet --remote` fetches).

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cairn_core::Invalid;
use serde::Deserialize;

use crate::AppState;
use crate::assessing::CaseParams;
use crate::error::ApiError;
use crate::security::DOCUMENT_CSP;
use crate::session::ApiViewer;

/// `format=md|html` beside the case's own parameters (written out: a flattened struct
/// would read `window` as text).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PacketParams {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    window: Option<u32>,
}

/// `GET /api/v1/packet`
pub async fn packet(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(p): Query<PacketParams>,
) -> Result<Response, ApiError> {
    let html = match p.format.as_deref() {
        None | Some("md") => false,
        Some("html") => true,
        Some(other) => {
            return Err(Invalid::new("format", format!("'{other}' is not md or html")).into());
        }
    };
    let case = CaseParams {
        person: p.person,
        target: p.target,
        window: p.window,
        ..CaseParams::default()
    };
    let built = crate::assessing::case(&state, &viewer, &case).await?;
    Ok(if html {
        let text = crate::packet::html(&built).map_err(crate::AppError::from)?;
        (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CONTENT_SECURITY_POLICY, DOCUMENT_CSP),
            ],
            text,
        )
            .into_response()
    } else {
        (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            built.markdown(),
        )
            .into_response()
    })
}
