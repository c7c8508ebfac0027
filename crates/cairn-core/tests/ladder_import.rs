//! The ladder importers on real published frameworks (`../shared/ladders`), on spreadsheets
//! built here, and on arbitrary bytes: nothing in a source is lost, mistakes are pointed at
//! their line, and no input makes a reader panic.

use std::path::PathBuf;

use cairn_core::id::LevelId;
use cairn_core::ladder::Ladder;
use cairn_core::ladder::import::{
    Format, NOTHING_NEW, Options, import, import_folder, import_with,
};
use proptest::prelude::*;

/// A real framework from the shared folder, or `None` (with a note) when it is absent.
fn shared(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ladders")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("skipped: {} is not here", path.display());
            None
        }
    }
}

fn counts(ladder: &Ladder) -> (usize, usize, usize, usize, usize) {
    let expectations = ladder.competencies.iter().flat_map(|c| &c.expectations);
    let statements = expectations
        .clone()
        .map(|e| usize::from(!e.text.is_empty()) + e.criteria.len())
        .sum();
    let examples = expectations
        .map(|e| e.examples.len() + e.criteria.iter().map(|c| c.examples.len()).sum::<usize>())
        .sum();
    (
        ladder.levels.len(),
        ladder.tracks.len(),
        ladder.competencies.len(),
        statements,
        examples,
    )
}

#[test]
fn the_ft_framework_imports_whole_with_its_tracks() {
    let Some(bytes) = shared("ft-engineering.yml") else {
        return;
    };
    let imported = import("ft-engineering.yml", &bytes, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.format, Format::Ft);
    let ladder = &imported.ladder;
    // 8 levels, 9 themes, 72 statements (one per theme and level), no examples in the source.
    assert_eq!(counts(ladder), (8, 2, 9, 72, 0));
    assert_eq!(ladder.id.as_str(), "ft-engineering");
    assert_eq!(ladder.name, "Engineering");
    let proficiencies = ladder
        .competencies
        .iter()
        .flat_map(|c| &c.expectations)
        .filter(|e| e.proficiency.is_some())
        .count();
    assert_eq!(proficiencies, 72);
    let path = |track: &str| -> Vec<String> {
        let track = track.parse().unwrap();
        ladder
            .path(Some(&track))
            .iter()
            .map(|l| l.id.to_string())
            .collect()
    };
    assert_eq!(
        path("individual-contributor"),
        [
            "junior",
            "engineer",
            "senior-1",
            "senior-2-ic",
            "principal-ic",
            "tech-director"
        ]
    );
    assert_eq!(
        path("people-manager"),
        [
            "junior",
            "engineer",
            "senior-1",
            "senior-2-pm",
            "principal-pm",
            "tech-director"
        ]
    );
    let above: Vec<&str> = ladder
        .next_levels(&"senior-1".parse().unwrap())
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(above, ["senior-2-ic", "senior-2-pm"]);
    assert_eq!(ladder.rank(&"principal-pm".parse().unwrap()), Some(4));
    let note = imported.mapping.join("\n");
    assert!(note.contains("tracks: Individual Contributor (senior-2-ic, principal-ic); People Manager (senior-2-pm, principal-pm); shared: junior, engineer, senior-1, tech-director"), "{note}");
    assert!(
        note.contains("72 competency statements → expectations"),
        "{note}"
    );
}

#[test]
fn the_monzo_framework_imports_whole_with_late_starting_topics() {
    let Some(bytes) = shared("monzo-backend.md") else {
        return;
    };
    let imported = import("monzo-backend.md", &bytes, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.format, Format::Monzo);
    let ladder = &imported.ladder;
    // 6 levels, 5 topics; 121 criteria and 14 example criteria; 22 examples.
    assert_eq!(counts(ladder), (6, 0, 5, 135, 22));
    assert_eq!(ladder.name, "Backend Engineering Framework");
    let leadership = ladder.competency(&"leadership".parse().unwrap()).unwrap();
    assert_eq!(leadership.name, "Leadership");
    assert_eq!(
        leadership.expected_from.as_ref().map(LevelId::as_str),
        Some("3")
    );
    assert_eq!(leadership.expectations.len(), 4);
    let communication = ladder
        .competency(&"communication".parse().unwrap())
        .unwrap();
    assert_eq!(communication.name, "Communication");
    let level2 = &communication.expectations[1];
    assert_eq!(level2.criteria.len(), 5);
    assert_eq!(level2.criteria[3].examples.len(), 1);
    assert!(ladder.description.contains("Things to keep in mind"));
    let note = imported.mapping.join("\n");
    assert!(
        note.contains("topic 'leadership' starts at level 3: not expected below it"),
        "{note}"
    );
}

#[test]
fn a_mistake_in_a_real_file_is_reported_at_its_line_with_a_suggestion() {
    let Some(bytes) = shared("ft-engineering.yml") else {
        return;
    };
    let text = String::from_utf8(bytes).unwrap();
    let (line, _) = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "level: senior-1")
        .nth(2)
        .unwrap();
    let broken: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                l.replace("senior-1", "senior-l")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let err = import("ft-engineering.yml", broken.as_bytes(), None).unwrap_err();
    let first = err.problems[0].to_string();
    assert!(
        first.starts_with(&format!("line {}, column 12: competencies[", line + 1)),
        "{err}"
    );
    assert!(
        first.ends_with("'senior-l' is not a level of this ladder; did you mean 'senior-1'?"),
        "{err}"
    );
}

const LONG: &str = "\
Competency,Level,Level title,Track,Expectation,Examples
System design,L1,Engineer,,Designs a component with guidance.,\"Sketches a schema
Reviews a design\"
System design,L2,Senior,,Designs a service alone.,
System design,L3,Staff,ic,Designs systems across teams.,Leads a cross-team RFC
Influence,L2,Senior,,Shapes the team's decisions.,
Influence,L2,Senior,,Mentors one engineer.,Pairs weekly with a new hire
Influence,L3,Staff,ic,Shapes the group's direction.,
People,M1,Manager,manager,Runs a team of five.,
People,L3,Staff,ic,Coaches leads.,
";

#[test]
fn a_long_spreadsheet_imports_with_criteria_tracks_and_late_starts() {
    let imported =
        import("career-ladder.csv", LONG.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.format, Format::CsvLong);
    let ladder = &imported.ladder;
    assert_eq!(counts(ladder), (4, 2, 3, 8, 4));
    assert_eq!(ladder.name, "Career ladder");
    let design = &ladder.competencies[0];
    assert_eq!(
        (design.id.as_str(), design.name.as_str()),
        ("system-design", "System design")
    );
    assert_eq!(
        design.expectations[0].examples,
        ["Sketches a schema", "Reviews a design"]
    );
    let influence = &ladder.competencies[1];
    assert_eq!(
        influence.expected_from.as_ref().map(LevelId::as_str),
        Some("L2")
    );
    assert_eq!(
        influence.expectations[0].criteria.len(),
        2,
        "two rows, two criteria"
    );
    assert_eq!(ladder.level(&"L3".parse().unwrap()).unwrap().title, "Staff");
    let tracks: Vec<&str> = ladder.tracks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tracks, ["ic", "manager"]);
    assert!(imported.mapping.iter().any(|m| {
        m.contains("competency = 'competency', level = 'level', expectation = 'expectation'")
    }));
}

#[test]
fn a_long_spreadsheet_with_a_gap_or_a_missing_column_is_refused_at_its_row() {
    let gap = LONG.replace("System design,L2,Senior,,Designs a service alone.,\n", "");
    let err = import("ladder.csv", gap.as_bytes(), None).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("line 2, column 1: row 2, competency: no expectation for level 'L2'"),
        "{err}"
    );
    let blank = LONG.replace("Designs a service alone.", "");
    let err = import("ladder.csv", blank.as_bytes(), None).unwrap_err();
    assert!(
        err.to_string()
            .contains("line 4, column 5: row 4, expectation: is empty"),
        "{err}"
    );
    let err = import(
        "ladder.csv",
        b"Competency,Level,Notes\nX,L1,y\n",
        Some(Format::CsvLong),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no expectation column"), "{err}");
}

const WIDE: &str = "\
Competency,Description,Junior,Mid,Senior
Delivery,Getting things done,Ships small tasks.,Ships features.,\"Ships projects.
e.g. Led the billing migration\"
Mentoring,,,Helps newcomers.,\"- Mentors two engineers
- Runs the onboarding
Example: ran onboarding for four hires\"
";

#[test]
fn a_wide_matrix_imports_with_examples_bullets_and_late_starts() {
    let imported = import("matrix.csv", WIDE.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.format, Format::CsvWide);
    let ladder = &imported.ladder;
    assert_eq!(counts(ladder), (3, 0, 2, 6, 2));
    let titles: Vec<&str> = ladder.levels.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["Junior", "Mid", "Senior"]);
    assert_eq!(ladder.competencies[0].description, "Getting things done");
    assert_eq!(
        ladder.competencies[0].expectations[2].examples,
        ["Led the billing migration"]
    );
    let mentoring = &ladder.competencies[1];
    assert_eq!(
        mentoring.expected_from.as_ref().map(LevelId::as_str),
        Some("mid")
    );
    assert_eq!(mentoring.expectations[1].criteria.len(), 2);
}

#[test]
fn a_blank_cell_after_a_competencys_first_statement_expects_nothing_new_there() {
    let hole = WIDE.replace("Ships features.", "");
    let imported = import("matrix.csv", hole.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let delivery = &imported.ladder.competencies[0];
    assert_eq!(delivery.expectations.len(), 3);
    assert_eq!(delivery.expectations[1].text, NOTHING_NEW);
    assert!(
        warnings(&imported)
            .contains("line 2, column 4: row 2, Mid: is empty: read as nothing new expected of 'delivery' at level 'mid'"),
        "{}",
        warnings(&imported)
    );
    let strict = Options {
        format: None,
        strict: true,
    };
    let err = import_with("matrix.csv", hole.as_bytes(), strict).unwrap_err();
    assert!(err.to_string().contains("row 2, Mid: is empty"), "{err}");
}

#[test]
fn a_ladder_written_out_as_a_long_spreadsheet_reads_back_the_same() {
    let Some(bytes) = shared("ft-engineering.yml") else {
        return;
    };
    let ft = import("ft-engineering.yml", &bytes, None).unwrap().ladder;
    let mut csv = String::from("competency,level,level title,track,expectation,proficiency\n");
    for c in &ft.competencies {
        for e in &c.expectations {
            let level = ft.level(&e.level).unwrap();
            let track = level
                .tracks
                .first()
                .map(|t| ft.track(t).unwrap().name.clone());
            csv.push_str(&format!(
                "{},{},\"{}\",{},\"{}\",{}\n",
                c.id,
                e.level,
                level.title,
                track.unwrap_or_default(),
                e.text.replace('"', "\"\""),
                e.proficiency.clone().unwrap_or_default()
            ));
        }
    }
    let back = import("ft-engineering.csv", csv.as_bytes(), None)
        .unwrap_or_else(|e| panic!("{e}"))
        .ladder;
    assert_eq!(counts(&back), counts(&ft));
    for (a, b) in ft.competencies.iter().zip(&back.competencies) {
        assert_eq!(a.expectations, b.expectations, "{}", a.id);
    }
    assert_eq!(back.path(Some(&"people-manager".parse().unwrap())).len(), 6);
}

/// Real files cut short or with a line dropped: every reader gives a ladder or problems.
fn mutations(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = (0..lines.len())
        .step_by(7)
        .map(|skip| {
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    out.extend(
        (1..text.len())
            .step_by(97)
            .filter(|&cut| text.is_char_boundary(cut))
            .map(|cut| text[..cut].to_owned()),
    );
    out
}

#[test]
fn damaged_real_files_never_panic_and_always_explain() {
    for name in ["ft-engineering.yml", "monzo-backend.md"] {
        let Some(bytes) = shared(name) else {
            continue;
        };
        let text = String::from_utf8(bytes).unwrap();
        for damaged in mutations(&text) {
            for format in [None, Some(Format::Ft), Some(Format::Monzo)] {
                if let Err(err) = import(name, damaged.as_bytes(), format) {
                    assert!(!err.problems.is_empty());
                    assert!(err.problems.iter().all(|p| !p.invalid.message.is_empty()));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_bytes_make_any_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for format in [None].into_iter().chain(Format::ALL.map(Some)) {
            let _ = import("fuzz", &bytes, format);
        }
    }

    #[test]
    fn no_ladder_shaped_text_makes_any_reader_panic(
        text in "(---\n)?([a-zA-Z_ :,\"\\[\\]{}=#\n-]|levels|topics|themes|id|level|criteria|competencies|expectations|  ){0,120}"
    ) {
        for format in [None].into_iter().chain(Format::ALL.map(Some)) {
            if let Err(err) = import("fuzz.txt", text.as_bytes(), format) {
                prop_assert!(!err.problems.is_empty());
            }
        }
    }
}

/// What a source file holds, counted from its own text without the importer.
#[derive(Debug, PartialEq, Eq)]
struct Source {
    levels: usize,
    competencies: usize,
    statements: usize,
    examples: usize,
}

/// Counts an FT family: its `levels`, `themes`, statements (`competencies`) and their
/// `examples` and `supportingUrls`; the second number is the links.
fn ft_source(text: &str) -> Option<(Source, usize)> {
    let root = marked_yaml::parse_yaml(0, text).ok()?;
    let top = root.as_mapping()?;
    let len = |key: &str| top.get_sequence(key).map_or(0, |s| s.len());
    let statements = top.get_sequence("competencies")?;
    let listed = |key: &str| -> usize {
        statements
            .iter()
            .filter_map(|s| s.as_mapping()?.get_sequence(key))
            .map(|list| list.len())
            .sum()
    };
    let source = Source {
        levels: len("levels"),
        competencies: len("themes"),
        statements: statements.len(),
        examples: listed("examples"),
    };
    Some((source, listed("supportingUrls")))
}

/// Counts a Monzo framework's front matter: levels (the declared number, or the highest
/// level with content when that is past it), topics, non-empty criteria and example
/// criteria, and examples.
fn monzo_source(text: &str) -> Option<Source> {
    let yaml = text.split("\n---").next()?.trim_start_matches("---");
    let root = marked_yaml::parse_yaml(0, yaml).ok()?;
    let top = root.as_mapping()?;
    let declared: usize = top.get_scalar("levels")?.as_str().parse().ok()?;
    let topics = top.get_sequence("topics")?;
    let (mut highest, mut statements, mut examples) = (declared, 0, 0);
    for topic in topics.iter() {
        for content in topic.as_mapping()?.get_sequence("content")?.iter() {
            let content = content.as_mapping()?;
            let level: usize = content.get_scalar("level")?.as_str().parse().ok()?;
            highest = highest.max(level);
            for criterion in content
                .get_sequence("criteria")
                .into_iter()
                .flat_map(|s| s.iter())
            {
                statements += usize::from(!criterion.as_scalar()?.as_str().trim().is_empty());
            }
            for example in content
                .get_sequence("exampleCriteria")
                .into_iter()
                .flat_map(|s| s.iter())
            {
                statements += 1;
                let listed = example.as_mapping()?.get_sequence("examples");
                examples += listed.map_or(0, |e| e.len());
            }
        }
    }
    Some(Source {
        levels: highest,
        competencies: topics.len(),
        statements,
        examples,
    })
}

/// Counts a heading-form framework by its lines: `## ` headings are levels, distinct `### `
/// headings competencies, and each `### ` heading with prose under it one statement.
fn headings_source(text: &str) -> Source {
    let lines: Vec<&str> = text.lines().collect();
    let mut names: Vec<&str> = Vec::new();
    let mut statements = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some(name) = line.strip_prefix("### ") {
            if !names.contains(&name) {
                names.push(name);
            }
            let prose = lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with('#'))
                .any(|l| !l.trim().is_empty() && l.trim() != "---");
            statements += usize::from(prose);
        }
    }
    Source {
        levels: lines.iter().filter(|l| l.starts_with("## ")).count(),
        competencies: names.len(),
        statements,
        examples: 0,
    }
}

/// What the importer made of a file, counted the same way; the levels it filled in as
/// expecting nothing new are not statements of the source.
fn imported_source(ladder: &Ladder) -> (Source, usize) {
    let expectations: Vec<_> = ladder
        .competencies
        .iter()
        .flat_map(|c| &c.expectations)
        .collect();
    let written = |e: &&&cairn_core::ladder::Expectation| e.text != NOTHING_NEW;
    let source = Source {
        levels: ladder.levels.len(),
        competencies: ladder.competencies.len(),
        statements: expectations
            .iter()
            .filter(written)
            .map(|e| usize::from(!e.text.is_empty()) + e.criteria.len())
            .sum(),
        examples: expectations
            .iter()
            .map(|e| e.examples.len() + e.criteria.iter().map(|c| c.examples.len()).sum::<usize>())
            .sum(),
    };
    let links = expectations
        .iter()
        .map(|e| e.links.len() + e.criteria.iter().map(|c| c.links.len()).sum::<usize>())
        .sum();
    (source, links)
}

#[test]
fn every_published_framework_imports_whole() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ladders");
    let mut files = Vec::new();
    for folder in ["ft", "monzo"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            eprintln!("skipped: {} is not here", root.join(folder).display());
            return;
        };
        files.extend(entries.map(|e| e.unwrap().path()));
    }
    files.sort();
    assert_eq!(files.len(), 20, "{files:?}");
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let imported =
            import(&name, text.as_bytes(), None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (got, links) = imported_source(&imported.ladder);
        let (want, want_links, format) = if name.ends_with(".yml") {
            let (source, links) = ft_source(&text).unwrap();
            (source, links, Format::Ft)
        } else if text.contains("\nyaml: false\n") {
            (headings_source(&text), 0, Format::Markdown)
        } else {
            (monzo_source(&text).unwrap(), 0, Format::Monzo)
        };
        assert_eq!(imported.format, format, "{name}");
        assert_eq!(got, want, "{name}");
        assert_eq!(links, want_links, "{name}");
    }
}

/// A Monzo framework with `levels` declared and the given topics (YAML, indented as under
/// `topics:`).
fn monzo(levels: &str, topics: &str) -> String {
    format!(
        "---\ntitle: \"🧪 Test Framework\"\nyaml: true\nlevels: {levels}\ntopics:\n{topics}---\nBody.\n"
    )
}

const TWO_LEVEL_TOPIC: &str = "  - name: \"craft\"
    title:
    content:
      - level: 1
        criteria:
          - \"Writes code\"
      - level: 2
        criteria:
          - \"Designs code\"
";

fn warnings(imported: &cairn_core::ladder::import::Imported) -> String {
    imported
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_topic_named_in_words_gets_a_slug_id_and_keeps_its_name_whole() {
    let topics = TWO_LEVEL_TOPIC.replace(
        "\"craft\"",
        "\"communication: transparent communication; giving and receiving feedback\"",
    );
    let text = format!(
        "{topics}{}",
        TWO_LEVEL_TOPIC.replace("craft", "problem solving")
    );
    let imported =
        import("words.md", monzo("2", &text).as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let [first, second] = &imported.ladder.competencies[..] else {
        panic!("two topics, two competencies");
    };
    assert_eq!(
        first.id.as_str(),
        "communication-transparent-communication-giving-and-receiving-fee"
    );
    assert_eq!(
        first.name,
        "Communication: transparent communication; giving and receiving feedback"
    );
    assert_eq!(
        (second.id.as_str(), second.name.as_str()),
        ("problem-solving", "Problem solving")
    );
    let note = imported.mapping.join("\n");
    assert!(
        note.contains("'problem solving' → 'problem-solving'"),
        "{note}"
    );
}

#[test]
fn a_level_without_content_expects_nothing_new_with_a_warning_and_strict_refuses_it() {
    let topic = "  - name: \"teamwork\"\n    content:\n      - level: 1\n        criteria:\n          - \"Helps\"\n      - level: 2\n        criteria:\n";
    let text = monzo(
        "3",
        &format!("{TWO_LEVEL_TOPIC}{topic}").replace(
            "Designs code\"\n",
            "Designs code\"\n      - level: 3\n        criteria:\n          - \"Leads code\"\n",
        ),
    );
    let imported = import("gaps.md", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let teamwork = &imported.ladder.competencies[1];
    let texts: Vec<&str> = teamwork
        .expectations
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(texts, ["", NOTHING_NEW, NOTHING_NEW]);
    assert!(
        warnings(&imported).contains(
            "'teamwork' has no content for levels 2, 3: read as nothing new expected there"
        ),
        "{}",
        warnings(&imported)
    );
    let strict = Options {
        format: None,
        strict: true,
    };
    let err = import_with("gaps.md", text.as_bytes(), strict).unwrap_err();
    assert!(
        err.to_string().contains("no content for levels 2, 3"),
        "{err}"
    );
}

#[test]
fn empty_criteria_below_a_topics_first_content_mean_not_expected_yet() {
    let topic = "  - name: \"leading\"\n    content:\n      - level: 1\n        criteria:\n          - \"\"\n      - level: 2\n        criteria:\n          - \"Leads\"\n";
    let imported = import(
        "late.md",
        monzo("2", &format!("{TWO_LEVEL_TOPIC}{topic}")).as_bytes(),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let leading = &imported.ladder.competencies[1];
    assert_eq!(
        leading.expected_from.as_ref().map(LevelId::as_str),
        Some("2")
    );
    assert_eq!(leading.expectations.len(), 1);
    assert!(imported.warnings.is_empty(), "{}", warnings(&imported));
}

#[test]
fn content_past_the_declared_levels_extends_them_with_a_warning() {
    let text = monzo("1", TWO_LEVEL_TOPIC);
    let imported = import("past.md", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let levels: Vec<&str> = imported
        .ladder
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(levels, ["1", "2"]);
    assert_eq!(
        imported.ladder.competencies[0].expectations[1].criteria[0].text,
        "Designs code"
    );
    assert!(
        warnings(&imported).contains("line 12, column 16: topics[0].content[1].level: content for level 2 past the declared 1 levels"),
        "{}",
        warnings(&imported)
    );
}

#[test]
fn unknown_foreign_fields_are_named_not_kept_and_never_refuse_the_file() {
    let topics = TWO_LEVEL_TOPIC.replace(
        "    title:\n",
        "    title:\n    subtitle: \"How we build\"\n",
    );
    let imported = import("extended.md", monzo("2", &topics).as_bytes(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        warnings(&imported),
        "line 8, column 5: topics[0].subtitle: not kept: Cairn has no use for this field"
    );
    let strict = Options {
        format: None,
        strict: true,
    };
    assert!(import_with("extended.md", monzo("2", &topics).as_bytes(), strict).is_err());
}

#[test]
fn loosely_written_fields_are_read_with_warnings_and_strict_refuses_them() {
    // One criterion written without a list, an example list given as one line, a summary
    // given as a list, and no title: each read as meant and said in the report.
    let topics = TWO_LEVEL_TOPIC
        .replace(
            "        criteria:\n          - \"Designs code\"\n",
            "        criteria: \"Designs code\"\n        exampleCriteria:\n          - criteria: \"Explains a design\"\n            examples: \"Wrote the queue ADR\"\n",
        );
    let text = monzo("2", &topics).replace("title: \"🧪 Test Framework\"\n", "");
    let imported =
        import("loose-craft.md", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let ladder = &imported.ladder;
    assert_eq!(ladder.name, "Loose craft");
    let craft = &ladder.competencies[0].expectations;
    let level_two: Vec<&str> = craft[1].criteria.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(level_two, ["Designs code", "Explains a design"]);
    assert_eq!(craft[1].criteria[1].examples, ["Wrote the queue ADR"]);
    let said = warnings(&imported);
    for part in [
        "topics[0].content[1].criteria: is a single value where a list belongs: read as a list of one",
        "topics[0].content[1].exampleCriteria[0].examples: is a single value where a list belongs",
        "the file names no ladder: it is called 'Loose craft', after the file",
    ] {
        assert!(said.contains(part), "{part} in:\n{said}");
    }
    let strict = Options {
        format: None,
        strict: true,
    };
    assert!(import_with("loose-craft.md", text.as_bytes(), strict).is_err());

    let ft = FT_LEGACY.replace(
        "    summary: Fixes things\n",
        "    summary:\n      - Fixes things\n      - Writes it up\n",
    );
    let imported = import("ops.yml", ft.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        warnings(&imported).contains("competencies[0].summary: is a list where one value belongs"),
        "{}",
        warnings(&imported)
    );
    let text = &imported.ladder.competencies[0].expectations[0].criteria[0].text;
    assert_eq!(text, "Fixes things. Writes it up.");
}

const FT_LEGACY: &str = "\
name: Ops
isLegacy: true
levels:
  - id: one
    name: One
themes:
  - id: craft
    name: Craft
competencies:
  - id: a
    summary: Fixes things
    examples:
      - Fixed the printer
    supportingUrls:
      - label: Runbook
        url: https://example.com/runbook
    level: one
    theme: craft
    proficiency: Working knowledge
  - id: b
    summary: Asks for help
    examples: []
    supportingUrls: []
    level: one
    theme: craft
    proficiency: Working knowledge
";

#[test]
fn ft_statement_examples_and_links_are_kept_and_several_statements_become_criteria() {
    let imported = import("ops.yml", FT_LEGACY.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let expectation = &imported.ladder.competencies[0].expectations[0];
    let texts: Vec<&str> = expectation
        .criteria
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Fixes things", "Asks for help"]);
    assert_eq!(expectation.criteria[0].examples, ["Fixed the printer"]);
    let link = &expectation.criteria[0].links[0];
    assert_eq!(
        (link.label.as_str(), link.url.as_str()),
        ("Runbook", "https://example.com/runbook")
    );
    assert_eq!(
        expectation.proficiency.as_deref(),
        Some("Working knowledge")
    );
    assert_eq!(
        warnings(&imported),
        "line 2, column 1: isLegacy: not kept: Cairn has no use for this field"
    );
}

const HEADINGS: &str = "\
---
title: \"🎯 Design Framework\"
yaml: false
levels:
---
## Level 1

### Knowledge

Knows the basics.

### Ownership

Owns small tasks.

---

## Level 2

### Knowledge

Knows a lot.
";

#[test]
fn the_heading_form_reads_levels_competencies_and_prose() {
    let imported = import("design.md", HEADINGS.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.format, Format::Markdown);
    let ladder = &imported.ladder;
    assert_eq!(ladder.name, "Design Framework");
    assert_eq!(
        counts(ladder),
        (2, 0, 2, 4, 0),
        "the empty level 2 ownership is filled"
    );
    let ownership = ladder.competency(&"ownership".parse().unwrap()).unwrap();
    assert_eq!(ownership.expectations[0].text, "Owns small tasks.");
    assert_eq!(ownership.expectations[1].text, NOTHING_NEW);
    assert!(
        warnings(&imported)
            .contains("line 12, column 1: Ownership: 'ownership' has no content for level 2"),
        "{}",
        warnings(&imported)
    );
}

#[test]
fn markdown_without_front_matter_reads_titled_levels_and_bullet_criteria() {
    let text = "# Platform ladder\n\n## Junior Engineer\n\nLearns the ropes.\n\n### Craft\n\n- Writes tests\n- Fixes bugs\n\n## Senior Engineer\n\n### Craft\n\nDesigns systems.\n";
    let imported = import("platform.md", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let ladder = &imported.ladder;
    assert_eq!(ladder.name, "Platform ladder");
    let levels: Vec<(&str, &str)> = ladder
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("junior-engineer", "Junior Engineer"),
            ("senior-engineer", "Senior Engineer")
        ]
    );
    assert_eq!(ladder.levels[0].summary, "Learns the ropes.");
    let craft = &ladder.competencies[0].expectations;
    assert_eq!(craft[0].criteria.len(), 2);
    assert_eq!(craft[1].text, "Designs systems.");
}

#[test]
fn a_file_in_no_format_names_each_format_tried_and_why() {
    let err = import("notes.md", b"---\ntitle: Notes\n---\nJust prose.\n", None).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("could not tell the ladder format"),
        "{message}"
    );
    assert!(
        message.contains("Monzo progression Markdown: the front matter has no `topics`"),
        "{message}"
    );
    assert!(message.contains("Markdown, a heading per level and a sub-heading per competency: below the front matter, there are no Markdown headings"), "{message}");
    let err = import("notes", b"Just some notes\nabout my career\n", None).unwrap_err();
    let message = err.to_string();
    for tried in [
        "Cairn ladder TOML: not TOML",
        "CSV, one row per competency and level: no header row",
        "Markdown, a heading per level",
    ] {
        assert!(message.contains(tried), "{tried}: {message}");
    }
}

#[test]
fn a_framework_with_no_levels_or_no_competencies_is_still_refused() {
    let no_topics = monzo("2", "").replace("topics:\n", "topics: []\n");
    let err = import("empty.md", no_topics.as_bytes(), None).unwrap_err();
    assert!(
        err.to_string()
            .contains("a ladder needs at least one competency"),
        "{err}"
    );
    let hollow = "## Level 1\n\n### Craft\n\n\n## Level 2\n";
    let err = import("hollow.md", hollow.as_bytes(), None).unwrap_err();
    assert!(
        err.to_string()
            .contains("a ladder needs at least one competency"),
        "{err}"
    );
    let err = import(
        "no-levels.md",
        monzo("", "")
            .replace("topics:\n", "topics: []\n")
            .as_bytes(),
        None,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("a ladder needs at least one level"),
        "{err}"
    );
}

#[test]
fn a_competency_with_no_content_at_any_level_is_not_kept_with_a_warning() {
    let empty = "  - name: \"vision\"\n    content:\n      - level: 1\n        criteria:\n";
    let text = monzo("2", &format!("{TWO_LEVEL_TOPIC}{empty}"));
    let imported = import("vision.md", text.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.ladder.competencies.len(), 1);
    assert!(
        warnings(&imported).contains(
            "line 15, column 5: topics[1]: 'vision' has no content at any level: not kept"
        ),
        "{}",
        warnings(&imported)
    );
    let ft = FT_LEGACY.replace("themes:\n", "themes:\n  - id: silent\n    name: Silent\n");
    let imported = import("ops.yml", ft.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = imported
        .ladder
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["craft"]);
    assert!(
        warnings(&imported).contains(
            "line 7, column 5: themes[0]: 'silent' has no content at any level: not kept"
        ),
        "{}",
        warnings(&imported)
    );
}

#[test]
fn broken_front_matter_is_refused_at_its_line_not_as_an_unknown_format() {
    let broken = monzo("2", TWO_LEVEL_TOPIC).replace("    content:\n", "    content: [\n");
    let err = import("broken.md", broken.as_bytes(), None).unwrap_err();
    assert!(!err.to_string().contains("could not tell"), "{err}");
    assert!(err.problems[0].at.is_some(), "{err}");
}

/// Frameworks in the shapes companies publish them, written for these tests by someone who
/// had not seen the readers: (file, format read, levels, competencies, cells with text).
const SHAPES: [(&str, Format, usize, usize, usize); 29] = [
    (
        "01-brightwave-level-headings.md",
        Format::Markdown,
        4,
        4,
        16,
    ),
    (
        "02-northwind-competency-headings.md",
        Format::Markdown,
        5,
        3,
        14,
    ),
    ("03-fernhill-bold-bullets.md", Format::Markdown, 3, 5, 15),
    ("04-quillpad-table.md", Format::Markdown, 4, 6, 20),
    (
        "05-orbital-intro-table-sections.md",
        Format::Markdown,
        4,
        4,
        15,
    ),
    ("06-rheinwerk-deutsch.md", Format::Markdown, 4, 4, 16),
    ("07-sakura-japanese.md", Format::Markdown, 4, 3, 12),
    ("08-tallgrass-front-matter.md", Format::Markdown, 6, 3, 18),
    ("09-helix-levels-as-columns.csv", Format::CsvWide, 4, 7, 26),
    ("10-cobalt-levels-as-rows.csv", Format::CsvWide, 5, 4, 20),
    ("11-acme-title-row.csv", Format::CsvWide, 3, 5, 15),
    ("12-lumen-two-header-rows.csv", Format::CsvWide, 4, 5, 18),
    ("13-pinecrest-long-format.csv", Format::CsvLong, 3, 4, 11),
    ("14-driftwood-sheet-export.tsv", Format::CsvWide, 4, 6, 19),
    ("15-keystone-axis-bullets.md", Format::Markdown, 3, 4, 11),
    ("16-marlow-bold-lines.md", Format::Markdown, 3, 3, 9),
    (
        "17-ashgrove-labelled-paragraphs.md",
        Format::Markdown,
        3,
        4,
        12,
    ),
    ("18-tidewater-prose-levels.md", Format::Markdown, 4, 1, 4),
    ("19-quarry-plain-labels.md", Format::Markdown, 3, 4, 12),
    (
        "20-holloway-proficiency-first.md",
        Format::Markdown,
        4,
        3,
        12,
    ),
    ("21-larkspur-grouped-table.md", Format::Markdown, 4, 4, 15),
    ("24-brambleway-html-table.md", Format::Markdown, 3, 3, 8),
    ("25-cedarline-bullet-levels.md", Format::Markdown, 3, 1, 3),
    ("26-quarrybank-second-header.csv", Format::CsvWide, 3, 3, 9),
    ("27-saltmarsh-rowspan-table.md", Format::Markdown, 3, 3, 9),
    ("28-heronsgate-titles-table.md", Format::Markdown, 4, 3, 12),
    ("29-ferrycross-section-tables.md", Format::Markdown, 3, 3, 9),
    ("30-larchmont-skills.yml", Format::List, 3, 2, 5),
    ("31-larchmont-skills.json", Format::List, 3, 2, 5),
];

#[test]
fn frameworks_in_every_published_shape_import_with_their_counts() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/ladders");
    for (file, format, levels, competencies, cells) in SHAPES {
        let bytes = std::fs::read(folder.join(file)).unwrap();
        let imported = import(file, &bytes, None).unwrap_or_else(|e| panic!("{file}: {e}"));
        let ladder = &imported.ladder;
        assert_eq!(imported.format, format, "{file}");
        assert_eq!(ladder.levels.len(), levels, "{file} levels");
        assert_eq!(
            ladder.competencies.len(),
            competencies,
            "{file} competencies"
        );
        let written = ladder
            .competencies
            .iter()
            .flat_map(|c| &c.expectations)
            .filter(|e| e.text != NOTHING_NEW)
            .count();
        assert_eq!(written, cells, "{file} cells with text");
        for c in &ladder.competencies {
            assert!(!c.name.trim().is_empty(), "{file}: {} has its name", c.id);
        }
    }
    // What a saved sheet carries around its table is read past and said in the report.
    let read = |file: &str| {
        let bytes = std::fs::read(folder.join(file)).unwrap();
        import(file, &bytes, None).unwrap()
    };
    let rows = read("10-cobalt-levels-as-rows.csv");
    assert_eq!(rows.ladder.levels[0].title, "Software Engineer I");
    for (file, said) in [
        ("10-cobalt-levels-as-rows.csv", "levels are written as rows"),
        ("11-acme-title-row.csv", "row 1: is above the header row"),
        (
            "13-pinecrest-long-format.csv",
            "read as the competency above (a merged cell)",
        ),
        (
            "13-pinecrest-long-format.csv",
            "is a note below the table: not kept",
        ),
        (
            "14-driftwood-sheet-export.tsv",
            "column 6 is empty: not kept",
        ),
        ("02-northwind-competency-headings.md", "read level by level"),
        (
            "18-tidewater-prose-levels.md",
            "each level's prose is read as one competency, 'Expectations'",
        ),
        (
            "19-quarry-plain-labels.md",
            "How does promotion work?: outside the levels",
        ),
        (
            "21-larkspur-grouped-table.md",
            "competency 'mastery' has a second row: read as 'mastery-2'",
        ),
        (
            "26-quarrybank-second-header.csv",
            "row 2: is a second header row: its names are used",
        ),
        (
            "26-quarrybank-second-header.csv",
            "column 5 holds notes: not kept",
        ),
        (
            "26-quarrybank-second-header.csv",
            "is a note below the table: not kept",
        ),
        (
            "27-saltmarsh-rowspan-table.md",
            "column 5 holds notes: not kept",
        ),
        (
            "27-saltmarsh-rowspan-table.md",
            "line 58, column 1: another table",
        ),
        (
            "28-heronsgate-titles-table.md",
            "the headings name no levels and a table does",
        ),
        (
            "29-ferrycross-section-tables.md",
            "each table under one names them across",
        ),
        (
            "29-ferrycross-section-tables.md",
            "line 7, column 1: a table with other levels across",
        ),
        ("30-larchmont-skills.yml", "[0].guide-url: not kept"),
        (
            "30-larchmont-skills.yml",
            "Incident response: 'incident-response' has no content for level aware",
        ),
        (
            "31-larchmont-skills.json",
            "Mentoring: 'mentoring' has no content for level aware",
        ),
    ] {
        let text = warnings(&read(file));
        assert!(text.contains(said), "{file}: {said} in\n{text}");
    }
    // A level spanning rows: the row across the table is its summary, the next its cells.
    let spans = read("27-saltmarsh-rowspan-table.md").ladder;
    let titles: Vec<&str> = spans.levels.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["E1", "E2", "E3"]);
    assert_eq!(
        spans.levels[1].summary,
        "Works on their own across a feature."
    );
    // Tables under their headings: a row's name is the competency, or the heading when the
    // table has no name column; a list in a cell gives the criteria.
    let sections = read("29-ferrycross-section-tables.md").ladder;
    let names: Vec<&str> = sections
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Code", "Testing", "Running"]);
    assert_eq!(sections.competencies[2].expectations[0].criteria.len(), 2);
    // A list of skills: each item a competency, levels in the order first named, several
    // statements a level's criteria, one its text.
    let list = read("31-larchmont-skills.json").ladder;
    assert_eq!(list.competencies[0].name, "Data modelling");
    assert_eq!(list.competencies[0].expectations[1].criteria.len(), 2);
    assert_eq!(
        list.competencies[0].expectations[0].text,
        "You read an existing schema and explain it."
    );
    let craft = &spans.competencies[0];
    assert_eq!(craft.name, "Craft");
    assert_eq!(craft.expectations[0].criteria.len(), 2, "{craft:?}");
    let strict = Options {
        format: None,
        strict: true,
    };
    let bytes = std::fs::read(folder.join("13-pinecrest-long-format.csv")).unwrap();
    assert!(import_with("13-pinecrest-long-format.csv", &bytes, strict).is_err());
    // Names in any script keep their words and get an ASCII id.
    let bytes = std::fs::read(folder.join("06-rheinwerk-deutsch.md")).unwrap();
    let german = import("06-rheinwerk-deutsch.md", &bytes, None)
        .unwrap()
        .ladder;
    assert!(
        german
            .competencies
            .iter()
            .any(|c| c.name.contains('ä') && c.id.as_str().is_ascii()),
        "{:?}",
        german
            .competencies
            .iter()
            .map(|c| (&c.id, &c.name))
            .collect::<Vec<_>>()
    );
}

/// The Markdown files under `folder`, each named by its path, as a folder import takes them.
fn markdown_files(folder: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).expect("the fixture folder reads") {
        let path = entry.expect("a folder entry reads").path();
        if path.is_dir() {
            files.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&path).expect("a fixture file reads");
            files.push((path.display().to_string(), bytes));
        }
    }
    files
}

#[test]
fn a_folder_with_a_file_per_level_or_per_competency_imports_as_one_ladder() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/ladders");
    // One file per grade, titled in front matter, with a README beside them; G10 comes
    // after G2, as people number them.
    let grades = folder.join("22-gullwing-grades");
    let imported = import_folder(
        "22-gullwing-grades",
        &markdown_files(&grades),
        Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ladder = &imported.ladder;
    assert_eq!(ladder.id.as_str(), "22-gullwing-grades");
    let titles: Vec<&str> = ladder.levels.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "G1 - Engineer Level 1",
            "G2 - Engineer Level 2",
            "G10 - Distinguished Engineer"
        ]
    );
    let names: Vec<&str> = ladder
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Technical Skills", "Team Skills"]);
    assert_eq!(
        counts(ladder).3,
        6,
        "one statement per grade and competency"
    );
    assert!(
        warnings(&imported).contains("README.md: introduces the folder"),
        "{}",
        warnings(&imported)
    );
    // One file per competency, in subfolders, with levels as headings inside each: read
    // level by level, "Level 2 *JUNIOR*" and "Level 2" being one level.
    let skills = folder.join("23-fenwick-skills");
    let imported = import_folder(
        "23-fenwick-skills",
        &markdown_files(&skills),
        Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ladder = &imported.ladder;
    let levels: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["1", "2", "3"]);
    let ids: Vec<&str> = ladder.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["communication", "debugging-diagnosis", "testing"]);
    let testing = ladder
        .competencies
        .iter()
        .find(|c| c.id.as_str() == "testing")
        .unwrap();
    assert_eq!(
        testing.expected_from.as_ref().map(LevelId::as_str),
        Some("2")
    );
    // Strict refuses over a warning, and places it in its own file and line.
    let strict = Options {
        format: None,
        strict: true,
    };
    let err = import_folder("23-fenwick-skills", &markdown_files(&skills), strict).unwrap_err();
    let first = &err.problems[0];
    assert!(
        first
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("communication.md")),
        "{err:?}"
    );
    assert_eq!(first.at.map(|a| a.line), Some(1), "{err:?}");
}

#[test]
fn a_page_without_the_order_every_other_page_has_is_an_overview() {
    let page = |name: &str, order: &str, title: &str| {
        (
            format!("personas/{name}.md"),
            format!(
                "---\ntitle: {title}\n{order}---\n\n## Delivery\n\n- Ships work as a {title}.\n\n## Mentoring\n\n- Helps others as a {title}.\n"
            )
            .into_bytes(),
        )
    };
    let files = vec![
        page("scout", "order: 1\n", "Scout"),
        page("ranger", "order: 2\n", "Ranger"),
        page("warden", "order: 3.5\n", "Warden"),
        page("keeper", "order: 3\n", "Keeper"),
        page("personas", "", "Personas"),
    ];
    let imported = import_folder("personas", &files, Options::default()).unwrap();
    let titles: Vec<&str> = imported
        .ladder
        .levels
        .iter()
        .map(|l| l.title.as_str())
        .collect();
    assert_eq!(titles, ["Scout", "Ranger", "Keeper", "Warden"]);
    assert!(
        warnings(&imported).contains("read as an overview"),
        "{}",
        warnings(&imported)
    );
}

#[test]
fn levels_named_by_a_code_are_one_level_across_files_in_the_order_of_their_numbers() {
    let skill = |name: &str, levels: &[(&str, &str)]| {
        let mut text = format!("# {name}\n\n");
        for (title, body) in levels {
            text.push_str(&format!("## {title}\n\n- {body}\n\n"));
        }
        (
            format!("skills/{}.md", name.to_lowercase()),
            text.into_bytes(),
        )
    };
    let files = vec![
        skill(
            "Debugging",
            &[
                ("LVL 2 - Engineer I", "Fixes simple bugs with help."),
                (
                    "LVL 3 - Engineer II",
                    "Finds the cause of common bugs alone.",
                ),
            ],
        ),
        skill(
            "Mentoring",
            &[
                ("LVL 1 - Trainee", "Asks for help early."),
                ("LVL 2 - Trainee, Engineer I", "Helps a newer trainee."),
                ("LVL 3 - Engineer II", "Onboards a new joiner."),
            ],
        ),
    ];
    let imported = import_folder("skills", &files, Options::default()).unwrap();
    let ids: Vec<&str> = imported
        .ladder
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, ["lvl-1", "lvl-2", "lvl-3"]);
    assert_eq!(imported.ladder.levels[1].title, "LVL 2 - Engineer I");
    assert_eq!(imported.ladder.competencies.len(), 2);
}

#[test]
fn a_list_item_without_a_name_is_refused_at_its_line() {
    let text = "- name: Testing\n  levels:\n    - name: Aware\n      examples: [Runs the tests.]\n- desc: no name here\n  levels:\n    - name: Aware\n      examples: [Something.]\n";
    let err = import("skills.yml", text.as_bytes(), Some(Format::List)).unwrap_err();
    let said = err.to_string();
    assert!(said.contains("line 5"), "{said}");
    assert!(said.contains("a competency needs a name"), "{said}");
}
