//! The goal page: the current destination with its clarity check, a place to check or
//! change it, and its history.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::clarity::{Clarity, Verdict, check};
use cairn_core::dates::{now, parse_date};
use cairn_core::destination::{Destination, DestinationStatus, Setting};
use cairn_core::id::LevelId;
use cairn_core::ladder::Ladder;
use cairn_core::{Invalid, Visibility};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{Chrome, render};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

/// One element of a clarity check, ready to show.
struct ElementView {
    name: &'static str,
    present: bool,
    words: String,
}

/// A clarity check, ready to show.
struct ClarityView {
    verdict: String,
    elements: Vec<ElementView>,
    questions: Vec<String>,
}

impl From<&Clarity> for ClarityView {
    fn from(c: &Clarity) -> Self {
        let quote = |w: &[String]| {
            w.iter()
                .map(|x| format!("\u{201c}{x}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        Self {
            verdict: c.verdict.to_string(),
            elements: vec![
                ElementView {
                    name: "Destination",
                    present: c.elements.destination,
                    words: quote(&c.matched.destination),
                },
                ElementView {
                    name: "Action",
                    present: c.elements.action,
                    words: quote(&c.matched.action),
                },
                ElementView {
                    name: "Horizon",
                    present: c.elements.horizon,
                    words: quote(&c.matched.horizon),
                },
                ElementView {
                    name: "Evidence",
                    present: c.elements.evidence,
                    words: quote(&c.matched.evidence),
                },
            ],
            questions: c.questions.clone(),
        }
    }
}

struct Change {
    date: String,
    change: String,
    statement: String,
    reason: String,
}

struct LevelChoice {
    id: String,
    title: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "goal.html")]
struct GoalPage {
    active: &'static str,
    chrome: Chrome,
    current: Option<String>,
    current_details: Vec<(String, String)>,
    current_clarity: Option<ClarityView>,
    checked: Option<(String, ClarityView)>,
    form: GoalForm,
    levels: Vec<LevelChoice>,
    problem: Option<String>,
    rejected: Option<ClarityView>,
    history: Vec<Change>,
}

/// `?check=TEXT` runs the clarity check on a statement without saving it.
#[derive(Debug, Default, Deserialize)]
pub struct CheckQuery {
    #[serde(default)]
    check: String,
}

/// The set-or-change form.
#[derive(Debug, Default, Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    target_level: String,
    #[serde(default)]
    by: String,
    /// The planned reps, one per line.
    #[serde(default)]
    reps: String,
    #[serde(default)]
    evidence: String,
    /// `private` or `shared`.
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    pivot: Option<String>,
    #[serde(default)]
    force: Option<String>,
}

async fn active(state: &AppState, viewer: &Viewer) -> Result<Option<Destination>, AppError> {
    let all = state.store.destinations(viewer.person).await?;
    Ok(all
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active))
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    checked: Option<String>,
    form: GoalForm,
    rejection: Option<(String, Clarity)>,
) -> Result<GoalPage, AppError> {
    let (_, ladder) = state.profile(viewer.person).await?;
    let current = active(state, viewer).await?;
    let history = state
        .store
        .destination_events(viewer.person)
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
    let mut details = Vec::new();
    if let Some(d) = &current {
        if let Some(l) = &d.target_level {
            let title = ladder.level(l).map(|x| x.title.clone()).unwrap_or_default();
            details.push(("Target".to_owned(), format!("{l} {title}")));
        }
        if let Some(h) = d.horizon {
            details.push(("By".to_owned(), h.to_string()));
        }
        for rep in &d.reps {
            details.push(("Rep".to_owned(), rep.clone()));
        }
        if !d.evidence_criteria.is_empty() {
            details.push(("Evidence".to_owned(), d.evidence_criteria.clone()));
        }
    }
    let levels = ladder
        .levels
        .iter()
        .map(|l| LevelChoice {
            id: l.id.to_string(),
            title: l.title.clone(),
            selected: form.target_level == l.id.as_str(),
        })
        .collect();
    Ok(GoalPage {
        active: "goal",
        chrome: Chrome::of(state, viewer),
        current_clarity: current.as_ref().map(|d| ClarityView::from(&d.clarity())),
        current: current.map(|d| d.statement),
        current_details: details,
        checked: checked.filter(|t| !t.trim().is_empty()).map(|t| {
            let view = ClarityView::from(&check(&t));
            (t, view)
        }),
        form,
        levels,
        problem: rejection.as_ref().map(|(p, _)| p.clone()),
        rejected: rejection.as_ref().map(|(_, c)| ClarityView::from(c)),
        history,
    })
}

/// `GET /goal`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<CheckQuery>,
) -> Result<Response, AppError> {
    // The form starts from the destination as it stands, so saving it keeps every field.
    let form = active(&state, &viewer)
        .await?
        .map_or_else(GoalForm::default, |d| GoalForm {
            statement: d.statement,
            target_level: d.target_level.map(|l| l.to_string()).unwrap_or_default(),
            by: d.horizon.map(|h| h.to_string()).unwrap_or_default(),
            reps: d.reps.join("\n"),
            evidence: d.evidence_criteria,
            visibility: d.visibility.to_string(),
            ..GoalForm::default()
        });
    let p = page(&state, &viewer, Some(q.check), form, None).await?;
    Ok(render(&p)?.into_response())
}

/// `POST /goal`
pub async fn set(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(mut form): Form<GoalForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let (_, ladder) = state.profile(viewer.person).await?;
    if form.visibility.is_empty()
        && let Some(d) = active(&state, &viewer).await?
    {
        // A form that does not say keeps who may read it.
        form.visibility = d.visibility.to_string();
    }
    let setting = setting(&form, &ladder, state.today());
    // The statement is judged with the fields beside it.
    let clarity = setting
        .as_ref()
        .map_or_else(|_| check(&form.statement), Setting::clarity);
    if clarity.verdict == Verdict::Vague && form.force.is_none() {
        let problem = "That destination is vague, so it was not saved. Answer the questions, or tick \u{201c}keep it anyway\u{201d}.".to_owned();
        let p = page(&state, &viewer, None, form, Some((problem, clarity))).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
    }
    match setting {
        Ok(setting) => {
            let current = active(&state, &viewer).await?;
            match setting.apply(viewer.person, current.as_ref(), now()) {
                Ok((d, e)) => {
                    state.store.set_destination(&d, &e).await?;
                    Ok(Redirect::to("/goal").into_response())
                }
                Err(e) => rejected(&state, &viewer, form, &e, clarity).await,
            }
        }
        Err(e) => rejected(&state, &viewer, form, &e, clarity).await,
    }
}

async fn rejected(
    state: &AppState,
    viewer: &Viewer,
    form: GoalForm,
    e: &Invalid,
    clarity: Clarity,
) -> Result<Response, AppError> {
    let p = page(state, viewer, None, form, Some((e.to_string(), clarity))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
}

/// The form's values, checked against the ladder, dates read against `today`.
fn setting(form: &GoalForm, ladder: &Ladder, today: NaiveDate) -> Result<Setting, Invalid> {
    let target_level = if form.target_level.is_empty() {
        None
    } else {
        let l: LevelId = form
            .target_level
            .parse()
            .map_err(|e: Invalid| Invalid::new("target_level", e.message))?;
        ladder.require_level("target_level", &l)?;
        Some(l)
    };
    let horizon = if form.by.is_empty() {
        None
    } else {
        Some(parse_date("by", &form.by, today)?)
    };
    let visibility = if form.visibility.is_empty() {
        Visibility::default()
    } else {
        form.visibility
            .parse()
            .map_err(|e: Invalid| Invalid::new("visibility", e.message))?
    };
    Ok(Setting {
        statement: form.statement.clone(),
        target_level,
        horizon,
        reps: form
            .reps
            .lines()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
        evidence_criteria: form.evidence.trim().to_owned(),
        pivot: form.pivot.is_some(),
        reason: form.reason.clone(),
        visibility,
    })
}
