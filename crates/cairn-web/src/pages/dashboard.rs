//! The dashboard: where you are heading, what you logged lately, and a year at a glance.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use cairn_core::evidence::{EvidenceQuery, LevelSignal};
use cairn_core::heatmap;
use cairn_core::review::{self, Inputs, Review};
use cairn_core::signal::Signal;
use chrono::Datelike;

use super::{Chrome, Row, render};
use crate::assessing::access;
use crate::{AppError, AppState, Viewer};

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    active: &'static str,
    chrome: Chrome,
    name: String,
    level: String,
    level_title: String,
    ladder_name: String,
    destination: Option<String>,
    target: Option<String>,
    recent: Vec<Row>,
    year_total: usize,
    year_next: usize,
    heatmap_svg: String,
    /// The last six months alone, for narrow screens.
    heatmap_recent_svg: String,
    /// The heat-map's legend: each shade's class suffix and what it stands for.
    scale: Vec<(usize, &'static str)>,
    review: Review,
    gap_covered: usize,
    not_yet: String,
    /// The strategic signal, when raised.
    signal: Option<Signal>,
}

/// `GET /`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let today = state.today();
    let year_ago = today - chrono::Duration::days(365);
    let query = EvidenceQuery {
        owner: Some(me.id),
        since: Some(year_ago),
        ..EvidenceQuery::default()
    };
    let year = state.store.list_evidence(&query).await?;
    let destination = state.store.destinations(me.id).await?.into_iter().next();
    let target = destination.as_ref().map(|d| {
        let level = d.target_level.as_ref().map(|l| format!("target {l}"));
        let by = d.horizon.map(|h| format!("by {h}"));
        [level, by]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let view = access(&state, &viewer, "").await?;
    let store = state.store.as_ref();
    let calibration = view.calibration(store, None).await?;
    let signal = Some(
        view.signal(store, cairn_core::signal::WINDOW_MONTHS, today)
            .await?,
    )
    .filter(|s| s.raised);
    let inbox = cairn_store::inbox(state.store.as_ref(), &me, &ladder, Some(0)).await?;
    let first = today.with_day(1).unwrap_or(today);
    // The year is enough to say how long since the last entry, without reading everything.
    let review = review::review(Inputs {
        month: (first, today),
        today,
        ladder: &ladder,
        calibration: &calibration,
        evidence: &year,
        inbox: (inbox.len(), inbox.iter().map(|g| g.activities.len()).sum()),
        decisions: &state.store.decisions(me.id).await?,
    });
    // Twelve months for wide screens, the last six of the same map for narrow ones.
    let map = heatmap::compute(&year, &ladder, today, 12);
    let page = Dashboard {
        active: "dashboard",
        chrome: Chrome::of(&state, &viewer),
        level_title: ladder
            .level(&me.level)
            .map(|l| l.title.clone())
            .unwrap_or_default(),
        level: me.level.to_string(),
        ladder_name: ladder.name.clone(),
        name: me.name,
        destination: destination.map(|d| d.statement),
        target: target.filter(|t| !t.is_empty()),
        recent: year.iter().take(8).map(Row::from).collect(),
        year_total: year.len(),
        year_next: year.iter().filter(|e| e.level == LevelSignal::Next).count(),
        heatmap_svg: map.to_svg("heatmap-12", cell_link),
        heatmap_recent_svg: map.recent(6).to_svg("heatmap-6", cell_link),
        scale: heatmap::SCALE
            .iter()
            .enumerate()
            .map(|(i, &(_, words))| (i, words))
            .collect(),
        gap_covered: review.gap.iter().filter(|g| g.entries > 0).count(),
        not_yet: review
            .gap
            .iter()
            .filter(|g| g.entries == 0)
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        review,
        signal,
    };
    render(&page)
}

/// Where a heat-map cell leads: that month's evidence for that competency.
fn cell_link(skill: &str, month: &str) -> String {
    format!("/evidence?skill={skill}&month={month}")
}
