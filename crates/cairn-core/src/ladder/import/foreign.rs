//! The rules for reading another organisation's framework, shared by its readers: fields
//! Cairn has no use for are named in the report as not kept; a competency with no content at
//! a level it is expected at expects nothing new there; one with no content at any level is
//! not kept; a file that names no ladder is named after the file. Each is a warning, which
//! `strict` turns into a refusal.

use super::tree::{Node, Pos, Reader};
use super::{LadderError, Places, Problem, Read, failed, file_stem, humanise, locate};
use crate::Invalid;
use crate::id::LevelId;
use crate::ladder::{Expectation, Ladder, Level};

/// The text of an expectation a framework did not write: a competency with no content at a
/// level it is expected at asks nothing new there.
pub const NOTHING_NEW: &str = "Nothing new is expected at this level beyond the levels below.";

/// Fills each level a competency is expected at but says nothing about with
/// [`NOTHING_NEW`], with a warning at the competency's place for each.
pub(super) fn nothing_new(ladder: &mut Ladder, places: &Places) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let mut fills = Vec::new();
    for (c, competency) in ladder.competencies.iter().enumerate() {
        let missing: Vec<LevelId> = ladder
            .missing_expectations(competency)
            .into_iter()
            .cloned()
            .collect();
        if missing.is_empty() {
            continue;
        }
        let place = locate(
            places,
            Invalid::new(format!("competencies[{c}]"), String::new()),
        );
        let ids: Vec<&str> = missing.iter().map(LevelId::as_str).collect();
        warnings.push(Problem::new(
            place.at,
            &place.invalid.field,
            format!(
                "'{}' has no content for level{} {}: read as nothing new expected there",
                competency.id,
                if ids.len() == 1 { "" } else { "s" },
                ids.join(", ")
            ),
        ));
        fills.push((c, missing));
    }
    let rank = |levels: &[Level], id: &LevelId| levels.iter().position(|l| &l.id == id);
    for (c, missing) in fills {
        let competency = &mut ladder.competencies[c];
        competency
            .expectations
            .extend(missing.into_iter().map(|level| Expectation {
                level,
                text: NOTHING_NEW.to_owned(),
                criteria: Vec::new(),
                examples: Vec::new(),
                links: Vec::new(),
                proficiency: None,
            }));
        competency
            .expectations
            .sort_by_key(|e| rank(&ladder.levels, &e.level));
    }
    warnings
}

/// Reads a foreign format from its parsed tree with `ladder`, which reports every problem
/// to the reader it is given.
pub(super) fn read_tree(
    root: Result<Node, Problem>,
    ladder: impl FnOnce(&mut Reader, &Node) -> Option<Read>,
) -> Result<Read, LadderError> {
    let root = root.map_err(|p| failed(vec![p]))?;
    let mut r = Reader::foreign();
    let read = ladder(&mut r, &root);
    finish(r, read)
}

/// A foreign reader's outcome: the ladder it read, with what it read loosely and the fields
/// it did not keep as warnings, or every problem it found.
pub(super) fn finish(mut r: Reader, read: Option<Read>) -> Result<Read, LadderError> {
    match read {
        Some(mut read) if r.problems.is_empty() => {
            read.warnings.append(&mut r.warnings);
            read.warnings
                .extend(not_kept(std::mem::take(&mut r.not_kept)));
            read.places = std::mem::take(&mut r.places);
            Ok(read)
        }
        _ => Err(failed(r.problems)),
    }
}

/// The unknown fields of a foreign format as warnings, one per field name and shape
/// (`competencies[].supportingUrls`) at its first place, with how often it recurs.
pub(super) fn not_kept(fields: Vec<(Pos, String)>) -> Vec<Problem> {
    let mut seen: Vec<(String, Pos, String, usize)> = Vec::new();
    for (at, field) in fields {
        let shape = unindexed(&field);
        match seen.iter_mut().find(|(s, ..)| *s == shape) {
            Some((.., count)) => *count += 1,
            None => seen.push((shape, at, field, 1)),
        }
    }
    seen.into_iter()
        .map(|(_, at, field, count)| {
            let more = match count {
                1 => String::new(),
                n => format!(" (nor in the {} other places it appears)", n - 1),
            };
            Problem::new(
                Some(at),
                &field,
                format!("not kept: Cairn has no use for this field{more}"),
            )
        })
        .collect()
}

/// A field path without its list indices: `topics[2].subtitle` → `topics[].subtitle`.
fn unindexed(field: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Removes the competencies that say nothing at any level, with a warning at the place of
/// each, renumbering the places of those after them.
pub(super) fn drop_empty(ladder: &mut Ladder, places: &mut Places) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let mut c = 0;
    while c < ladder.competencies.len() {
        if !ladder.competencies[c].expectations.is_empty() {
            c += 1;
            continue;
        }
        let competency = ladder.competencies.remove(c);
        let place = locate(
            places,
            Invalid::new(format!("competencies[{c}]"), String::new()),
        );
        warnings.push(Problem::new(
            place.at,
            &place.invalid.field,
            format!("'{}' has no content at any level: not kept", competency.id),
        ));
        *places = std::mem::take(places)
            .into_iter()
            .filter_map(|(key, place)| Some((renumbered(&key, c)?, place)))
            .collect();
    }
    warnings
}

/// A place key after competency `removed` is taken out: its own keys are gone, later ones
/// move up by one.
fn renumbered(key: &str, removed: usize) -> Option<String> {
    let Some(rest) = key.strip_prefix("competencies[") else {
        return Some(key.to_owned());
    };
    let (index, tail) = rest.split_once(']')?;
    let Ok(index) = index.parse::<usize>() else {
        return Some(key.to_owned());
    };
    match index.cmp(&removed) {
        std::cmp::Ordering::Less => Some(key.to_owned()),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some(format!("competencies[{}]{tail}", index - 1)),
    }
}

/// The name of a ladder whose file gives none: the file's own name in words, said in the
/// report.
pub(super) fn untitled(warnings: &mut Vec<Problem>, file: &str, at: Pos) -> String {
    let name = Some(humanise(file_stem(file)))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Imported ladder".to_owned());
    warnings.push(Problem::new(
        Some(at),
        "",
        format!("the file names no ladder: it is called '{name}', after the file"),
    ));
    name
}
