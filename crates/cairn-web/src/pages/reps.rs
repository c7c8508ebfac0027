//! The reps page: reps ranked against the gap, with forms to add one, change its status
//! or delete it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::id::RepId;
use cairn_core::rep::{Exposure, Planned, Rep, RepStatus};
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::{access, reading};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

#[derive(Template)]
#[template(path = "reps.html")]
struct RepsPage {
    active: &'static str,
    chrome: Chrome,
    target: String,
    planned: Vec<Planned>,
    closed: Vec<Rep>,
    skills: Vec<(String, String)>,
    problem: Option<String>,
    form: RepForm,
}

/// The add-a-rep form.
#[derive(Debug, Default, Deserialize)]
pub struct RepForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    skill: Vec<String>,
    #[serde(default)]
    exposure: String,
    #[serde(default)]
    visibility: String,
}

async fn reps_page(
    state: &AppState,
    viewer: &Viewer,
    form: RepForm,
    problem: Option<String>,
) -> Result<RepsPage, AppError> {
    let view = access(state, viewer, "").await?;
    let r = reading(state, &view, None, cairn_core::readiness::WINDOW_MONTHS).await?;
    Ok(RepsPage {
        active: "reps",
        chrome: Chrome::of(state, viewer),
        target: r.readiness.target.to_string(),
        planned: r
            .readiness
            .plan(&view.ladder, &r.reps, r.destination.as_ref()),
        closed: r
            .reps
            .into_iter()
            .filter(|r| matches!(r.status, RepStatus::Done | RepStatus::Dropped))
            .collect(),
        skills: view
            .ladder
            .competencies
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect(),
        problem,
        form,
    })
}

/// `GET /reps`
pub async fn reps(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let page = reps_page(&state, &viewer, RepForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// A form naming one of the viewer's reps, with the status to give it when changing it.
#[derive(Debug, Default, Deserialize)]
pub struct RepStatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    rep: String,
    #[serde(default)]
    status: String,
}

/// `POST /reps/status`: move one of the viewer's own reps to candidate, active, done or
/// dropped.
pub async fn set_rep_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<RepStatusForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let status: RepStatus = form.status.parse()?;
    let id: RepId = form.rep.parse().map_err(|_| AppError::NotFound)?;
    let Some(mut rep) = state
        .store
        .reps(viewer.person)
        .await?
        .into_iter()
        .find(|r| r.id == id)
    else {
        return Err(AppError::NotFound);
    };
    rep.status = status;
    rep.updated_at = now().max(rep.updated_at + chrono::Duration::microseconds(1));
    state.store.put_rep(&rep).await?;
    Ok(Redirect::to("/reps").into_response())
}

/// `POST /reps/delete`: delete one of the viewer's own reps for good.
pub async fn delete_rep(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<RepStatusForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let id: RepId = form.rep.parse().map_err(|_| AppError::NotFound)?;
    state.store.remove_rep(viewer.person, id).await?;
    Ok(Redirect::to("/reps").into_response())
}

/// `POST /reps`: add a rep.
pub async fn add_rep(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<RepForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let (me, ladder) = state.profile(viewer.person).await?;
    let at = now();
    let built = (|| -> Result<Rep, Invalid> {
        let rep = Rep {
            id: RepId::new(),
            owner: me.id,
            title: form.title.trim().to_owned(),
            description: String::new(),
            competencies: form
                .skill
                .iter()
                .map(|s| s.parse())
                .collect::<Result<_, Invalid>>()?,
            exposure: if form.exposure.is_empty() {
                Exposure::Medium
            } else {
                form.exposure.parse()?
            },
            status: RepStatus::Candidate,
            visibility: if form.visibility.is_empty() {
                cairn_core::Visibility::Private
            } else {
                form.visibility.parse()?
            },
            created_at: at,
            updated_at: at,
        };
        rep.validate(&ladder)?;
        Ok(rep)
    })();
    match built {
        Ok(rep) => {
            state.store.put_rep(&rep).await?;
            Ok(Redirect::to("/reps").into_response())
        }
        Err(e) => {
            let page = reps_page(&state, &viewer, form, Some(e.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
