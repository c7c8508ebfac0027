//! The ladders that ship inside the binary, read from `ladders/` at build time.

use super::Ladder;
use super::import::from_toml;

const SOFTWARE_ENGINEER: &str = include_str!("../../../../ladders/software-engineer.toml");
const ENGINEERING_MANAGER: &str = include_str!("../../../../ladders/engineering-manager.toml");

/// The id of the ladder a new profile uses unless told otherwise.
pub const DEFAULT_LADDER: &str = "software-engineer";

/// The built-in ladder files, as embedded.
const FILES: [&str; 2] = [SOFTWARE_ENGINEER, ENGINEERING_MANAGER];

/// Every built-in ladder, parsed. A file that fails to parse is a build defect: the test
/// `every_built_in_ladder_parses` fails on it, naming the problem, before any release; at
/// run time such a file is left out rather than taking the program down.
pub fn all() -> Vec<Ladder> {
    FILES
        .into_iter()
        .filter_map(|text| from_toml(text).ok())
        .collect()
}

/// The built-in ladder with this id.
pub fn find(id: &str) -> Option<Ladder> {
    all().into_iter().find(|l| l.id.as_str() == id)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const COMPETENCIES: [&str; 8] = [
        "technical-depth",
        "system-design",
        "delivery",
        "operations",
        "collaboration",
        "influence",
        "mentoring",
        "product-impact",
    ];

    #[test]
    fn every_built_in_ladder_parses() {
        for text in FILES {
            let first = text
                .lines()
                .find(|l| l.starts_with("id"))
                .unwrap_or_default();
            if let Err(e) = from_toml(text) {
                panic!("the built-in ladder ({first}) does not parse: {e}");
            }
        }
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn the_software_engineer_ladder_is_complete() {
        let ladder = from_toml(SOFTWARE_ENGINEER).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = ladder.competencies.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, COMPETENCIES);
        let levels: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(levels, ["L1", "L2", "L3", "L4", "L5", "L6"]);
        let titles: Vec<&str> = ladder.levels.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Engineer I",
                "Engineer II",
                "Senior Engineer",
                "Staff Engineer",
                "Senior Staff Engineer",
                "Principal Engineer"
            ]
        );
        for competency in &ladder.competencies {
            for level in &ladder.levels {
                let e = ladder
                    .expectation(&competency.id, &level.id)
                    .unwrap_or_else(|| panic!("{} has nothing at {}", competency.id, level.id));
                assert!(
                    e.examples.len() >= 2,
                    "{} at {} needs two examples",
                    competency.id,
                    level.id
                );
            }
        }
    }

    #[test]
    fn the_engineering_manager_ladder_is_complete() {
        let ladder = from_toml(ENGINEERING_MANAGER).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ladder.id.as_str(), "engineering-manager");
        let levels: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(levels, ["M1", "M2", "M3", "M4"]);
        assert_eq!(ladder.competencies.len(), 6);
        for competency in &ladder.competencies {
            for level in &ladder.levels {
                let e = ladder
                    .expectation(&competency.id, &level.id)
                    .unwrap_or_else(|| panic!("{} has nothing at {}", competency.id, level.id));
                assert!(e.examples.len() >= 2, "{} at {}", competency.id, level.id);
            }
        }
        assert_eq!(all().len(), 2, "both built-in ladders parse");
    }

    #[test]
    fn no_sentence_is_reused_across_levels() {
        for ladder in all() {
            let mut seen = HashSet::new();
            for competency in &ladder.competencies {
                for e in &competency.expectations {
                    for text in std::iter::once(&e.text).chain(&e.examples) {
                        assert!(
                            seen.insert(text.as_str()),
                            "{}: repeated: {text}",
                            ladder.id
                        );
                    }
                }
            }
        }
    }
}
