//! The readiness, reps and conversations pages: readiness said plainly (for a report, from
//! what they shared), the reps ranked against the gap with a form to add one, and the
//! growth conversations with their commitments, the signal, and forms to record them.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::now;
use cairn_core::id::{CommitmentId, RepId};
use cairn_core::readiness::{Overall, Readiness, Verdict};
use cairn_core::rep::{Exposure, Planned, Rep, RepStatus};
use cairn_core::signal::{Signal, clear_ask};
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::{access, reading};
use crate::recording::{ConstraintRequest, constraint, conversation};
use crate::security::check_csrf;
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
    let me = state.store.person(viewer.person).await?;
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
        chrome: Chrome::of(&state, &viewer, &me.name).await?,
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
    let me = state.store.person(viewer.person).await?;
    Ok(RepsPage {
        active: "reps",
        chrome: Chrome::of(state, viewer, &me.name).await?,
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

/// `?person=ID`.
#[derive(Debug, Default, Deserialize)]
pub struct PersonParams {
    #[serde(default)]
    person: String,
}

/// One conversation, ready to show.
struct TalkView {
    c: Conversation,
    clear: bool,
    commitments: Vec<(Commitment, bool)>,
}

#[derive(Template)]
#[template(path = "conversations.html")]
struct TalksPage {
    active: &'static str,
    chrome: Chrome,
    subject: Option<String>,
    own: bool,
    talks: Vec<TalkView>,
    signal: Signal,
    problem: Option<String>,
    form: TalkForm,
    /// The person the page is about, for the constraint form (empty: the viewer).
    person: String,
}

/// The record-a-conversation form: up to three commitments.
#[derive(Debug, Default, Deserialize)]
pub struct TalkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    ask: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    what: Vec<String>,
    #[serde(default)]
    who: Vec<String>,
    #[serde(default)]
    due: Vec<String>,
    #[serde(default)]
    visibility: String,
}

async fn talks_page(
    state: &AppState,
    viewer: &Viewer,
    person: &str,
    form: TalkForm,
    problem: Option<String>,
) -> Result<TalksPage, AppError> {
    let view = access(state, viewer, person).await?;
    let store = state.store.as_ref();
    let today = cairn_core::dates::today();
    let talks = view
        .conversations(store)
        .await?
        .into_iter()
        .rev()
        .map(|(c, commitments)| TalkView {
            clear: clear_ask(&c.ask),
            commitments: commitments
                .into_iter()
                .map(|k| {
                    let overdue = k.overdue(today);
                    (k, overdue)
                })
                .collect(),
            c,
        })
        .collect();
    let me = state.store.person(viewer.person).await?;
    Ok(TalksPage {
        active: "conversations",
        chrome: Chrome::of(state, viewer, &me.name).await?,
        subject: (!view.own).then(|| view.person.name.clone()),
        own: view.own,
        signal: view
            .signal(store, cairn_core::signal::WINDOW_MONTHS, today)
            .await?,
        talks,
        problem,
        form,
        person: person.to_owned(),
    })
}

/// `GET /conversations`
pub async fn conversations(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(p): Query<PersonParams>,
) -> Result<Response, AppError> {
    let page = talks_page(&state, &viewer, &p.person, TalkForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /conversations`: record one, with its commitments, or nothing.
pub async fn add_conversation(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TalkForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let promised: Vec<(String, String, Option<String>)> = form
        .what
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.trim().is_empty())
        .map(|(i, w)| {
            (
                w.clone(),
                form.who.get(i).cloned().unwrap_or_default(),
                form.due.get(i).cloned(),
            )
        })
        .collect();
    let visibility = (!form.visibility.is_empty()).then_some(form.visibility.as_str());
    match conversation(
        viewer.person,
        Some(&form.date),
        &form.ask,
        &form.response,
        &promised,
        visibility,
    ) {
        Ok((c, commitments)) => {
            state.store.add_conversation(&c, &commitments).await?;
            Ok(Redirect::to("/conversations").into_response())
        }
        Err(e) => {
            let page = talks_page(&state, &viewer, "", form, Some(e.to_string())).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// The resolve form.
#[derive(Debug, Default, Deserialize)]
pub struct OutcomeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    commitment: String,
    #[serde(default)]
    outcome: String,
}

/// `POST /conversations/outcome`: how one of the viewer's commitments turned out.
pub async fn resolve(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<OutcomeForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let outcome: Outcome = form.outcome.parse()?;
    let id: CommitmentId = form.commitment.parse().map_err(|_| AppError::NotFound)?;
    let mine = state
        .store
        .conversations(viewer.person)
        .await?
        .into_iter()
        .any(|(_, k)| k.iter().any(|k| k.id == id));
    if !mine {
        return Err(AppError::NotFound);
    }
    state.store.set_outcome(id, outcome, now()).await?;
    Ok(Redirect::to("/conversations").into_response())
}

/// The record-a-constraint form: the viewer's own, or a report's from their manager chain.
#[derive(Debug, Default, Deserialize)]
pub struct ConstraintForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    until: String,
}

/// `POST /constraints`
pub async fn add_constraint(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ConstraintForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let request = ConstraintRequest {
        person: form.person.clone(),
        kind: form.kind,
        description: form.description,
        since: None,
        until: Some(form.until),
        visibility: Some("shared".into()),
    };
    let back = if form.person.is_empty() {
        "/conversations".to_owned()
    } else {
        format!("/conversations?person={}", form.person)
    };
    match constraint(&state, &viewer, &request).await {
        Ok(c) => {
            state.store.add_constraint(&c).await?;
            Ok(Redirect::to(&back).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let page = talks_page(
                &state,
                &viewer,
                &form.person,
                TalkForm::default(),
                Some(e.to_string()),
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
