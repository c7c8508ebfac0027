//! The manager's team view: each direct report at a glance, from what they shared.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::team::{SortKey, TeamRow, sort};
use serde::Deserialize;

use super::readiness::overall_words;
use super::{Chrome, render};
use crate::{AppError, AppState, Viewer};

/// `?sort=name|quiet|gap|readiness|attention`.
#[derive(Debug, Default, Deserialize)]
pub struct SortParams {
    #[serde(default)]
    sort: String,
}

#[derive(Template)]
#[template(path = "team.html")]
struct TeamPage {
    active: &'static str,
    chrome: Chrome,
    sort: String,
    rows: Vec<(TeamRow, &'static str, &'static str)>,
}

/// `GET /team`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(p): Query<SortParams>,
) -> Result<Response, AppError> {
    let key: SortKey = p.sort.parse()?;
    let today = state.today();
    let mut rows = cairn_store::team(state.store.as_ref(), viewer.person, today).await?;
    sort(&mut rows, key);
    let page = TeamPage {
        active: "team",
        chrome: Chrome::of(&state, &viewer),
        sort: if p.sort.is_empty() {
            "name".into()
        } else {
            p.sort
        },
        rows: rows
            .into_iter()
            .map(|r| {
                let (words, class) = overall_words(r.readiness);
                (r, words, class)
            })
            .collect(),
    };
    Ok(render(&page)?.into_response())
}
