//! The profile's credential forms on a team server: creating and revoking one's personal
//! access tokens (the secret is shown once, on the page that made it) and changing one's
//! password (the other sessions end).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::access::Scope;
use cairn_core::id::TokenId;
use serde::Deserialize;

use super::profile::{access, page_with};
use super::render;
use crate::accounts::{self, Actor, NewToken, expiry_in_days};
use crate::security::{ClientAddress, check_csrf};
use crate::{AppError, AppState, Viewer};

/// The new-token form.
#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    /// Days until it expires; empty for never.
    #[serde(default)]
    days: String,
}

/// Renders the profile after a credential form, with the section saying what happened.
async fn after(
    state: &AppState,
    viewer: &Viewer,
    created: Option<String>,
    outcome: Result<Option<&'static str>, AppError>,
) -> Result<Response, AppError> {
    let (problem, notice, status) = match outcome {
        Ok(notice) => (None, notice, StatusCode::OK),
        Err(AppError::Invalid(e)) => (Some(e.to_string()), None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(other) => return Err(other),
    };
    let section = access(state, viewer, created, problem, notice).await?;
    let page = page_with(state, viewer, None, Some(section)).await?;
    Ok((status, render(&page)?).into_response())
}

/// `POST /profile/tokens`
pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Form(form): Form<TokenForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    if !state.is_team() {
        return Err(AppError::NotFound);
    }
    let made = async {
        let scope: Scope = form.scope.parse()?;
        let new = NewToken {
            name: &form.name,
            scope,
            expires_at: expiry_in_days(&form.days)?,
        };
        let actor = Actor::of(&viewer, &address);
        accounts::create_token(state.store.as_ref(), viewer.person, &new, &actor).await
    }
    .await;
    match made {
        Ok((_, secret)) => after(&state, &viewer, Some(secret), Ok(None)).await,
        Err(e) => after(&state, &viewer, None, Err(e)).await,
    }
}

/// The revoke form's one field.
#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /profile/tokens/{id}/revoke`
pub async fn revoke(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let id: TokenId = id.parse().map_err(|_| AppError::NotFound)?;
    let actor = Actor::of(&viewer, &address);
    accounts::revoke_token(state.store.as_ref(), viewer.person, id, &actor).await?;
    Ok(Redirect::to("/profile#access").into_response())
}

/// The password form.
#[derive(Debug, Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    again: String,
}

/// `POST /profile/password`
pub async fn password(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    if !state.is_team() {
        return Err(AppError::NotFound);
    }
    let outcome = if form.password == form.again {
        accounts::change_password(
            state.store.as_ref(),
            &viewer,
            &form.current,
            &form.password,
            &address,
        )
        .await
        .map(|()| Some("Your password is changed; your other sessions have ended."))
    } else {
        Err(Invalid::new("again", "the two new passwords differ").into())
    };
    after(&state, &viewer, None, outcome).await
}
