//! A framework written one Markdown file per level (or per competency) in a folder. The
//! files, in their natural order ("A2" before "A10"), are read as one document with a top
//! heading per file, so the heading reader tells levels from competencies as it does in a
//! single file; every problem and warning is then placed back in the file and line it
//! comes from.

use std::cmp::Ordering;

use super::monzo::{front_matter, plain_title};
use super::tree::{self, Pos, Value};
use super::{
    Format, Imported, LadderError, Options, Problem, decode, file_stem, humanise, import_with,
};

/// Where one line of the combined document comes from.
#[derive(Clone)]
struct Origin {
    file: usize,
    line: usize,
}

/// One file of the folder, read for the combined document.
struct Page {
    title: String,
    order: Option<f64>,
    /// Its lines below the front matter and title, each with its line in the file.
    lines: Vec<(usize, String)>,
}

/// Reads the Markdown files of a folder (`files`: each path, as the reader should name it,
/// and its bytes) as one framework whose id comes from `name`, the folder's.
pub fn import_folder(
    name: &str,
    files: &[(String, Vec<u8>)],
    options: Options,
) -> Result<Imported, LadderError> {
    let mut files: Vec<&(String, Vec<u8>)> = files.iter().collect();
    files.sort_by(|a, b| natural(&a.0, &b.0));
    let mut notes: Vec<Problem> = Vec::new();
    let mut pages: Vec<(usize, Page)> = Vec::new();
    let mut problems = Vec::new();
    for (i, (path, bytes)) in files.iter().enumerate() {
        let text = match decode(bytes) {
            Ok(text) => text,
            Err(e) => {
                problems.extend(e.problems.into_iter().map(|p| p.in_file(path)));
                continue;
            }
        };
        // A folder's README or index introduces the pages beside it.
        let introduction = is_introduction(path)
            && files
                .iter()
                .any(|(other, _)| other != path && folder_of(other) == folder_of(path));
        if introduction {
            notes.push(
                Problem::new(
                    None,
                    "",
                    "introduces the folder: not read as a level or competency",
                )
                .in_file(path),
            );
            continue;
        }
        pages.push((i, page(path, text)));
    }
    if !problems.is_empty() {
        return Err(LadderError { problems });
    }
    // Every page but one numbered by its front matter: the one without is an overview.
    let unordered: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].1.order.is_none())
        .collect();
    if let [overview] = unordered[..]
        && pages.len() >= 4
    {
        let (file, _) = pages.remove(overview);
        notes.push(
            Problem::new(
                None,
                "",
                "has no order while every other page has one: read as an overview, not as a \
                 level or competency",
            )
            .in_file(&files[file].0),
        );
    }
    if pages.iter().all(|(_, p)| p.order.is_some()) {
        pages.sort_by(|a, b| a.1.order.partial_cmp(&b.1.order).unwrap_or(Ordering::Equal));
    }
    let mut document = String::new();
    let mut origins: Vec<Origin> = Vec::new();
    for (file, page) in &pages {
        document.push_str(&format!("# {}\n", page.title));
        origins.push(Origin {
            file: *file,
            line: 1,
        });
        let shift = page
            .lines
            .iter()
            .filter_map(|(_, l)| heading_depth(l))
            .min()
            .map_or(0, |d| 2usize.saturating_sub(d));
        let mut fenced = false;
        for (line, text) in &page.lines {
            if text.trim_start().starts_with("```") || text.trim_start().starts_with("~~~") {
                fenced = !fenced;
            }
            match heading_depth(text).filter(|_| !fenced && shift > 0) {
                Some(depth) => {
                    let deeper = "#".repeat((depth + shift).min(6) - depth);
                    document.push_str(&format!("{deeper}{}\n", text.trim_start()));
                }
                None => {
                    document.push_str(text);
                    document.push('\n');
                }
            }
            origins.push(Origin {
                file: *file,
                line: *line,
            });
        }
    }
    let options = Options {
        format: Some(options.format.unwrap_or(Format::Markdown)),
        ..options
    };
    let place = |p: Problem| match p.at {
        Some(at) => match origins.get(at.line.saturating_sub(1)) {
            Some(origin) => Problem {
                at: Some(Pos {
                    line: origin.line,
                    column: at.column,
                }),
                ..p
            }
            .in_file(&files[origin.file].0),
            None => p,
        },
        None => p,
    };
    match import_with(name, document.as_bytes(), options) {
        Ok(mut imported) => {
            let mut warnings = notes;
            warnings.extend(imported.warnings.into_iter().map(place));
            imported.warnings = warnings;
            imported.mapping.insert(
                1,
                format!(
                    "{} files of the folder, in order, each read as a top heading",
                    pages.len()
                ),
            );
            Ok(imported)
        }
        Err(e) => Err(LadderError {
            problems: e.problems.into_iter().map(place).collect(),
        }),
    }
}

/// A file's title (its front matter's, its only top heading, or its name) and its lines.
fn page(path: &str, text: &str) -> Page {
    let (front, body) = match front_matter(text) {
        Some((yaml, body)) => (tree::from_yaml(&yaml).ok(), body),
        None => (None, text),
    };
    let first_line = text[..text.len() - body.len()].lines().count() + 1;
    let field = |keys: &[&str]| {
        let Some(tree::Node {
            value: Value::Map(entries),
            ..
        }) = &front
        else {
            return None;
        };
        entries.iter().find_map(|(k, _, node)| match &node.value {
            Value::Text(t) if keys.contains(&k.as_str()) && !t.trim().is_empty() => {
                Some(t.trim().to_owned())
            }
            _ => None,
        })
    };
    let mut lines: Vec<(usize, String)> = body
        .lines()
        .enumerate()
        .map(|(i, l)| (first_line + i, l.to_owned()))
        .collect();
    let top = lines.iter().filter_map(|(_, l)| heading_depth(l)).min();
    let tops: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, l))| top.is_some() && heading_depth(l) == top)
        .map(|(i, _)| i)
        .collect();
    let title = match field(&["title", "name"]) {
        Some(title) => plain_title(&title),
        // A file's one top heading, first in it, is its title.
        None if tops.len() == 1 && lines[..tops[0]].iter().all(|(_, l)| l.trim().is_empty()) => {
            let (_, heading) = lines.remove(tops[0]);
            plain_title(heading.trim_start().trim_start_matches('#'))
        }
        None => humanise(file_stem(path)),
    };
    let order = field(&["order", "weight", "level", "rank"]).and_then(|o| o.parse().ok());
    Page {
        title,
        order,
        lines,
    }
}

/// The depth of a Markdown ATX heading line.
fn heading_depth(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let depth = t.chars().take_while(|c| *c == '#').count();
    ((1..=6).contains(&depth) && t[depth..].starts_with([' ', '\t'])).then_some(depth)
}

fn is_introduction(path: &str) -> bool {
    let stem = file_stem(path).to_ascii_lowercase();
    matches!(stem.as_str(), "readme" | "index" | "_index")
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once(['/', '\\'])
        .map_or("", |(folder, _)| folder)
}

/// Compares names as people number them: runs of digits by their value ("A2" < "A10").
fn natural(a: &str, b: &str) -> Ordering {
    let chunks = |s: &str| -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.to_lowercase().chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, run)) if *d == digit => run.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    };
    let (a, b) = (chunks(a), chunks(b));
    for (x, y) in a.iter().zip(&b) {
        let order = match (x, y) {
            ((true, m), (true, n)) => m
                .trim_start_matches('0')
                .len()
                .cmp(&n.trim_start_matches('0').len())
                .then_with(|| m.trim_start_matches('0').cmp(n.trim_start_matches('0'))),
            ((_, m), (_, n)) => m.cmp(n),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_as_people_number_them() {
        let mut names = vec!["A10.md", "A2.md", "A1.md", "b.md", "A9.md"];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(names, ["A1.md", "A2.md", "A9.md", "A10.md", "b.md"]);
    }
}
