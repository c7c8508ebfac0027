//! Ladders kept in spreadsheets, exported as CSV (comma, semicolon or tab separated; the
//! separator is the one the header row uses most). Two shapes, told apart by the header:
//!
//! - **long**: one row per competency and level. Columns are found by their header, in any
//!   order and case: competency (`competency`, `skill`, `area`, `theme`, `topic`), level
//!   (`level`, `grade`, `band`), the statement (`expectation`, `statement`, `criteria`,
//!   `behaviour`, `text`), and optionally `examples` (one per line; the column may repeat),
//!   `level title`, `track`, `proficiency` and `description` (of the competency). Several
//!   rows for the same competency and level become that expectation's criteria.
//! - **wide**: a matrix with competencies down the first column and one column per level,
//!   in order; an optional `description` column. Empty cells before a competency's first
//!   statement mean "not expected below"; an empty cell after it is a mistake. In a cell,
//!   lines starting `e.g.` or `Example:` are examples and `-`/`*`/`•` bullets are criteria.
//!
//! A competency or level written as words ("System design") gets a slug id
//! (`system-design`) and keeps the words as its name. Columns in problems are spreadsheet
//! columns (the first is 1).

use csv::{ReaderBuilder, StringRecord};

use super::foreign::NOTHING_NEW;
use super::tree::Pos;
use super::{
    LadderError, Place, Problem, Read, failed, file_stem, humanise, ladder_id, prose, slugify,
    track_note,
};
use crate::id::{CompetencyId, LevelId, TrackId};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level, Track};

mod long;
mod tidy;
mod wide;

/// The two spreadsheet layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// One row per competency and level.
    Long,
    /// Competencies down, levels across.
    Wide,
}

const COMPETENCY: &[&str] = &[
    "competency",
    "competency id",
    "competency name",
    "skill",
    "area",
    "theme",
    "topic",
    "dimension",
    "pillar",
    "category",
    "competencies",
    "skills",
    "areas",
    "criteria",
    "criterion",
    "attribute",
    "capability",
    "dimensions",
];
const LEVEL: &[&str] = &["level", "level id", "grade", "band", "rung"];
const STATEMENT: &[&str] = &[
    "expectation",
    "expectations",
    "statement",
    "criteria",
    "criterion",
    "behaviour",
    "behaviours",
    "behavior",
    "behaviors",
    "text",
];
const EXAMPLES: &[&str] = &["example", "examples"];
const LEVEL_TITLE: &[&str] = &["level title", "level name", "title", "job title"];
const TRACK: &[&str] = &["track", "career track", "path"];
const PROFICIENCY: &[&str] = &["proficiency"];
const DESCRIPTION: &[&str] = &["description", "competency description", "summary"];

/// A header cell in comparable form: lower case, words separated by single spaces.
fn normal(cell: &str) -> String {
    cell.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&h.as_str()))
}

fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(char::from(*d)).count())
        .unwrap_or(b',')
}

fn rows(text: &str) -> Vec<(usize, StringRecord)> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                if record.iter().any(|cell| !cell.trim().is_empty()) {
                    out.push((line, record.clone()));
                }
            }
            // The text is already known to be UTF-8, so the reader stops only at the end.
            Ok(false) | Err(_) => return out,
        }
    }
}

/// The shape of a CSV ladder, if the text looks like one: its header row, among the top
/// rows, names a competency and a level column, or competencies or levels down and levels
/// or competencies across.
pub(super) fn detect(text: &str) -> Option<Shape> {
    let rows = rows(text);
    let (at, shape) = tidy::header_row(&rows)?;
    (rows.len() >= at + 2).then_some(shape)
}

/// Reads a CSV ladder of the given shape.
pub(super) fn read(name: &str, text: &str, shape: Shape) -> Result<Read, LadderError> {
    let table = tidy::table(rows(text), shape);
    let rows = table.rows;
    let Some((header_line, header)) = rows.first() else {
        return Err(LadderError::one(None, "the file has no rows"));
    };
    let raw: Vec<String> = header.iter().map(prose).collect();
    let header: Vec<String> = header.iter().map(normal).collect();
    let mut sheet = Sheet {
        problems: Vec::new(),
        read: Read {
            ladder: Ladder {
                id: "ladder"
                    .parse()
                    .map_err(|_| LadderError::one(None, "no ladder id"))?,
                version: 1,
                name: String::new(),
                description: String::new(),
                tracks: Vec::new(),
                levels: Vec::new(),
                competencies: Vec::new(),
            },
            places: Default::default(),
            mapping: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
        },
    };
    match shape {
        Shape::Long => sheet.long(*header_line, &header, &rows[1..]),
        Shape::Wide => sheet.wide(*header_line, &header, &raw, &rows[1..]),
    }
    if !sheet.problems.is_empty() {
        return Err(failed(sheet.problems));
    }
    for (level, title) in sheet.read.ladder.levels.iter_mut().zip(&table.level_titles) {
        if !title.is_empty() {
            level.title = prose(title);
        }
    }
    for (level, summary) in sheet
        .read
        .ladder
        .levels
        .iter_mut()
        .zip(&table.level_summaries)
    {
        level.summary = prose(summary);
    }
    sheet.read.warnings.splice(0..0, table.warnings);
    let (id, id_note) = ladder_id(name);
    let mut read = sheet.read;
    read.ladder.id = id.ok_or_else(|| LadderError::one(None, "no ladder id"))?;
    read.ladder.name = Some(humanise(file_stem(name)))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported ladder".to_owned());
    read.mapping.insert(0, id_note);
    Ok(read)
}

struct Sheet {
    problems: Vec<Problem>,
    read: Read,
}

impl Sheet {
    fn fail(&mut self, line: usize, column: usize, field: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::new(Some(Pos { line, column }), field, message));
    }

    fn place(&mut self, ladder_field: String, line: usize, column: usize, field: String) {
        self.read.places.insert(
            ladder_field,
            Place {
                at: Pos { line, column },
                field,
            },
        );
    }

    /// The id and display name for a cell that holds either a slug or words.
    fn id_and_name<T: std::str::FromStr>(
        &mut self,
        cell: &str,
        (line, col): (usize, usize),
        field: &str,
    ) -> Option<(T, String)> {
        let cell = cell.trim();
        // "L3", "system-design" and "ic" read as ids; "Delivery" and "System design" are
        // names, and get a lower-case slug for an id.
        let id_like = !cell.chars().any(char::is_uppercase)
            || cell
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
        if id_like && let Ok(id) = cell.parse::<T>() {
            return Some((id, cell.to_owned()));
        }
        match slugify(cell).parse::<T>() {
            Ok(id) => Some((id, prose(cell))),
            Err(_) => {
                self.fail(
                    line,
                    col,
                    field,
                    format!("'{cell}' has no letters or digits to make an id from"),
                );
                None
            }
        }
    }

    fn competency_index(
        &mut self,
        id: CompetencyId,
        name: String,
        at: (usize, usize),
        field: String,
    ) -> usize {
        let competencies = &self.read.ladder.competencies;
        if let Some(i) = competencies.iter().position(|c| c.id == id) {
            return i;
        }
        let i = competencies.len();
        self.place(format!("competencies[{i}]"), at.0, at.1, field);
        self.read.ladder.competencies.push(Competency {
            id,
            name,
            description: String::new(),
            expected_from: None,
            expectations: Vec::new(),
        });
        i
    }

    /// Puts the levels of a long sheet in climbing order and each competency's
    /// expectations in that order, moving their places along; then sets where each
    /// competency starts. Each competency's rows give an order of its levels; a level is
    /// placed once every level before it in some competency is, earliest seen first. Rows
    /// that contradict each other keep the order levels first appear in.
    fn order_levels(&mut self, level_places: Vec<Place>) {
        let ladder = &mut self.read.ladder;
        let n = ladder.levels.len();
        let index = |id: &LevelId, levels: &[Level]| levels.iter().position(|l| &l.id == id);
        let mut before = vec![Vec::new(); n];
        for competency in &ladder.competencies {
            let seq: Vec<usize> = competency
                .expectations
                .iter()
                .filter_map(|e| index(&e.level, &ladder.levels))
                .collect();
            for pair in seq.windows(2) {
                before[pair[1]].push(pair[0]);
            }
        }
        let mut order: Vec<usize> = Vec::new();
        while order.len() < n {
            let next = (0..n).find(|&l| {
                !order.contains(&l) && before[l].iter().all(|b| order.contains(b) || *b == l)
            });
            match next {
                Some(l) => order.push(l),
                None => {
                    order = (0..n).collect();
                    break;
                }
            }
        }
        let mut places = level_places;
        ladder.levels = order.iter().map(|&l| ladder.levels[l].clone()).collect();
        for (i, &l) in order.iter().enumerate() {
            if let Some(place) = places.get_mut(l) {
                let place = std::mem::replace(
                    place,
                    Place {
                        at: Pos::default(),
                        field: String::new(),
                    },
                );
                self.read.places.insert(format!("levels[{i}]"), place);
            }
        }
        let levels: Vec<LevelId> = ladder.levels.iter().map(|l| l.id.clone()).collect();
        for (c, competency) in ladder.competencies.iter_mut().enumerate() {
            let rank = |e: &Expectation| levels.iter().position(|l| l == &e.level);
            let mut moved: Vec<usize> = (0..competency.expectations.len()).collect();
            moved.sort_by_key(|&e| rank(&competency.expectations[e]));
            competency.expectations = moved
                .iter()
                .map(|&e| competency.expectations[e].clone())
                .collect();
            let prefix = format!("competencies[{c}].expectations[");
            let old: Vec<(String, Place)> = self
                .read
                .places
                .range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (key, _) in &old {
                self.read.places.remove(key);
            }
            for (key, place) in old {
                let rest = &key[prefix.len()..];
                let Some((e, tail)) = rest.split_once(']') else {
                    continue;
                };
                let Some(to) = e
                    .parse::<usize>()
                    .ok()
                    .and_then(|e| moved.iter().position(|&m| m == e))
                else {
                    continue;
                };
                self.read
                    .places
                    .insert(format!("{prefix}{to}]{tail}"), place);
            }
            competency.expected_from = competency
                .expectations
                .first()
                .map(|e| e.level.clone())
                .filter(|first| Some(first) != levels.first());
        }
    }
}

/// A matrix cell as an expectation: `e.g.`/`Example:` lines are examples, bullet lines are
/// criteria, the rest is the text.
fn cell_expectation(level: LevelId, cell: &str) -> Expectation {
    let mut text = Vec::new();
    let mut criteria = Vec::new();
    let mut examples = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let prefixed = |p: &str| {
            line.get(..p.len())
                .filter(|start| start.eq_ignore_ascii_case(p))
                .map(|_| &line[p.len()..])
        };
        if let Some(rest) = ["e.g.", "eg.", "example:", "examples:", "for example"]
            .into_iter()
            .find_map(prefixed)
        {
            examples.push(prose(rest.trim_start_matches([':', ',', ' '])));
        } else if let Some(rest) = line.strip_prefix(['-', '*', '•']) {
            criteria.push(Criterion {
                text: prose(rest),
                examples: Vec::new(),
                links: Vec::new(),
            });
        } else {
            text.push(line);
        }
    }
    Expectation {
        level,
        text: prose(&text.join(" ")),
        criteria,
        examples,
        links: Vec::new(),
        proficiency: None,
    }
}
