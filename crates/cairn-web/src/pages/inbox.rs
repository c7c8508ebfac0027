//! The inbox page: imported work gathered into candidate evidence, each group with its
//! suggested title, competencies and level, to accept (edited or not) or dismiss. Imported
//! activities are raw and private: only their owner ever sees this page's content.

use askama::Template;
use axum::extract::Multipart;
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
use crate::importing::{self, Params};
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
    /// What an upload just did, or why it was refused.
    imported: Option<String>,
    import_problem: Option<String>,
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
        imported: None,
        import_problem: None,
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

/// `POST /inbox/import`: a file uploaded from the page (multipart: `csrf`, `kind`, `file`,
/// and the reading options `login`, `repository`, `me`, `accept`), read and stored in one
/// transaction like `cairn import`; the page says what came in, or which file, line and
/// field stopped it (422, nothing stored).
pub async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    mut form: Multipart,
) -> Result<Response, AppError> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    let bad = |e: axum::extract::multipart::MultipartError| AppError::Rejected {
        status: e.status(),
        message: e.body_text(),
    };
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("upload").to_owned();
            file = Some((file_name, field.bytes().await.map_err(bad)?.to_vec()));
        } else {
            fields.push((name, field.text().await.map_err(bad)?));
        }
    }
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    check_csrf(&viewer.csrf, &get("csrf").unwrap_or_default())?;
    let outcome = match file.filter(|(_, bytes)| !bytes.is_empty()) {
        None => Err(Invalid::new("file", "choose a file to import").into()),
        Some((name, bytes)) => {
            let params = Params {
                name: Some(name),
                login: get("login"),
                repository: get("repository"),
                me: get("me"),
                accept: get("accept"),
                tags: None,
                columns: None,
            };
            importing::import(
                &state,
                &viewer,
                &get("kind").unwrap_or_default(),
                &params,
                &bytes,
            )
            .await
        }
    };
    let mut shown = page(&state, &viewer, None, None).await?;
    let status = match outcome {
        Ok(done) => {
            let mut said = format!(
                "Imported {} ({} already here",
                count(done.imported, "new item", "new items"),
                done.skipped
            );
            if done.ignored > 0 {
                said.push_str(&format!(", {} by someone else left out", done.ignored));
            }
            said.push(')');
            if done.accepted > 0 {
                said.push_str(&format!(": {} added as evidence.", done.accepted));
            } else {
                said.push_str(&format!(
                    " in {}.",
                    count(done.groups, "inbox group", "inbox groups")
                ));
            }
            shown.imported = Some(said);
            StatusCode::OK
        }
        Err(AppError::Invalid(e)) => {
            shown.import_problem = Some(e.to_string());
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(other) => return Err(other),
    };
    Ok((status, render(&shown)?).into_response())
}
