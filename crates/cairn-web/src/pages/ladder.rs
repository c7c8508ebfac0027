//! The ladder pages: every competency's expectation at each level, with examples, and the
//! engineer's current and next level marked; and the next level side by side.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use cairn_core::Invalid;
use cairn_core::id::LevelId;
use cairn_core::ladder::next::{NextLevel, next_level};
use serde::Deserialize;

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

/// `?level=L`: look from another level than the viewer's own.
#[derive(Debug, Default, Deserialize)]
pub struct NextParams {
    #[serde(default)]
    level: String,
}

#[derive(Template)]
#[template(path = "ladder_next.html")]
struct NextPage {
    active: &'static str,
    chrome: Chrome,
    step: NextLevel,
    new_at_next: Vec<String>,
    levels: Vec<(String, bool)>,
}

/// `GET /ladder/next`
pub async fn next(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(params): Query<NextParams>,
) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let level: LevelId = if params.level.is_empty() {
        me.level.clone()
    } else {
        params
            .level
            .parse()
            .map_err(|e: Invalid| Invalid::new("level", e.message))?
    };
    let step = next_level(&ladder, &level, "level")?;
    render(&NextPage {
        active: "ladder",
        chrome: Chrome::of(&state, &viewer, &me.name).await?,
        new_at_next: step
            .steps
            .iter()
            .filter(|s| s.new_at_next)
            .map(|s| s.name.clone())
            .collect(),
        levels: ladder
            .levels
            .iter()
            .take(ladder.levels.len().saturating_sub(1))
            .map(|l| (l.id.to_string(), l.id == level))
            .collect(),
        step,
    })
}
