//! Cairn's own ladder format, the same fields in TOML or YAML (`docs/ladders.md`).

use super::tree::{Fields, Node, Reader};
use super::{LadderError, Read, failed};
use crate::ladder::{Competency, Criterion, Expectation, Ladder, Level, Link, Track};

const LADDER: &[&str] = &[
    "id",
    "version",
    "name",
    "description",
    "tracks",
    "levels",
    "competencies",
];
const TRACK: &[&str] = &["id", "name", "description"];
const LEVEL: &[&str] = &["id", "title", "summary", "tracks"];
const COMPETENCY: &[&str] = &["id", "name", "description", "expected_from", "expectations"];
const EXPECTATION: &[&str] = &[
    "level",
    "text",
    "criteria",
    "examples",
    "links",
    "proficiency",
];
const CRITERION: &[&str] = &["text", "examples", "links"];
const LINK: &[&str] = &["label", "url"];

/// Reads a ladder from a document tree in Cairn's field names.
pub(super) fn read(root: &Node) -> Result<Read, LadderError> {
    let mut r = Reader::default();
    let ladder = ladder(&mut r, root);
    match ladder {
        Some(ladder) if !r.incomplete => Ok(Read {
            ladder,
            places: r.places,
            mapping: Vec::new(),
            problems: r.problems,
            warnings: Vec::new(),
        }),
        _ => Err(failed(r.problems)),
    }
}

fn ladder(r: &mut Reader, root: &Node) -> Option<Ladder> {
    let top = r.map(root, "", LADDER)?;
    let id = r
        .text(&top, "id", true)
        .and_then(|(t, at)| r.parse(&t, at, "id"));
    let version = match r.text(&top, "version", false) {
        Some((text, at)) => match text.parse::<u32>() {
            Ok(v) => Some(v),
            Err(_) => {
                r.fail(at, "version", "must be a whole number, 1 or more");
                None
            }
        },
        None => Some(1),
    };
    let name = text(r, &top, "name", true);
    let description = text(r, &top, "description", false);
    let tracks = items(r, &top, "tracks", false, track);
    let levels = items(r, &top, "levels", true, level);
    let competencies = items(r, &top, "competencies", true, competency);
    Some(Ladder {
        id: id?,
        version: version.unwrap_or(1),
        name: name.unwrap_or_default(),
        description: description.unwrap_or_default(),
        tracks,
        levels,
        competencies,
    })
}

/// Every item of list `key`, read by `one` with its path; places recorded as it goes.
fn items<T>(
    r: &mut Reader,
    fields: &Fields<'_>,
    key: &str,
    required: bool,
    one: fn(&mut Reader, &Node, &str) -> Option<T>,
) -> Vec<T> {
    let nodes = r.list(fields, key, required);
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let field = format!("{}[{i}]", fields.path(key));
        r.place(field.clone(), node.at, &field);
        match one(r, node, &field) {
            Some(item) => out.push(item),
            // Later items would shift into this one's place: the ladder is not checked.
            None => r.incomplete = true,
        }
    }
    out
}

/// Text of `key`, its place recorded under the same name.
fn text(r: &mut Reader, fields: &Fields<'_>, key: &str, required: bool) -> Option<String> {
    let (text, at) = r.text(fields, key, required)?;
    let path = fields.path(key);
    r.place(path.clone(), at, &path);
    Some(text)
}

fn strings(r: &mut Reader, fields: &Fields<'_>, key: &str) -> Vec<String> {
    items(r, fields, key, false, |r, node, field| {
        r.scalar(node, field)
    })
}

fn slug<T: std::str::FromStr<Err = crate::Invalid>>(
    r: &mut Reader,
    fields: &Fields<'_>,
    key: &str,
    required: bool,
) -> Option<T> {
    let (text, at) = r.text(fields, key, required)?;
    let path = fields.path(key);
    r.place(path.clone(), at, &path);
    r.parse(&text, at, &path)
}

fn track(r: &mut Reader, node: &Node, field: &str) -> Option<Track> {
    let f = r.map(node, field, TRACK)?;
    Some(Track {
        id: slug(r, &f, "id", true)?,
        name: text(r, &f, "name", true).unwrap_or_default(),
        description: text(r, &f, "description", false).unwrap_or_default(),
    })
}

fn level(r: &mut Reader, node: &Node, field: &str) -> Option<Level> {
    let f = r.map(node, field, LEVEL)?;
    let tracks = items(r, &f, "tracks", false, |r, node, field| {
        let text = r.scalar(node, field)?;
        r.parse(&text, node.at, field)
    });
    Some(Level {
        id: slug(r, &f, "id", true)?,
        title: text(r, &f, "title", true).unwrap_or_default(),
        summary: text(r, &f, "summary", false).unwrap_or_default(),
        tracks,
    })
}

fn competency(r: &mut Reader, node: &Node, field: &str) -> Option<Competency> {
    let f = r.map(node, field, COMPETENCY)?;
    let expected_from = match f.get("expected_from") {
        Some(_) => Some(slug(r, &f, "expected_from", false)?),
        None => None,
    };
    let expectations = items(r, &f, "expectations", true, expectation);
    Some(Competency {
        id: slug(r, &f, "id", true)?,
        name: text(r, &f, "name", true).unwrap_or_default(),
        description: text(r, &f, "description", false).unwrap_or_default(),
        expected_from,
        expectations,
    })
}

fn expectation(r: &mut Reader, node: &Node, field: &str) -> Option<Expectation> {
    let f = r.map(node, field, EXPECTATION)?;
    let criteria = items(r, &f, "criteria", false, |r, node, field| {
        let f = r.map(node, field, CRITERION)?;
        Some(Criterion {
            text: text(r, &f, "text", true).unwrap_or_default(),
            examples: strings(r, &f, "examples"),
            links: links(r, &f),
        })
    });
    Some(Expectation {
        level: slug(r, &f, "level", true)?,
        text: text(r, &f, "text", criteria.is_empty()).unwrap_or_default(),
        criteria,
        examples: strings(r, &f, "examples"),
        links: links(r, &f),
        proficiency: text(r, &f, "proficiency", false),
    })
}

fn links(r: &mut Reader, fields: &Fields<'_>) -> Vec<Link> {
    items(r, fields, "links", false, |r, node, field| {
        let f = r.map(node, field, LINK)?;
        Some(Link {
            label: text(r, &f, "label", false).unwrap_or_default(),
            url: text(r, &f, "url", true)?,
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::ladder::import::{Format, import};

    const YAML: &str = "\
id: tiny
name: Tiny
tracks:
  - id: ic
    name: Individual contributor
  - id: mgr
    name: Manager
levels:
  - id: A
    title: Apprentice
  - id: B
    title: Builder
    tracks: [ic]
  - id: M
    title: Manager
    tracks: [mgr]
competencies:
  - id: craft
    name: Craft
    expectations:
      - level: A
        text: Writes working code with help.
      - level: B
        criteria:
          - text: Writes working code alone.
            examples: [Ships a feature end to end]
      - level: M
        text: Keeps the team's code healthy.
        proficiency: Practitioner
";

    #[test]
    fn yaml_reads_the_same_fields_with_tracks_and_criteria() {
        let imported = import("tiny.yml", YAML.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(imported.format, Format::Yaml);
        let ladder = imported.ladder;
        assert_eq!(ladder.version, 1);
        assert_eq!(ladder.tracks.len(), 2);
        let ids = |levels: Vec<&crate::ladder::Level>| {
            levels.iter().map(|l| l.id.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(ids(ladder.path(Some(&"mgr".parse().unwrap()))), ["A", "M"]);
        assert_eq!(ids(ladder.next_levels(&"A".parse().unwrap())), ["B", "M"]);
        assert_eq!(ladder.rank(&"M".parse().unwrap()), Some(1));
        let craft = &ladder.competencies[0];
        assert_eq!(craft.expectations[1].criteria[0].examples.len(), 1);
        assert_eq!(
            craft.expectations[2].proficiency.as_deref(),
            Some("Practitioner")
        );
    }

    #[test]
    fn consistency_problems_point_at_the_line_that_causes_them() {
        let broken = YAML
            .replace("tracks: [mgr]", "tracks: [mgt]")
            .replace("      - level: M\n", "      - level: N\n");
        let err = import("tiny.yml", broken.as_bytes(), None).unwrap_err();
        let lines: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "line 16, column 14: levels[2].tracks[0]: 'mgt' is not a track of this ladder; did you mean 'mgr'?",
                "line 27, column 16: competencies[0].expectations[2].level: 'N' is not a level of this ladder (levels: A, B, M)",
            ]
        );
    }

    #[test]
    fn a_level_left_out_of_a_track_the_competency_is_on_is_reported_at_the_competency() {
        let text = YAML.replace(
            "      - level: A\n        text: Writes working code with help.\n",
            "",
        );
        let err = import("tiny.yml", text.as_bytes(), None).unwrap_err();
        assert_eq!(
            err.problems[0].to_string(),
            "line 18, column 5: competencies[0].expectations: no expectation for level 'A'"
        );
    }

    #[test]
    fn a_missing_level_list_and_wrong_types_are_all_reported() {
        let err = import(
            "x.toml",
            b"id = \"x\"\nname = \"X\"\nversion = \"one\"\ncompetencies = 3\n",
            Some(Format::Toml),
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("version: must be a whole number"), "{text}");
        assert!(text.contains("levels: is missing"), "{text}");
        assert!(text.contains("competencies: must be a list"), "{text}");
    }
}
