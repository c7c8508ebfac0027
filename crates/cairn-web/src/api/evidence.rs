//! `/api/v1/evidence`: list, read, create, update and delete the owner's evidence.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::Invalid;
use cairn_core::dates::{parse_date, parse_month};
use cairn_core::evidence::{Evidence, EvidenceQuery, Source};
use cairn_core::id::CompetencyId;
use cairn_store::views::scope_evidence;
use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::AppState;
use crate::assessing::{owned, reachable, readable};
use crate::draft::Draft;
use crate::error::ApiError;
use crate::session::ApiViewer;

/// A piece of evidence as the API shows it.
#[derive(Debug, Serialize)]
pub struct EvidenceView {
    id: String,
    date: String,
    title: String,
    body: String,
    impact: String,
    links: Vec<String>,
    competencies: Vec<String>,
    level: String,
    areas: Vec<String>,
    visibility: String,
    source: String,
    created_at: String,
    updated_at: String,
}

impl From<Evidence> for EvidenceView {
    fn from(e: Evidence) -> Self {
        Self {
            id: e.id.to_string(),
            date: e.date.to_string(),
            title: e.title,
            body: e.body,
            impact: e.impact,
            links: e.links,
            competencies: e.competencies.iter().map(ToString::to_string).collect(),
            level: e.level.to_string(),
            areas: e.areas,
            visibility: e.visibility.to_string(),
            source: e.source.to_string(),
            created_at: e.created_at.to_rfc3339(),
            updated_at: e.updated_at.to_rfc3339(),
        }
    }
}

/// `GET /api/v1/evidence` filters; all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    since: Option<String>,
    until: Option<String>,
    month: Option<String>,
    skill: Option<String>,
    source: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    /// Whose evidence: absent for the caller's own, else one of their reports' (shared only).
    person: Option<String>,
}

/// A new piece of evidence. Only `title` is required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewEvidence {
    title: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    competencies: Vec<String>,
    #[serde(default)]
    level: String,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    visibility: String,
}

/// A change: only the fields present change; lists replace the whole list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidencePatch {
    title: Option<String>,
    date: Option<String>,
    body: Option<String>,
    impact: Option<String>,
    competencies: Option<Vec<String>>,
    level: Option<String>,
    links: Option<Vec<String>>,
    areas: Option<Vec<String>>,
    visibility: Option<String>,
}

/// `GET /api/v1/evidence`
pub async fn list(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<ListParams>,
) -> Result<Json<Vec<EvidenceView>>, ApiError> {
    let whose = reachable(
        &state,
        &viewer,
        params.person.as_deref().unwrap_or_default(),
    )
    .await?;
    let today = state.today();
    let mut q = EvidenceQuery::default();
    // A report's list holds only what they chose to share.
    scope_evidence(&mut q, whose, whose == viewer.person);
    if let Some(month) = &params.month {
        let (first, last) = parse_month("month", month)?;
        (q.since, q.until) = (Some(first), Some(last));
    }
    if let Some(since) = &params.since {
        q.since = Some(parse_date("since", since, today)?);
    }
    if let Some(until) = &params.until {
        q.until = Some(parse_date("until", until, today)?);
    }
    if let Some(skill) = &params.skill {
        let id: CompetencyId = skill
            .parse()
            .map_err(|e: Invalid| Invalid::new("skill", e.message))?;
        // The viewer's ladder is read only for a skill filter: the plain list, the API's
        // busiest read, costs one query.
        let (_, ladder) = state.profile(viewer.person).await?;
        ladder.require_competency("skill", &id)?;
        q.competency = Some(id);
    }
    if let Some(source) = &params.source {
        q.source = Some(
            source
                .parse::<Source>()
                .map_err(|e| Invalid::new("source", e.message))?,
        );
    }
    q.text = params.q.filter(|t| !t.trim().is_empty());
    if let Some(limit) = &params.limit {
        let n = limit
            .parse()
            .map_err(|_| Invalid::new("limit", format!("'{limit}' is not a whole number")))?;
        q.limit = Some(n);
    }
    let list = state.store.list_evidence(&q).await?;
    Ok(Json(list.into_iter().map(EvidenceView::from).collect()))
}

/// `GET /api/v1/evidence/{id}`
pub async fn show(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<String>,
) -> Result<Json<EvidenceView>, ApiError> {
    Ok(Json(EvidenceView::from(
        readable(&state, &viewer, &id).await?,
    )))
}

/// `POST /api/v1/evidence`
pub async fn create(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Body(new): Body<NewEvidence>,
) -> Result<(StatusCode, Json<EvidenceView>), ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let draft = Draft {
        title: new.title,
        date: new.date,
        body: new.body,
        impact: new.impact,
        competencies: new.competencies,
        level: new.level,
        links: new.links,
        areas: new.areas,
        visibility: new.visibility,
    };
    let e = draft.into_evidence(&me, &ladder, None, state.today())?;
    state.store.add_evidence(&e).await?;
    Ok((StatusCode::CREATED, Json(EvidenceView::from(e))))
}

/// `PUT /api/v1/evidence/{id}`
pub async fn update(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<String>,
    Body(patch): Body<EvidencePatch>,
) -> Result<Json<EvidenceView>, ApiError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let before = owned(&state, &viewer, &id).await?;
    let mut d = Draft::of(&before);
    d.title = patch.title.unwrap_or(d.title);
    d.date = patch.date.unwrap_or(d.date);
    d.body = patch.body.unwrap_or(d.body);
    d.impact = patch.impact.unwrap_or(d.impact);
    d.competencies = patch.competencies.unwrap_or(d.competencies);
    d.level = patch.level.unwrap_or(d.level);
    d.links = patch.links.unwrap_or(d.links);
    d.areas = patch.areas.unwrap_or(d.areas);
    d.visibility = patch.visibility.unwrap_or(d.visibility);
    let e = d.into_evidence(&me, &ladder, Some(&before), state.today())?;
    state.store.update_evidence(&e).await?;
    Ok(Json(EvidenceView::from(e)))
}

/// `DELETE /api/v1/evidence/{id}`
pub async fn remove(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let e = owned(&state, &viewer, &id).await?;
    state.store.remove_evidence(e.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
