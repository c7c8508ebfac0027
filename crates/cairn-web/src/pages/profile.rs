//! The profile page: who the store belongs to and where they stand, a form to change it,
//! and every change so far; on a team server also their access tokens and password (whose
//! forms `credentials` handles). Where they are going, and how that changed, is the
//! destination page's.

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
pub(super) struct ProfilePage {
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
    /// On a team server: the tokens, a secret just made, and what the credential forms said.
    access: Option<Access>,
}

/// The profile's tokens and password section on a team server.
pub(super) struct Access {
    pub tokens: Vec<TokenLine>,
    /// A token secret just created: shown once.
    pub created: Option<String>,
    pub problem: Option<String>,
    pub notice: Option<&'static str>,
}

/// One token as the profile lists it.
pub(super) struct TokenLine {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub state: &'static str,
    pub created: String,
    pub expires: String,
    pub last_used: String,
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

pub(super) async fn page(
    state: &AppState,
    viewer: &Viewer,
    problem: Option<String>,
) -> Result<ProfilePage, AppError> {
    let access = if state.is_team() {
        Some(access(state, viewer, None, None, None).await?)
    } else {
        None
    };
    page_with(state, viewer, problem, access).await
}

/// The tokens and password section, with what a form just did.
pub(super) async fn access(
    state: &AppState,
    viewer: &Viewer,
    created: Option<String>,
    problem: Option<String>,
    notice: Option<&'static str>,
) -> Result<Access, AppError> {
    let now = cairn_core::dates::now();
    let day = |t: cairn_core::dates::Timestamp| t.date_naive().to_string();
    let tokens = state
        .store
        .tokens(viewer.person)
        .await?
        .into_iter()
        .rev()
        .map(|t| TokenLine {
            id: t.id.to_string(),
            state: t.state(now),
            name: t.name,
            scope: t.scope.to_string(),
            created: day(t.created_at),
            expires: t.expires_at.map_or_else(|| "never".to_owned(), day),
            last_used: t.last_used_at.map_or_else(|| "never".to_owned(), day),
        })
        .collect();
    Ok(Access {
        tokens,
        created,
        problem,
        notice,
    })
}

/// The page with a given tokens and password section.
pub(super) async fn page_with(
    state: &AppState,
    viewer: &Viewer,
    problem: Option<String>,
    access: Option<Access>,
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
        access,
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
