//! A YAML or JSON list of competencies (skills), each with its levels: `- name: Testing`,
//! a description (`desc`, `description`, `summary`), and `levels` (or `proficiencies`), each
//! level a `name` with what it expects as a list or a text (`examples`, `criteria`,
//! `expectations`, `behaviours`, `statements`, `description`). Levels come in the order the
//! competencies name them. A statement saying the level does not apply ("Not applicable
//! for this role") expects nothing new there; a file of several lists is not read here.

use super::foreign::{read_tree, untitled};
use super::tree::{self, Node, Pos, Reader, Value};
use super::{LadderError, Read, ladder_id, prose, slugify};
use crate::id::{CompetencyId, LevelId};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level};

const NAME: &[&str] = &["name", "title", "skill", "competency"];
const DESCRIPTION: &[&str] = &["desc", "description", "summary"];
const LEVELS: &[&str] = &["levels", "proficiencies", "proficiency_levels"];
const STATEMENTS: &[&str] = &[
    "examples",
    "criteria",
    "expectations",
    "behaviours",
    "behaviors",
    "statements",
    "description",
    "desc",
];

/// True when `root` is a list of maps, the first naming itself and listing its levels as
/// maps that name themselves.
pub(super) fn is_list(root: &Node) -> bool {
    let Value::List(items) = &root.value else {
        return false;
    };
    let Some(Node {
        value: Value::Map(fields),
        ..
    }) = items.first()
    else {
        return false;
    };
    let has = |keys: &[&str]| fields.iter().find(|(k, _, _)| keys.contains(&k.as_str()));
    let levels_named = has(LEVELS).is_some_and(|(_, _, node)| match &node.value {
        Value::List(levels) => levels.first().is_some_and(|l| match &l.value {
            Value::Map(f) => f.iter().any(|(k, _, _)| NAME.contains(&k.as_str())),
            _ => false,
        }),
        _ => false,
    });
    has(NAME).is_some() && levels_named
}

/// Reads the list.
pub(super) fn read(name: &str, text: &str) -> Result<Read, LadderError> {
    read_tree(tree::from_yaml_list(text), |r, root| ladder(r, name, root))
}

fn ladder(r: &mut Reader, name: &str, root: &Node) -> Option<Read> {
    let Value::List(items) = &root.value else {
        r.fail(root.at, "", "the file must be a list of competencies");
        return None;
    };
    let known: Vec<&str> = NAME
        .iter()
        .chain(DESCRIPTION)
        .chain(LEVELS)
        .copied()
        .collect();
    let level_known: Vec<&str> = NAME.iter().chain(STATEMENTS).copied().collect();
    let mut levels: Vec<Level> = Vec::new();
    let mut competencies: Vec<Competency> = Vec::new();
    let mut warnings = Vec::new();
    let (mut statements, mut not_applicable) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        let field = format!("[{i}]");
        let Some(f) = r.map(item, &field, &known) else {
            continue;
        };
        let Some((title, _)) = first_text(r, &f, NAME) else {
            r.fail(item.at, &field, "a competency needs a name");
            continue;
        };
        let title = prose(&title);
        let Ok(id) = slugify(&title).parse::<CompetencyId>() else {
            r.fail(item.at, &field, format!("'{title}' gives no usable id"));
            continue;
        };
        r.place(
            format!("competencies[{}]", competencies.len()),
            item.at,
            &title,
        );
        let description = first_text(r, &f, DESCRIPTION)
            .map(|(t, _)| prose(&t))
            .unwrap_or_default();
        let key = LEVELS.iter().find(|k| f.get(k).is_some()).copied();
        let mut expectations = Vec::new();
        for (l, node) in key
            .map_or(&[][..], |k| r.list(&f, k, false))
            .iter()
            .enumerate()
        {
            let level_field = format!("{field}.{}[{l}]", key.unwrap_or("levels"));
            let Some(lf) = r.map(node, &level_field, &level_known) else {
                continue;
            };
            let Some((level_title, at)) = first_text(r, &lf, NAME) else {
                r.fail(node.at, &level_field, "a level needs a name");
                continue;
            };
            let level_title = prose(&level_title);
            let Some(level) = level_id(r, &mut levels, &level_title, at, &level_field) else {
                continue;
            };
            let said = said(r, &lf);
            if said.iter().all(|s| {
                NOT_APPLICABLE
                    .iter()
                    .any(|n| s.to_lowercase().starts_with(n))
            }) {
                not_applicable += usize::from(!said.is_empty());
                continue;
            }
            statements += said.len();
            let (text, criteria) = match said.as_slice() {
                [one] => (one.clone(), Vec::new()),
                _ => (
                    String::new(),
                    said.into_iter()
                        .map(|text| Criterion {
                            text,
                            examples: Vec::new(),
                            links: Vec::new(),
                        })
                        .collect(),
                ),
            };
            expectations.push(Expectation {
                level,
                text,
                criteria,
                examples: Vec::new(),
                links: Vec::new(),
                proficiency: None,
            });
        }
        competencies.push(Competency {
            id,
            name: title,
            description,
            expected_from: None,
            expectations,
        });
    }
    let (id, id_note) = ladder_id(name);
    let mut mapping = vec![
        id_note,
        format!("{} list items → competencies", competencies.len()),
        format!(
            "{} level names → levels, in the order first named",
            levels.len()
        ),
        format!("{statements} statements → each level's expectation (several → criteria)"),
    ];
    if not_applicable > 0 {
        mapping.push(format!(
            "{not_applicable} levels marked not applicable → nothing new expected there"
        ));
    }
    Some(Read {
        ladder: Ladder {
            id: id?,
            version: 1,
            name: untitled(&mut warnings, name, root.at),
            description: String::new(),
            tracks: Vec::new(),
            levels,
            competencies,
        },
        places: Default::default(),
        mapping,
        problems: Vec::new(),
        warnings,
    })
}

/// Statements that say a level does not apply.
const NOT_APPLICABLE: [&str; 4] = ["not applicable", "n/a", "not expected", "none"];

/// The text of the first of `keys` present.
fn first_text(r: &mut Reader, f: &tree::Fields<'_>, keys: &[&str]) -> Option<(String, Pos)> {
    let key = keys.iter().find(|k| f.get(k).is_some())?;
    r.text(f, key, false)
}

/// What a level item says: the items of its first statement list, or its text.
fn said(r: &mut Reader, f: &tree::Fields<'_>) -> Vec<String> {
    let Some(key) = STATEMENTS.iter().find(|k| f.get(k).is_some()) else {
        return Vec::new();
    };
    let node = f.get(key);
    let mut out = Vec::new();
    if let Some(Node {
        value: Value::List(_),
        ..
    }) = node
    {
        for (i, item) in r.list(f, key, false).iter().enumerate() {
            let field = format!("{}[{i}]", f.path(key));
            out.extend(r.scalar(item, &field).map(|t| prose(&t)));
        }
    } else if let Some((text, _)) = r.text(f, key, false) {
        out.push(prose(&text));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The id of the level titled `title`, added in order when first named.
fn level_id(
    r: &mut Reader,
    levels: &mut Vec<Level>,
    title: &str,
    at: Pos,
    field: &str,
) -> Option<LevelId> {
    if let Some(level) = levels.iter().find(|l| l.title == title) {
        return Some(level.id.clone());
    }
    let Ok(id) = slugify(title).parse::<LevelId>() else {
        r.fail(at, field, format!("level '{title}' gives no usable id"));
        return None;
    };
    r.place(format!("levels[{}]", levels.len()), at, field);
    levels.push(Level {
        id: id.clone(),
        title: title.to_owned(),
        summary: String::new(),
        tracks: Vec::new(),
    });
    Some(id)
}
