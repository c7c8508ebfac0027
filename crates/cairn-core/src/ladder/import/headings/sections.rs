//! A framework written as one table per competency, each under its heading, with the levels
//! across ("### Delivery" over a table of Beginner … Expert): the tables become one sheet, a
//! competency per row, each row on its line in the file.

use super::super::LEVELISH;
use super::table::{cells, html_rows, is_row, is_separator, rows_as_csv};

/// A table's rows, each with its line (from 0) and its cells.
type Rows = Vec<(usize, Vec<String>)>;

/// One table of levels across: its header's line, its levels, and its rows as (line, name,
/// cells).
struct Section {
    line: usize,
    levels: Vec<String>,
    rows: Vec<(usize, String, Vec<String>)>,
}

/// The sheet the document's tables of levels make, when at least two tables under their
/// headings share the same levels across, and the lines (from 1) of the tables left out:
/// the levels of the most tables win, and tables with other levels (a map of titles,
/// another track) are not read.
pub(super) fn sections_as_csv(text: &str) -> Option<(String, Vec<usize>)> {
    let sections = sections(text);
    let mut best: Option<(&Vec<String>, usize)> = None;
    for s in &sections {
        let count = sections.iter().filter(|o| o.levels == s.levels).count();
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((&s.levels, count));
        }
    }
    let (levels, count) = best?;
    if count < 2 {
        return None;
    }
    let header_line = sections
        .iter()
        .find(|s| &s.levels == levels)
        .and_then(|s| s.rows.first())
        .map_or(0, |r| r.0.saturating_sub(1));
    let mut rows = vec![(
        header_line,
        std::iter::once("Competency".to_owned())
            .chain(levels.iter().cloned())
            .collect::<Vec<_>>(),
    )];
    for s in sections.iter().filter(|s| &s.levels == levels) {
        for (line, name, row) in &s.rows {
            rows.push((
                *line,
                std::iter::once(name.clone())
                    .chain(row.iter().cloned())
                    .collect(),
            ));
        }
    }
    let left_out = sections
        .iter()
        .filter(|s| &s.levels != levels)
        .map(|s| s.line + 1)
        .collect();
    Some((rows_as_csv(&rows), left_out))
}

/// Every table in `text` whose header names levels across, with the heading above it.
fn sections(text: &str) -> Vec<Section> {
    let lines: Vec<&str> = text.lines().collect();
    let mut heading = String::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            heading = trimmed.trim_matches('#').trim().to_owned();
        }
        let table: Option<(Rows, usize)> = if trimmed.to_ascii_lowercase().starts_with("<table") {
            // The line is a slice of `text`: its offset is where it starts in memory.
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            let rows = html_rows(text, start);
            let end = (i..lines.len())
                .find(|&j| lines[j].to_ascii_lowercase().contains("</table>"))
                .unwrap_or(lines.len());
            Some((rows, end + 1))
        } else if is_row(line) && lines.get(i + 1).is_some_and(|l| is_separator(l)) {
            let end = (i + 2..lines.len())
                .find(|&j| !is_row(lines[j]))
                .unwrap_or(lines.len());
            let rows = std::iter::once(i)
                .chain(i + 2..end)
                .map(|j| (j, cells(lines[j])))
                .collect();
            Some((rows, end))
        } else {
            None
        };
        match table {
            Some((rows, end)) => {
                out.extend(section(&heading, rows));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A table read as levels across: the header's cells after a name column, or all of them
/// when every one names a level; rows of one name (or none) join into one competency.
fn section(heading: &str, rows: Rows) -> Option<Section> {
    let mut rows = rows.into_iter();
    let (header_line, header) = rows.next()?;
    // Two in three header cells naming a level make a header of levels.
    let levelish = |cells: &[String]| {
        cells.iter().filter(|c| LEVELISH.is_match(c)).count() * 3 >= cells.len() * 2
    };
    // A first cell that names no level heads a column of row names.
    let named = !header.first().is_some_and(|c| LEVELISH.is_match(c));
    let levels: Vec<String> = header.iter().skip(usize::from(named)).cloned().collect();
    if levels.len() < 2 || !levelish(&levels) {
        return None;
    }
    let mut out: Vec<(usize, String, Vec<String>)> = Vec::new();
    for (line, cells) in rows {
        let (name, cells) = if named {
            let name = cells.first().cloned().unwrap_or_default();
            (name, cells.into_iter().skip(1).collect::<Vec<_>>())
        } else {
            (String::new(), cells)
        };
        let name = if name.trim().is_empty() {
            heading.to_owned()
        } else {
            name
        };
        if let Some(last) = out.iter_mut().find(|(_, n, _)| *n == name) {
            for (at, cell) in last.2.iter_mut().zip(cells) {
                if at.is_empty() {
                    *at = cell;
                } else if !cell.is_empty() {
                    at.push('\n');
                    at.push_str(&cell);
                }
            }
        } else {
            out.push((line, name, cells));
        }
    }
    (!out.is_empty()).then_some(Section {
        line: header_line,
        levels,
        rows: out,
    })
}
