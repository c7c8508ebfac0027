//! The readiness page: readiness said plainly, for the viewer or (from what they shared) a
//! report, with the badge words and classes every page shows a verdict in.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::readiness::{Overall, Readiness, Verdict};
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::{access, reading};
use crate::{AppError, AppState, Viewer};

/// `?person=ID&target=LEVEL&window=MONTHS`.
#[derive(Debug, Default, Deserialize)]
pub struct ReadyParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    window: Option<u32>,
}

#[derive(Template)]
#[template(path = "ready.html")]
struct ReadyPage {
    active: &'static str,
    chrome: Chrome,
    subject: Option<String>,
    /// The report's id when a manager reads it, for links.
    person: String,
    /// The case's opening summary, to edit before printing.
    case_summary: String,
    r: Readiness,
    overall: &'static str,
    overall_class: &'static str,
    /// Each competency's verdict: its words and its badge class.
    verdicts: Vec<(&'static str, &'static str)>,
}

/// Words and a badge class for a verdict.
pub(crate) fn verdict_words(v: Verdict) -> (&'static str, &'static str) {
    let class = match v {
        Verdict::Ready => "ready",
        Verdict::Emerging => "emerging",
        Verdict::NotYet => "not-yet",
        Verdict::Unknown => "unknown",
    };
    (v.words(), class)
}

/// Words and a badge class for an overall verdict.
pub(crate) fn overall_words(o: Overall) -> (&'static str, &'static str) {
    let class = match o {
        Overall::Ready => "ready",
        Overall::UsefulNotReady => "useful-not-ready",
        Overall::NotYet => "not-yet",
    };
    (o.words(), class)
}

/// `GET /ready`
pub async fn ready(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(p): Query<ReadyParams>,
) -> Result<Response, AppError> {
    let view = access(&state, &viewer, &p.person).await?;
    let target = crate::assessing::target(Some(&p.target))?;
    let window = p.window.unwrap_or(cairn_core::readiness::WINDOW_MONTHS);
    let r = reading(&state, &view, target, window).await?.readiness;
    let (overall, overall_class) = overall_words(r.overall);
    // The case opens with readiness as a committee reads it: the form offers that to edit.
    let case_summary = if view.own {
        let committee = view.clone().for_committee();
        reading(&state, &committee, Some(r.target.clone()), r.window_months)
            .await?
            .readiness
            .summary
    } else {
        String::new()
    };
    let page = ReadyPage {
        active: "ready",
        chrome: Chrome::of(&state, &viewer),
        subject: (!view.own).then(|| view.person.name.clone()),
        person: p.person.clone(),
        case_summary,
        overall,
        overall_class,
        verdicts: r
            .competencies
            .iter()
            .map(|c| verdict_words(c.verdict))
            .collect(),
        r,
    };
    Ok(render(&page)?.into_response())
}
