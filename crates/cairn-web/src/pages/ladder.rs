//! The ladder pages: every competency's expectation at each level, with its criteria and
//! examples, the engineer's current and next level marked, browsable by track; and the
//! next level side by side.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use cairn_core::id::{LevelId, TrackId};
use cairn_core::ladder::next::NextLevel;
use cairn_core::ladder::{Expectation, Ladder};
use serde::Deserialize;

use super::{Chrome, render};
use crate::params::{NextParams, chosen_track};
use crate::{AppError, AppState, Viewer};

struct LevelView {
    id: String,
    title: String,
    summary: String,
    tracks: String,
    mark: &'static str,
}

struct ExpectationView {
    title: String,
    e: Expectation,
    mark: &'static str,
}

struct CompetencyView {
    id: String,
    name: String,
    description: String,
    expectations: Vec<ExpectationView>,
}

/// A link to the ladder along one track (`id` empty for every level).
struct TrackLink {
    id: String,
    name: String,
    chosen: bool,
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
    tracks: Vec<TrackLink>,
    levels: Vec<LevelView>,
    competencies: Vec<CompetencyView>,
}

/// `?track=T`: only the levels climbed on that track.
#[derive(Debug, Default, Deserialize)]
pub struct LadderParams {
    #[serde(default)]
    track: String,
}

fn track_links(ladder: &Ladder, chosen: Option<&TrackId>) -> Vec<TrackLink> {
    if ladder.tracks.is_empty() {
        return Vec::new();
    }
    std::iter::once(TrackLink {
        id: String::new(),
        name: "All levels".to_owned(),
        chosen: chosen.is_none(),
    })
    .chain(ladder.tracks.iter().map(|t| TrackLink {
        id: t.id.to_string(),
        name: t.name.clone(),
        chosen: chosen == Some(&t.id),
    }))
    .collect()
}

/// `GET /ladder`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(params): Query<LadderParams>,
) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let track = chosen_track(&ladder, &params.track)?;
    let next: Vec<LevelId> = ladder
        .next_levels(&me.level)
        .iter()
        .map(|l| l.id.clone())
        .collect();
    let mark = |level: &LevelId| {
        if level == &me.level {
            "current"
        } else if next.contains(level) {
            "next"
        } else {
            ""
        }
    };
    let shown: Vec<&cairn_core::ladder::Level> = match &track {
        Some(track) => ladder.path(Some(track)),
        None => ladder.levels.iter().collect(),
    };
    let levels = shown
        .iter()
        .map(|l| LevelView {
            id: l.id.to_string(),
            title: l.title.clone(),
            summary: l.summary.clone(),
            tracks: l
                .tracks
                .iter()
                .filter_map(|t| ladder.track(t).map(|t| t.name.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            mark: mark(&l.id),
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
                .filter(|e| shown.iter().any(|l| l.id == e.level))
                .map(|e| ExpectationView {
                    title: ladder
                        .level(&e.level)
                        .map(|l| l.title.clone())
                        .unwrap_or_default(),
                    mark: mark(&e.level),
                    e: e.clone(),
                })
                .collect(),
        })
        .filter(|c| !c.expectations.is_empty())
        .collect();
    render(&LadderPage {
        active: "ladder",
        chrome: Chrome::of(&state, &viewer),
        name: ladder.name.clone(),
        id: ladder.id.to_string(),
        version: ladder.version,
        description: ladder.description.clone(),
        tracks: track_links(&ladder, track.as_ref()),
        levels,
        competencies,
    })
}

#[derive(Template)]
#[template(path = "ladder_next.html")]
struct NextPage {
    active: &'static str,
    chrome: Chrome,
    step: NextLevel,
    /// The other tracks' next levels, with the track to link to.
    elsewhere: Vec<(String, String, String)>,
    new_at_next: Vec<String>,
    levels: Vec<(String, bool)>,
    tracks: Vec<TrackLink>,
}

/// `GET /ladder/next`
pub async fn next(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(params): Query<NextParams>,
) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let (step, track) = params.step(&ladder, &me.level)?;
    let level = step.from.id.clone();
    let elsewhere = step
        .elsewhere
        .iter()
        .map(|l| {
            let track = l.tracks.first().and_then(|t| ladder.track(t));
            (
                l.title.clone(),
                track.map(|t| t.id.to_string()).unwrap_or_default(),
                track.map(|t| t.name.clone()).unwrap_or_default(),
            )
        })
        .collect();
    render(&NextPage {
        active: "ladder",
        chrome: Chrome::of(&state, &viewer),
        new_at_next: step
            .steps
            .iter()
            .filter(|s| s.new_at_next)
            .map(|s| s.name.clone())
            .collect(),
        levels: ladder
            .levels
            .iter()
            .filter(|l| !ladder.next_levels(&l.id).is_empty())
            .map(|l| (l.id.to_string(), l.id == level))
            .collect(),
        tracks: track_links(&ladder, track.as_ref()),
        elsewhere,
        step,
    })
}
