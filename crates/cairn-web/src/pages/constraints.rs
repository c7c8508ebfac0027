//! `POST /constraints`: a constraint recorded from the conversations page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::conversations::{TalkForm, talks_page};
use super::render;
use crate::recording::{ConstraintRequest, constraint};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

/// The record-a-constraint form: the viewer's own, or a report's from their manager chain.
#[derive(Debug, Default, Deserialize)]
pub struct ConstraintForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    until: String,
}

/// `POST /constraints`
pub async fn add_constraint(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ConstraintForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let request = ConstraintRequest {
        person: form.person.clone(),
        kind: form.kind,
        description: form.description,
        since: None,
        until: Some(form.until),
        visibility: Some("shared".into()),
    };
    let back = if form.person.is_empty() {
        "/conversations".to_owned()
    } else {
        format!("/conversations?person={}", form.person)
    };
    match constraint(&state, &viewer, &request).await {
        Ok(c) => {
            state.store.add_constraint(&c).await?;
            Ok(Redirect::to(&back).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let page = talks_page(
                &state,
                &viewer,
                &form.person,
                TalkForm::default(),
                Some(e.to_string()),
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
