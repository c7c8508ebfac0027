//! Career ladders: levels, competencies, and what each competency expects at each level.
//!
//! A ladder is data written by people (a company's framework or Cairn's built-ins), so this
//! module owns its shape, its lookups and the rules that make it usable: ids are unique, and
//! every competency says what it expects at every level from the one it starts at. Reading
//! the TOML text lives in [`format`]; the built-in ladders in [`builtin`].

pub mod builtin;
pub mod format;
pub mod next;

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::id::{CompetencyId, LadderId, LevelId};

/// A career framework at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Stable id, such as `software-engineer`.
    pub id: LadderId,
    /// Starts at 1; a changed ladder imported under the same id gets the next version.
    pub version: u32,
    /// Display name.
    pub name: String,
    /// What the ladder is for.
    #[serde(default)]
    pub description: String,
    /// Levels from most junior to most senior.
    pub levels: Vec<Level>,
    /// The competencies, in the order the ladder presents them.
    pub competencies: Vec<Competency>,
}

/// One rung of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Short id, such as `L3`.
    pub id: LevelId,
    /// Title, such as `Senior Engineer`.
    pub title: String,
    /// One sentence on the scope of the level.
    #[serde(default)]
    pub summary: String,
}

/// A skill area the ladder judges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Stable id, such as `system-design`.
    pub id: CompetencyId,
    /// Display name.
    pub name: String,
    /// What the competency covers.
    #[serde(default)]
    pub description: String,
    /// The first level at which the competency is expected; absent means every level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_from: Option<LevelId>,
    /// What meeting the competency looks like at each level it is expected.
    pub expectations: Vec<Expectation>,
}

/// What a competency expects at one level, with concrete examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The level this applies to.
    pub level: LevelId,
    /// The expectation, in a sentence or two.
    pub text: String,
    /// Observable examples of meeting it.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// The pair that pins a record to the ladder version it was made against.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LadderRef {
    /// The ladder.
    pub id: LadderId,
    /// Its version.
    pub version: u32,
}

impl Ladder {
    /// The reference that pins this version.
    pub fn reference(&self) -> LadderRef {
        LadderRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    /// The level with this id.
    pub fn level(&self, id: &LevelId) -> Option<&Level> {
        self.levels.iter().find(|l| &l.id == id)
    }

    /// Where a level sits, 0 for the most junior.
    pub fn level_index(&self, id: &LevelId) -> Option<usize> {
        self.levels.iter().position(|l| &l.id == id)
    }

    /// The competency with this id.
    pub fn competency(&self, id: &CompetencyId) -> Option<&Competency> {
        self.competencies.iter().find(|c| &c.id == id)
    }

    /// Checks a level id typed for `field` against this ladder.
    pub fn require_level(&self, field: &str, id: &LevelId) -> Result<(), Invalid> {
        if self.level(id).is_some() {
            return Ok(());
        }
        let known: Vec<&str> = self.levels.iter().map(|l| l.id.as_str()).collect();
        Err(Invalid::new(
            field,
            format!(
                "'{id}' is not a level of ladder '{}' (levels: {})",
                self.id,
                known.join(", ")
            ),
        ))
    }

    /// Checks a competency id typed for `field` against this ladder.
    pub fn require_competency(&self, field: &str, id: &CompetencyId) -> Result<(), Invalid> {
        if self.competency(id).is_some() {
            return Ok(());
        }
        let known: Vec<&str> = self.competencies.iter().map(|c| c.id.as_str()).collect();
        Err(Invalid::new(
            field,
            format!(
                "'{id}' is not a competency of ladder '{}' (competencies: {})",
                self.id,
                known.join(", ")
            ),
        ))
    }

    /// Every problem that makes the ladder unusable, each naming its field. Empty when valid.
    pub fn problems(&self) -> Vec<Invalid> {
        let mut problems = Vec::new();
        if self.version == 0 {
            problems.push(Invalid::new("version", "must be 1 or more"));
        }
        if self.name.trim().is_empty() {
            problems.push(Invalid::new("name", "must not be empty"));
        }
        if self.levels.is_empty() {
            problems.push(Invalid::new("levels", "a ladder needs at least one level"));
        }
        if self.competencies.is_empty() {
            problems.push(Invalid::new(
                "competencies",
                "a ladder needs at least one competency",
            ));
        }
        for (i, level) in self.levels.iter().enumerate() {
            let field = format!("levels[{i}]");
            if self.levels[..i].iter().any(|l| l.id == level.id) {
                problems.push(Invalid::new(
                    format!("{field}.id"),
                    format!("level '{}' appears twice", level.id),
                ));
            }
            if level.title.trim().is_empty() {
                problems.push(Invalid::new(format!("{field}.title"), "must not be empty"));
            }
        }
        for (i, competency) in self.competencies.iter().enumerate() {
            let field = format!("competencies[{i}]");
            if self.competencies[..i].iter().any(|c| c.id == competency.id) {
                problems.push(Invalid::new(
                    format!("{field}.id"),
                    format!("competency '{}' appears twice", competency.id),
                ));
            }
            problems.extend(
                self.competency_problems(competency)
                    .into_iter()
                    .map(|p| p.within(&field)),
            );
        }
        problems
    }

    fn competency_problems(&self, competency: &Competency) -> Vec<Invalid> {
        let mut problems = Vec::new();
        if competency.name.trim().is_empty() {
            problems.push(Invalid::new("name", "must not be empty"));
        }
        let start = match &competency.expected_from {
            Some(level) => match self.level_index(level) {
                Some(index) => index,
                None => {
                    problems.push(Invalid::new(
                        "expected_from",
                        format!("'{level}' is not a level of this ladder"),
                    ));
                    0
                }
            },
            None => 0,
        };
        for (j, expectation) in competency.expectations.iter().enumerate() {
            let field = format!("expectations[{j}]");
            if self.level(&expectation.level).is_none() {
                problems.push(Invalid::new(
                    format!("{field}.level"),
                    format!("'{}' is not a level of this ladder", expectation.level),
                ));
            }
            if competency.expectations[..j]
                .iter()
                .any(|e| e.level == expectation.level)
            {
                problems.push(Invalid::new(
                    format!("{field}.level"),
                    format!("level '{}' has two expectations", expectation.level),
                ));
            }
            if expectation.text.trim().is_empty() {
                problems.push(Invalid::new(format!("{field}.text"), "must not be empty"));
            }
            for (k, example) in expectation.examples.iter().enumerate() {
                if example.trim().is_empty() {
                    problems.push(Invalid::new(
                        format!("{field}.examples[{k}]"),
                        "must not be empty",
                    ));
                }
            }
        }
        for (i, level) in self.levels.iter().enumerate().skip(start) {
            // A repeated level is reported once, under `levels`, not again here.
            let repeated = self.levels[..i].iter().any(|l| l.id == level.id);
            if !repeated && !competency.expectations.iter().any(|e| e.level == level.id) {
                problems.push(Invalid::new(
                    "expectations",
                    format!("no expectation for level '{}'", level.id),
                ));
            }
        }
        problems
    }

    /// The expectation a competency sets at a level, if it is expected there.
    pub fn expectation(&self, competency: &CompetencyId, level: &LevelId) -> Option<&Expectation> {
        self.competency(competency)?
            .expectations
            .iter()
            .find(|e| &e.level == level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Ladder {
        format::from_toml(
            r#"
            id = "tiny"
            version = 1
            name = "Tiny"
            [[levels]]
            id = "A"
            title = "Apprentice"
            [[levels]]
            id = "B"
            title = "Builder"
            [[competencies]]
            id = "craft"
            name = "Craft"
            [[competencies.expectations]]
            level = "A"
            text = "Writes working code with help."
            examples = ["Fixes a small bug"]
            [[competencies.expectations]]
            level = "B"
            text = "Writes working code alone."
            [[competencies]]
            id = "leading"
            name = "Leading"
            expected_from = "B"
            [[competencies.expectations]]
            level = "B"
            text = "Leads a small project."
            "#,
        )
        .unwrap()
    }

    #[test]
    fn a_complete_ladder_has_no_problems_and_answers_lookups() {
        let ladder = small();
        assert_eq!(ladder.problems(), vec![]);
        let craft: CompetencyId = "craft".parse().unwrap();
        let b: LevelId = "B".parse().unwrap();
        assert_eq!(
            ladder.expectation(&craft, &b).unwrap().text,
            "Writes working code alone."
        );
        assert_eq!(ladder.level_index(&b), Some(1));
        let err = ladder
            .require_competency("--skill", &"cooking".parse().unwrap())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--skill: 'cooking' is not a competency of ladder 'tiny' (competencies: craft, leading)"
        );
    }

    #[test]
    fn reports_every_problem_with_its_field() {
        let mut ladder = small();
        ladder.levels.push(ladder.levels[0].clone());
        ladder.competencies[0].expectations[1].level = "Z".parse().unwrap();
        ladder.competencies[1].expectations[0].text = " ".into();
        let fields: Vec<String> = ladder.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                "levels[2].id",
                "competencies[0].expectations[1].level",
                "competencies[0].expectations",
                "competencies[1].expectations[0].text",
            ]
        );
    }
}
