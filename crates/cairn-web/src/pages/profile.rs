//! The profile page: who the store belongs to and where they stand. Where they are going,
//! and how that changed, is the destination page's.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Chrome, render};
use crate::{AppError, AppState, Viewer};

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    active: &'static str,
    chrome: Chrome,
    name: String,
    emails: Vec<String>,
    ladder: String,
    level: String,
    level_title: String,
    destination: Option<String>,
}

/// `GET /profile`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let destination = state
        .store
        .destinations(me.id)
        .await?
        .into_iter()
        .find(|d| d.status == cairn_core::destination::DestinationStatus::Active)
        .map(|d| d.statement);
    render(&ProfilePage {
        active: "profile",
        chrome: Chrome::of(&state, &viewer, &me.name).await?,
        level_title: ladder
            .level(&me.level)
            .map(|l| l.title.clone())
            .unwrap_or_default(),
        level: me.level.to_string(),
        ladder: format!("{} ({} v{})", ladder.name, ladder.id, ladder.version),
        name: me.name,
        emails: me.emails,
        destination,
    })
}
