//! The decision page: push, wait or change environments, with the reading that stood
//! when each decision was made, and a form for the next one. The engineer's own only.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::decision::Decision;
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::access;
use crate::recording::{DecisionRequest, record};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

#[derive(Template)]
#[template(path = "decide.html")]
struct DecidePage {
    active: &'static str,
    chrome: Chrome,
    /// Newest first.
    decisions: Vec<Decision>,
    /// The reminder, when the current decision's revisit date has come.
    revisit: Option<String>,
    problem: Option<String>,
    form: DecideForm,
}

/// What the form posts.
#[derive(Debug, Default, Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    choice: String,
    #[serde(default)]
    because: String,
    #[serde(default)]
    revisit: String,
    #[serde(default)]
    visibility: String,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    form: DecideForm,
    problem: Option<String>,
) -> Result<DecidePage, AppError> {
    let view = access(state, viewer, "").await?;
    let mut decisions = view.decisions(state.store.as_ref()).await?;
    let today = state.today();
    let revisit = Decision::current(&decisions).and_then(|d| d.reminder(today));
    decisions.reverse();
    Ok(DecidePage {
        active: "ready",
        chrome: Chrome::of(state, viewer),
        decisions,
        revisit,
        problem,
        form,
    })
}

/// `GET /decide`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let page = page(&state, &viewer, DecideForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /decide`
pub async fn decide(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<DecideForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let request = DecisionRequest {
        choice: form.choice.clone(),
        because: form.because.clone(),
        revisit: form.revisit.clone(),
        visibility: Some(form.visibility.clone()).filter(|v| !v.is_empty()),
    };
    match record(&state, &viewer, &request).await {
        Ok(_) => Ok(Redirect::to("/decide").into_response()),
        Err(AppError::Invalid(e)) => {
            let page = page(&state, &viewer, form, Some(e.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
