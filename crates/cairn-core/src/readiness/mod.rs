//! Readiness for a target level, judged as a promotion committee would: against the
//! target's expectations, weighing most the competencies the destination leans on, and
//! never confusing being useful (plenty of work at the current level) with being ready.
//!
//! The rules, per competency the target level has an expectation for:
//! - the **levers** are the competencies the destination names (in its statement, reps or
//!   criteria) and those the target level adds; with none named, every competency is one.
//!   A lever is judged at the target; every other competency must **hold** at the current
//!   level. Judged at or below the current level, every competency is a lever;
//! - evidence counts *at the target* when its level (the current level, one more when
//!   marked `next`) reaches the target, it is tagged with the competency and dated in the
//!   window (default twelve months); its weight halves every six months of age. For an L2
//!   aiming at L4, next-level (L3) work is not L4 evidence;
//! - a lever is **ready** when the manager's latest view reaches the target and its
//!   evidence weighs at least 0.7 (one example from the last three months, or two from the
//!   last nine); **emerging** with one of the two; **not yet** with neither; **unknown**
//!   when the manager has not rated it and nothing at the target shows it;
//! - a held competency is **ready** when the manager's view is at least the current level,
//!   **not yet** below it, **unknown** unrated: unrated is never met;
//! - a manager's view *below the current level* is a blocker whatever the competency, and
//!   the first one raised.
//!
//! Overall: **ready** when every competency is; else **useful, not yet ready** when the
//! window holds plenty of current-level work (at least six entries) and less at the target;
//! else **not yet**. The summary says it as a manager would: the verdict, one or two
//! strengths, the blocker that matters for the destination, and the next rep.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calibration::Calibration;
use crate::destination::Destination;
use crate::evidence::{Evidence, LevelSignal};
use crate::id::{CompetencyId, EvidenceId, LevelId};
use crate::ladder::Ladder;
use crate::rep::{self, Planned, Rep, plan};
use crate::suggest;
use crate::voice::Voice;

mod words;

use words::{Reasoning, number, reason, summary};

/// Evidence weight at the target a lever needs to be ready.
const READY_WEIGHT: f64 = 0.7;

/// The months of evidence readiness weighs unless told otherwise.
pub const WINDOW_MONTHS: u32 = 12;
/// Days over which evidence loses half its weight.
const HALF_LIFE_DAYS: f64 = 182.0;
/// Current-level entries in the window that make someone clearly useful.
const USEFUL_ENTRIES: usize = 6;
/// How much more a missing lever weighs than a missing held competency in rep planning.
const LEVER_WEIGHT: f64 = 1.5;

/// One competency's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Meets what the case needs of it.
    Ready,
    /// Some of that, not yet all.
    Emerging,
    /// Short of it.
    NotYet,
    /// Not rated, and nothing shows it: no one can say yet.
    Unknown,
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overall {
    /// Every competency is ready.
    Ready,
    /// Plenty of current-level work, too little at the target.
    UsefulNotReady,
    /// Not yet.
    NotYet,
}

/// What the case needs of a competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Judged at the target: the destination leans on it, or the target adds it.
    Lever,
    /// Must hold at the current level.
    Holds,
}

/// Why a competency stands in the way, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockerKind {
    /// The manager's view is below the current level.
    BelowCurrent,
    /// A lever the manager places below the target.
    BelowTarget,
    /// Rated at the target, but the record shows too little of it.
    ThinEvidence,
    /// Not rated.
    Unrated,
}

/// What to tell `voice` to do about competencies no one has rated.
fn rate(voice: Voice<'_>) -> &'static str {
    match voice {
        Voice::Engineer => "ask your manager to rate them",
        Voice::Manager(_) => "rate them",
        Voice::Committee(_) => "they need the manager's rating",
    }
}

impl Verdict {
    /// How much of the gap is left: what rep planning weighs competencies by.
    pub fn gap(self) -> f64 {
        match self {
            Self::Ready => 0.0,
            Self::Emerging | Self::Unknown => 1.0,
            Self::NotYet => 2.0,
        }
    }

    /// The verdict in words.
    pub fn words(self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::Emerging => "emerging",
            Self::NotYet => "not yet",
            Self::Unknown => "unknown",
        }
    }
}

impl Overall {
    /// The verdict in words.
    pub fn words(self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::UsefulNotReady => "useful, not yet ready",
            Self::NotYet => "not yet",
        }
    }
}

/// One competency of the target level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyReadiness {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// What the target level expects.
    pub expectation: String,
    /// Judged at the target, or held at the current level.
    pub role: Role,
    /// The level the case needs it at: the target for a lever, else the current level.
    pub needs: LevelId,
    /// The manager's latest view.
    pub manager: Option<LevelId>,
    /// The engineer's latest view.
    #[serde(rename = "self")]
    pub own: Option<LevelId>,
    /// The manager's view is below the current level.
    pub below_current: bool,
    /// Entries at the target in the window, newest first.
    pub evidence: Vec<EvidenceId>,
    /// Their recency-weighted sum.
    pub weight: f64,
    /// The manager's view reaches what the case needs.
    pub validated: bool,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in a sentence.
    pub reason: String,
}

/// A competency in the way, with what to say about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocker {
    /// Competency id.
    pub competency: CompetencyId,
    /// Why it blocks.
    pub kind: BlockerKind,
    /// The competency's reason.
    pub reason: String,
}

/// Readiness for one target level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readiness {
    /// The target level.
    pub target: LevelId,
    /// The current level it is judged from.
    pub current: LevelId,
    /// The window, in months.
    pub window_months: u32,
    /// The overall verdict.
    pub overall: Overall,
    /// The competencies judged at the target, in ladder order.
    pub levers: Vec<CompetencyId>,
    /// Current-level entries in the window.
    pub current_level_entries: usize,
    /// Entries at the target in the window.
    pub target_level_entries: usize,
    /// One row per competency of the target level, in ladder order.
    pub competencies: Vec<CompetencyReadiness>,
    /// Ready competencies worth naming, levers first (at most two).
    pub strengths: Vec<CompetencyId>,
    /// What stands in the way, most serious first, levers before held competencies.
    pub blockers: Vec<Blocker>,
    /// The reps that would close most of the gap, best first (at most three).
    pub focus: Vec<Planned>,
    /// What a good manager would say.
    pub summary: String,
}

/// What readiness reads.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The engineer's ladder.
    pub ladder: &'a Ladder,
    /// Their current level.
    pub current: &'a LevelId,
    /// The target level.
    pub target: &'a LevelId,
    /// The destination the reader may see, whose words name the levers.
    pub destination: Option<&'a Destination>,
    /// Calibration against the target: the latest views.
    pub calibration: &'a Calibration,
    /// The engineer's evidence.
    pub evidence: &'a [Evidence],
    /// The engineer's reps.
    pub reps: &'a [Rep],
    /// Today.
    pub today: NaiveDate,
    /// The window, in months.
    pub window_months: u32,
    /// Who reads it.
    pub voice: Voice<'a>,
}

/// The competencies judged at `target` for someone at `current` aiming at `destination`.
pub fn levers(
    ladder: &Ladder,
    current: &LevelId,
    target: &LevelId,
    destination: Option<&Destination>,
) -> Vec<CompetencyId> {
    let at_target: Vec<&CompetencyId> = ladder
        .competencies
        .iter()
        .map(|c| &c.id)
        .filter(|c| ladder.expectation(c, target).is_some())
        .collect();
    let above = matches!((ladder.rank(current), ladder.rank(target)), (Some(c), Some(t)) if t > c);
    if !above {
        return at_target.into_iter().cloned().collect();
    }
    let named = destination.map_or_else(Vec::new, |d| {
        let text = format!(
            "{}\n{}\n{}",
            d.statement,
            d.reps.join("\n"),
            d.evidence_criteria
        );
        suggest::named(ladder, &text)
    });
    let chosen: Vec<CompetencyId> = at_target
        .iter()
        .filter(|c| named.contains(c) || ladder.expectation(c, current).is_none())
        .map(|c| (*c).clone())
        .collect();
    if chosen.is_empty() {
        at_target.into_iter().cloned().collect()
    } else {
        chosen
    }
}

/// Judges readiness.
pub fn assess(input: Inputs<'_>) -> Readiness {
    let Inputs {
        ladder,
        current,
        target,
        destination,
        calibration,
        evidence,
        reps,
        today,
        window_months,
        voice,
    } = input;
    let start = today
        .checked_sub_months(chrono::Months::new(window_months))
        .unwrap_or(NaiveDate::MIN);
    let window: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.date >= start && e.date <= today)
        .collect();
    let rank = |l: &LevelId| ladder.rank(l).unwrap_or(0);
    let (here, goal) = (rank(current), rank(target));
    let at_target = |e: &Evidence| here + usize::from(e.level == LevelSignal::Next) >= goal;
    let levers = levers(ladder, current, target, destination);
    let months = number(window_months as usize);
    let competencies: Vec<CompetencyReadiness> = ladder
        .competencies
        .iter()
        .filter_map(|c| {
            let expectation = ladder.expectation(&c.id, target)?;
            let row = calibration
                .competencies
                .iter()
                .find(|g| g.competency == c.id);
            let manager = row.and_then(|r| r.manager.clone());
            let own = row.and_then(|r| r.own.clone());
            let role = if levers.contains(&c.id) {
                Role::Lever
            } else {
                Role::Holds
            };
            let needs = match role {
                Role::Lever => target,
                Role::Holds => current,
            };
            let mut shown: Vec<&Evidence> = window
                .iter()
                .copied()
                .filter(|e| at_target(e) && e.competencies.contains(&c.id))
                .collect();
            shown.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
            let weight: f64 = shown
                .iter()
                .map(|e| 0.5f64.powf((today - e.date).num_days() as f64 / HALF_LIFE_DAYS))
                .sum();
            let weight = (weight * 100.0).round() / 100.0;
            let rated = manager.as_ref().map(rank);
            let below_current = rated.is_some_and(|m| m < here);
            let validated = rated.is_some_and(|m| m >= rank(needs));
            let verdict = match (role, rated) {
                (_, Some(_)) if below_current => Verdict::NotYet,
                (Role::Holds, None) => Verdict::Unknown,
                (Role::Holds, Some(_)) if validated => Verdict::Ready,
                (Role::Holds, Some(_)) => Verdict::NotYet,
                (Role::Lever, None) if shown.is_empty() => Verdict::Unknown,
                (Role::Lever, _) if validated && weight >= READY_WEIGHT => Verdict::Ready,
                (Role::Lever, _) if validated || !shown.is_empty() => Verdict::Emerging,
                (Role::Lever, _) => Verdict::NotYet,
            };
            let reason = reason(Reasoning {
                role,
                verdict,
                manager: manager.as_ref(),
                below_current,
                validated,
                shown: &shown,
                current,
                target,
                months: &months,
                voice,
            });
            Some(CompetencyReadiness {
                competency: c.id.clone(),
                name: c.name.clone(),
                expectation: expectation.text.clone(),
                role,
                needs: needs.clone(),
                manager,
                own,
                below_current,
                evidence: shown.iter().map(|e| e.id).collect(),
                weight,
                validated,
                verdict,
                reason,
            })
        })
        .collect();
    let current_level_entries = window
        .iter()
        .filter(|e| e.level == LevelSignal::Current)
        .count();
    let target_level_entries = window.iter().filter(|e| at_target(e)).count();
    let overall =
        if !competencies.is_empty() && competencies.iter().all(|c| c.verdict == Verdict::Ready) {
            Overall::Ready
        } else if current_level_entries >= USEFUL_ENTRIES
            && target_level_entries < current_level_entries
        {
            Overall::UsefulNotReady
        } else {
            Overall::NotYet
        };
    let blockers = blockers(&competencies);
    let mut strengths: Vec<&CompetencyReadiness> = competencies
        .iter()
        .filter(|c| {
            c.verdict == Verdict::Ready && (c.role == Role::Lever || c.validated_at(target, ladder))
        })
        .collect();
    strengths.sort_by_key(|c| c.role != Role::Lever);
    let strengths: Vec<CompetencyId> = strengths
        .iter()
        .take(2)
        .map(|c| c.competency.clone())
        .collect();
    let mut r = Readiness {
        target: target.clone(),
        current: current.clone(),
        window_months,
        overall,
        levers,
        current_level_entries,
        target_level_entries,
        competencies,
        strengths,
        blockers,
        focus: vec![],
        summary: String::new(),
    };
    r.focus = r.plan(ladder, reps, destination);
    r.focus.retain(|p| p.score > 0.0);
    r.focus.truncate(3);
    r.summary = summary(&r, destination.is_some(), voice, &months);
    r
}

impl Readiness {
    /// What each competency weighs in rep planning: its gap, more for a missing lever.
    pub fn gaps(&self) -> Vec<(CompetencyId, f64)> {
        self.competencies
            .iter()
            .map(|c| {
                let lever = if c.role == Role::Lever {
                    LEVER_WEIGHT
                } else {
                    1.0
                };
                (c.competency.clone(), c.verdict.gap() * lever)
            })
            .collect()
    }

    /// The open reps and those written on `destination`, ranked by what they build toward
    /// the target.
    pub fn plan(
        &self,
        ladder: &Ladder,
        reps: &[Rep],
        destination: Option<&Destination>,
    ) -> Vec<Planned> {
        let written = destination.map_or_else(Vec::new, |d| rep::on_destination(ladder, d));
        let all: Vec<Rep> = reps.iter().chain(&written).cloned().collect();
        let mut planned = plan(&all, &self.gaps());
        for p in &mut planned {
            if written.iter().any(|w| w.id == p.rep.id) {
                p.on_destination = true;
                // Its exposure was never said: claim none.
                p.note = if p.builds.is_empty() {
                    "on the destination; builds nothing missing".to_owned()
                } else {
                    let names: Vec<&str> = p.builds.iter().map(CompetencyId::as_str).collect();
                    format!("on the destination; builds {}", names.join(", "))
                };
            }
        }
        planned
    }
}

impl CompetencyReadiness {
    /// The manager's view reaches `target`.
    fn validated_at(&self, target: &LevelId, ladder: &Ladder) -> bool {
        let rank = |l: &LevelId| ladder.rank(l);
        self.manager
            .as_ref()
            .and_then(rank)
            .zip(rank(target))
            .is_some_and(|(m, t)| m >= t)
    }
}

/// The blockers, most serious first, levers before held competencies within a kind.
fn blockers(competencies: &[CompetencyReadiness]) -> Vec<Blocker> {
    let mut found: Vec<(BlockerKind, Role, Blocker)> = competencies
        .iter()
        .filter_map(|c| {
            let kind = match c.verdict {
                Verdict::Ready => return None,
                _ if c.below_current => BlockerKind::BelowCurrent,
                Verdict::Unknown => BlockerKind::Unrated,
                Verdict::Emerging if c.validated => BlockerKind::ThinEvidence,
                Verdict::Emerging if c.manager.is_none() => BlockerKind::Unrated,
                Verdict::Emerging | Verdict::NotYet => BlockerKind::BelowTarget,
            };
            Some((
                kind,
                c.role,
                Blocker {
                    competency: c.competency.clone(),
                    kind,
                    reason: c.reason.clone(),
                },
            ))
        })
        .collect();
    found.sort_by_key(|(kind, role, _)| (*kind, *role != Role::Lever));
    found.into_iter().map(|(_, _, b)| b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::calibration::{CompetencyGap, compute};
    use crate::dates::now;
    use crate::destination::DestinationStatus;
    use crate::evidence::Source;
    use crate::id::{DestinationId, PersonId, RepId};
    use crate::ladder::builtin;
    use crate::rep::{Exposure, RepStatus};
    use LevelSignal::{Current as Cur, Next};
    use Verdict::{Emerging, NotYet, Ready as Yes, Unknown};

    const TODAY: &str = "2026-11-24";

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn cid(s: &str) -> CompetencyId {
        s.parse().unwrap()
    }

    fn level(s: &str) -> LevelId {
        s.parse().unwrap()
    }

    /// A record as a careful manager would be shown it.
    struct Case<'a> {
        current: &'a str,
        target: &'a str,
        destination: Option<&'a str>,
        /// The manager's latest view, per competency; the rest unrated.
        manager: &'a [(&'a str, &'a str)],
        /// The engineer's own view, per competency.
        own: &'a [(&'a str, &'a str)],
        /// (date, competency, level signal)
        evidence: &'a [(&'a str, &'a str, LevelSignal)],
        reps: &'a [(&'a str, &'a [&'a str], Exposure)],
        voice: Voice<'a>,
    }

    impl Default for Case<'_> {
        fn default() -> Self {
            Self {
                current: "L3",
                target: "L4",
                destination: None,
                manager: &[],
                own: &[],
                evidence: &[],
                reps: &[],
                voice: Voice::Engineer,
            }
        }
    }

    fn views(ladder: &Ladder, case: &Case<'_>) -> Calibration {
        let target = level(case.target);
        let mut c = compute(&[], Some(&target), Voice::Engineer);
        let find = |list: &[(&str, &str)], id: &str| {
            list.iter().find(|(c, _)| *c == id).map(|(_, l)| level(l))
        };
        c.competencies = ladder
            .competencies
            .iter()
            .map(|comp| CompetencyGap {
                competency: comp.id.clone(),
                name: comp.name.clone(),
                own: find(case.own, comp.id.as_str()),
                manager: find(case.manager, comp.id.as_str()),
                target: Some(target.clone()),
                delta: None,
                label: None,
                to_target: None,
                self_note: String::new(),
                manager_note: String::new(),
            })
            .collect();
        c
    }

    fn entry(ladder: &Ladder, (date, skill, level): (&str, &str, LevelSignal)) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner: PersonId::new(),
            date: day(date),
            title: format!("{skill} work"),
            body: String::new(),
            impact: String::new(),
            links: vec![],
            competencies: vec![skill.parse().unwrap()],
            level,
            areas: vec![],
            visibility: Visibility::Shared,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        }
    }

    fn judge(case: &Case<'_>) -> Readiness {
        let ladder = builtin::find("software-engineer").unwrap();
        judge_on(&ladder, case)
    }

    fn judge_on(ladder: &Ladder, case: &Case<'_>) -> Readiness {
        let destination = case.destination.map(|statement| Destination {
            id: DestinationId::new(),
            owner: PersonId::new(),
            statement: statement.into(),
            target_level: Some(level(case.target)),
            horizon: None,
            reps: vec![],
            evidence_criteria: String::new(),
            status: DestinationStatus::Active,
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        });
        let evidence: Vec<Evidence> = case.evidence.iter().map(|e| entry(ladder, *e)).collect();
        let reps: Vec<Rep> = case
            .reps
            .iter()
            .map(|(title, skills, exposure)| Rep {
                id: RepId::new(),
                owner: PersonId::new(),
                title: (*title).into(),
                description: String::new(),
                competencies: skills.iter().map(|s| s.parse().unwrap()).collect(),
                exposure: *exposure,
                status: RepStatus::Candidate,
                visibility: Visibility::Private,
                created_at: now(),
                updated_at: now(),
            })
            .collect();
        assess(Inputs {
            ladder,
            current: &level(case.current),
            target: &level(case.target),
            destination: destination.as_ref(),
            calibration: &views(ladder, case),
            evidence: &evidence,
            reps: &reps,
            today: day(TODAY),
            window_months: 12,
            voice: case.voice,
        })
    }

    fn row<'a>(r: &'a Readiness, id: &str) -> &'a CompetencyReadiness {
        r.competencies
            .iter()
            .find(|c| c.competency.as_str() == id)
            .unwrap_or_else(|| panic!("no row for {id}"))
    }

    /// Asserts each listed competency's verdict; the rest of the ladder is `rest`.
    fn verdicts(r: &Readiness, listed: &[(&str, Verdict)], rest: Verdict) {
        for c in &r.competencies {
            let want = listed
                .iter()
                .find(|(id, _)| *id == c.competency.as_str())
                .map_or(rest, |(_, v)| *v);
            assert_eq!(
                c.verdict, want,
                "{}: {}\n{}",
                c.competency, c.reason, r.summary
            );
        }
    }

    fn blockers(r: &Readiness) -> Vec<(&str, BlockerKind)> {
        r.blockers
            .iter()
            .map(|b| (b.competency.as_str(), b.kind))
            .collect()
    }

    const ALL: [&str; 8] = [
        "technical-depth",
        "system-design",
        "delivery",
        "operations",
        "collaboration",
        "influence",
        "mentoring",
        "product-impact",
    ];

    fn everything_at(l: &'static str) -> Vec<(&'static str, &'static str)> {
        ALL.iter().map(|c| (*c, l)).collect()
    }

    fn recent_everywhere(signal: LevelSignal) -> Vec<(&'static str, &'static str, LevelSignal)> {
        ALL.iter().map(|c| ("2026-10-15", *c, signal)).collect()
    }

    #[test]
    fn the_issue_s_engineer_a_mentoring_view_below_level_is_raised_first() {
        // An L3 aiming at L4 through influence; delivery L4, influence L3, mentoring L2.
        let r = judge(&Case {
            destination: Some("Reach L4 through influence beyond my team."),
            manager: &[("delivery", "L4"), ("influence", "L3"), ("mentoring", "L2")],
            evidence: &[("2026-09-01", "influence", Next)],
            ..Case::default()
        });
        assert_eq!(r.levers, [cid("influence")]);
        verdicts(
            &r,
            &[
                ("delivery", Yes),
                ("influence", Emerging),
                ("mentoring", NotYet),
            ],
            Unknown,
        );
        assert_eq!(r.overall, Overall::NotYet);
        assert_eq!(r.blockers[0].kind, BlockerKind::BelowCurrent);
        assert_eq!(r.blockers[0].competency.as_str(), "mentoring");
        assert_eq!(r.blockers[1].competency.as_str(), "influence");
        assert_eq!(r.blockers[1].kind, BlockerKind::BelowTarget);
        assert!(
            r.summary.starts_with(
                "Not yet ready for L4. Strong in delivery. First, mentoring: your manager's view is L2, below your current L3; that comes before any case for L4. The blocker for L4 is influence, which your destination leans on: your manager's view is L3, below L4; one L4 example in twelve months"
            ),
            "{}",
            r.summary
        );
        assert!(
            !r.summary.contains("Not yet in"),
            "no rules dump: {}",
            r.summary
        );
    }

    #[test]
    fn unrated_is_unknown_never_met() {
        let r = judge(&Case {
            manager: &[("delivery", "L4"), ("operations", "L4")],
            evidence: &[
                ("2026-10-01", "delivery", Next),
                ("2026-10-02", "operations", Next),
            ],
            ..Case::default()
        });
        verdicts(&r, &[("delivery", Yes), ("operations", Yes)], Unknown);
        assert_eq!(r.overall, Overall::NotYet);
        assert!(blockers(&r).iter().all(|(_, k)| *k == BlockerKind::Unrated));
        assert_eq!(r.blockers.len(), 6);
        assert!(
            r.summary.contains(
                "Not rated yet, so unknown: technical depth, system design and collaboration and three more; ask your manager to rate them."
            ),
            "{}",
            r.summary
        );
    }

    #[test]
    fn nothing_rated_and_nothing_logged_is_unknown_everywhere() {
        let r = judge(&Case::default());
        verdicts(&r, &[], Unknown);
        assert_eq!(r.overall, Overall::NotYet);
        assert!(r.strengths.is_empty());
    }

    #[test]
    fn a_self_view_alone_validates_nothing() {
        let r = judge(&Case {
            own: &everything_at("L4"),
            ..Case::default()
        });
        verdicts(&r, &[], Unknown);
    }

    #[test]
    fn every_competency_validated_with_recent_target_work_is_ready() {
        let r = judge(&Case {
            manager: &everything_at("L4"),
            evidence: &recent_everywhere(Next),
            ..Case::default()
        });
        verdicts(&r, &[], Yes);
        assert_eq!(r.overall, Overall::Ready);
        assert!(r.blockers.is_empty());
        assert!(r.summary.starts_with("Ready for L4: "), "{}", r.summary);
    }

    #[test]
    fn the_levers_at_the_target_and_the_rest_holding_at_the_current_level_is_ready() {
        let mut manager = everything_at("L3");
        manager.retain(|(c, _)| *c != "influence");
        manager.push(("influence", "L4"));
        let r = judge(&Case {
            destination: Some("Staff-level influence: I want L4 on the strength of my influence."),
            manager: &manager,
            evidence: &[("2026-10-01", "influence", Next)],
            ..Case::default()
        });
        verdicts(&r, &[], Yes);
        assert_eq!(row(&r, "delivery").role, Role::Holds);
        assert_eq!(row(&r, "delivery").needs.as_str(), "L3");
        assert_eq!(r.overall, Overall::Ready, "{}", r.summary);
        assert_eq!(
            r.summary,
            "Ready for L4: influence validated with recent L4 work, and everything else holds at L3."
        );
    }

    #[test]
    fn without_a_destination_every_competency_is_judged_at_the_target() {
        let r = judge(&Case {
            manager: &everything_at("L3"),
            ..Case::default()
        });
        assert_eq!(r.levers.len(), 8);
        verdicts(&r, &[], NotYet);
        assert!(
            blockers(&r)
                .iter()
                .all(|(_, k)| *k == BlockerKind::BelowTarget)
        );
    }

    #[test]
    fn a_destination_naming_no_competency_judges_every_one_at_the_target() {
        let r = judge(&Case {
            destination: Some("Staff by 2027."),
            manager: &everything_at("L3"),
            ..Case::default()
        });
        assert_eq!(r.levers.len(), 8, "{:?}", r.levers);
        assert_eq!(r.overall, Overall::NotYet);
    }

    #[test]
    fn a_destination_naming_two_competencies_makes_both_levers() {
        let r = judge(&Case {
            destination: Some(
                "Grow my system design and operations depth to L4 by owning the platform.",
            ),
            ..Case::default()
        });
        let levers: Vec<&str> = r.levers.iter().map(CompetencyId::as_str).collect();
        assert_eq!(levers, ["system-design", "operations"]);
    }

    #[test]
    fn a_held_competency_below_the_current_level_blocks_even_with_the_levers_ready() {
        let mut manager = everything_at("L3");
        manager.retain(|(c, _)| !["influence", "operations"].contains(c));
        manager.extend([("influence", "L4"), ("operations", "L2")]);
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &manager,
            evidence: &[("2026-11-01", "influence", Next)],
            ..Case::default()
        });
        verdicts(&r, &[("operations", NotYet)], Yes);
        assert_eq!(r.overall, Overall::NotYet);
        assert_eq!(blockers(&r), [("operations", BlockerKind::BelowCurrent)]);
        assert!(
            r.summary
                .contains("First, operations: your manager's view is L2, below your current L3"),
            "{}",
            r.summary
        );
        assert!(r.summary.contains("Strong in influence."), "{}", r.summary);
    }

    #[test]
    fn a_held_competency_left_unrated_keeps_the_case_open() {
        let mut manager = everything_at("L3");
        manager.retain(|(c, _)| !["influence", "product-impact"].contains(c));
        manager.push(("influence", "L4"));
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &manager,
            evidence: &[("2026-11-01", "influence", Next)],
            ..Case::default()
        });
        verdicts(&r, &[("product-impact", Unknown)], Yes);
        assert_eq!(r.overall, Overall::NotYet);
        assert_eq!(blockers(&r), [("product-impact", BlockerKind::Unrated)]);
    }

    #[test]
    fn next_level_work_is_not_target_evidence_two_levels_up() {
        // An L2 aiming at L4: their next-level work is L3 work.
        let r = judge(&Case {
            current: "L2",
            manager: &everything_at("L4"),
            evidence: &recent_everywhere(Next),
            ..Case::default()
        });
        verdicts(&r, &[], Emerging);
        assert_eq!(r.target_level_entries, 0);
        assert!(
            blockers(&r)
                .iter()
                .all(|(_, k)| *k == BlockerKind::ThinEvidence)
        );
        assert!(
            row(&r, "delivery").reason.contains("no L4 example"),
            "{}",
            row(&r, "delivery").reason
        );
    }

    #[test]
    fn one_level_up_next_level_work_is_target_evidence() {
        let r = judge(&Case {
            current: "L3",
            manager: &[("delivery", "L4")],
            evidence: &[("2026-10-01", "delivery", Next)],
            ..Case::default()
        });
        assert_eq!(row(&r, "delivery").verdict, Yes);
        assert_eq!(r.target_level_entries, 1);
    }

    #[test]
    fn judged_at_the_current_level_current_work_counts() {
        let r = judge(&Case {
            target: "L3",
            manager: &everything_at("L3"),
            evidence: &recent_everywhere(Cur),
            ..Case::default()
        });
        assert_eq!(r.levers.len(), 8);
        verdicts(&r, &[], Yes);
        assert_eq!(r.overall, Overall::Ready);
    }

    #[test]
    fn validated_but_with_old_evidence_is_emerging_on_thin_evidence() {
        let r = judge(&Case {
            manager: &[("mentoring", "L4")],
            // Eleven months old: it counts, but weighs about a quarter.
            evidence: &[("2025-12-20", "mentoring", Next)],
            ..Case::default()
        });
        let m = row(&r, "mentoring");
        assert_eq!(m.verdict, Emerging);
        assert!(m.weight < READY_WEIGHT && m.weight > 0.2, "{}", m.weight);
        assert_eq!(blockers(&r)[0], ("mentoring", BlockerKind::ThinEvidence));
        assert!(m.reason.contains("thin or old"), "{}", m.reason);
    }

    #[test]
    fn two_examples_from_the_last_nine_months_are_enough() {
        let r = judge(&Case {
            manager: &[("delivery", "L4")],
            evidence: &[
                ("2026-03-01", "delivery", Next),
                ("2026-03-02", "delivery", Next),
            ],
            ..Case::default()
        });
        assert_eq!(
            row(&r, "delivery").verdict,
            Yes,
            "{}",
            row(&r, "delivery").weight
        );
    }

    #[test]
    fn one_example_from_four_months_ago_is_not() {
        let r = judge(&Case {
            manager: &[("delivery", "L4")],
            evidence: &[("2026-07-20", "delivery", Next)],
            ..Case::default()
        });
        assert_eq!(row(&r, "delivery").verdict, Emerging);
    }

    #[test]
    fn evidence_outside_the_window_or_in_the_future_counts_for_nothing() {
        let r = judge(&Case {
            manager: &[("delivery", "L4")],
            evidence: &[
                ("2025-10-01", "delivery", Next),
                ("2027-01-01", "delivery", Next),
            ],
            ..Case::default()
        });
        assert!(row(&r, "delivery").evidence.is_empty());
        assert_eq!(row(&r, "delivery").verdict, Emerging);
    }

    #[test]
    fn evidence_for_another_competency_does_not_count() {
        let r = judge(&Case {
            manager: &[("influence", "L4")],
            evidence: &[
                ("2026-11-01", "delivery", Next),
                ("2026-11-02", "delivery", Next),
            ],
            ..Case::default()
        });
        assert_eq!(row(&r, "influence").verdict, Emerging);
        assert!(row(&r, "influence").evidence.is_empty());
    }

    #[test]
    fn unrated_with_target_work_is_emerging_and_asks_for_a_rating() {
        let r = judge(&Case {
            evidence: &[("2026-11-01", "influence", Next)],
            ..Case::default()
        });
        assert_eq!(row(&r, "influence").verdict, Emerging);
        assert!(blockers(&r).contains(&("influence", BlockerKind::Unrated)));
        assert_eq!(
            row(&r, "influence").reason,
            "one L4 example in twelve months, the latest on 2026-11-01, but not rated yet"
        );
    }

    #[test]
    fn rated_below_the_target_with_work_is_emerging_without_is_not_yet() {
        let r = judge(&Case {
            manager: &[("influence", "L3"), ("delivery", "L3")],
            evidence: &[("2026-11-01", "influence", Next)],
            ..Case::default()
        });
        assert_eq!(row(&r, "influence").verdict, Emerging);
        assert_eq!(row(&r, "delivery").verdict, NotYet);
    }

    #[test]
    fn plenty_of_current_level_work_is_useful_not_ready() {
        let evidence: Vec<(&str, &str, LevelSignal)> = [
            "2026-01-10",
            "2026-02-10",
            "2026-03-10",
            "2026-04-10",
            "2026-05-10",
            "2026-06-10",
            "2026-07-10",
            "2026-08-10",
            "2026-09-10",
        ]
        .iter()
        .map(|d| (*d, "delivery", Cur))
        .chain([("2026-09-10", "influence", Next)])
        .collect();
        let r = judge(&Case {
            manager: &everything_at("L3"),
            evidence: &evidence,
            ..Case::default()
        });
        assert_eq!(r.overall, Overall::UsefulNotReady);
        assert_eq!((r.current_level_entries, r.target_level_entries), (9, 1));
        assert!(r.summary.starts_with(
            "Useful, not yet ready for L4: nine entries at your current level in twelve months, one at L4."
        ), "{}", r.summary);
    }

    #[test]
    fn useful_but_below_level_somewhere_stays_useful_and_says_the_below_first() {
        let evidence: Vec<(&str, &str, LevelSignal)> =
            (0..7).map(|_| ("2026-06-10", "delivery", Cur)).collect();
        let r = judge(&Case {
            manager: &[("collaboration", "L2")],
            evidence: &evidence,
            ..Case::default()
        });
        assert_eq!(r.overall, Overall::UsefulNotReady);
        assert_eq!(r.blockers[0].kind, BlockerKind::BelowCurrent);
        assert!(r.summary.contains("First, collaboration"), "{}", r.summary);
    }

    #[test]
    fn a_manager_rating_above_the_target_on_a_held_competency_is_a_strength() {
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &[
                ("influence", "L3"),
                ("product-impact", "L5"),
                ("delivery", "L3"),
            ],
            ..Case::default()
        });
        assert_eq!(r.strengths, [cid("product-impact")]);
        assert!(
            r.summary.contains("Strong in product impact."),
            "{}",
            r.summary
        );
        assert!(
            !r.summary.contains("delivery"),
            "holding at L3 is no strength: {}",
            r.summary
        );
    }

    #[test]
    fn the_next_rep_is_the_one_that_builds_the_lever_visibly() {
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &[("influence", "L3"), ("delivery", "L3")],
            reps: &[
                ("Ship the launch", &["delivery"], Exposure::High),
                ("Speak at standup", &["influence"], Exposure::Low),
                (
                    "Present the RFC at the architecture forum",
                    &["influence"],
                    Exposure::High,
                ),
            ],
            ..Case::default()
        });
        let titles: Vec<&str> = r.focus.iter().map(|p| p.rep.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Present the RFC at the architecture forum",
                "Speak at standup"
            ]
        );
        assert!(
            r.summary.ends_with(
                "Next rep: Present the RFC at the architecture forum (builds influence)."
            ),
            "{}",
            r.summary
        );
    }

    #[test]
    fn with_no_rep_planned_the_engineer_is_told_how_to_add_one() {
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &[("influence", "L3")],
            ..Case::default()
        });
        assert!(
            r.summary.ends_with(
                "Next: find a rep that builds influence and record it with `cairn rep add`."
            ),
            "{}",
            r.summary
        );
    }

    #[test]
    fn a_manager_reads_about_their_report_never_about_you() {
        let r = judge(&Case {
            destination: Some("L4 through influence."),
            manager: &[("influence", "L3"), ("mentoring", "L2")],
            voice: Voice::Manager("Maya"),
            ..Case::default()
        });
        assert!(
            r.summary
                .contains("First, mentoring: your view is L2, below Maya's current L3"),
            "{}",
            r.summary
        );
        assert!(
            r.summary.contains("which Maya's destination leans on"),
            "{}",
            r.summary
        );
        assert!(!r.summary.contains("your manager"), "{}", r.summary);
        assert!(!r.summary.contains("cairn rep add"), "{}", r.summary);
        for c in &r.competencies {
            assert!(!c.reason.contains("your manager"), "{}", c.reason);
        }
    }

    #[test]
    fn a_committee_reads_the_manager_s_view_in_the_third_person() {
        let r = judge(&Case {
            manager: &[("influence", "L3")],
            voice: Voice::Committee("Maya"),
            ..Case::default()
        });
        let text = format!("{} {}", r.summary, row(&r, "influence").reason);
        assert!(text.contains("the manager's view is L3"), "{text}");
        assert!(!text.contains("your") && !text.contains("you "), "{text}");
    }

    #[test]
    fn a_competency_the_target_adds_is_a_lever() {
        let toml = include_str!("../../../../ladders/software-engineer.toml");
        let mut ladder = crate::ladder::import::from_toml(toml).unwrap();
        // Mentoring starts at L4 on this ladder.
        let mentoring = ladder
            .competencies
            .iter_mut()
            .find(|c| c.id.as_str() == "mentoring")
            .unwrap();
        mentoring
            .expectations
            .retain(|e| !["L1", "L2", "L3"].contains(&e.level.as_str()));
        let r = judge_on(
            &ladder,
            &Case {
                destination: Some("L4 through influence."),
                ..Case::default()
            },
        );
        let levers: Vec<&str> = r.levers.iter().map(CompetencyId::as_str).collect();
        assert_eq!(levers, ["influence", "mentoring"]);
    }
}
