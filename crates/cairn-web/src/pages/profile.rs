//! The profile page: who the store belongs to, where they stand, and where they are going.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Chrome, render};
use crate::{AppError, AppState, Viewer};

struct Change {
    date: String,
    change: String,
    statement: String,
    reason: String,
}

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
    history: Vec<Change>,
}

/// `GET /profile`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let history = state
        .store
        .destination_events(me.id)
        .await?
        .into_iter()
        .rev()
        .map(|e| Change {
            date: e.at.date_naive().to_string(),
            change: e.change.to_string(),
            statement: e.statement,
            reason: e.reason,
        })
        .collect();
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
        history,
    })
}
