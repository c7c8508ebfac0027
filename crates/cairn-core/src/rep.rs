//! Reps: candidate projects and opportunities, with the competencies they would exercise,
//! and the plan that ranks them by how much of the gap to a target level they would close.

use serde::{Deserialize, Serialize};

use uuid::Uuid;

use crate::dates::Timestamp;
use crate::destination::Destination;
use crate::id::{CompetencyId, PersonId, RepId};
use crate::invalid::{check_length, require_text};
use crate::ladder::Ladder;
use crate::suggest::Suggester;
use crate::{Invalid, Visibility};

/// How visible a piece of work is to the people who decide promotions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Exposure {
    /// Seen by the team.
    Low,
    /// Seen by the wider group.
    Medium,
    /// Seen by leadership.
    High,
}

named_enum!(
    Exposure,
    "exposure",
    Low = "low",
    Medium = "medium",
    High = "high"
);

impl Exposure {
    /// How far the work carries: what a rep's score is multiplied by.
    pub fn reach(self) -> f64 {
        match self {
            Self::Low => 0.6,
            Self::Medium => 0.8,
            Self::High => 1.0,
        }
    }
}

/// Where a rep stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RepStatus {
    /// An option, not yet taken.
    Candidate,
    /// Under way.
    Active,
    /// Finished.
    Done,
    /// Decided against.
    Dropped,
}

named_enum!(
    RepStatus,
    "status",
    Candidate = "candidate",
    Active = "active",
    Done = "done",
    Dropped = "dropped"
);

/// A candidate piece of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rep {
    /// Record id.
    pub id: RepId,
    /// The engineer considering it.
    pub owner: PersonId,
    /// What the work is.
    pub title: String,
    /// More detail.
    pub description: String,
    /// The competencies it would exercise.
    pub competencies: Vec<CompetencyId>,
    /// How visible it is.
    pub exposure: Exposure,
    /// Candidate, active, done or dropped.
    pub status: RepStatus,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Rep {
    /// Checks the rep against its ladder.
    pub fn validate(&self, ladder: &Ladder) -> Result<(), Invalid> {
        require_text("title", &self.title, 300)?;
        check_length("description", &self.description, 5_000)?;
        if self.competencies.is_empty() {
            return Err(Invalid::new(
                "competencies",
                "name at least one competency the work would exercise",
            ));
        }
        for (i, c) in self.competencies.iter().enumerate() {
            ladder.require_competency(&format!("competencies[{i}]"), c)?;
        }
        Ok(())
    }
}

/// A rep ranked against the gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Planned {
    /// The rep.
    pub rep: Rep,
    /// What it builds toward the target, scaled by its spread and exposure: higher closes more.
    pub score: f64,
    /// The competencies it exercises that are still missing, largest gap first.
    pub builds: Vec<CompetencyId>,
    /// What it means, plainly.
    pub note: String,
    /// True for a rep written on the destination rather than recorded with `rep add`.
    pub on_destination: bool,
}

/// The reps written on `destination`, as open reps: each exercises the competency its words
/// point at most clearly (none when they point nowhere), at medium exposure, and keeps an
/// id derived from the destination's so it reads the same every time.
pub fn on_destination(ladder: &Ladder, destination: &Destination) -> Vec<Rep> {
    let suggester = Suggester::new(ladder, &[]);
    destination
        .reps
        .iter()
        .enumerate()
        .map(|(i, title)| Rep {
            id: RepId::from_uuid(Uuid::from_u128(
                destination.id.uuid().as_u128() ^ (i as u128 + 1),
            )),
            owner: destination.owner,
            title: title.clone(),
            description: String::new(),
            competencies: suggester
                .suggest(title)
                .into_iter()
                .take(1)
                .map(|s| s.competency)
                .collect(),
            exposure: Exposure::Medium,
            status: RepStatus::Candidate,
            visibility: destination.visibility,
            created_at: destination.created_at,
            updated_at: destination.updated_at,
        })
        .collect()
}

/// Ranks the reps still open (candidate or active) by what they build toward the target:
/// `gaps` weighs each competency of the target level (more for a missing lever, nothing for
/// one already there or one the target does not ask for). A rep's score is the sum of the
/// weights it exercises over the square root of how many it is tagged with, so tagging more
/// skills spreads a rep thinner rather than inflating it, times its exposure (a standup
/// builds less standing than an all-hands talk). Ties keep the reps' order. A rep that
/// builds nothing missing says so, and says it plainly when it is visible.
pub fn plan(reps: &[Rep], gaps: &[(CompetencyId, f64)]) -> Vec<Planned> {
    let weight = |c: &CompetencyId| gaps.iter().find(|(id, _)| id == c).map_or(0.0, |(_, w)| *w);
    let mut planned: Vec<Planned> = reps
        .iter()
        .filter(|r| matches!(r.status, RepStatus::Candidate | RepStatus::Active))
        .map(|r| {
            let mut builds: Vec<CompetencyId> = r
                .competencies
                .iter()
                .filter(|c| weight(c) > 0.0)
                .cloned()
                .collect();
            builds.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
            let spread = (r.competencies.len().max(1) as f64).sqrt();
            let sum: f64 = r.competencies.iter().map(weight).sum();
            let score = (sum / spread * r.exposure.reach() * 100.0).round() / 100.0;
            let names: Vec<&str> = builds.iter().map(CompetencyId::as_str).collect();
            let note = match (builds.is_empty(), r.exposure) {
                (false, _) => format!("builds {}", names.join(", ")),
                (true, Exposure::High | Exposure::Medium) => format!(
                    "visible ({} exposure), but builds nothing missing: everything it exercises is already there",
                    r.exposure
                ),
                (true, Exposure::Low) => "builds nothing missing".to_owned(),
            };
            Planned {
                rep: r.clone(),
                score,
                builds,
                note,
                on_destination: false,
            }
        })
        .collect();
    planned.sort_by(|a, b| b.score.total_cmp(&a.score));
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::ladder::builtin;

    #[test]
    fn a_rep_must_exercise_something_on_the_ladder() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mut rep = Rep {
            id: RepId::new(),
            owner: PersonId::new(),
            title: "Run the Q3 architecture review".into(),
            description: String::new(),
            competencies: vec!["influence".parse().unwrap()],
            exposure: Exposure::High,
            status: RepStatus::Candidate,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        assert_eq!(rep.validate(&ladder), Ok(()));
        rep.competencies.clear();
        assert_eq!(rep.validate(&ladder).unwrap_err().field, "competencies");
        rep.competencies.push("juggling".parse().unwrap());
        assert_eq!(rep.validate(&ladder).unwrap_err().field, "competencies[0]");
        assert!(Exposure::High > Exposure::Low);
    }

    #[test]
    fn the_plan_ranks_by_the_gap_covered_and_names_visible_dead_ends() {
        let make = |title: &str, skills: &[&str], exposure: Exposure, status: RepStatus| Rep {
            id: RepId::new(),
            owner: PersonId::new(),
            title: title.into(),
            description: String::new(),
            competencies: skills.iter().map(|s| s.parse().unwrap()).collect(),
            exposure,
            status,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        let reps = vec![
            make(
                "Keynote the all-hands demo",
                &["delivery"],
                Exposure::High,
                RepStatus::Candidate,
            ),
            make(
                "Mentor two new hires",
                &["mentoring"],
                Exposure::Low,
                RepStatus::Candidate,
            ),
            make(
                "Chair the RFC process",
                &["influence", "mentoring"],
                Exposure::Medium,
                RepStatus::Active,
            ),
            make(
                "Old idea",
                &["influence"],
                Exposure::Low,
                RepStatus::Dropped,
            ),
        ];
        let gaps = vec![
            ("delivery".parse().unwrap(), 0.0),
            ("influence".parse().unwrap(), 2.0),
            ("mentoring".parse().unwrap(), 1.0),
        ];
        let planned = plan(&reps, &gaps);
        let titles: Vec<&str> = planned.iter().map(|p| p.rep.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Chair the RFC process",
                "Mentor two new hires",
                "Keynote the all-hands demo"
            ]
        );
        assert_eq!(planned[0].score, 1.7, "(2 + 1) / sqrt 2 at medium exposure");
        assert_eq!(planned[0].note, "builds influence, mentoring");
        assert!(
            planned[2]
                .note
                .starts_with("visible (high exposure), but builds nothing missing")
        );
    }

    #[test]
    fn tagging_more_skills_does_not_inflate_a_rep_and_exposure_counts() {
        let make = |title: &str, skills: &[&str], exposure: Exposure| Rep {
            id: RepId::new(),
            owner: PersonId::new(),
            title: title.into(),
            description: String::new(),
            competencies: skills.iter().map(|s| s.parse().unwrap()).collect(),
            exposure,
            status: RepStatus::Candidate,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        let gaps = vec![
            ("influence".parse().unwrap(), 3.0),
            ("delivery".parse().unwrap(), 0.0),
            ("collaboration".parse().unwrap(), 0.0),
            ("mentoring".parse().unwrap(), 0.0),
        ];
        let reps = vec![
            make(
                "Tagged with everything",
                &["influence", "delivery", "collaboration", "mentoring"],
                Exposure::High,
            ),
            make(
                "Present the trade-offs at the all-hands",
                &["influence"],
                Exposure::High,
            ),
            make("Speak up at standup", &["influence"], Exposure::Low),
        ];
        let planned = plan(&reps, &gaps);
        let titles: Vec<&str> = planned.iter().map(|p| p.rep.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Present the trade-offs at the all-hands",
                "Speak up at standup",
                "Tagged with everything"
            ]
        );
        assert_eq!(
            planned.iter().map(|p| p.score).collect::<Vec<_>>(),
            [3.0, 1.8, 1.5]
        );
    }
}
