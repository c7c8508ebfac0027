//! Evidence pages: the filtered list, and the form that adds and edits an entry.
//!
//! A rejected form comes back with what the user typed and the error beside its field
//! (status 422); nothing is saved until the whole entry is valid.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::dates::parse_month;
use cairn_core::evidence::{EvidenceQuery, Source};
use cairn_core::id::{CompetencyId, EvidenceId};
use cairn_core::inbox::pick;
use cairn_core::ladder::Ladder;
use cairn_store::views::scope_evidence;
use serde::Deserialize;

use super::{Chrome, Row, render};
use crate::assessing::{owned, reachable};
use crate::draft::Draft;
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer};

/// The list's filters, from the query string. Empty values mean "any".
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    q: String,
    #[serde(default)]
    skill: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    source: String,
    /// Whose evidence: empty for the viewer's own, else a report's id (shared entries only).
    #[serde(default)]
    person: String,
}

struct Choice {
    id: String,
    name: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "evidence_list.html")]
struct ListPage {
    active: &'static str,
    chrome: Chrome,
    /// Whose list this is, when it is not the viewer's own.
    whose: Option<String>,
    filters: Filters,
    skills: Vec<Choice>,
    sources: Vec<Choice>,
    rows: Vec<Row>,
    problem: Option<String>,
}

const SOURCES: [&str; 8] = [
    "manual", "git", "github", "jira", "csv", "markdown", "jrnl", "demo",
];

/// `GET /evidence`
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(filters): Query<Filters>,
) -> Result<Response, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let whose = reachable(&state, &viewer, &filters.person).await?;
    let subject = if whose == viewer.person {
        None
    } else {
        Some(state.store.person(whose).await?)
    };
    let skills = ladder
        .competencies
        .iter()
        .map(|c| Choice {
            id: c.id.to_string(),
            name: c.name.clone(),
            selected: c.id.as_str() == filters.skill,
        })
        .collect();
    let (rows, problem, status) = match query(&filters, &ladder) {
        Ok(mut q) => {
            // A report's list holds only what they chose to share.
            scope_evidence(&mut q, whose, whose == me.id);
            let list = state.store.list_evidence(&q).await?;
            (list.iter().map(Row::from).collect(), None, StatusCode::OK)
        }
        Err(e) => (
            Vec::new(),
            Some(e.to_string()),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    let sources = SOURCES
        .iter()
        .map(|s| Choice {
            id: (*s).to_owned(),
            name: (*s).to_owned(),
            selected: filters.source == *s,
        })
        .collect();
    let page = ListPage {
        active: "evidence",
        chrome: Chrome::of(&state, &viewer),
        whose: subject.map(|p| p.name),
        filters,
        skills,
        sources,
        rows,
        problem,
    };
    Ok((status, render(&page)?).into_response())
}

fn query(f: &Filters, ladder: &Ladder) -> Result<EvidenceQuery, Invalid> {
    let mut q = EvidenceQuery::default();
    if !f.month.is_empty() {
        let (first, last) = parse_month("month", &f.month)?;
        (q.since, q.until) = (Some(first), Some(last));
    }
    if !f.skill.is_empty() {
        let id: CompetencyId = f.skill.parse()?;
        ladder.require_competency("skill", &id)?;
        q.competency = Some(id);
    }
    if !f.source.is_empty() {
        q.source = Some(f.source.parse::<Source>()?);
    }
    if !f.q.trim().is_empty() {
        q.text = Some(f.q.clone());
    }
    Ok(q)
}

/// The form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct EvidenceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    skill: Vec<String>,
    #[serde(default)]
    level: String,
    #[serde(default)]
    links: String,
    #[serde(default)]
    areas: String,
    #[serde(default)]
    visibility: String,
    /// `suggest` asks for competency suggestions instead of saving.
    #[serde(default)]
    action: String,
}

/// The error to show beside each field.
#[derive(Default)]
struct FieldErrors {
    title: Option<String>,
    date: Option<String>,
    body: Option<String>,
    impact: Option<String>,
    skills: Option<String>,
    level: Option<String>,
    links: Option<String>,
    areas: Option<String>,
    visibility: Option<String>,
}

impl FieldErrors {
    fn from(e: &Invalid) -> Self {
        let mut errors = Self::default();
        let slot = match e.field.split(['[', '.']).next().unwrap_or_default() {
            "title" => &mut errors.title,
            "date" => &mut errors.date,
            "body" => &mut errors.body,
            "impact" => &mut errors.impact,
            "competencies" => &mut errors.skills,
            "level" => &mut errors.level,
            "links" => &mut errors.links,
            "areas" => &mut errors.areas,
            _ => &mut errors.visibility,
        };
        *slot = Some(e.message.clone());
        errors
    }
}

#[derive(Template)]
#[template(path = "evidence_form.html")]
struct FormPage {
    active: &'static str,
    chrome: Chrome,
    heading: &'static str,
    action: String,
    csrf: String,
    form: EvidenceForm,
    skills: Vec<Choice>,
    errors: FieldErrors,
    delete_action: Option<String>,
    /// Suggested competencies with the words behind each, after "Suggest competencies".
    suggestions: Vec<(String, String)>,
}

impl FormPage {
    fn new(
        chrome: Chrome,
        ladder: &Ladder,
        form: EvidenceForm,
        existing: Option<EvidenceId>,
    ) -> Self {
        let skills = ladder
            .competencies
            .iter()
            .map(|c| Choice {
                id: c.id.to_string(),
                name: c.name.clone(),
                selected: form.skill.iter().any(|s| s == c.id.as_str()),
            })
            .collect();
        Self {
            active: "evidence",
            csrf: chrome.csrf.clone(),
            chrome,
            heading: if existing.is_some() {
                "Edit evidence"
            } else {
                "Log evidence"
            },
            action: existing.map_or_else(|| "/evidence".to_owned(), |id| format!("/evidence/{id}")),
            form,
            skills,
            errors: FieldErrors::default(),
            delete_action: existing.map(|id| format!("/evidence/{id}/delete")),
            suggestions: Vec::new(),
        }
    }
}

/// `GET /evidence/new`
pub async fn new(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, AppError> {
    let (_, ladder) = state.profile(viewer.person).await?;
    let form = EvidenceForm {
        date: state.today().to_string(),
        level: "current".into(),
        visibility: "private".into(),
        ..EvidenceForm::default()
    };
    render(&FormPage::new(
        Chrome::of(&state, &viewer),
        &ladder,
        form,
        None,
    ))
}

/// `POST /evidence`
pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<EvidenceForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let (me, ladder) = state.profile(viewer.person).await?;
    if form.action == "suggest" {
        return suggested(&state, &viewer, &ladder, form, None).await;
    }
    match form
        .draft()
        .into_evidence(&me, &ladder, None, state.today())
    {
        Ok(e) => {
            state.store.add_evidence(&e).await?;
            Ok(Redirect::to(&format!("/evidence?created={}", e.id)).into_response())
        }
        Err(invalid) => rejected(Chrome::of(&state, &viewer), &ladder, form, None, &invalid),
    }
}

/// `GET /evidence/{id}`
pub async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let (_, ladder) = state.profile(viewer.person).await?;
    let e = owned(&state, &viewer, &id).await?;
    let d = Draft::of(&e);
    let form = EvidenceForm {
        csrf: String::new(),
        title: d.title,
        date: d.date,
        body: d.body,
        impact: d.impact,
        skill: d.competencies,
        level: d.level,
        links: d.links.join("\n"),
        areas: d.areas.join(", "),
        visibility: d.visibility,
        action: String::new(),
    };
    render(&FormPage::new(
        Chrome::of(&state, &viewer),
        &ladder,
        form,
        Some(e.id),
    ))
}

/// `POST /evidence/{id}`
pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<EvidenceForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let (me, ladder) = state.profile(viewer.person).await?;
    let before = owned(&state, &viewer, &id).await?;
    if form.action == "suggest" {
        return suggested(&state, &viewer, &ladder, form, Some(before.id)).await;
    }
    match form
        .draft()
        .into_evidence(&me, &ladder, Some(&before), state.today())
    {
        Ok(e) => {
            state.store.update_evidence(&e).await?;
            Ok(Redirect::to("/evidence").into_response())
        }
        Err(invalid) => rejected(
            Chrome::of(&state, &viewer),
            &ladder,
            form,
            Some(before.id),
            &invalid,
        ),
    }
}

/// `POST /evidence/{id}/delete`
pub async fn delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<EvidenceForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    let e = owned(&state, &viewer, &id).await?;
    state.store.remove_evidence(e.id).await?;
    Ok(Redirect::to("/evidence").into_response())
}

/// The form again, with the competencies its words suggest ticked (when none were) and
/// the suggestions listed with their words; nothing is saved.
async fn suggested(
    state: &AppState,
    viewer: &Viewer,
    ladder: &Ladder,
    mut form: EvidenceForm,
    id: Option<EvidenceId>,
) -> Result<Response, AppError> {
    let suggester = cairn_store::suggester(state.store.as_ref(), viewer.person, ladder).await?;
    let mut ranked = suggester.suggest(&format!("{} {} {}", form.title, form.body, form.impact));
    ranked.truncate(3);
    if form.skill.is_empty() {
        form.skill = pick(&ranked).iter().map(ToString::to_string).collect();
    }
    form.action.clear();
    let mut page = FormPage::new(Chrome::of(state, viewer), ladder, form, id);
    page.suggestions = ranked
        .into_iter()
        .map(|s| {
            (
                s.name,
                s.words.into_iter().take(4).collect::<Vec<_>>().join(", "),
            )
        })
        .collect();
    Ok(render(&page)?.into_response())
}

fn rejected(
    chrome: Chrome,
    ladder: &Ladder,
    form: EvidenceForm,
    id: Option<EvidenceId>,
    invalid: &Invalid,
) -> Result<Response, AppError> {
    let mut page = FormPage::new(chrome, ladder, form, id);
    page.errors = FieldErrors::from(invalid);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

impl EvidenceForm {
    /// The form as a draft: links one per line, areas separated by commas.
    fn draft(&self) -> Draft {
        Draft {
            title: self.title.clone(),
            date: self.date.clone(),
            body: self.body.clone(),
            impact: self.impact.clone(),
            competencies: self.skill.clone(),
            level: self.level.clone(),
            links: self.links.lines().map(str::to_owned).collect(),
            areas: self.areas.split(',').map(str::to_owned).collect(),
            visibility: self.visibility.clone(),
        }
    }
}
