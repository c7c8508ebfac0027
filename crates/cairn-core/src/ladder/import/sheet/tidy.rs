//! What a sheet saved from a shared spreadsheet carries around its table, read past with a
//! warning each: title and group rows above the header, columns with nothing in them, notes
//! below the table, merged competency cells left blank on the rows they span, and levels
//! written down the first column instead of across.

use csv::StringRecord;

use super::{COMPETENCY, LEVEL, LEVEL_TITLE, STATEMENT, Shape, column, normal};
use crate::ladder::import::tree::Pos;
use crate::ladder::import::{LEVELISH, Problem};

/// How many rows from the top a header row may sit.
const HEADER_WITHIN: usize = 6;

/// The rows of a sheet as its reader expects them: the header first.
pub(super) struct Table {
    /// The header row, then the data rows, each with its line in the file.
    pub rows: Vec<(usize, StringRecord)>,
    /// Each level's title when the levels were written as rows with a title column.
    pub level_titles: Vec<String>,
    /// Each level's summary when the levels were written as rows, one of them a single
    /// cell across the whole table.
    pub level_summaries: Vec<String>,
    /// What was read past.
    pub warnings: Vec<Problem>,
}

/// The shape a row would give the sheet if it were the header.
fn shape_of(record: &StringRecord) -> Option<Shape> {
    let header: Vec<String> = record.iter().map(normal).collect();
    if header.len() < 2 {
        return None;
    }
    let has = |names: &[&str]| column(&header, names).is_some();
    let named = header.iter().skip(1).filter(|h| !h.is_empty()).count();
    // Levels across are told by their names too ("Junior Programmer (L1)", "Senior").
    let levels_across = record
        .iter()
        .skip(1)
        .filter(|h| LEVELISH.is_match(h))
        .count();
    if has(COMPETENCY) && has(LEVEL) && has(STATEMENT) {
        Some(Shape::Long)
    } else if named >= 2
        && (header[0].is_empty()
            || COMPETENCY.contains(&header[0].as_str())
            || names_levels(&header[0])
            || levels_across >= 2 && levels_across * 2 >= named)
    {
        Some(Shape::Wide)
    } else {
        None
    }
}

/// The index of the header row among the top rows, and the shape it gives.
pub(super) fn header_row(rows: &[(usize, StringRecord)]) -> Option<(usize, Shape)> {
    rows.iter()
        .take(HEADER_WITHIN)
        .enumerate()
        .find_map(|(i, (_, r))| shape_of(r).map(|s| (i, s)))
}

/// True when a first header cell (normalised) heads a column of levels: "level", "grade",
/// "level skill" (written "Level/Skill"), or the titles that name them ("Title", "Role").
fn names_levels(cell: &str) -> bool {
    LEVEL.contains(&cell)
        || cell.split_whitespace().any(|word| LEVEL.contains(&word))
        || matches!(
            cell,
            "title" | "titles" | "job title" | "role" | "roles" | "position" | "seniority" | "rank"
        )
}

/// A second header row under the first, its first cell empty, naming columns again
/// ("Dex" above "Technical Skill"): its names are the columns' names, with a warning.
fn name_from_second_header(rows: &mut Vec<(usize, StringRecord)>, warnings: &mut Vec<Problem>) {
    let second = match rows.get(1) {
        Some((line, r))
            if r.get(0).is_some_and(|c| c.trim().is_empty())
                && r.iter().filter(|c| !c.trim().is_empty()).count() >= 2
                && r.iter()
                    .all(|c| c.chars().count() <= 40 && !c.contains('\n')) =>
        {
            (*line, r.clone())
        }
        _ => return,
    };
    let (line, names) = second;
    if let Some((_, header)) = rows.first_mut() {
        let merged: StringRecord = (0..header.len().max(names.len()))
            .map(|i| {
                let below = names.get(i).unwrap_or("").trim();
                if below.is_empty() {
                    header.get(i).unwrap_or("").to_owned()
                } else {
                    below.to_owned()
                }
            })
            .collect();
        *header = merged;
    }
    rows.remove(1);
    warn(
        warnings,
        line,
        &format!("row {line}"),
        "is a second header row: its names are used for the columns it names".to_owned(),
    );
}

fn warn(warnings: &mut Vec<Problem>, line: usize, field: &str, message: String) {
    warnings.push(Problem::new(Some(Pos { line, column: 1 }), field, message));
}

/// The table inside `rows` for a sheet of `shape`.
pub(super) fn table(mut rows: Vec<(usize, StringRecord)>, shape: Shape) -> Table {
    let mut warnings = Vec::new();
    let start = header_row(&rows)
        .filter(|(_, s)| *s == shape)
        .map_or(0, |(i, _)| i);
    for (line, _) in rows.drain(..start) {
        warn(
            &mut warnings,
            line,
            &format!("row {line}"),
            "is above the header row (a title or a group of columns): not kept".to_owned(),
        );
    }
    name_from_second_header(&mut rows, &mut warnings);
    drop_unused_columns(&mut rows, &mut warnings);
    // Notes under the table: rows at the end with only one cell written (mostly the first).
    while rows.len() > 2
        && rows
            .last()
            .is_some_and(|(_, r)| r.iter().filter(|c| !c.trim().is_empty()).count() <= 1)
    {
        if let Some((line, _)) = rows.pop() {
            warn(
                &mut warnings,
                line,
                &format!("row {line}"),
                "is a note below the table: not kept".to_owned(),
            );
        }
    }
    if shape == Shape::Long {
        fill_merged(&mut rows, &mut warnings);
    }
    let (mut level_titles, mut level_summaries) = (Vec::new(), Vec::new());
    if shape == Shape::Wide
        && rows
            .first()
            .is_some_and(|(_, h)| names_levels(&normal(h.get(0).unwrap_or(""))))
    {
        level_summaries = join_level_rows(&mut rows);
        level_titles = levels_as_rows(&mut rows, &mut warnings);
    }
    Table {
        rows,
        level_titles,
        level_summaries,
        warnings,
    }
}

/// Removes columns with no header and nothing under it (a sheet's trailing separators), and
/// columns of notes beside the table.
fn drop_unused_columns(rows: &mut [(usize, StringRecord)], warnings: &mut Vec<Problem>) {
    let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let empty: Vec<usize> = (1..width)
        .filter(|&c| {
            rows.iter()
                .all(|(_, r)| r.get(c).unwrap_or("").trim().is_empty())
        })
        .collect();
    // A column of notes or links beside the table describes no competency.
    let notes: Vec<usize> = rows.first().map_or(Vec::new(), |(_, header)| {
        (1..header.len())
            .filter(|&c| !empty.contains(&c))
            .filter(|&c| {
                let name = normal(header.get(c).unwrap_or(""));
                matches!(name.as_str(), "links" | "references" | "resources")
                    || name
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| matches!(w, "notes" | "note" | "comments" | "comment" | "remarks"))
            })
            .collect()
    });
    if empty.is_empty() && notes.is_empty() {
        return;
    }
    for (_, record) in rows.iter_mut() {
        *record = record
            .iter()
            .enumerate()
            .filter(|(c, _)| !empty.contains(c) && !notes.contains(c))
            .map(|(_, cell)| cell)
            .collect();
    }
    let line = rows.first().map_or(1, |(l, _)| *l);
    for (columns, why) in [(&empty, "is empty"), (&notes, "holds notes")] {
        if !columns.is_empty() {
            let named: Vec<String> = columns.iter().map(|c| (c + 1).to_string()).collect();
            warn(
                warnings,
                line,
                "header",
                format!("column {} {why}: not kept", named.join(", ")),
            );
        }
    }
}

/// A competency cell left blank under a written one is the same competency, as a merged
/// cell in the sheet it came from shows it.
fn fill_merged(rows: &mut [(usize, StringRecord)], warnings: &mut Vec<Problem>) {
    let Some(col) = rows.first().and_then(|(_, h)| {
        let header: Vec<String> = h.iter().map(normal).collect();
        column(&header, COMPETENCY)
    }) else {
        return;
    };
    let mut above = String::new();
    let mut filled = Vec::new();
    for (line, record) in rows.iter_mut().skip(1) {
        let cell = record.get(col).unwrap_or("").trim().to_owned();
        if cell.is_empty() && !above.is_empty() {
            *record = record
                .iter()
                .enumerate()
                .map(|(c, v)| if c == col { above.as_str() } else { v })
                .collect();
            filled.push(*line);
        } else if !cell.is_empty() {
            above = cell;
        }
    }
    if let Some(&first) = filled.first() {
        let rows: Vec<String> = filled.iter().map(ToString::to_string).collect();
        warn(
            warnings,
            first,
            "competency",
            format!(
                "left blank on rows {}: read as the competency above (a merged cell)",
                rows.join(", ")
            ),
        );
    }
}

/// Joins the rows one level spans (an HTML cell spanning rows, repeated on each) into one,
/// and returns each level's summary: a row that holds one text across every column. Rows
/// that hold nothing but the level's name are dropped.
fn join_level_rows(rows: &mut Vec<(usize, StringRecord)>) -> Vec<String> {
    let Some(header) = rows.first().cloned() else {
        return Vec::new();
    };
    let mut joined: Vec<(usize, Vec<String>)> = Vec::new();
    let mut summaries: Vec<String> = Vec::new();
    for (line, record) in rows.drain(..).skip(1) {
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        let level = cells.first().cloned().unwrap_or_default();
        let content: Vec<&String> = cells.iter().skip(1).filter(|c| !c.is_empty()).collect();
        let same = joined
            .last()
            .is_some_and(|(_, last)| last.first() == Some(&level) && !level.is_empty());
        if !same {
            joined.push((line, vec![level]));
            summaries.push(String::new());
        }
        let across = content.len() >= 2
            && content.len() + 1 == header.1.len()
            && content.iter().all(|c| *c == content[0]);
        if content.is_empty() {
            continue;
        }
        let (Some((_, row)), Some(summary)) = (joined.last_mut(), summaries.last_mut()) else {
            continue;
        };
        if across && summary.is_empty() {
            *summary = content[0].clone();
            continue;
        }
        for (c, cell) in cells.into_iter().enumerate().skip(1) {
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            if !cell.is_empty() {
                let at = &mut row[c];
                if !at.is_empty() {
                    at.push('\n');
                }
                at.push_str(&cell);
            }
        }
    }
    rows.push(header);
    rows.extend(
        joined
            .into_iter()
            .map(|(line, cells)| (line, cells.into_iter().collect())),
    );
    summaries
}

/// Turns levels written down the first column (a header of competencies) into the matrix
/// the wide reader takes, returning each level's title from a title column.
fn levels_as_rows(
    rows: &mut Vec<(usize, StringRecord)>,
    warnings: &mut Vec<Problem>,
) -> Vec<String> {
    let Some((header_line, header)) = rows.first().cloned() else {
        return Vec::new();
    };
    let normal_header: Vec<String> = header.iter().map(normal).collect();
    let title_col = column(&normal_header, LEVEL_TITLE);
    let data: Vec<(usize, StringRecord)> = rows.drain(..).skip(1).collect();
    let mut matrix = vec![(
        header_line,
        std::iter::once("Competency")
            .chain(data.iter().map(|(_, r)| r.get(0).unwrap_or("")))
            .collect::<StringRecord>(),
    )];
    for c in (1..header.len()).filter(|c| Some(*c) != title_col) {
        matrix.push((
            header_line,
            std::iter::once(header.get(c).unwrap_or(""))
                .chain(data.iter().map(|(_, r)| r.get(c).unwrap_or("")))
                .collect(),
        ));
    }
    *rows = matrix;
    warn(
        warnings,
        header_line,
        "header",
        "levels are written as rows: read with competencies as the columns".to_owned(),
    );
    title_col.map_or_else(Vec::new, |t| {
        data.iter()
            .map(|(_, r)| r.get(t).unwrap_or("").trim().to_owned())
            .collect()
    })
}
