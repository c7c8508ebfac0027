//! Readiness for a target level: per competency, what the level expects, the latest views,
//! and the next-level evidence of the window; a verdict with its reason; and an overall
//! verdict that never confuses being useful (plenty of work at the current level) with
//! being ready (validated work at the next).
//!
//! The rules, per competency of the target level (one the level has an expectation for):
//! - next-level evidence counts when tagged with the competency, marked `next`, and dated in
//!   the window (default twelve months); its weight halves every six months of age;
//! - *validated* means the manager's latest view is at or above the target;
//! - **ready**: validated, and next-level evidence weighing at least 0.7 (one example from
//!   the last three months, or two from the last nine);
//! - **emerging**: not ready, but some next-level evidence in the window, or validated;
//! - **not yet**: neither.
//!
//! Overall: **ready** when every competency is; **useful, not yet ready** when not, yet the
//! window holds plenty of current-level work (at least six entries) and less at the next
//! level than at the current; **not yet** otherwise.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calibration::Calibration;
use crate::evidence::{Evidence, LevelSignal};
use crate::id::{CompetencyId, EvidenceId, LevelId};
use crate::ladder::Ladder;
use crate::rep::{Planned, Rep, plan};

/// Next-level evidence weight a validated competency needs to be ready.
const READY_WEIGHT: f64 = 0.7;
/// Days over which evidence loses half its weight.
const HALF_LIFE_DAYS: f64 = 182.0;
/// Current-level entries in the window that make someone clearly useful.
const USEFUL_ENTRIES: usize = 6;

/// One competency's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Validated next-level work, recent enough.
    Ready,
    /// Some next-level signal, not yet enough.
    Emerging,
    /// No next-level signal.
    NotYet,
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overall {
    /// Every competency is ready.
    Ready,
    /// Plenty of current-level work, too little at the next level.
    UsefulNotReady,
    /// Not yet.
    NotYet,
}

impl Verdict {
    /// How much of the gap is left: what rep planning weighs competencies by.
    pub fn gap(self) -> f64 {
        match self {
            Self::Ready => 0.0,
            Self::Emerging => 1.0,
            Self::NotYet => 2.0,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::Emerging => "emerging",
            Self::NotYet => "not yet",
        }
    }
}

/// One competency of the target level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyReadiness {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// What the target level expects.
    pub expectation: String,
    /// The manager's latest view.
    pub manager: Option<LevelId>,
    /// The engineer's latest view.
    #[serde(rename = "self")]
    pub own: Option<LevelId>,
    /// Next-level entries in the window, newest first.
    pub evidence: Vec<EvidenceId>,
    /// Their recency-weighted sum.
    pub weight: f64,
    /// The manager's view reaches the target.
    pub validated: bool,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in a sentence.
    pub reason: String,
}

/// Readiness for one target level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// The target level.
    pub target: LevelId,
    /// The window, in months.
    pub window_months: u32,
    /// The overall verdict.
    pub overall: Overall,
    /// Current-level entries in the window.
    pub current_level_entries: usize,
    /// Next-level entries in the window.
    pub next_level_entries: usize,
    /// One row per competency of the target level, in ladder order.
    pub competencies: Vec<CompetencyReadiness>,
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
    /// The target level.
    pub target: &'a LevelId,
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
}

/// Judges readiness.
pub fn assess(input: Inputs<'_>) -> Readiness {
    let Inputs {
        ladder,
        target,
        calibration,
        evidence,
        reps,
        today,
        window_months,
    } = input;
    let start = today
        .checked_sub_months(chrono::Months::new(window_months))
        .unwrap_or(NaiveDate::MIN);
    let window: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.date >= start && e.date <= today)
        .collect();
    let target_rank = ladder.rank(target);
    let reaches = |level: &Option<LevelId>| {
        level
            .as_ref()
            .and_then(|l| ladder.rank(l))
            .zip(target_rank)
            .is_some_and(|(r, t)| r >= t)
    };
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
            let mut next: Vec<&Evidence> = window
                .iter()
                .copied()
                .filter(|e| e.level == LevelSignal::Next && e.competencies.contains(&c.id))
                .collect();
            next.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
            let weight: f64 = next
                .iter()
                .map(|e| 0.5f64.powf((today - e.date).num_days() as f64 / HALF_LIFE_DAYS))
                .sum();
            let weight = (weight * 100.0).round() / 100.0;
            let validated = reaches(&manager);
            let verdict = if validated && weight >= READY_WEIGHT {
                Verdict::Ready
            } else if validated || !next.is_empty() {
                Verdict::Emerging
            } else {
                Verdict::NotYet
            };
            let examples = match next.len() {
                0 => format!("no next-level example in {months} months"),
                n => format!(
                    "{} in {months} months, the latest on {}",
                    plural(n, "next-level example", "next-level examples"),
                    next[0].date
                ),
            };
            let view = match (&manager, validated) {
                (Some(m), true) => format!("your manager places you at {m}"),
                (Some(m), false) => format!("your manager's latest view is {m}, below {target}"),
                (None, _) if next.is_empty() => "no manager view yet".to_owned(),
                (None, _) => "none validated: your manager has not given a view".to_owned(),
            };
            let reason = match verdict {
                Verdict::Ready => format!("{examples}; {view}"),
                Verdict::Emerging if validated => {
                    format!("{view}, but the evidence is thin or old: {examples}")
                }
                _ => format!("{examples}; {view}"),
            };
            Some(CompetencyReadiness {
                competency: c.id.clone(),
                name: c.name.clone(),
                expectation: expectation.text.clone(),
                manager,
                own,
                evidence: next.iter().map(|e| e.id).collect(),
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
    let next_level_entries = window.len() - current_level_entries;
    let overall = if !competencies.is_empty()
        && competencies.iter().all(|c| c.verdict == Verdict::Ready)
    {
        Overall::Ready
    } else if current_level_entries >= USEFUL_ENTRIES && next_level_entries < current_level_entries
    {
        Overall::UsefulNotReady
    } else {
        Overall::NotYet
    };
    let gaps: Vec<(CompetencyId, f64)> = competencies
        .iter()
        .map(|c| (c.competency.clone(), c.verdict.gap()))
        .collect();
    let mut focus: Vec<Planned> = plan(reps, &gaps)
        .into_iter()
        .filter(|p| p.score > 0.0)
        .collect();
    focus.truncate(3);
    let summary = summary(
        target,
        overall,
        &competencies,
        &focus,
        (current_level_entries, next_level_entries),
        &months,
    );
    Readiness {
        target: target.clone(),
        window_months,
        overall,
        current_level_entries,
        next_level_entries,
        competencies,
        focus,
        summary,
    }
}

fn summary(
    target: &LevelId,
    overall: Overall,
    competencies: &[CompetencyReadiness],
    focus: &[Planned],
    (current, next): (usize, usize),
    months: &str,
) -> String {
    let mut text = match overall {
        Overall::Ready => format!(
            "Ready for {target}: every competency has validated next-level work in the last {months} months."
        ),
        Overall::UsefulNotReady => format!(
            "Useful, not yet ready for {target}: {} at your current level in {months} months, {} at the next.",
            plural(current, "entry", "entries"),
            number(next)
        ),
        Overall::NotYet => format!("Not yet ready for {target}."),
    };
    let strong: Vec<String> = competencies
        .iter()
        .filter(|c| c.verdict == Verdict::Ready)
        .map(|c| lower_first(&c.name))
        .collect();
    if !strong.is_empty() && overall != Overall::Ready {
        text.push_str(&format!(" Strong in {}.", join(&strong)));
    }
    for c in competencies.iter().filter(|c| c.verdict != Verdict::Ready) {
        text.push_str(&format!(
            " Not yet in {} ({}): {}.",
            lower_first(&c.name),
            c.verdict.words(),
            c.reason
        ));
    }
    if overall != Overall::Ready {
        if focus.is_empty() {
            let missing: Vec<String> = competencies
                .iter()
                .filter(|c| c.verdict == Verdict::NotYet)
                .chain(
                    competencies
                        .iter()
                        .filter(|c| c.verdict == Verdict::Emerging),
                )
                .take(2)
                .map(|c| lower_first(&c.name))
                .collect();
            text.push_str(&format!(
                " The next six months should focus on work that builds {} (record candidates with `cairn rep add`).",
                join(&missing)
            ));
        } else {
            let reps: Vec<String> = focus.iter().map(|p| p.rep.title.clone()).collect();
            text.push_str(&format!(
                " The next six months should focus on: {}.",
                reps.join("; ")
            ));
        }
    }
    text
}

/// "a", "a and b", "a, b and c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Small counts as words, as people say them; larger ones as digits.
pub fn number(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::calibration::{CompetencyGap, compute};
    use crate::dates::now;
    use crate::evidence::Source;
    use crate::id::{PersonId, RepId};
    use crate::ladder::builtin;
    use crate::rep::{Exposure, RepStatus};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn entry(date: &str, skill: &str, level: LevelSignal) -> Evidence {
        let ladder = builtin::find("software-engineer").unwrap();
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

    /// A calibration where the manager placed each listed competency at a level.
    fn views(ladder: &Ladder, managed: &[(&str, &str)]) -> Calibration {
        let target: LevelId = "L4".parse().unwrap();
        let mut c = compute(&[], Some(&target));
        c.competencies = ladder
            .competencies
            .iter()
            .map(|comp| {
                let manager = managed
                    .iter()
                    .find(|(id, _)| *id == comp.id.as_str())
                    .map(|(_, l)| l.parse().unwrap());
                CompetencyGap {
                    competency: comp.id.clone(),
                    name: comp.name.clone(),
                    own: manager.clone(),
                    manager,
                    target: Some(target.clone()),
                    delta: None,
                    label: None,
                    to_target: None,
                    self_note: String::new(),
                    manager_note: String::new(),
                }
            })
            .collect();
        c
    }

    fn run(calibration: &Calibration, evidence: &[Evidence], reps: &[Rep]) -> Readiness {
        let ladder = builtin::find("software-engineer").unwrap();
        let target: LevelId = "L4".parse().unwrap();
        assess(Inputs {
            ladder: &ladder,
            target: &target,
            calibration,
            evidence,
            reps,
            today: day("2026-11-24"),
            window_months: 12,
        })
    }

    fn verdict(r: &Readiness, id: &str) -> Verdict {
        r.competencies
            .iter()
            .find(|c| c.competency.as_str() == id)
            .unwrap()
            .verdict
    }

    #[test]
    fn validated_recent_next_level_work_is_ready_and_old_or_unvalidated_is_not() {
        let ladder = builtin::find("software-engineer").unwrap();
        let calibration = views(
            &ladder,
            &[("delivery", "L4"), ("influence", "L3"), ("mentoring", "L4")],
        );
        let evidence = vec![
            entry("2026-10-01", "delivery", LevelSignal::Next),
            entry("2026-06-01", "influence", LevelSignal::Next),
            entry("2026-05-01", "influence", LevelSignal::Next),
            // Eleven months old: it counts, but weighs about a quarter.
            entry("2025-12-20", "mentoring", LevelSignal::Next),
        ];
        let r = run(&calibration, &evidence, &[]);
        assert_eq!(verdict(&r, "delivery"), Verdict::Ready);
        assert_eq!(verdict(&r, "influence"), Verdict::Emerging);
        assert_eq!(
            verdict(&r, "mentoring"),
            Verdict::Emerging,
            "validated, but old evidence"
        );
        assert_eq!(verdict(&r, "operations"), Verdict::NotYet);
        let influence = r
            .competencies
            .iter()
            .find(|c| c.competency.as_str() == "influence")
            .unwrap();
        assert_eq!(
            influence.reason,
            "two next-level examples in twelve months, the latest on 2026-06-01; your manager's latest view is L3, below L4"
        );
        assert_eq!(r.overall, Overall::NotYet);
        assert!(
            r.summary
                .starts_with("Not yet ready for L4. Strong in delivery."),
            "{}",
            r.summary
        );
    }

    #[test]
    fn lots_of_current_level_work_is_useful_not_ready() {
        let ladder = builtin::find("software-engineer").unwrap();
        let calibration = views(&ladder, &[]);
        let evidence: Vec<Evidence> = (1..=9)
            .map(|m| entry(&format!("2026-{m:02}-10"), "delivery", LevelSignal::Current))
            .chain([entry("2026-09-10", "influence", LevelSignal::Next)])
            .collect();
        let r = run(&calibration, &evidence, &[]);
        assert_eq!(r.overall, Overall::UsefulNotReady);
        assert_eq!((r.current_level_entries, r.next_level_entries), (9, 1));
        assert!(r.summary.starts_with(
            "Useful, not yet ready for L4: nine entries at your current level in twelve months, one at the next."
        ), "{}", r.summary);
        assert!(r.summary.contains("record candidates with `cairn rep add`"));
    }

    #[test]
    fn every_competency_validated_with_recent_work_is_ready() {
        let ladder = builtin::find("software-engineer").unwrap();
        let all: Vec<(&str, &str)> = ladder
            .competencies
            .iter()
            .map(|c| (c.id.as_str(), "L4"))
            .collect();
        let calibration = views(&ladder, &all);
        let evidence: Vec<Evidence> = ladder
            .competencies
            .iter()
            .map(|c| entry("2026-11-01", c.id.as_str(), LevelSignal::Next))
            .collect();
        let r = run(&calibration, &evidence, &[]);
        assert_eq!(r.overall, Overall::Ready, "{}", r.summary);
        assert!(r.summary.starts_with("Ready for L4"));
        // Outside the window nothing counts.
        let old: Vec<Evidence> = evidence
            .iter()
            .map(|e| Evidence {
                date: day("2025-10-01"),
                ..e.clone()
            })
            .collect();
        assert_eq!(run(&calibration, &old, &[]).overall, Overall::NotYet);
    }

    #[test]
    fn the_focus_names_reps_that_build_what_is_missing() {
        let ladder = builtin::find("software-engineer").unwrap();
        let calibration = views(&ladder, &[("delivery", "L4")]);
        let evidence = vec![entry("2026-10-01", "delivery", LevelSignal::Next)];
        let rep = |title: &str, skill: &str| Rep {
            id: RepId::new(),
            owner: PersonId::new(),
            title: title.into(),
            description: String::new(),
            competencies: vec![skill.parse().unwrap()],
            exposure: Exposure::High,
            status: RepStatus::Candidate,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        let reps = vec![
            rep("Ship the launch", "delivery"),
            rep("Chair the RFC review", "influence"),
        ];
        let r = run(&calibration, &evidence, &reps);
        assert_eq!(r.focus.len(), 1);
        assert!(
            r.summary
                .ends_with("The next six months should focus on: Chair the RFC review."),
            "{}",
            r.summary
        );
    }
}
