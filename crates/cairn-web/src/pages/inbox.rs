//! The inbox page: imported work gathered into candidate evidence, each group with its
//! suggested title, competencies and level, to accept (edited or not) or dismiss. Imported
//! activities are raw and private: only their owner ever sees this page's content.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::id::EvidenceId;
use cairn_core::inbox::Group;
use cairn_core::ladder::Ladder;
use cairn_core::text::count;
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::waiting;
use crate::draft::Draft;
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

/// How many groups the page shows, newest first.
const SHOWN: usize = 30;

/// One suggested or chosen competency, as a checkbox.
struct Tick {
    id: String,
    name: String,
    checked: bool,
    words: String,
}

/// One group, ready to show.
struct GroupView {
    key: String,
    title: String,
    date: String,
    level: String,
    ticks: Vec<Tick>,
    lines: Vec<(String, String, Option<String>)>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    active: &'static str,
    chrome: Chrome,
    groups: Vec<GroupView>,
    total: usize,
    waiting: String,
    accepted: Option<String>,
}

/// The accept and dismiss forms.
#[derive(Debug, Default, Deserialize)]
pub struct GroupForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    skill: Vec<String>,
    #[serde(default)]
    level: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    visibility: String,
}

fn view(g: &Group, ladder: &Ladder) -> GroupView {
    let picked = g.suggested_competencies();
    let mut ticks: Vec<Tick> = g
        .suggestions
        .iter()
        .map(|s| Tick {
            id: s.competency.to_string(),
            name: s.name.clone(),
            checked: picked.contains(&s.competency),
            words: s
                .words
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    for c in &ladder.competencies {
        if !ticks.iter().any(|t| t.id == c.id.as_str()) {
            ticks.push(Tick {
                id: c.id.to_string(),
                name: c.name.clone(),
                checked: false,
                words: String::new(),
            });
        }
    }
    GroupView {
        key: g.key.clone(),
        title: g.title.clone(),
        date: g.date.to_string(),
        level: g.level.to_string(),
        ticks,
        lines: g
            .activities
            .iter()
            .map(|a| (a.kind.to_string(), a.title.clone(), a.url.clone()))
            .collect(),
        error: None,
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    accepted: Option<String>,
    failed: Option<(&GroupForm, &Invalid)>,
) -> Result<InboxPage, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let groups = cairn_store::inbox(state.store.as_ref(), &me, &ladder, Some(SHOWN)).await?;
    let mut views: Vec<GroupView> = groups
        .iter()
        .take(SHOWN)
        .map(|g| view(g, &ladder))
        .collect();
    if let Some((form, invalid)) = failed
        && let Some(v) = views.iter_mut().find(|v| v.key == form.group)
    {
        v.title.clone_from(&form.title);
        for t in &mut v.ticks {
            t.checked = form.skill.contains(&t.id);
        }
        v.error = Some(invalid.to_string());
    }
    Ok(InboxPage {
        active: "inbox",
        chrome: Chrome::of(state, viewer),
        total: groups.len(),
        waiting: format!(
            "{} ({}) waiting",
            count(groups.len() as u64, "group", "groups"),
            count(
                groups
                    .iter()
                    .map(|g| g.activities.len() as u64)
                    .sum::<u64>(),
                "activity",
                "activities"
            )
        ),
        groups: views,
        accepted,
    })
}

/// `?accepted=ID`, set after an accept, to link the new entry.
#[derive(Debug, Default, Deserialize)]
pub struct Shown {
    #[serde(default)]
    accepted: String,
}

/// `GET /inbox`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(shown): Query<Shown>,
) -> Result<Response, AppError> {
    let accepted = shown
        .accepted
        .parse::<EvidenceId>()
        .ok()
        .map(|id| id.to_string());
    Ok(render(&page(&state, &viewer, accepted, None).await?)?.into_response())
}

/// `POST /inbox/accept`: the group becomes evidence with the form's title, competencies,
/// level, impact and visibility; a problem shows beside the group (422).
pub async fn accept(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<GroupForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let (me, ladder) = state.profile(viewer.person).await?;
    let (group, suggested) = waiting(&state, &me, &ladder, &form.group).await?;
    let mut draft = Draft::of(&suggested);
    draft.title.clone_from(&form.title);
    draft.impact.clone_from(&form.impact);
    draft.competencies.clone_from(&form.skill);
    draft.level.clone_from(&form.level);
    draft.visibility.clone_from(&form.visibility);
    match draft.into_evidence(&me, &ladder, None, state.today()) {
        Ok(mut e) => {
            e.source = suggested.source;
            state
                .store
                .settle_group(me.id, &group.key, Some(&e), now())
                .await?;
            Ok(Redirect::to(&format!("/inbox?accepted={}", e.id)).into_response())
        }
        Err(invalid) => {
            let p = page(&state, &viewer, None, Some((&form, &invalid))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
    }
}

/// `POST /inbox/dismiss`
pub async fn dismiss(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<GroupForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    state
        .store
        .settle_group(viewer.person, &form.group, None, now())
        .await?;
    Ok(Redirect::to("/inbox").into_response())
}
