//! The profile page: who the store belongs to and where they stand, a form to change it,
//! and every change so far. Where they are going, and how that changed, is the destination
//! page's.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::person::ProfileChange;
use serde::Deserialize;

use super::{Chrome, render};
use crate::recording::{ProfileRequest, edit};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    active: &'static str,
    chrome: Chrome,
    name: String,
    emails: Vec<String>,
    github: String,
    ladder: String,
    level: String,
    level_title: String,
    /// Every level of the ladder: (id, title).
    levels: Vec<(String, String)>,
    destination: Option<String>,
    /// Newest first.
    changes: Vec<ProfileChange>,
    problem: Option<String>,
}

/// What the profile form posts.
#[derive(Debug, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    level: String,
    /// One address per line or comma-separated.
    #[serde(default)]
    emails: String,
    #[serde(default)]
    github: String,
    #[serde(default)]
    reason: String,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    problem: Option<String>,
) -> Result<ProfilePage, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let destination = state
        .store
        .destinations(me.id)
        .await?
        .into_iter()
        .find(|d| d.status == cairn_core::destination::DestinationStatus::Active)
        .map(|d| d.statement);
    let mut changes = state.store.profile_changes(me.id).await?;
    changes.reverse();
    Ok(ProfilePage {
        active: "profile",
        chrome: Chrome::of(state, viewer),
        level_title: ladder
            .level(&me.level)
            .map(|l| l.title.clone())
            .unwrap_or_default(),
        levels: ladder
            .levels
            .iter()
            .map(|l| (l.id.to_string(), l.title.clone()))
            .collect(),
        level: me.level.to_string(),
        ladder: format!("{} ({} v{})", ladder.name, ladder.id, ladder.version),
        github: me.github.unwrap_or_default(),
        name: me.name,
        emails: me.emails,
        destination,
        changes,
        problem,
    })
}

/// `GET /profile`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    render(&page(&state, &viewer, None).await?)
}

/// `POST /profile`: the form sends every field; only those that differ change.
pub async fn set(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ProfileForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let request = ProfileRequest {
        name: Some(form.name),
        level: Some(form.level),
        emails: Some(
            form.emails
                .split([',', '\n'])
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        github: Some(form.github),
        reason: form.reason,
    };
    match edit(&state, &viewer, &request).await {
        Ok(_) => Ok(Redirect::to("/profile").into_response()),
        Err(AppError::Invalid(e)) => {
            let page = page(&state, &viewer, Some(e.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
