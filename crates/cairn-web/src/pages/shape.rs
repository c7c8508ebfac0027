//! The shape page: depth and breadth across areas, half-year by half-year.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cairn_core::shape::{self, Shape};
use serde::Deserialize;

use super::{Chrome, render};
use crate::assessing::access;
use crate::{AppError, AppState, Viewer};

/// `?person=ID`, for a manager looking at a report.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    #[serde(default)]
    person: String,
}

/// One area in one half-year: its entries, whether they count as depth, and its dot.
struct Cell {
    entries: usize,
    deep: bool,
    dot: String,
}

#[derive(Template)]
#[template(path = "shape.html")]
struct ShapePage {
    active: &'static str,
    chrome: Chrome,
    subject: Option<String>,
    shape: Shape,
    /// Per area, a cell for each half-year.
    rows: Vec<(String, Vec<Cell>)>,
}

/// `GET /shape`
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(params): Query<Params>,
) -> Result<Response, AppError> {
    let view = access(&state, &viewer, &params.person).await?;
    let shape = view
        .shape(state.store.as_ref(), shape::HALVES, state.today())
        .await?;
    let page = ShapePage {
        active: "shape",
        chrome: Chrome::of(&state, &viewer),
        subject: (!view.own).then(|| view.person.name.clone()),
        rows: shape
            .areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let cells = shape
                    .periods
                    .iter()
                    .map(|p| {
                        let cell = &p.areas[i];
                        Cell {
                            entries: cell.entries,
                            deep: cell.deep,
                            dot: shape.dot_svg(p, cell),
                        }
                    })
                    .collect();
                (area.clone(), cells)
            })
            .collect(),
        shape,
    };
    Ok(render(&page)?.into_response())
}
