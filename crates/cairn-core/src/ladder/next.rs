//! The next level, side by side: per competency, what a level expects and what the level
//! above adds, with the examples that show it. The manager's "what good looks like at the
//! next level", on one screen.

use serde::Serialize;

use super::{Expectation, Ladder, Level};
use crate::Invalid;
use crate::id::{CompetencyId, LevelId, TrackId};

/// One competency's step from a level to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// What the current level expects; absent when the competency starts at the next level.
    pub now: Option<Expectation>,
    /// What the next level expects.
    pub next: Option<Expectation>,
    /// True when the competency is first expected at the next level.
    pub new_at_next: bool,
}

/// The step from one level to the one above it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextLevel {
    /// The level the person is at.
    pub from: Level,
    /// The level above it.
    pub to: Level,
    /// Where the ladder branches at `from`: the other levels above it, on other tracks.
    pub elsewhere: Vec<Level>,
    /// One step per competency expected at either level, in the ladder's order.
    pub steps: Vec<Step>,
}

/// The step above `level` on `ladder`, along `track` where the ladder branches (else its
/// first track). Errors name `field` when the level is unknown, not on the track, or the top.
pub fn next_level(
    ladder: &Ladder,
    level: &LevelId,
    track: Option<&TrackId>,
    field: &str,
) -> Result<NextLevel, Invalid> {
    ladder.require_level(field, level)?;
    let Some(from) = ladder.level(level) else {
        return Err(Invalid::new(field, format!("'{level}' is not a level")));
    };
    let above = ladder.next_levels(level);
    let to = match track {
        Some(track) => {
            let path = ladder.path(Some(track));
            if !path.iter().any(|l| &l.id == level) {
                return Err(Invalid::new(
                    "--track",
                    format!("level {level} is not on the '{track}' track"),
                ));
            }
            above
                .iter()
                .find(|l| path.iter().any(|p| p.id == l.id))
                .copied()
        }
        None => above.first().copied(),
    };
    let Some(to) = to else {
        return Err(Invalid::new(
            field,
            format!(
                "{level} is the top of the '{}' ladder: there is no next level",
                ladder.id
            ),
        ));
    };
    let elsewhere = above
        .into_iter()
        .filter(|l| l.id != to.id)
        .cloned()
        .collect();
    let at =
        |c: &super::Competency, l: &LevelId| c.expectations.iter().find(|e| &e.level == l).cloned();
    let steps = ladder
        .competencies
        .iter()
        .filter_map(|c| {
            let now = at(c, &from.id);
            let next = at(c, &to.id);
            (now.is_some() || next.is_some()).then(|| Step {
                competency: c.id.clone(),
                name: c.name.clone(),
                new_at_next: now.is_none() && next.is_some(),
                now,
                next,
            })
        })
        .collect();
    Ok(NextLevel {
        from: from.clone(),
        to: to.clone(),
        elsewhere,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::builtin;

    #[test]
    fn each_competency_shows_this_level_and_the_next_with_examples() {
        let ladder = builtin::find("software-engineer").unwrap();
        let step = next_level(&ladder, &"L2".parse().unwrap(), None, "--level").unwrap();
        assert_eq!((step.from.id.as_str(), step.to.id.as_str()), ("L2", "L3"));
        assert_eq!(step.steps.len(), 8);
        let influence = step
            .steps
            .iter()
            .find(|s| s.competency.as_str() == "influence")
            .unwrap();
        assert_eq!(influence.now.as_ref().unwrap().level.as_str(), "L2");
        let next = influence.next.as_ref().unwrap();
        assert_eq!(next.level.as_str(), "L3");
        assert!(!next.examples.is_empty());
        assert!(!influence.new_at_next);
    }

    #[test]
    fn a_competency_that_starts_above_is_new_at_the_next_level_and_the_top_has_no_next() {
        let mut ladder = builtin::find("software-engineer").unwrap();
        let l2: LevelId = "L2".parse().unwrap();
        ladder.competencies[6].expected_from = Some("L3".parse().unwrap());
        ladder.competencies[6]
            .expectations
            .retain(|e| e.level.as_str() >= "L3");
        let step = next_level(&ladder, &l2, None, "--level").unwrap();
        let mentoring = &step.steps[6];
        assert!(mentoring.new_at_next && mentoring.now.is_none());
        let top = next_level(&ladder, &"L6".parse().unwrap(), None, "--level").unwrap_err();
        assert_eq!(top.field, "--level");
        assert!(top.message.contains("no next level"));
        assert!(next_level(&ladder, &"L9".parse().unwrap(), None, "level").is_err());
    }
}
