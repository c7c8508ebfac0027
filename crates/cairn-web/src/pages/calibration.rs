//! The calibration page: the engineer's view beside the manager's and the target, as a radar
//! and a table with a plain reading, and the form to record a view.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::assessment::{Assessor, Rating};
use cairn_core::calibration::Calibration;
use cairn_core::id::LevelId;
use serde::Deserialize;

use super::{Chrome, render};
use cairn_store::views::View;

use crate::assessing::{access, aim, sides, submit as submit_view};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

/// `?person=ID&target=LEVEL`, both optional.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    #[serde(default)]
    person: String,
    #[serde(default)]
    target: String,
}

struct Cell {
    competency: String,
    name: String,
    own: String,
    manager: String,
    target: String,
    delta: String,
    label: String,
    notes: Vec<String>,
}

struct RoundLine {
    name: String,
    opened: String,
    status: String,
    alignment: String,
}

struct Side {
    value: &'static str,
    label: &'static str,
}

struct Question {
    id: String,
    name: String,
    expectations: Vec<(String, String)>,
    chosen: String,
    note: String,
}

#[derive(Template)]
#[template(path = "calibration.html")]
struct CalibrationPage {
    active: &'static str,
    chrome: Chrome,
    subject: Option<String>,
    person: String,
    round: Option<String>,
    radar: String,
    cells: Vec<Cell>,
    alignment: Option<String>,
    reading: Vec<String>,
    rounds: Vec<RoundLine>,
    sides: Vec<Side>,
    levels: Vec<String>,
    questions: Vec<Question>,
    problem: Option<String>,
    round_name: String,
}

fn show_level(l: Option<&LevelId>) -> String {
    l.map_or_else(|| "—".to_owned(), ToString::to_string)
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    access: &View,
    target: Option<LevelId>,
    form: &HashMap<String, String>,
    problem: Option<String>,
) -> Result<CalibrationPage, AppError> {
    let target = aim(access, target)?;
    let store = state.store.as_ref();
    let history = access.history(store).await?;
    let c: Calibration = access
        .calibration_of(store, &history, target.as_ref())
        .await?;
    let ladder = &access.ladder;
    let cells = c
        .competencies
        .iter()
        .map(|r| Cell {
            competency: r.competency.to_string(),
            name: r.name.clone(),
            own: show_level(r.own.as_ref()),
            manager: show_level(r.manager.as_ref()),
            target: show_level(r.target.as_ref()),
            delta: r.delta_text(),
            label: r.label.map(|l| l.to_string()).unwrap_or_default(),
            notes: [("You", &r.self_note), ("Manager", &r.manager_note)]
                .into_iter()
                .filter(|(_, n)| !n.is_empty())
                .map(|(who, n)| format!("{who}: {n}"))
                .collect(),
        })
        .collect();
    let rounds = history
        .rounds
        .iter()
        .map(|r| RoundLine {
            name: r.name.clone(),
            opened: r.created_at.date_naive().to_string(),
            status: r.status().to_owned(),
            alignment: c
                .trend
                .iter()
                .find(|p| p.round == r.name)
                .and_then(|p| p.alignment)
                .map(|a| format!("{}%", a.percent))
                .unwrap_or_default(),
        })
        .collect();
    let next = ladder
        .next_levels(&access.person.level)
        .first()
        .map(|l| l.id.clone());
    let questions = ladder
        .competencies
        .iter()
        .map(|comp| Question {
            id: comp.id.to_string(),
            name: comp.name.clone(),
            expectations: std::iter::once(&access.person.level)
                .chain(next.as_ref())
                .filter_map(|l| comp.expectations.iter().find(|e| &e.level == l))
                .map(|e| (e.level.to_string(), e.text.clone()))
                .collect(),
            chosen: form
                .get(&format!("level.{}", comp.id))
                .cloned()
                .unwrap_or_default(),
            note: form
                .get(&format!("note.{}", comp.id))
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let sides = sides(access, viewer)
        .iter()
        .map(|s| match (s, access.own) {
            (Assessor::Own, _) => Side {
                value: "self",
                label: "My own view",
            },
            (Assessor::Manager, true) => Side {
                value: "manager",
                label: "My manager's view, typed in by me",
            },
            (Assessor::Manager, false) => Side {
                value: "manager",
                label: "My view, as their manager",
            },
        })
        .collect();
    Ok(CalibrationPage {
        active: "calibration",
        chrome: Chrome::of(state, viewer),
        subject: (!access.own).then(|| access.person.name.clone()),
        person: if access.own {
            String::new()
        } else {
            access.person.id.to_string()
        },
        round: c.round.clone(),
        radar: if c.round.is_some() {
            c.radar_svg(ladder)
        } else {
            String::new()
        },
        cells,
        alignment: c.alignment.map(|a| {
            format!(
                "{}% aligned: {} of {} competencies rated by both agree (mean difference {:+.1} levels).",
                a.percent, a.aligned, a.compared, a.mean_delta
            )
        }),
        reading: c.reading,
        rounds,
        sides,
        levels: ladder.levels.iter().map(|l| l.id.to_string()).collect(),
        questions,
        problem,
        round_name: form.get("round").cloned().unwrap_or_default(),
    })
}

fn target(params: &Params) -> Result<Option<LevelId>, Invalid> {
    if params.target.is_empty() {
        return Ok(None);
    }
    params
        .target
        .parse()
        .map(Some)
        .map_err(|e: Invalid| Invalid::new("target", e.message))
}

/// `GET /calibration`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(params): Query<Params>,
) -> Result<Response, AppError> {
    let access = access(&state, &viewer, &params.person).await?;
    let p = page(
        &state,
        &viewer,
        &access,
        target(&params)?,
        &HashMap::new(),
        None,
    )
    .await?;
    Ok(render(&p)?.into_response())
}

/// `POST /calibration`: one side's view, from `level.COMPETENCY` and `note.COMPETENCY`
/// fields (an empty level skips the competency).
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    check_csrf(&viewer.csrf, field("csrf"))?;
    let access = access(&state, &viewer, field("person")).await?;
    let result = async {
        let side: Assessor = field("side").parse()?;
        let ratings = ratings(&access, &form)?;
        submit_view(
            &state,
            &viewer,
            &access,
            side,
            Some(field("round")),
            &ratings,
        )
        .await
    }
    .await;
    match result {
        Ok(_) => {
            let to = if access.own {
                "/calibration".to_owned()
            } else {
                format!("/calibration?person={}", access.person.id)
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let p = page(&state, &viewer, &access, None, &form, Some(e.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}

/// The form's ratings, in the ladder's order.
fn ratings(access: &View, form: &HashMap<String, String>) -> Result<Vec<Rating>, Invalid> {
    let mut ratings = Vec::new();
    for c in &access.ladder.competencies {
        let level = form
            .get(&format!("level.{}", c.id))
            .map(|l| l.trim())
            .unwrap_or_default();
        if level.is_empty() {
            continue;
        }
        ratings.push(Rating {
            competency: c.id.clone(),
            level: level
                .parse()
                .map_err(|e: Invalid| Invalid::new(format!("level.{}", c.id), e.message))?,
            note: form
                .get(&format!("note.{}", c.id))
                .cloned()
                .unwrap_or_default(),
        });
    }
    Ok(ratings)
}
