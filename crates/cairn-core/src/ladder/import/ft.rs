//! The Financial Times engineering-progression YAML: `levels` (`id`, `name`), `themes`
//! (`id`, `name`, `summary`) and `competencies`, statements per theme and level (`level`,
//! `theme`, `summary`, `proficiency`, and in the older families `examples` and
//! `supportingUrls`). Themes become competencies and statements their expectations: one
//! statement is the expectation's text, several are its criteria; examples stay examples
//! and supporting URLs become links. A level named "... (Individual Contributor)" or "... (People Manager)"
//! belongs to that track; the levels without such a suffix are shared by every track.

use super::foreign::{read_tree, untitled};
use super::tree::{self, Fields, Node, Pos, Reader};
use super::{LadderError, Read, ladder_id, prose, track_note};
use crate::id::{LevelId, TrackId};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level, Link, Track, unknown};

const TOP: &[&str] = &[
    "name",
    "summary",
    "googleSheetId",
    "levels",
    "themes",
    "competencies",
];
const LEVEL: &[&str] = &["id", "name"];
const THEME: &[&str] = &["id", "name", "summary"];
const STATEMENT: &[&str] = &[
    "id",
    "level",
    "theme",
    "summary",
    "proficiency",
    "examples",
    "supportingUrls",
];
const SUPPORTING_URL: &[&str] = &["label", "url"];

/// Reads the FT format.
pub(super) fn read(name: &str, text: &str) -> Result<Read, LadderError> {
    read_tree(tree::from_yaml(text), |r, root| ladder(r, name, root))
}

fn ladder(r: &mut Reader, name: &str, root: &Node) -> Option<Read> {
    let top = r.map(root, "", TOP)?;
    let title = r.text(&top, "name", false).map(|(t, _)| prose(&t));
    let mut warnings = Vec::new();
    let summary = r.text(&top, "summary", false).map(|(t, _)| prose(&t));
    let mut levels = Vec::new();
    let mut tracks: Vec<Track> = Vec::new();
    for (i, node) in r.list(&top, "levels", true).iter().enumerate() {
        let field = format!("levels[{i}]");
        r.place(format!("levels[{i}]"), node.at, &field);
        let Some(f) = r.map(node, &field, LEVEL) else {
            continue;
        };
        // A level with an id is kept even when its other fields are wrong, so statements
        // that refer to it do not each report it unknown as well.
        let title = r.text(&f, "name", true).map(|(t, _)| t).unwrap_or_default();
        let Some((id, at)) = r.text(&f, "id", true) else {
            continue;
        };
        let Some(id) = r.parse::<LevelId>(&id, at, &f.path("id")) else {
            continue;
        };
        let mut level_tracks = Vec::new();
        if let Some(track) = track_of(&title) {
            let track_id = crate::ladder::import::slugify(track);
            if let Ok(track_id) = track_id.parse::<TrackId>() {
                if !tracks.iter().any(|t| t.id == track_id) {
                    tracks.push(Track {
                        id: track_id.clone(),
                        name: track.to_owned(),
                        description: String::new(),
                    });
                }
                level_tracks.push(track_id);
            }
        }
        levels.push(Level {
            id,
            title: prose(&title),
            summary: String::new(),
            tracks: level_tracks,
        });
    }
    let mut competencies = Vec::new();
    let mut theme_ids: Vec<String> = Vec::new();
    for (i, node) in r.list(&top, "themes", true).iter().enumerate() {
        let field = format!("themes[{i}]");
        let Some(f) = r.map(node, &field, THEME) else {
            continue;
        };
        let theme_name = r.text(&f, "name", true).map(|(t, _)| t).unwrap_or_default();
        let description = r.text(&f, "summary", false).map(|(t, _)| prose(&t));
        let Some((id_text, at)) = r.text(&f, "id", true) else {
            continue;
        };
        let Some(id) = r.parse(&id_text, at, &f.path("id")) else {
            continue;
        };
        r.place(
            format!("competencies[{}]", competencies.len()),
            node.at,
            &field,
        );
        theme_ids.push(id_text.trim().to_owned());
        competencies.push(Competency {
            id,
            name: prose(&theme_name),
            description: description.unwrap_or_default(),
            expected_from: None,
            expectations: Vec::new(),
        });
    }
    let statements = r.list(&top, "competencies", true);
    let mut proficiency_words: Vec<String> = Vec::new();
    let (mut examples, mut links) = (0, 0);
    for (k, node) in statements.iter().enumerate() {
        let field = format!("competencies[{k}]");
        let Some(f) = r.map(node, &field, STATEMENT) else {
            continue;
        };
        let level = r.text(&f, "level", true);
        let theme = r.text(&f, "theme", true);
        let summary = r.text(&f, "summary", true);
        let proficiency = r.text(&f, "proficiency", false).map(|(t, _)| prose(&t));
        let listed = statement_examples(r, &f);
        let pages = statement_links(r, &f);
        let (Some((level, level_at)), Some((theme, theme_at)), Some((summary, summary_at))) =
            (level, theme, summary)
        else {
            continue;
        };
        let Some(level) = find_level(r, &levels, &level, level_at, &f.path("level")) else {
            continue;
        };
        let Some(c) = theme_ids.iter().position(|t| t == theme.trim()) else {
            let known = theme_ids.iter().map(String::as_str);
            r.fail(
                theme_at,
                &f.path("theme"),
                unknown("theme", theme.trim(), known),
            );
            continue;
        };
        if let Some(word) = &proficiency
            && !proficiency_words.contains(word)
        {
            proficiency_words.push(word.clone());
        }
        examples += listed.len();
        links += pages.len();
        let competency = &mut competencies[c];
        let statement = Criterion {
            text: prose(&summary),
            examples: listed,
            links: pages,
        };
        // The older families list several statements per theme and level: each becomes a
        // criterion of that level's expectation.
        if let Some(e) = competency
            .expectations
            .iter()
            .position(|e| e.level == level)
        {
            let expectation = &mut competency.expectations[e];
            if expectation.criteria.is_empty() {
                let first = Criterion {
                    text: std::mem::take(&mut expectation.text),
                    examples: std::mem::take(&mut expectation.examples),
                    links: std::mem::take(&mut expectation.links),
                };
                expectation.criteria.push(first);
                let path = format!("competencies[{c}].expectations[{e}]");
                if let Some(place) = r.places.remove(&format!("{path}.text")) {
                    r.places.insert(format!("{path}.criteria[0]"), place);
                }
            }
            if expectation.proficiency.is_none() {
                expectation.proficiency = proficiency;
            }
            let path = format!(
                "competencies[{c}].expectations[{e}].criteria[{}]",
                expectation.criteria.len()
            );
            expectation.criteria.push(statement);
            r.place(path, summary_at, &f.path("summary"));
            continue;
        }
        let path = format!(
            "competencies[{c}].expectations[{}]",
            competency.expectations.len()
        );
        r.place(path.clone(), node.at, &field);
        r.place(format!("{path}.text"), summary_at, &f.path("summary"));
        r.place(format!("{path}.level"), level_at, &f.path("level"));
        competency.expectations.push(Expectation {
            level,
            text: statement.text,
            criteria: Vec::new(),
            examples: statement.examples,
            links: statement.links,
            proficiency,
        });
    }
    let order = |level: &LevelId| levels.iter().position(|l| &l.id == level);
    for competency in &mut competencies {
        competency.expectations.sort_by_key(|e| order(&e.level));
        competency.expected_from = competency
            .expectations
            .first()
            .map(|e| e.level.clone())
            .filter(|first| levels.first().is_some_and(|l| &l.id != first));
    }
    let (id, id_note) = ladder_id(name);
    let mut mapping = vec![
        id_note,
        format!("{} levels → levels", levels.len()),
        track_note(&tracks, &levels),
        format!("{} themes → competencies", competencies.len()),
        format!(
            "{} competency statements → expectations (summary → text, proficiency → proficiency: {})",
            statements.len(),
            proficiency_words.join(", ")
        ),
        "statement ids (UUIDs) are not kept: Cairn keys a statement by its competency and level"
            .to_owned(),
    ];
    if examples + links > 0 {
        mapping.push(format!(
            "{examples} statement examples → examples, {links} supportingUrls → links; several \
             statements for one theme and level → criteria of that level's expectation"
        ));
    }
    if top.get("googleSheetId").is_some() {
        mapping.push("googleSheetId (the source spreadsheet) is not kept".to_owned());
    }
    Some(Read {
        ladder: Ladder {
            id: id?,
            version: 1,
            name: title.unwrap_or_else(|| untitled(&mut warnings, name, top.at)),
            description: summary.unwrap_or_default(),
            tracks,
            levels,
            competencies,
        },
        places: Default::default(),
        mapping,
        problems: Vec::new(),
        warnings,
    })
}

/// A statement's `examples`, blank ones left out.
fn statement_examples(r: &mut Reader, f: &Fields<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for (e, node) in r.list(f, "examples", false).iter().enumerate() {
        let field = format!("{}[{e}]", f.path("examples"));
        out.extend(r.scalar(node, &field).map(|t| prose(&t)));
    }
    out.retain(|e| !e.is_empty());
    out
}

/// A statement's `supportingUrls` (`label`, `url`) as links.
fn statement_links(r: &mut Reader, f: &Fields<'_>) -> Vec<Link> {
    let mut out = Vec::new();
    for (u, node) in r.list(f, "supportingUrls", false).iter().enumerate() {
        let field = format!("{}[{u}]", f.path("supportingUrls"));
        let Some(link) = r.map(node, &field, SUPPORTING_URL) else {
            continue;
        };
        let label = r.text(&link, "label", false).map(|(t, _)| prose(&t));
        if let Some((url, _)) = r.text(&link, "url", true) {
            out.push(Link {
                label: label.unwrap_or_default(),
                url: url.trim().to_owned(),
            });
        }
    }
    out
}

/// The track a level title names in a trailing parenthesis, such as "People Manager".
fn track_of(title: &str) -> Option<&str> {
    let inner = title.trim().strip_suffix(')')?;
    let (_, track) = inner.rsplit_once('(')?;
    let track = track.trim();
    (!track.is_empty()).then_some(track)
}

fn find_level(
    r: &mut Reader,
    levels: &[Level],
    text: &str,
    at: Pos,
    field: &str,
) -> Option<LevelId> {
    let found = levels.iter().find(|l| l.id.as_str() == text.trim());
    if found.is_none() {
        let known = levels.iter().map(|l| l.id.as_str());
        r.fail(at, field, unknown("level", text.trim(), known));
    }
    found.map(|l| l.id.clone())
}
