//! Server-rendered pages: each file holds its template structs beside its handlers.

pub mod admin;
pub mod calibration;
pub mod constraints;
pub mod conversations;
pub mod credentials;
pub mod dashboard;
pub mod decide;
pub mod documents;
pub mod evidence;
pub mod goal;
pub mod inbox;
pub mod ladder;
pub mod login;
pub mod profile;
pub mod readiness;
pub mod reps;
pub mod reset;
pub mod shape;
pub mod sign_on;
pub mod team;

use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use cairn_core::evidence::{Evidence, LevelSignal};

use crate::{AppError, AppState, Viewer};

const STYLESHEET: &str = include_str!("../../assets/cairn.css");

/// Renders a template into a page.
fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}

/// The one stylesheet, cached for a day.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// Any path without a route.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// What the layout shows around every page: in team mode, who is logged in and the
/// logout button (a form, so it carries the CSRF token).
pub struct Chrome {
    pub team: bool,
    pub admin: bool,
    pub name: String,
    pub csrf: String,
}

impl Chrome {
    fn of(state: &AppState, viewer: &Viewer) -> Self {
        Self {
            team: state.is_team(),
            admin: viewer.is_admin(),
            name: viewer
                .login
                .as_ref()
                .map(|l| l.name.clone())
                .unwrap_or_default(),
            csrf: viewer.csrf.clone(),
        }
    }
}

/// One piece of evidence as lists show it.
pub struct Row {
    pub id: String,
    pub date: String,
    pub title: String,
    pub skills: Vec<String>,
    pub next: bool,
    pub shared: bool,
}

impl From<&Evidence> for Row {
    fn from(e: &Evidence) -> Self {
        Self {
            id: e.id.to_string(),
            date: e.date.to_string(),
            title: e.title.clone(),
            skills: e.competencies.iter().map(ToString::to_string).collect(),
            next: e.level == LevelSignal::Next,
            shared: e.visibility == cairn_core::Visibility::Shared,
        }
    }
}
