//! The ladder page: every competency's expectation at each level, with examples, and the
//! engineer's current and next level marked.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Chrome, render};
use crate::{AppError, AppState, Viewer};

struct LevelView {
    id: String,
    title: String,
    summary: String,
    mark: &'static str,
}

struct ExpectationView {
    level: String,
    title: String,
    text: String,
    examples: Vec<String>,
    mark: &'static str,
}

struct CompetencyView {
    id: String,
    name: String,
    description: String,
    expectations: Vec<ExpectationView>,
}

#[derive(Template)]
#[template(path = "ladder.html")]
struct LadderPage {
    active: &'static str,
    chrome: Chrome,
    name: String,
    id: String,
    version: u32,
    description: String,
    levels: Vec<LevelView>,
    competencies: Vec<CompetencyView>,
}

/// `GET /ladder`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let current = ladder.level_index(&me.level);
    let mark = |index: Option<usize>| match (index, current) {
        (Some(i), Some(c)) if i == c => "current",
        (Some(i), Some(c)) if i == c + 1 => "next",
        _ => "",
    };
    let levels = ladder
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| LevelView {
            id: l.id.to_string(),
            title: l.title.clone(),
            summary: l.summary.clone(),
            mark: mark(Some(i)),
        })
        .collect();
    let competencies = ladder
        .competencies
        .iter()
        .map(|c| CompetencyView {
            id: c.id.to_string(),
            name: c.name.clone(),
            description: c.description.clone(),
            expectations: c
                .expectations
                .iter()
                .map(|e| ExpectationView {
                    level: e.level.to_string(),
                    title: ladder
                        .level(&e.level)
                        .map(|l| l.title.clone())
                        .unwrap_or_default(),
                    text: e.text.clone(),
                    examples: e.examples.clone(),
                    mark: mark(ladder.level_index(&e.level)),
                })
                .collect(),
        })
        .collect();
    render(&LadderPage {
        active: "ladder",
        chrome: Chrome::of(&state, &viewer, &me.name).await?,
        name: ladder.name.clone(),
        id: ladder.id.to_string(),
        version: ladder.version,
        description: ladder.description.clone(),
        levels,
        competencies,
    })
}
