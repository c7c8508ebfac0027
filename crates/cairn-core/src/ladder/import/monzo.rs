//! Monzo's progression framework (the Progression app's format): Markdown whose YAML front
//! matter holds `levels: N` and `topics`, each topic with `content` per level of `criteria`
//! and `exampleCriteria` (a criterion with `examples`). Topics become competencies; a
//! topic's first level is where it starts to be expected ("not expected below"); each
//! criterion is kept as a criterion of the level's expectation, with its examples; the
//! Markdown body becomes the ladder's description.

use super::tree::{self, Node, Reader};
use super::{LadderError, Read, failed, humanise, ladder_id, prose};
use crate::id::{CompetencyId, LevelId};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level};

const TOP: &[&str] = &[
    "path",
    "title",
    "sidebarTitle",
    "sidebarGroup",
    "yaml",
    "levels",
    "homepage",
    "topics",
];
const TOPIC: &[&str] = &["name", "title", "content"];
const CONTENT: &[&str] = &["level", "criteria", "exampleCriteria"];
const EXAMPLE_CRITERION: &[&str] = &["criteria", "examples"];

/// The front matter (with its opening `---` line blanked, so lines keep their numbers) and
/// the body, when the text starts with a front-matter block.
pub(super) fn front_matter(text: &str) -> Option<(String, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = format!("\n{}", &rest[..offset]);
            return Some((yaml, &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Reads the Monzo format.
pub(super) fn read(name: &str, text: &str) -> Result<Read, LadderError> {
    let Some((yaml, body)) = front_matter(text) else {
        return Err(LadderError::one(
            Some(tree::Pos { line: 1, column: 1 }),
            "a Monzo framework starts with YAML front matter between two '---' lines",
        ));
    };
    let root = tree::from_yaml(&yaml).map_err(|p| failed(vec![p]))?;
    let mut r = Reader::default();
    let read = ladder(&mut r, name, &root, body);
    match read {
        Some(read) if r.problems.is_empty() => Ok(Read {
            places: std::mem::take(&mut r.places),
            ..read
        }),
        _ => Err(failed(r.problems)),
    }
}

fn ladder(r: &mut Reader, name: &str, root: &Node, body: &str) -> Option<Read> {
    let top = r.map(root, "", TOP)?;
    let title = r.text(&top, "title", true).map(|(t, _)| plain_title(&t));
    let count = match r.text(&top, "levels", true) {
        Some((text, at)) => match text.trim().parse::<u8>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                r.fail(at, "levels", "must be the number of levels, 1 or more");
                None
            }
        },
        None => None,
    };
    let levels: Vec<Level> = (1..=count.unwrap_or(0))
        .filter_map(|n| {
            Some(Level {
                id: n.to_string().parse().ok()?,
                title: format!("Level {n}"),
                summary: String::new(),
                tracks: Vec::new(),
            })
        })
        .collect();
    let mut competencies = Vec::new();
    let mut notes = Vec::new();
    let (mut criteria, mut example_criteria, mut examples) = (0, 0, 0);
    for (i, node) in r.list(&top, "topics", true).iter().enumerate() {
        let field = format!("topics[{i}]");
        let Some(f) = r.map(node, &field, TOPIC) else {
            continue;
        };
        let Some((id_text, at)) = r.text(&f, "name", true) else {
            continue;
        };
        let Some(id) = r.parse::<CompetencyId>(&id_text, at, &f.path("name")) else {
            continue;
        };
        let topic_title = r
            .text(&f, "title", false)
            .map(|(t, _)| plain_title(&t))
            .filter(|t| !t.is_empty() && t != "null" && t != "~")
            .unwrap_or_else(|| humanise(id.as_str()));
        let c = competencies.len();
        r.place(format!("competencies[{c}]"), node.at, &field);
        let mut expectations: Vec<Expectation> = Vec::new();
        for (j, item) in r.list(&f, "content", true).iter().enumerate() {
            let field = format!("{field}.content[{j}]");
            let Some(cf) = r.map(item, &field, CONTENT) else {
                continue;
            };
            let Some((level_text, level_at)) = r.text(&cf, "level", true) else {
                continue;
            };
            let level = level_text.trim();
            let Some(level) = levels.iter().find(|l| l.id.as_str() == level) else {
                r.fail(
                    level_at,
                    &cf.path("level"),
                    format!(
                        "'{level}' is not a level: this framework has levels 1 to {}",
                        levels.len()
                    ),
                );
                continue;
            };
            if expectations.iter().any(|e| e.level == level.id) {
                r.fail(
                    level_at,
                    &cf.path("level"),
                    format!("topic '{id}' already has content for level {}", level.id),
                );
                continue;
            }
            let path = format!("competencies[{c}].expectations[{}]", expectations.len());
            r.place(path.clone(), item.at, &field);
            let mut items = Vec::new();
            for (k, node) in r.list(&cf, "criteria", false).iter().enumerate() {
                let field = format!("{}[{k}]", cf.path("criteria"));
                r.place(format!("{path}.criteria[{}]", items.len()), node.at, &field);
                if let Some(text) = r.scalar(node, &field) {
                    criteria += 1;
                    items.push(Criterion {
                        text: prose(&text),
                        examples: Vec::new(),
                    });
                }
            }
            for (k, node) in r.list(&cf, "exampleCriteria", false).iter().enumerate() {
                let field = format!("{}[{k}]", cf.path("exampleCriteria"));
                r.place(format!("{path}.criteria[{}]", items.len()), node.at, &field);
                let Some(ef) = r.map(node, &field, EXAMPLE_CRITERION) else {
                    continue;
                };
                let text = r.text(&ef, "criteria", true).map(|(t, _)| prose(&t));
                let mut listed = Vec::new();
                for (e, node) in r.list(&ef, "examples", false).iter().enumerate() {
                    let field = format!("{}[{e}]", ef.path("examples"));
                    listed.extend(r.scalar(node, &field).map(|t| prose(&t)));
                }
                if let Some(text) = text {
                    example_criteria += 1;
                    examples += listed.len();
                    items.push(Criterion {
                        text,
                        examples: listed,
                    });
                }
            }
            expectations.push(Expectation {
                level: level.id.clone(),
                text: String::new(),
                criteria: items,
                examples: Vec::new(),
                proficiency: None,
            });
        }
        let rank = |level: &LevelId| levels.iter().position(|l| &l.id == level);
        expectations.sort_by_key(|e| rank(&e.level));
        let expected_from = expectations
            .first()
            .map(|e| e.level.clone())
            .filter(|first| first.as_str() != "1");
        if let Some(first) = &expected_from {
            notes.push(format!(
                "topic '{id}' starts at level {first}: not expected below it"
            ));
        }
        competencies.push(Competency {
            id,
            name: topic_title,
            description: String::new(),
            expected_from,
            expectations,
        });
    }
    let (id, id_note) = ladder_id(name);
    let body = body.trim();
    let mut mapping = vec![
        id_note,
        format!("levels: {} → levels 1 to {0}", levels.len()),
        format!("{} topics → competencies", competencies.len()),
        format!(
            "{criteria} criteria and {example_criteria} example criteria (with {examples} \
             examples) → criteria of each level's expectation"
        ),
    ];
    mapping.extend(notes);
    if !body.is_empty() {
        mapping.push(format!(
            "the Markdown body ({} lines) → the ladder's description",
            body.lines().count()
        ));
    }
    mapping.push(
        "path, sidebarTitle, sidebarGroup, yaml and homepage (the Progression site's page \
         settings) are not kept"
            .to_owned(),
    );
    Some(Read {
        ladder: Ladder {
            id: id?,
            version: 1,
            name: title.unwrap_or_default(),
            description: body.to_owned(),
            tracks: Vec::new(),
            levels,
            competencies,
        },
        places: Default::default(),
        mapping,
        problems: Vec::new(),
    })
}

/// A title without the emoji and symbols that decorate its start ("🛠️ Backend" → "Backend").
fn plain_title(title: &str) -> String {
    prose(title.trim_start_matches(|c: char| !c.is_alphanumeric()))
}
