//! Monzo's progression framework (the Progression app's format): Markdown whose YAML front
//! matter holds `levels: N` and `topics`, each topic with `content` per level of `criteria`
//! and `exampleCriteria` (a criterion with `examples`). Topics become competencies; a
//! topic's first level is where it starts to be expected ("not expected below"); each
//! criterion is kept as a criterion of the level's expectation, with its examples; the
//! Markdown body becomes the ladder's description. A topic name written as words gets its
//! slug as id and keeps the words as its name; empty criteria say "not expected yet";
//! content past the declared `levels` adds levels, with a warning. Files without `topics`
//! (`yaml: false`) are the heading form, read by [`super::headings`].

use super::foreign::{finish, untitled};
use super::tree::{self, Node, Reader};
use super::{LadderError, Problem, Read, failed, humanise, ladder_id, prose, slugify};
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
    let mut r = Reader::foreign();
    let read = ladder(&mut r, name, &root, body);
    finish(r, read)
}

fn ladder(r: &mut Reader, name: &str, root: &Node, body: &str) -> Option<Read> {
    let top = r.map(root, "", TOP)?;
    let title = r.text(&top, "title", false).map(|(t, _)| plain_title(&t));
    let mut warnings = Vec::new();
    let declared = match r.text(&top, "levels", false) {
        Some((text, at)) => match text.trim().parse::<u8>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                warnings.push(Problem::new(
                    Some(at),
                    "levels",
                    "is not the number of levels: the levels are read from the content",
                ));
                None
            }
        },
        None => None,
    };
    let mut levels: Vec<Level> = (1..=declared.unwrap_or(0)).filter_map(numbered).collect();
    let mut competencies: Vec<Competency> = Vec::new();
    let mut notes = Vec::new();
    let mut renamed = Vec::new();
    let (mut criteria, mut example_criteria, mut examples) = (0, 0, 0);
    for (i, node) in r.list(&top, "topics", true).iter().enumerate() {
        let field = format!("topics[{i}]");
        let Some(f) = r.map(node, &field, TOPIC) else {
            continue;
        };
        let Some((topic_name, _)) = r.text(&f, "name", true) else {
            continue;
        };
        let topic_title = r
            .text(&f, "title", false)
            .map(|(t, _)| plain_title(&t))
            .filter(|t| !t.is_empty() && t != "null" && t != "~");
        let Some(id) = topic_id(&topic_name, topic_title.as_deref(), i, &competencies) else {
            continue;
        };
        if id.as_str() != topic_name.trim() {
            renamed.push(format!("'{}' → '{id}'", topic_name.trim()));
        }
        let topic_title = topic_title.unwrap_or_else(|| written_name(&topic_name));
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
            let Some(n) = level.parse::<u8>().ok().filter(|n| *n >= 1) else {
                warnings.push(Problem::new(
                    Some(level_at),
                    &cf.path("level"),
                    format!("'{level}' is not a level number: this content is not kept"),
                ));
                continue;
            };
            if usize::from(n) > levels.len() {
                let what = match declared {
                    Some(d) => format!("past the declared {d} levels"),
                    None => "with no number of levels declared".to_owned(),
                };
                warnings.push(Problem::new(
                    Some(level_at),
                    &cf.path("level"),
                    format!("content for level {n} {what}: the ladder is extended to level {n}"),
                ));
                let next = u8::try_from(levels.len())
                    .unwrap_or(u8::MAX)
                    .saturating_add(1);
                levels.extend((next..=n).filter_map(numbered));
            }
            let Some(level) = levels.iter().find(|l| l.id.as_str() == level) else {
                continue;
            };
            let mut items = Vec::new();
            for (k, node) in r.list(&cf, "criteria", false).iter().enumerate() {
                let field = format!("{}[{k}]", cf.path("criteria"));
                // An empty criterion is how a framework says "not expected yet".
                if let Some(text) = r.scalar(node, &field).map(|t| prose(&t))
                    && !text.is_empty()
                {
                    criteria += 1;
                    items.push((
                        node.at,
                        field,
                        Criterion {
                            text,
                            examples: Vec::new(),
                            links: Vec::new(),
                        },
                    ));
                }
            }
            for (k, node) in r.list(&cf, "exampleCriteria", false).iter().enumerate() {
                let field = format!("{}[{k}]", cf.path("exampleCriteria"));
                let Some(ef) = r.map(node, &field, EXAMPLE_CRITERION) else {
                    continue;
                };
                let text = r.text(&ef, "criteria", true).map(|(t, _)| prose(&t));
                let mut listed = Vec::new();
                for (e, node) in r.list(&ef, "examples", false).iter().enumerate() {
                    let field = format!("{}[{e}]", ef.path("examples"));
                    listed.extend(r.scalar(node, &field).map(|t| prose(&t)));
                }
                listed.retain(|e| !e.is_empty());
                if let Some(text) = text.filter(|t| !t.is_empty()) {
                    example_criteria += 1;
                    examples += listed.len();
                    items.push((
                        node.at,
                        field,
                        Criterion {
                            text,
                            examples: listed,
                            links: Vec::new(),
                        },
                    ));
                }
            }
            // A level whose content is empty says nothing there: below the topic's first
            // content it is not expected yet, above it nothing new is.
            if items.is_empty() {
                continue;
            }
            let e = match expectations.iter().position(|e| e.level == level.id) {
                Some(e) => {
                    warnings.push(Problem::new(
                        Some(level_at),
                        &cf.path("level"),
                        format!(
                            "topic '{id}' already has content for level {}: the two are read \
                             as one",
                            level.id
                        ),
                    ));
                    e
                }
                None => {
                    let path = format!("competencies[{c}].expectations[{}]", expectations.len());
                    r.place(path, item.at, &field);
                    expectations.push(Expectation {
                        level: level.id.clone(),
                        text: String::new(),
                        criteria: Vec::new(),
                        examples: Vec::new(),
                        links: Vec::new(),
                        proficiency: None,
                    });
                    expectations.len() - 1
                }
            };
            let path = format!("competencies[{c}].expectations[{e}]");
            for (at, field, criterion) in items {
                let k = expectations[e].criteria.len();
                r.place(format!("{path}.criteria[{k}]"), at, &field);
                expectations[e].criteria.push(criterion);
            }
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
    if !renamed.is_empty() {
        mapping.push(format!(
            "topic names written as words → ids by slug, names kept whole: {}",
            renamed.join(", ")
        ));
    }
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
            name: title.unwrap_or_else(|| untitled(&mut warnings, name, top.at)),
            description: body.to_owned(),
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

/// Level `n` of a numbered framework.
pub(super) fn numbered(n: u8) -> Option<Level> {
    Some(Level {
        id: n.to_string().parse().ok()?,
        title: format!("Level {n}"),
        summary: String::new(),
        tracks: Vec::new(),
    })
}

/// A topic's id: its name when that is already an id, else the name (or the title) as a
/// slug, made unique among the topics before it.
fn topic_id(
    name: &str,
    title: Option<&str>,
    index: usize,
    before: &[Competency],
) -> Option<CompetencyId> {
    let slug = [name, title.unwrap_or_default()]
        .into_iter()
        .map(slugify)
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| format!("topic-{}", index + 1));
    let taken = |id: &str| before.iter().any(|c| c.id.as_str() == id);
    let unique = (1..)
        .map(|n| {
            if n == 1 {
                slug.clone()
            } else {
                format!("{slug}-{n}")
            }
        })
        .find(|s| !taken(s))?;
    unique.parse().ok()
}

/// A topic name as the competency's display name: a slug made readable ("domain-knowledge"
/// → "Domain knowledge"), words kept whole with a capital first letter.
fn written_name(name: &str) -> String {
    let name = name.trim();
    if name.parse::<CompetencyId>().is_ok() {
        return humanise(name);
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A title without the emoji and symbols that decorate its start ("🛠️ Backend" → "Backend").
pub(super) fn plain_title(title: &str) -> String {
    prose(title.trim_start_matches(|c: char| !c.is_alphanumeric()))
}
