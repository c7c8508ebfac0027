//! Server-rendered pages: each file holds its template structs beside its handlers.

pub mod dashboard;
pub mod evidence;
pub mod ladder;
pub mod profile;

use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use cairn_core::evidence::{Evidence, LevelSignal};

use crate::AppError;

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
