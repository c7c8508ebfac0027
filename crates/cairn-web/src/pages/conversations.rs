//! The conversations page: growth conversations with their commitments, the signal, and
//! forms to record a conversation and resolve a commitment.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::now;
use cairn_core::id::CommitmentId;
use cairn_core::signal::{Signal, clear_ask};
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::access;
use crate::recording::conversation;
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

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
pub(super) struct TalksPage {
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

pub(super) async fn talks_page(
    state: &AppState,
    viewer: &Viewer,
    person: &str,
    form: TalkForm,
    problem: Option<String>,
) -> Result<TalksPage, AppError> {
    let view = access(state, viewer, person).await?;
    let store = state.store.as_ref();
    let today = state.today();
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
    Ok(TalksPage {
        active: "conversations",
        chrome: Chrome::of(state, viewer),
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
        state.today(),
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
