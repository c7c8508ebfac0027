//! A framework written as Markdown headings: a heading per level (`## Level 1`, or a title
//! such as `## Senior Engineer`), a sub-heading per competency under it, and prose under
//! each sub-heading saying what the competency expects at that level. This is the form the
//! Progression site calls `yaml: false`; front matter, when present, gives the title and the
//! declared number of levels. Prose becomes the expectation's text and bullet lines its
//! criteria; prose under a level heading before its first competency is the level's summary.
//! A single heading above all the levels is the ladder's title. The same outline written
//! competency by competency, or with competencies as bold-labelled bullets under each level,
//! is read too ([`outline`]).

mod depths;
mod front;
mod outline;
mod sections;
mod table;

use super::foreign::not_kept;
use super::monzo::{front_matter, numbered, plain_title};
use super::tree::{self, Pos, Reader};
use super::{
    LEVELISH, LadderError, Place, Problem, Read, humanise, ladder_id, prose, sheet, slugify,
};
use crate::id::LevelId;
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level};
use depths::shape_of;
use front::{Front, extend_to_declared, settings};

/// One ATX heading: its depth (number of `#`), text and place.
#[derive(Debug, Clone)]
struct Heading {
    depth: usize,
    text: String,
    at: Pos,
    /// The lines of prose under it, up to the next heading.
    body: Vec<String>,
}

/// What the body's headings are: the depth of the level headings and of the competency
/// headings under them, or why they are not a framework.
pub(super) fn shape(body: &str) -> Result<(usize, usize), String> {
    let (headings, _) = prose_only(outline::labelled_bullets(&outline_of(body, 0)));
    shape_of(&headings)
}

/// The competency every level's prose is read as when the levels name no competencies.
const EXPECTATIONS: &str = "Expectations";

/// Levels written as prose alone ("# Engineer II" and its paragraphs, no competency under
/// any level): each level's prose becomes one competency, [`EXPECTATIONS`]. True when that
/// was done.
fn prose_only(mut headings: Vec<Heading>) -> (Vec<Heading>, bool) {
    if shape_of(&headings).is_ok() {
        return (headings, false);
    }
    let mut depths: Vec<usize> = headings.iter().map(|h| h.depth).collect();
    depths.sort_unstable();
    depths.dedup();
    let levels_at = depths.into_iter().find(|&d| {
        let at: Vec<&Heading> = headings.iter().filter(|h| h.depth == d).collect();
        let levelish = at.iter().filter(|h| LEVELISH.is_match(&h.text)).count();
        let written = at
            .iter()
            .filter(|h| !prose(&h.body.join("\n")).is_empty())
            .count();
        levelish >= 2 && levelish * 2 >= at.len() && written >= 2
    });
    let Some(depth) = levels_at.filter(|d| *d < 6) else {
        return (headings, false);
    };
    let mut out = Vec::with_capacity(headings.len() * 2);
    for mut heading in headings.drain(..) {
        if heading.depth == depth && LEVELISH.is_match(&heading.text) {
            let body = std::mem::take(&mut heading.body);
            let at = heading.at;
            out.push(heading);
            out.push(Heading {
                depth: depth + 1,
                text: EXPECTATIONS.to_owned(),
                at,
                body,
            });
        } else {
            out.push(heading);
        }
    }
    (out, true)
}

/// The CSV a framework written as one Markdown table reads as, when it is one.
pub(super) fn table_sheet(text: &str) -> Option<(String, sheet::Shape)> {
    let csv = table::as_csv(text).or_else(|| table::html_as_csv(text))?;
    let shape = sheet::detect(&csv)?;
    Some((csv, shape))
}

/// The headings of `body`; a document with none is one untitled section, so levels written
/// as its bold-labelled bullets are still read.
fn outline_of(body: &str, first_line: usize) -> Vec<Heading> {
    let found = headings(body, first_line);
    if !found.is_empty() || body.trim().is_empty() {
        return found;
    }
    vec![Heading {
        depth: 1,
        text: String::new(),
        at: Pos {
            line: first_line + 1,
            column: 1,
        },
        body: body.lines().map(str::to_owned).collect(),
    }]
}

/// The ATX headings of `body` (outside fenced code), each with the lines under it; line
/// numbers count from `first_line`.
fn headings(body: &str, first_line: usize) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut fenced = false;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        let depth = trimmed.chars().take_while(|c| *c == '#').count();
        let rest = &trimmed[depth..];
        let is_heading = !fenced
            && (1..=6).contains(&depth)
            && rest.starts_with([' ', '\t'])
            && !rest.trim().is_empty();
        if is_heading {
            out.push(Heading {
                depth,
                text: rest.trim().trim_end_matches('#').trim().to_owned(),
                at: Pos {
                    line: first_line + i + 1,
                    column: line.len() - trimmed.len() + 1,
                },
                body: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.body.push(line.to_owned());
        }
    }
    out
}

/// Reads the heading form; when the headings name no level but a table in the document
/// does ("Engineer Titles": Intern, Associate, Senior Engineer…), the table is the ladder.
pub(super) fn read(name: &str, text: &str) -> Result<Read, LadderError> {
    let outline = read_outline(name, text)?;
    if outline
        .ladder
        .levels
        .iter()
        .any(|l| LEVELISH.is_match(&l.title))
    {
        return Ok(outline);
    }
    if let Some((csv, left_out)) = sections::sections_as_csv(text)
        && let Ok(mut read) = sheet::read(name, &csv, sheet::Shape::Wide)
    {
        read.ladder.name = outline.ladder.name;
        read.warnings.insert(
            0,
            Problem::new(
                None,
                "",
                "the headings name no levels and each table under one names them across: \
                 the tables are read as one sheet, a competency per row",
            ),
        );
        for line in left_out {
            read.warnings.push(Problem::new(
                Some(Pos { line, column: 1 }),
                "",
                "a table with other levels across (another track or a map of titles): not read",
            ));
        }
        return Ok(read);
    }
    // Levels down one side and levels across the other make a map between two schemes of
    // levels ("Engineer 2" is "IC3"), not a ladder.
    let mostly_levels = |names: Vec<&str>| {
        let named = names.iter().filter(|n| LEVELISH.is_match(n)).count();
        named >= 2 && named * 3 >= names.len() * 2
    };
    let Some(mut table) = table_read(name, text, outline.ladder.name.clone()).filter(|t| {
        mostly_levels(t.ladder.levels.iter().map(|l| l.title.as_str()).collect())
            && !mostly_levels(
                t.ladder
                    .competencies
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect(),
            )
    }) else {
        return Ok(outline);
    };
    table.warnings.insert(
        0,
        Problem::new(
            None,
            "",
            "the headings name no levels and a table does: the table is read as the ladder",
        ),
    );
    Ok(table)
}

/// The document's first table read as the ladder, named `title`, with its later tables
/// named in the report; `None` when there is no table or it does not read.
fn table_read(name: &str, text: &str, title: String) -> Option<Read> {
    let (csv, shape) = table_sheet(text)?;
    let mut read = sheet::read(name, &csv, shape).ok()?;
    for line in table::later_tables(text) {
        read.warnings.push(Problem::new(
            Some(Pos { line, column: 1 }),
            "",
            "another table: not read (a file written as a table is read as one table)",
        ));
    }
    read.ladder.name = title;
    Some(read)
}

/// Reads the heading form as written.
fn read_outline(name: &str, text: &str) -> Result<Read, LadderError> {
    let mut r = Reader::foreign();
    let mut warnings = Vec::new();
    let (front, body, offset) = match front_matter(text) {
        Some((yaml, body)) => {
            let root = tree::from_yaml(&yaml).map_err(|p| LadderError { problems: vec![p] })?;
            let front = settings(&mut r, &root, &mut warnings);
            let offset = text[..text.len() - body.len()].lines().count();
            (front, body, offset)
        }
        None => (Front::default(), text, 0),
    };
    let Front {
        title,
        declared,
        description,
    } = front;
    let (headings, prose_levels) = prose_only(outline::labelled_bullets(&outline_of(body, offset)));
    if prose_levels {
        warnings.push(Problem::new(
            headings.first().map(|h| h.at),
            "",
            format!(
                "the levels name no competencies: each level's prose is read as one \
                 competency, '{EXPECTATIONS}'"
            ),
        ));
    }
    let (level_depth, competency_depth) = match shape_of(&headings) {
        Ok(depths) => depths,
        Err(why) => {
            let Some((csv, shape)) = table_sheet(text) else {
                return Err(LadderError::one(None, why));
            };
            let mut read = sheet::read(name, &csv, shape)?;
            for line in table::later_tables(text) {
                read.warnings.push(Problem::new(
                    Some(Pos { line, column: 1 }),
                    "",
                    "another table: not read (a file written as a table is read as one table)",
                ));
            }
            if let Some(t) = title.or_else(|| {
                headings
                    .first()
                    .map(|h| plain_title(&h.text))
                    .filter(|t| !t.is_empty())
            }) {
                read.ladder.name = t;
            }
            return Ok(read);
        }
    };
    let headings = if outline::competencies_first(&headings, level_depth, competency_depth) {
        warnings.push(Problem::new(
            headings
                .iter()
                .find(|h| h.depth == level_depth)
                .map(|h| h.at),
            "",
            "the headings are competencies with the levels under each: read level by level",
        ));
        outline::levels_first(headings, level_depth, competency_depth)
    } else {
        headings
    };
    let above = headings.iter().find(|h| h.depth < level_depth);
    let heading_title = above.map(|h| plain_title(&h.text));
    // The prose under the document's title introduces the ladder.
    let intro = above
        .map(|h| prose(&h.body.join("\n")))
        .filter(|p| !p.is_empty());
    let mut levels: Vec<Level> = Vec::new();
    let mut competencies: Vec<Competency> = Vec::new();
    let mut current: Option<usize> = None;
    let mut open: Option<(usize, usize)> = None;
    // Sections beside the levels that are none ("About this framework", or a competency's
    // own introduction): no competency under them and no level in their name.
    // When half the level headings name a level, one that does not is an aside even with
    // competencies under it ("What is expected of everyone": their descriptions).
    let at_level: Vec<&Heading> = headings.iter().filter(|h| h.depth == level_depth).collect();
    let mostly_levels = at_level
        .iter()
        .filter(|h| LEVELISH.is_match(&h.text))
        .count()
        * 2
        >= at_level.len();
    let mut asides: Vec<&Heading> = Vec::new();
    for (i, heading) in headings.iter().enumerate() {
        if heading.depth < level_depth {
            current = None;
            open = None;
        } else if heading.depth == level_depth {
            let has_competencies = headings[i + 1..]
                .iter()
                .take_while(|h| h.depth > level_depth)
                .any(|h| h.depth == competency_depth);
            if (!has_competencies || mostly_levels) && !LEVELISH.is_match(&heading.text) {
                asides.push(heading);
                asides.extend(
                    headings[i + 1..]
                        .iter()
                        .take_while(|h| h.depth > level_depth)
                        .filter(|h| h.depth == competency_depth),
                );
                current = None;
                open = None;
                continue;
            }
            let Some(level) = level_of(&heading.text, levels.len()) else {
                continue;
            };
            let summary = prose(&heading.body.join("\n"));
            let l = match levels.iter().position(|l| l.id == level.id) {
                Some(l) => {
                    warnings.push(Problem::new(
                        Some(heading.at),
                        &heading.text,
                        format!(
                            "level {} has a second heading: the two are read as one",
                            level.id
                        ),
                    ));
                    l
                }
                None => {
                    let l = levels.len();
                    r.place(format!("levels[{l}]"), heading.at, &heading.text);
                    levels.push(Level { summary, ..level });
                    l
                }
            };
            current = Some(l);
            open = None;
        } else if heading.depth == competency_depth
            && let Some(l) = current
        {
            let name = plain_title(&heading.text);
            let id = slugify(&name);
            let id = if id.is_empty() {
                slugify(&heading.text)
            } else {
                id
            };
            let Ok(id) = id.parse() else {
                warnings.push(Problem::new(
                    Some(heading.at),
                    &heading.text,
                    "a competency heading needs letters or digits: its prose is not kept",
                ));
                continue;
            };
            let c = match competencies.iter().position(|c| c.id == id) {
                Some(c) => c,
                None => {
                    r.place(
                        format!("competencies[{}]", competencies.len()),
                        heading.at,
                        &name,
                    );
                    competencies.push(Competency {
                        id,
                        name: if name.is_empty() {
                            humanise(&heading.text)
                        } else {
                            name
                        },
                        description: String::new(),
                        expected_from: None,
                        expectations: Vec::new(),
                    });
                    competencies.len() - 1
                }
            };
            open = Some((c, l));
            add(&mut competencies[c], &levels[l].id, &heading.body);
        } else if let Some((c, l)) = open {
            // A deeper heading inside a competency's prose is part of that prose.
            let mut lines = vec![heading.text.clone()];
            lines.extend(heading.body.iter().cloned());
            add(&mut competencies[c], &levels[l].id, &lines);
        }
    }
    for aside in asides {
        let text = prose(&aside.body.join("\n"));
        match competencies
            .iter_mut()
            .find(|c| c.id.as_str() == slugify(&plain_title(&aside.text)))
        {
            Some(c) if c.description.is_empty() => c.description = text,
            _ => warnings.push(Problem::new(
                Some(aside.at),
                &aside.text,
                "outside the levels (no level in its heading, or in the heading above): its \
                 prose is not kept",
            )),
        }
    }
    extend_to_declared(&mut levels, declared, &mut warnings);
    order_by_code(&mut levels, &mut r);
    let rank = |level: &LevelId, levels: &[Level]| levels.iter().position(|l| &l.id == level);
    let mut notes = Vec::new();
    for competency in &mut competencies {
        competency
            .expectations
            .retain(|e| !e.text.is_empty() || !e.criteria.is_empty());
        competency
            .expectations
            .sort_by_key(|e| rank(&e.level, &levels));
        competency.expected_from = competency
            .expectations
            .first()
            .map(|e| e.level.clone())
            .filter(|first| levels.first().is_some_and(|l| &l.id != first));
        if let Some(first) = &competency.expected_from {
            notes.push(format!(
                "'{}' starts at level {first}: not expected below it",
                competency.id
            ));
        }
    }
    let (id, id_note) = ladder_id(name);
    let mut mapping = vec![
        id_note,
        format!(
            "{} headings of depth {level_depth} → levels, {} headings of depth \
             {competency_depth} under them → competencies, their prose → expectations (bullet \
             lines → criteria)",
            levels.len(),
            competencies.len()
        ),
    ];
    mapping.extend(notes);
    warnings.extend(not_kept(std::mem::take(&mut r.not_kept)));
    let Some(id) = id else {
        return Err(LadderError::one(None, "no ladder id from the file name"));
    };
    Ok(Read {
        ladder: Ladder {
            id,
            version: 1,
            name: title
                .or(heading_title)
                .unwrap_or_else(|| humanise(super::file_stem(name))),
            description: description.or(intro).unwrap_or_default(),
            tracks: Vec::new(),
            levels,
            competencies,
        },
        places: std::mem::take(&mut r.places),
        mapping,
        problems: std::mem::take(&mut r.problems),
        warnings,
    })
}

/// A level code opening a title, before a dash or colon: "LVL 5T - Senior II", "L3: Senior".
static LEVEL_CODE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^((?:lvl|level|l|ic|grade|band|rank)\s?\d+[a-z]?)\s*[-\u{2013}\u{2014}:]\s+\S",
    )
    .unwrap_or_else(|e| panic!("level code pattern: {e}"))
});

/// Levels that each open with a numbered code ("LVL 1 - Trainee", "LVL 5T - Senior II"),
/// met in another order across the files, are put in the order of their numbers; their
/// places move with them.
fn order_by_code(levels: &mut [Level], r: &mut Reader) {
    let number = |l: &Level| {
        LEVEL_CODE.captures(&l.title).and_then(|c| {
            let digits: String = c[1].chars().filter(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
    };
    let Some(numbers) = levels.iter().map(number).collect::<Option<Vec<u32>>>() else {
        return;
    };
    if numbers.is_sorted() {
        return;
    }
    let mut order: Vec<usize> = (0..levels.len()).collect();
    order.sort_by_key(|&i| numbers[i]);
    let sorted: Vec<Level> = order.iter().map(|&i| levels[i].clone()).collect();
    levels.clone_from_slice(&sorted);
    let moved: Vec<(String, Place)> = order
        .iter()
        .enumerate()
        .filter_map(|(new, &old)| {
            r.places
                .remove(&format!("levels[{old}]"))
                .map(|p| (format!("levels[{new}]"), p))
        })
        .collect();
    r.places.extend(moved);
}

/// A level heading as a level: `Level 3` is level `3`; any other title is its own slug.
fn level_of(text: &str, index: usize) -> Option<Level> {
    let title = plain_title(text);
    // "Level 2", and "Level 2 (Junior)" as the same level 2.
    let number = title
        .strip_prefix("Level ")
        .or_else(|| title.strip_prefix("level "))
        .and_then(|n| {
            let digits: String = n.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u8>().ok()
        });
    if let Some(n) = number {
        return numbered(n);
    }
    // "LVL 2 - Engineer I" and "LVL 2 - Trainee, Engineer I" in another file: the code
    // before the dash names the level, whatever title follows it.
    let slug = LEVEL_CODE
        .captures(&title)
        .map_or_else(|| slugify(&title), |c| slugify(&c[1]));
    let id = if slug.is_empty() {
        format!("level-{}", index + 1)
    } else {
        slug
    };
    Some(Level {
        id: id.parse().ok()?,
        title,
        summary: String::new(),
        tracks: Vec::new(),
    })
}

/// Adds prose lines to what `competency` expects at `level`: bullets as criteria, the rest
/// as text.
fn add(competency: &mut Competency, level: &LevelId, lines: &[String]) {
    let e = match competency
        .expectations
        .iter()
        .position(|e| &e.level == level)
    {
        Some(e) => e,
        None => {
            competency.expectations.push(Expectation {
                level: level.clone(),
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
    let mut text = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        // A horizontal rule separates levels on the page; it says nothing.
        if matches!(trimmed, "---" | "***" | "___") {
            continue;
        }
        match trimmed
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.starts_with(' '))
        {
            Some(bullet) if !bullet.trim().is_empty() => expectation.criteria.push(Criterion {
                text: prose(bullet),
                examples: Vec::new(),
                links: Vec::new(),
            }),
            _ => text.push(line.as_str()),
        }
    }
    let text = prose(&text.join("\n"));
    if !text.is_empty() {
        if !expectation.text.is_empty() {
            expectation.text.push_str("\n\n");
        }
        expectation.text.push_str(&text);
    }
}
