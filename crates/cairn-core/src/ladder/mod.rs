//! Career ladders: levels, competencies, and what each competency expects at each level.
//!
//! A ladder is data written by people (a company's framework or Cairn's built-ins), so this
//! module owns its shape, its lookups and the rules that make it usable: ids are unique, and
//! every competency says what it expects at every level from the one it starts at. Levels
//! may branch into tracks (individual contributor, people manager): a level on no track is
//! shared by all of them. Reading ladder files lives in [`import`]; the built-in ladders in
//! [`builtin`]; comparing two versions in [`diff`].

pub mod builtin;
pub mod diff;
pub mod import;
pub mod map;
pub mod next;

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::id::{CompetencyId, LadderId, LevelId, TrackId};

/// A career framework at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Stable id, such as `software-engineer`.
    pub id: LadderId,
    /// Starts at 1; a changed ladder imported under the same id gets the next version.
    #[serde(default = "first_version")]
    pub version: u32,
    /// Display name.
    pub name: String,
    /// What the ladder is for.
    #[serde(default)]
    pub description: String,
    /// The tracks the levels branch into; empty for a single-track ladder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    /// Levels from most junior to most senior; within a track, in the order they are climbed.
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
    /// The tracks this level belongs to; empty means it is shared by every track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<TrackId>,
}

/// A path through the ladder, such as individual contributor or people manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Short id, such as `individual-contributor`.
    pub id: TrackId,
    /// Display name.
    pub name: String,
    /// What sets the track apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
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
    /// The expectation, in a sentence or two; may be empty when `criteria` say it instead.
    #[serde(default)]
    pub text: String,
    /// Individual behaviours that make up the expectation, each with its own examples.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// Observable examples of meeting it.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Pages that explain it further.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// How proficient the level must be, in the ladder's own word (such as `Practitioner`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proficiency: Option<String>,
}

/// One behaviour within an expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The behaviour, in a sentence.
    pub text: String,
    /// Observable examples of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// Pages that explain it further.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A page a ladder points to for more on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the page is, in the ladder's words; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Where it is.
    pub url: String,
}

fn first_version() -> u32 {
    1
}

/// How much a ladder holds, for summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Size {
    /// Levels.
    pub levels: usize,
    /// Tracks.
    pub tracks: usize,
    /// Competencies.
    pub competencies: usize,
    /// Statements: expectation texts and criteria.
    pub statements: usize,
    /// Examples, of expectations and of criteria.
    pub examples: usize,
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(f, "{}", plural(self.levels, "level"))?;
        if self.tracks > 0 {
            write!(f, " on {}", plural(self.tracks, "track"))?;
        }
        write!(
            f,
            ", {}, {}, {}",
            plural(self.competencies, "competency").replace("competencys", "competencies"),
            plural(self.statements, "statement"),
            plural(self.examples, "example")
        )
    }
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

    /// How much the ladder holds.
    pub fn size(&self) -> Size {
        let expectations = self.competencies.iter().flat_map(|c| &c.expectations);
        Size {
            levels: self.levels.len(),
            tracks: self.tracks.len(),
            competencies: self.competencies.len(),
            statements: expectations
                .clone()
                .map(|e| usize::from(!e.text.is_empty()) + e.criteria.len())
                .sum(),
            examples: expectations
                .map(|e| {
                    e.examples.len() + e.criteria.iter().map(|c| c.examples.len()).sum::<usize>()
                })
                .sum(),
        }
    }

    /// The track with this id.
    pub fn track(&self, id: &TrackId) -> Option<&Track> {
        self.tracks.iter().find(|t| &t.id == id)
    }

    /// The levels climbed on `track`, most junior first: the shared levels and the track's
    /// own. Without a track, every level of a single-track ladder, or only the shared levels
    /// of a branching one.
    pub fn path(&self, track: Option<&TrackId>) -> Vec<&Level> {
        self.levels
            .iter()
            .filter(|l| l.tracks.is_empty() || track.is_some_and(|t| l.tracks.contains(t)))
            .collect()
    }

    /// How senior a level is, 0 for the most junior: its place on the path of its first
    /// track, so parallel levels of two tracks rank the same.
    pub fn rank(&self, id: &LevelId) -> Option<usize> {
        let level = self.level(id)?;
        let track = level
            .tracks
            .first()
            .or_else(|| self.tracks.first().map(|t| &t.id));
        self.path(track).iter().position(|l| &l.id == id)
    }

    /// How many ranks the ladder has: the length of its longest path.
    pub fn height(&self) -> usize {
        self.levels
            .iter()
            .filter_map(|l| self.rank(&l.id))
            .max()
            .map_or(0, |top| top + 1)
    }

    /// The levels directly above `id`: one per track that leads on from it, so a shared
    /// level where the ladder branches has one per track, and the top has none.
    pub fn next_levels(&self, id: &LevelId) -> Vec<&Level> {
        let Some(level) = self.level(id) else {
            return Vec::new();
        };
        let tracks: Vec<Option<&TrackId>> = if !level.tracks.is_empty() {
            level.tracks.iter().map(Some).collect()
        } else if self.tracks.is_empty() {
            vec![None]
        } else {
            self.tracks.iter().map(|t| Some(&t.id)).collect()
        };
        let mut next: Vec<&Level> = Vec::new();
        for track in tracks {
            let path = self.path(track);
            let above = path
                .iter()
                .position(|l| &l.id == id)
                .and_then(|i| path.get(i + 1));
            if let Some(above) = above
                && !next.iter().any(|l| l.id == above.id)
            {
                next.push(above);
            }
        }
        next
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

    /// A track id typed for `field`, checked against this ladder.
    pub fn parse_track(&self, field: &str, text: &str) -> Result<TrackId, Invalid> {
        let id: TrackId = text
            .parse()
            .map_err(|e: Invalid| Invalid::new(field, e.message))?;
        if self.track(&id).is_some() {
            return Ok(id);
        }
        let known: Vec<&str> = self.tracks.iter().map(|t| t.id.as_str()).collect();
        Err(Invalid::new(
            field,
            format!(
                "'{id}' is not a track of ladder '{}' (tracks: {})",
                self.id,
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
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

    /// The competency a person typed for `field`: its id or its name, in any case and with
    /// spaces or hyphens ("Influence", "system design"); else an error suggesting the
    /// nearest one.
    pub fn find_competency(&self, field: &str, typed: &str) -> Result<CompetencyId, Invalid> {
        let key = |text: &str| text.trim().to_lowercase().replace([' ', '_'], "-");
        let wanted = key(typed);
        if let Some(c) = self
            .competencies
            .iter()
            .find(|c| key(c.id.as_str()) == wanted || key(&c.name) == wanted)
        {
            return Ok(c.id.clone());
        }
        Err(Invalid::new(
            field,
            unknown(
                "competency",
                typed.trim(),
                self.competencies.iter().map(|c| c.id.as_str()),
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
        for (i, track) in self.tracks.iter().enumerate() {
            let field = format!("tracks[{i}]");
            if self.tracks[..i].iter().any(|t| t.id == track.id) {
                problems.push(Invalid::new(
                    format!("{field}.id"),
                    format!("track '{}' appears twice", track.id),
                ));
            }
            if track.name.trim().is_empty() {
                problems.push(Invalid::new(format!("{field}.name"), "must not be empty"));
            }
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
            for (k, track) in level.tracks.iter().enumerate() {
                if self.track(track).is_none() {
                    problems.push(Invalid::new(
                        format!("{field}.tracks[{k}]"),
                        unknown(
                            "track",
                            track.as_str(),
                            self.tracks.iter().map(|t| t.id.as_str()),
                        ),
                    ));
                }
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
            Some(level) => match self.rank(level) {
                Some(rank) => rank,
                None => {
                    problems.push(Invalid::new(
                        "expected_from",
                        unknown("level", level.as_str(), self.level_ids()),
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
                    unknown("level", expectation.level.as_str(), self.level_ids()),
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
            if expectation.text.trim().is_empty() && expectation.criteria.is_empty() {
                problems.push(Invalid::new(
                    format!("{field}.text"),
                    "must not be empty (or list criteria instead)",
                ));
            }
            for (k, criterion) in expectation.criteria.iter().enumerate() {
                let field = format!("{field}.criteria[{k}]");
                if criterion.text.trim().is_empty() {
                    problems.push(Invalid::new(format!("{field}.text"), "must not be empty"));
                }
                problems.extend(empty_examples(&field, &criterion.examples));
            }
            problems.extend(empty_examples(&field, &expectation.examples));
        }
        for level in self.unexpressed(competency, start) {
            problems.push(Invalid::new(
                "expectations",
                format!("no expectation for level '{level}'"),
            ));
        }
        problems
    }

    /// The levels at which `competency` is expected (from its first, on its tracks) but
    /// says nothing.
    pub fn missing_expectations(&self, competency: &Competency) -> Vec<&LevelId> {
        let start = competency
            .expected_from
            .as_ref()
            .and_then(|level| self.rank(level))
            .unwrap_or(0);
        self.unexpressed(competency, start)
    }

    fn unexpressed(&self, competency: &Competency, start: usize) -> Vec<&LevelId> {
        let mut missing = Vec::new();
        for (i, level) in self.levels.iter().enumerate() {
            // A repeated level is reported once, under `levels`, not again here.
            let repeated = self.levels[..i].iter().any(|l| l.id == level.id);
            let expected = self.rank(&level.id).is_some_and(|rank| rank >= start)
                && self.on_track_of(competency, level);
            if expected && !repeated && !competency.expectations.iter().any(|e| e.level == level.id)
            {
                missing.push(&level.id);
            }
        }
        missing
    }

    /// Whether `level` is on a track `competency` belongs to. A competency belongs to the
    /// tracks of the track-specific levels it has expectations at, or to every track when
    /// it has none: so a design competency of the individual-contributor track is not
    /// expected of managers, while one written only for shared levels applies to all.
    fn on_track_of(&self, competency: &Competency, level: &Level) -> bool {
        if level.tracks.is_empty() {
            return true;
        }
        let own: Vec<&TrackId> = competency
            .expectations
            .iter()
            .filter_map(|e| self.level(&e.level))
            .flat_map(|l| &l.tracks)
            .collect();
        own.is_empty() || level.tracks.iter().any(|t| own.contains(&t))
    }

    fn level_ids(&self) -> impl Iterator<Item = &str> {
        self.levels.iter().map(|l| l.id.as_str())
    }

    /// The expectation a competency sets at a level, if it is expected there.
    pub fn expectation(&self, competency: &CompetencyId, level: &LevelId) -> Option<&Expectation> {
        self.competency(competency)?
            .expectations
            .iter()
            .find(|e| &e.level == level)
    }
}

fn empty_examples(field: &str, examples: &[String]) -> Vec<Invalid> {
    examples
        .iter()
        .enumerate()
        .filter(|(_, e)| e.trim().is_empty())
        .map(|(k, _)| Invalid::new(format!("{field}.examples[{k}]"), "must not be empty"))
        .collect()
}

/// "'x' is not a level of this ladder", with the closest known id suggested when one is
/// near, else the list of known ids.
pub(crate) fn unknown<'a>(what: &str, id: &str, known: impl Iterator<Item = &'a str>) -> String {
    let known: Vec<&str> = known.collect();
    let many = match what.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{what}s"),
    };
    match crate::closest::closest(id, known.iter().copied()) {
        Some(near) => format!("'{id}' is not a {what} of this ladder; did you mean '{near}'?"),
        None => format!(
            "'{id}' is not a {what} of this ladder ({many}: {})",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_competency_is_found_by_id_or_name_in_any_case_with_a_suggestion_otherwise() {
        let ladder = builtin::find("software-engineer").unwrap();
        for typed in ["influence", "Influence", "INFLUENCE", " influence "] {
            assert_eq!(
                ladder.find_competency("--skill", typed).unwrap().as_str(),
                "influence"
            );
        }
        for typed in ["System design", "system_design", "system-design"] {
            assert_eq!(
                ladder.find_competency("--skill", typed).unwrap().as_str(),
                "system-design"
            );
        }
        let err = ladder.find_competency("--skill", "Infuence").unwrap_err();
        assert_eq!(err.field, "--skill");
        assert!(err.message.contains("did you mean 'influence'?"), "{err}");
        let far = ladder.find_competency("--skill", "cooking").unwrap_err();
        assert!(
            far.message.contains("(competencies: technical-depth, "),
            "{far}"
        );
    }

    fn small() -> Ladder {
        import::from_toml(
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
        assert_eq!(ladder.rank(&b), Some(1));
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
