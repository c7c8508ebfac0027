//! Setting a password through a reset link an admin issued. The link's code is the secret:
//! it works once, for a day, and using it ends every session of the account. Opening the
//! link only shows the form, so a link preview cannot spend it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::render;
use crate::security::ClientAddress;
use crate::{AppError, AppState, accounts};

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    code: String,
    problem: Option<String>,
}

/// The reset form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    again: String,
}

/// `GET /reset/{code}`
pub async fn form(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    if !state.is_team() {
        return Err(AppError::NotFound);
    }
    Ok(render(&ResetPage {
        code,
        problem: None,
    })?
    .into_response())
}

/// `POST /reset/{code}`
pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(code): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    if !state.is_team() {
        return Err(AppError::NotFound);
    }
    let result = if form.password == form.again {
        accounts::reset_password(state.store.as_ref(), &code, &form.password, &address).await
    } else {
        Err(cairn_core::Invalid::new("again", "the two passwords differ").into())
    };
    match result {
        Ok(()) => Ok(Redirect::to("/login?reset=done").into_response()),
        Err(AppError::Invalid(e)) => {
            let html = render(&ResetPage {
                code,
                problem: Some(e.to_string()),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other),
    }
}
