//! The ladder importers on real published frameworks (`../shared/ladders`), on spreadsheets
//! built here, and on arbitrary bytes: nothing in a source is lost, mistakes are pointed at
//! their line, and no input makes a reader panic.

use std::path::PathBuf;

use cairn_core::id::LevelId;
use cairn_core::ladder::Ladder;
use cairn_core::ladder::import::{Format, import};
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
    let hole = WIDE.replace("Ships features.", "");
    let err = import("matrix.csv", hole.as_bytes(), None).unwrap_err();
    assert!(
        err.to_string()
            .contains("line 2, column 4: row 2, Mid: is empty"),
        "{err}"
    );
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
