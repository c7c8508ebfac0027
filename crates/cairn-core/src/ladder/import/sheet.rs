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

use super::tree::Pos;
use super::{LadderError, Problem, Read, failed, file_stem, humanise, ladder_id, prose, slugify};
use crate::id::{CompetencyId, LevelId, TrackId};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level, Track};

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

/// The shape of a CSV ladder, if the text looks like one.
pub(super) fn detect(text: &str) -> Option<Shape> {
    let rows = rows(text);
    let (_, header) = rows.first()?;
    if header.len() < 2 || rows.len() < 2 {
        return None;
    }
    let header: Vec<String> = header.iter().map(normal).collect();
    let has = |names: &[&str]| column(&header, names).is_some();
    if has(COMPETENCY) && has(LEVEL) && has(STATEMENT) {
        Some(Shape::Long)
    } else if header[0].is_empty() || COMPETENCY.contains(&header[0].as_str()) {
        Some(Shape::Wide)
    } else {
        None
    }
}

/// Reads a CSV ladder of the given shape.
pub(super) fn read(name: &str, text: &str, shape: Shape) -> Result<Read, LadderError> {
    let rows = rows(text);
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
            super::Place {
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

    fn long(&mut self, header_line: usize, header: &[String], rows: &[(usize, StringRecord)]) {
        let find = |names| column(header, names);
        let (Some(comp_col), Some(level_col), Some(text_col)) =
            (find(COMPETENCY), find(LEVEL), find(STATEMENT))
        else {
            let missing: Vec<&str> = [
                ("competency", COMPETENCY),
                ("level", LEVEL),
                ("expectation", STATEMENT),
            ]
            .into_iter()
            .filter(|(_, names)| find(names).is_none())
            .map(|(what, _)| what)
            .collect();
            self.fail(
                header_line,
                1,
                "header",
                format!(
                    "no {} column: a long-form ladder needs competency, level and expectation columns",
                    missing.join(" or ")
                ),
            );
            return;
        };
        let example_cols: Vec<usize> = (0..header.len())
            .filter(|&i| EXAMPLES.contains(&header[i].as_str()))
            .collect();
        let title_col = find(LEVEL_TITLE);
        let track_col = find(TRACK);
        let proficiency_col = find(PROFICIENCY);
        let description_col = find(DESCRIPTION);
        let mut statements = 0;
        let mut example_count = 0;
        let mut level_places = Vec::new();
        for (line, row) in rows {
            let line = *line;
            let cell = |i: usize| row.get(i).unwrap_or("").trim();
            let cname = |i: usize| format!("row {line}, {}", header[i]);
            let (comp, level, text) = (cell(comp_col), cell(level_col), cell(text_col));
            let mut row_ok = true;
            for (value, col) in [(comp, comp_col), (level, level_col), (text, text_col)] {
                if value.is_empty() {
                    self.fail(line, col + 1, &cname(col), "is empty");
                    row_ok = false;
                }
            }
            if !row_ok {
                continue;
            }
            let Some((cid, cname_text)) =
                self.id_and_name::<CompetencyId>(comp, (line, comp_col + 1), &cname(comp_col))
            else {
                continue;
            };
            let Some((lid, ltitle)) =
                self.id_and_name::<LevelId>(level, (line, level_col + 1), &cname(level_col))
            else {
                continue;
            };
            let l = match self.read.ladder.levels.iter().position(|l| l.id == lid) {
                Some(l) => l,
                None => {
                    let l = self.read.ladder.levels.len();
                    level_places.push(super::Place {
                        at: Pos {
                            line,
                            column: level_col + 1,
                        },
                        field: cname(level_col),
                    });
                    let title = title_col
                        .map(cell)
                        .filter(|t| !t.is_empty())
                        .map_or(ltitle, prose);
                    self.read.ladder.levels.push(Level {
                        id: lid.clone(),
                        title,
                        summary: String::new(),
                        tracks: Vec::new(),
                    });
                    l
                }
            };
            if let Some(col) = track_col
                && !cell(col).is_empty()
                && let Some((tid, tname)) =
                    self.id_and_name::<TrackId>(cell(col), (line, col + 1), &cname(col))
            {
                let ladder = &mut self.read.ladder;
                if !ladder.tracks.iter().any(|t| t.id == tid) {
                    ladder.tracks.push(Track {
                        id: tid.clone(),
                        name: tname,
                        description: String::new(),
                    });
                }
                if !ladder.levels[l].tracks.contains(&tid) {
                    ladder.levels[l].tracks.push(tid);
                }
            }
            let c = self.competency_index(cid, cname_text, (line, comp_col + 1), cname(comp_col));
            if let Some(col) = description_col
                && self.read.ladder.competencies[c].description.is_empty()
            {
                self.read.ladder.competencies[c].description = prose(cell(col));
            }
            let examples: Vec<String> = example_cols
                .iter()
                .flat_map(|&col| {
                    row.get(col)
                        .unwrap_or("")
                        .lines()
                        .map(str::trim)
                        .filter(|e| !e.is_empty())
                        .map(prose)
                        .collect::<Vec<_>>()
                })
                .collect();
            statements += 1;
            example_count += examples.len();
            let proficiency = proficiency_col
                .map(cell)
                .filter(|p| !p.is_empty())
                .map(prose);
            let competency = &mut self.read.ladder.competencies[c];
            let e = match competency.expectations.iter().position(|e| e.level == lid) {
                Some(e) => e,
                None => {
                    competency.expectations.push(Expectation {
                        level: lid,
                        text: String::new(),
                        criteria: Vec::new(),
                        examples: Vec::new(),
                        links: Vec::new(),
                        proficiency: None,
                    });
                    competency.expectations.len() - 1
                }
            };
            let expectation = &mut competency.expectations[e];
            if expectation.proficiency.is_none() {
                expectation.proficiency = proficiency;
            }
            expectation.criteria.push(Criterion {
                text: prose(text),
                examples,
                links: Vec::new(),
            });
            let path = format!("competencies[{c}].expectations[{e}]");
            self.place(path.clone(), line, text_col + 1, cname(text_col));
            let k = self.read.ladder.competencies[c].expectations[e]
                .criteria
                .len()
                - 1;
            self.place(
                format!("{path}.criteria[{k}]"),
                line,
                text_col + 1,
                cname(text_col),
            );
        }
        // One statement for a competency and level is the expectation's text, not a list.
        for competency in &mut self.read.ladder.competencies {
            for expectation in &mut competency.expectations {
                if let [only] = expectation.criteria.as_mut_slice() {
                    expectation.text = std::mem::take(&mut only.text);
                    expectation.examples = std::mem::take(&mut only.examples);
                    expectation.criteria.clear();
                }
            }
        }
        self.order_levels(level_places);
        let ladder = &self.read.ladder;
        self.read.mapping.extend([
            format!(
                "columns: competency = '{}', level = '{}', expectation = '{}'{}",
                header[comp_col],
                header[level_col],
                header[text_col],
                [
                    ("examples", example_cols.first().copied()),
                    ("level title", title_col),
                    ("track", track_col),
                    ("proficiency", proficiency_col),
                    ("description", description_col)
                ]
                .into_iter()
                .filter_map(|(what, col)| col.map(|c| format!(", {what} = '{}'", header[c])))
                .collect::<String>()
            ),
            format!(
                "{} levels, in the order they first appear",
                ladder.levels.len()
            ),
            super::track_note(&ladder.tracks, &ladder.levels),
            format!("{} competencies", ladder.competencies.len()),
            format!("{statements} rows → statements, with {example_count} examples"),
        ]);
    }

    fn wide(
        &mut self,
        header_line: usize,
        header: &[String],
        raw_header: &[String],
        rows: &[(usize, StringRecord)],
    ) {
        let description_col =
            (1..header.len()).find(|&i| DESCRIPTION.contains(&header[i].as_str()));
        let level_cols: Vec<usize> = (1..header.len())
            .filter(|&i| Some(i) != description_col)
            .collect();
        if level_cols.is_empty() {
            self.fail(
                header_line,
                2,
                "header",
                "a matrix needs one column per level after the competency column",
            );
            return;
        }
        for &col in &level_cols {
            let title = &raw_header[col];
            if title.is_empty() {
                self.fail(
                    header_line,
                    col + 1,
                    &format!("header column {}", col + 1),
                    "a level column needs a name",
                );
                continue;
            }
            let Some((id, title)) =
                self.id_and_name::<LevelId>(title, (header_line, col + 1), "header")
            else {
                continue;
            };
            if self.read.ladder.levels.iter().any(|l| l.id == id) {
                self.fail(
                    header_line,
                    col + 1,
                    "header",
                    format!("level '{id}' has two columns"),
                );
                continue;
            }
            let l = self.read.ladder.levels.len();
            self.place(
                format!("levels[{l}]"),
                header_line,
                col + 1,
                format!("header column {}", col + 1),
            );
            self.read.ladder.levels.push(Level {
                id,
                title,
                summary: String::new(),
                tracks: Vec::new(),
            });
        }
        if !self.problems.is_empty() {
            return;
        }
        let (mut statements, mut example_count) = (0, 0);
        for (line, row) in rows {
            let line = *line;
            let cell = |i: usize| row.get(i).unwrap_or("").trim();
            if cell(0).is_empty() {
                self.fail(
                    line,
                    1,
                    &format!("row {line}"),
                    "the competency cell is empty",
                );
                continue;
            }
            let Some((cid, name)) =
                self.id_and_name::<CompetencyId>(cell(0), (line, 1), &format!("row {line}"))
            else {
                continue;
            };
            if self.read.ladder.competencies.iter().any(|c| c.id == cid) {
                self.fail(
                    line,
                    1,
                    &format!("row {line}"),
                    format!("competency '{cid}' has two rows"),
                );
                continue;
            }
            let c = self.competency_index(cid, name, (line, 1), format!("row {line}"));
            if let Some(col) = description_col {
                self.read.ladder.competencies[c].description = prose(cell(col));
            }
            let mut started = false;
            for (l, &col) in level_cols.iter().enumerate() {
                let level = self.read.ladder.levels[l].id.clone();
                let text = cell(col);
                let field = format!("row {line}, {}", raw_header[col]);
                if text.is_empty() {
                    if started {
                        self.fail(line, col + 1, &field, format!("is empty: '{}' has no expectation at level '{level}' though a lower level has one", self.read.ladder.competencies[c].id));
                    }
                    continue;
                }
                if !started {
                    started = true;
                    if l > 0 {
                        self.read.ladder.competencies[c].expected_from = Some(level.clone());
                    }
                }
                let expectation = cell_expectation(level, text);
                statements += 1;
                example_count += expectation.examples.len();
                let competency = &mut self.read.ladder.competencies[c];
                let e = competency.expectations.len();
                competency.expectations.push(expectation);
                self.place(
                    format!("competencies[{c}].expectations[{e}]"),
                    line,
                    col + 1,
                    field,
                );
            }
        }
        let ladder = &self.read.ladder;
        self.read.mapping.extend([
            format!(
                "matrix: '{}' column → competencies, {} level columns → levels ({}){}",
                raw_header[0],
                level_cols.len(),
                ladder
                    .levels
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                description_col
                    .map(|c| format!(", '{}' → descriptions", raw_header[c]))
                    .unwrap_or_default()
            ),
            format!("{} competencies", ladder.competencies.len()),
            format!("{statements} cells → expectations, with {example_count} examples"),
        ]);
    }

    /// Puts the levels of a long sheet in climbing order and each competency's
    /// expectations in that order, moving their places along; then sets where each
    /// competency starts. Each competency's rows give an order of its levels; a level is
    /// placed once every level before it in some competency is, earliest seen first. Rows
    /// that contradict each other keep the order levels first appear in.
    fn order_levels(&mut self, level_places: Vec<super::Place>) {
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
                    super::Place {
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
            let old: Vec<(String, super::Place)> = self
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
