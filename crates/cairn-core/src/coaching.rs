//! The coaching report: the engineer's private reading of today, addressed to them. Where
//! the case states what was shown, this says what to do next: readiness with its blockers,
//! the reps that would build the most, calibration with its advice, the signal, and the
//! decision in force.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calibration::Calibration;
use crate::decision::Decision;
use crate::readiness::{Readiness, Role};
use crate::rep::Planned;
use crate::signal::Signal;

/// Reps the report lists.
const REPS: usize = 5;

/// One competency row of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Competency name.
    pub name: String,
    /// "L4 lever" or "L3 holds".
    pub judged: String,
    /// The verdict in words.
    pub verdict: String,
    /// The manager's latest view, or "—".
    pub manager: String,
    /// Their own latest view, or "—".
    pub own: String,
    /// Why.
    pub reason: String,
}

/// The coaching report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coaching {
    /// The engineer's name.
    pub name: String,
    /// The day it was made.
    pub made: NaiveDate,
    /// The level judged against.
    pub target: String,
    /// The overall verdict in words.
    pub overall: String,
    /// Readiness said to the engineer, ending with the next rep.
    pub summary: String,
    /// Every competency, levers first.
    pub rows: Vec<Row>,
    /// What is in the way, most serious first, each led by its competency.
    pub blockers: Vec<String>,
    /// The reps that build the most, best first: (title, what it means).
    pub reps: Vec<(String, String)>,
    /// Calibration's reading, with its advice.
    pub calibration: Vec<String>,
    /// The signal in one sentence, and the conversation to have next.
    pub signal: (String, String),
    /// The decision in force, and its reminder once due.
    pub decision: Option<String>,
}

/// What the report is made from, all in the engineer's own voice.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The engineer's name.
    pub name: &'a str,
    /// Readiness against the target.
    pub readiness: &'a Readiness,
    /// Calibration against the target.
    pub calibration: &'a Calibration,
    /// The rep plan, best first.
    pub plan: &'a [Planned],
    /// The strategic signal.
    pub signal: &'a Signal,
    /// Every decision made.
    pub decisions: &'a [Decision],
    /// Today.
    pub today: NaiveDate,
}

/// Builds the report.
pub fn build(i: Inputs<'_>) -> Coaching {
    let r = i.readiness;
    let shown = |l: &Option<crate::id::LevelId>| {
        l.as_ref()
            .map_or_else(|| "—".to_owned(), ToString::to_string)
    };
    let mut rows: Vec<(bool, Row)> = r
        .competencies
        .iter()
        .map(|c| {
            let lever = c.role == Role::Lever;
            let judged = if lever {
                format!("{} lever", c.needs)
            } else {
                format!("{} holds", c.needs)
            };
            (
                lever,
                Row {
                    name: c.name.clone(),
                    judged,
                    verdict: c.verdict.words().to_owned(),
                    manager: shown(&c.manager),
                    own: shown(&c.own),
                    reason: c.reason.clone(),
                },
            )
        })
        .collect();
    rows.sort_by_key(|(lever, _)| !lever);
    let decision = Decision::current(i.decisions).map(|d| {
        d.reminder(i.today).unwrap_or_else(|| {
            format!(
                "On {} you decided {} because {}; look at it again on {}.",
                d.decided_on,
                d.choice.phrase(),
                d.because.trim_end_matches('.'),
                d.revisit
            )
        })
    });
    Coaching {
        name: i.name.to_owned(),
        made: i.today,
        target: r.target.to_string(),
        overall: r.overall.words().to_owned(),
        summary: r.summary.clone(),
        rows: rows.into_iter().map(|(_, row)| row).collect(),
        blockers: r
            .blockers
            .iter()
            .map(|b| {
                let name = r
                    .competencies
                    .iter()
                    .find(|c| c.competency == b.competency)
                    .map_or_else(|| b.competency.to_string(), |c| c.name.clone());
                format!("{name}: {}", b.reason)
            })
            .collect(),
        reps: i
            .plan
            .iter()
            .take(REPS)
            .map(|p| (p.rep.title.clone(), p.note.clone()))
            .collect(),
        calibration: i.calibration.reading.clone(),
        signal: (i.signal.headline(), i.signal.next.clone()),
        decision,
    }
}

impl Coaching {
    /// The report as Markdown. It is private: the engineer's own words and Cairn's advice,
    /// never meant to be handed in.
    pub fn markdown(&self) -> String {
        let mut md = format!(
            "# Coaching report for {}: {}\n\nPrivate, for you. Made {}. Readiness for {}: {}.\n\n{}\n\n",
            plain(&self.name),
            self.target,
            self.made,
            self.target,
            self.overall,
            plain(&self.summary)
        );
        md.push_str("## Where you stand\n\n| competency | judged at | verdict | manager | you |\n|---|---|---|---|---|\n");
        for row in &self.rows {
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                plain(&row.name),
                row.judged,
                row.verdict,
                row.manager,
                row.own
            ));
        }
        md.push_str("\n## In the way\n\n");
        if self.blockers.is_empty() {
            md.push_str("Nothing.\n");
        }
        for b in &self.blockers {
            md.push_str(&format!("- {}\n", plain(b)));
        }
        md.push_str("\n## Reps that build the most\n\n");
        if self.reps.is_empty() {
            md.push_str("No open reps: record the next one with `cairn rep add`.\n");
        }
        for (title, note) in &self.reps {
            md.push_str(&format!("- {} ({})\n", plain(title), plain(note)));
        }
        md.push_str("\n## Calibration\n\n");
        if self.calibration.is_empty() {
            md.push_str("No assessment round yet.\n");
        }
        for line in &self.calibration {
            md.push_str(&format!("- {}\n", plain(line)));
        }
        md.push_str(&format!(
            "\n## The signal\n\n{} Next: {}\n",
            self.signal.0,
            plain(&self.signal.1)
        ));
        md.push_str("\n## Your decision\n\n");
        match &self.decision {
            Some(d) => md.push_str(&format!("{}\n", plain(d))),
            None => md.push_str(
                "None recorded. When you know whether to push, wait or change environments, record it with `cairn decide`.\n",
            ),
        }
        md
    }
}

/// Text written by a person, kept from opening Markdown structure of its own.
fn plain(text: &str) -> String {
    crate::packet::escape_md(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::calibration::compute;
    use crate::dates::now;
    use crate::decision::{Choice, Context};
    use crate::id::{DecisionId, LevelId, PersonId};
    use crate::ladder::builtin;
    use crate::readiness::{Inputs as ReadyInputs, assess};
    use crate::voice::Voice;

    #[test]
    fn the_report_speaks_to_the_engineer_and_carries_the_decision() {
        let ladder = builtin::find("software-engineer").unwrap();
        let target: LevelId = "L4".parse().unwrap();
        let current: LevelId = "L3".parse().unwrap();
        let calibration = compute(&[], Some(&target), Voice::Engineer);
        let today: NaiveDate = "2026-11-24".parse().unwrap();
        let readiness = assess(ReadyInputs {
            ladder: &ladder,
            current: &current,
            target: &target,
            destination: None,
            calibration: &calibration,
            evidence: &[],
            reps: &[],
            today,
            window_months: 12,
            voice: Voice::Engineer,
        });
        let signal = crate::signal::read(&[], &[], today, 6, crate::voice::Voice::Engineer);
        let wait = Decision {
            id: DecisionId::new(),
            owner: PersonId::new(),
            choice: Choice::Wait,
            because: "Promotions are frozen".into(),
            decided_on: "2026-06-01".parse().unwrap(),
            revisit: "2026-11-01".parse().unwrap(),
            context: Context::default(),
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        let report = build(Inputs {
            name: "Ada",
            readiness: &readiness,
            calibration: &calibration,
            plan: &[],
            signal: &signal,
            decisions: std::slice::from_ref(&wait),
            today,
        });
        assert_eq!(report.rows.len(), 8);
        assert!(
            report.rows.iter().all(|r| r.manager == "—"),
            "unrated shows as a dash"
        );
        let md = report.markdown();
        assert!(
            md.starts_with("# Coaching report for Ada: L4\n\nPrivate, for you."),
            "{md}"
        );
        assert!(
            md.contains("ask your manager to rate them"),
            "addressed to the engineer: {md}"
        );
        assert!(
            md.contains("you meant to look at it again on 2026-11-01"),
            "{md}"
        );
        assert!(md.contains("No signal: 0 clear asks in 6 months"), "{md}");
    }
}
