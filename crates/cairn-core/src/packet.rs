//! The promotion packet: what an engineer hands in. Their destination, readiness said
//! plainly, each expectation of the target level with the evidence that meets it (dated and
//! linked), calibration with its radar, a timeline of evidence month by month, and the
//! story of how the destination changed. Built here as a model with a Markdown rendering;
//! the web crate renders the same model as self-contained HTML.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::calibration::Calibration;
use crate::destination::{Destination, DestinationEvent};
use crate::evidence::{Evidence, LevelSignal};
use crate::ladder::Ladder;
use crate::person::Person;
use crate::readiness::{Readiness, Role, Verdict};
use crate::svg::escape;

/// One piece of evidence as the packet cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cited {
    /// Its day.
    pub date: NaiveDate,
    /// Its title.
    pub title: String,
    /// Its outcome.
    pub impact: String,
    /// Its links.
    pub links: Vec<String>,
    /// Whether it shows the next level.
    pub next: bool,
}

/// One expectation of the target level and the evidence meeting it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Competency name.
    pub name: String,
    /// What the target level expects.
    pub expectation: String,
    /// The readiness verdict, in words.
    pub verdict: String,
    /// Why, as a sentence.
    pub reason: String,
    /// Next-level evidence in the window, newest first (current-level work is counted in
    /// the timeline, not cited here).
    pub evidence: Vec<Cited>,
}

/// One month of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    /// Current-level entries.
    pub current: usize,
    /// Next-level entries.
    pub next: usize,
}

/// One change of direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Turn {
    /// Its day.
    pub date: NaiveDate,
    /// Set, revised, pivoted, reached, dropped.
    pub change: String,
    /// The statement after it.
    pub statement: String,
    /// Why.
    pub reason: String,
}

/// The packet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Packet {
    /// The engineer's name.
    pub name: String,
    /// Their level, with its title.
    pub level: String,
    /// Their ladder's name.
    pub ladder: String,
    /// The day it was made.
    pub made: NaiveDate,
    /// The destination statement, if any.
    pub destination: Option<String>,
    /// Its clarity verdict, with the fields beside the statement.
    pub clarity: Option<String>,
    /// When the engineer means to get there.
    pub by: Option<NaiveDate>,
    /// The reps planned on the destination.
    pub reps: Vec<String>,
    /// What would count as evidence they got there.
    pub criteria: String,
    /// Readiness.
    pub readiness: Readiness,
    /// One section per competency of the target level.
    pub sections: Vec<Section>,
    /// Calibration's reading, a line each.
    pub calibration: Vec<String>,
    /// The radar, as inline SVG (empty without a round).
    pub radar_svg: String,
    /// Entries per month over the window.
    pub timeline: Vec<Month>,
    /// How the destination changed, oldest first.
    pub story: Vec<Turn>,
}

/// What the packet is made from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The engineer.
    pub person: &'a Person,
    /// Their ladder.
    pub ladder: &'a Ladder,
    /// Their active destination.
    pub destination: Option<&'a Destination>,
    /// Its history.
    pub events: &'a [DestinationEvent],
    /// Their evidence.
    pub evidence: &'a [Evidence],
    /// Calibration against the target.
    pub calibration: &'a Calibration,
    /// Readiness against the target.
    pub readiness: &'a Readiness,
    /// Today.
    pub today: NaiveDate,
}

/// Builds the packet.
pub fn build(i: Inputs<'_>) -> Packet {
    let r = i.readiness;
    let sections = r
        .competencies
        .iter()
        .map(|c| Section {
            name: c.name.clone(),
            expectation: c.expectation.clone(),
            // A competency the case only needs held says so, not "ready" for the target.
            verdict: match (c.role, c.verdict) {
                (Role::Holds, Verdict::Ready) => format!("holds at {}", c.needs),
                (_, v) => v.words().to_owned(),
            },
            reason: capitalise(&c.reason),
            evidence: c
                .evidence
                .iter()
                .filter_map(|id| i.evidence.iter().find(|e| e.id == *id))
                .map(|e| Cited {
                    date: e.date,
                    title: e.title.clone(),
                    impact: e.impact.clone(),
                    // Only web and mail links reach a document someone else opens: a record
                    // written before links were checked may hold a `javascript:` one.
                    links: e
                        .links
                        .iter()
                        .filter(|l| crate::evidence::check_link(l).is_ok())
                        .cloned()
                        .collect(),
                    next: e.level == LevelSignal::Next,
                })
                .collect(),
        })
        .collect();
    let first = i
        .today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(r.window_months.saturating_sub(1))))
        .unwrap_or(i.today);
    let mut timeline = Vec::new();
    let mut month = first;
    while month <= i.today {
        let next_month = month.checked_add_months(Months::new(1)).unwrap_or(i.today);
        let inside: Vec<&Evidence> = i
            .evidence
            .iter()
            .filter(|e| e.date >= month && e.date < next_month)
            .collect();
        timeline.push(Month {
            month: month.format("%Y-%m").to_string(),
            current: inside
                .iter()
                .filter(|e| e.level == LevelSignal::Current)
                .count(),
            next: inside
                .iter()
                .filter(|e| e.level == LevelSignal::Next)
                .count(),
        });
        if next_month <= month {
            break;
        }
        month = next_month;
    }
    let level_title = i
        .ladder
        .level(&i.person.level)
        .map_or(String::new(), |l| format!(" {}", l.title));
    Packet {
        name: i.person.name.clone(),
        level: format!("{}{level_title}", i.person.level),
        ladder: i.ladder.name.clone(),
        made: i.today,
        destination: i.destination.map(|d| d.statement.clone()),
        clarity: i.destination.map(|d| d.clarity().verdict.to_string()),
        by: i.destination.and_then(|d| d.horizon),
        reps: i.destination.map(|d| d.reps.clone()).unwrap_or_default(),
        criteria: i
            .destination
            .map(|d| d.evidence_criteria.clone())
            .unwrap_or_default(),
        readiness: r.clone(),
        sections,
        calibration: i.calibration.reading.clone(),
        radar_svg: if i.calibration.round.is_some() {
            i.calibration.radar_svg(i.ladder)
        } else {
            String::new()
        },
        timeline,
        story: story(i.events),
    }
}

/// The destination's history, oldest first, a row per change: a change repeated with the
/// same statement and reason on the same day (a double submit) shows once.
fn story(events: &[DestinationEvent]) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for e in events {
        let turn = Turn {
            date: e.at.date_naive(),
            change: e.change.to_string(),
            statement: e.statement.clone(),
            reason: e.reason.clone(),
        };
        if turns.last() != Some(&turn) {
            turns.push(turn);
        }
    }
    turns
}

const BAR: u32 = 22;
const GAP: u32 = 6;
const CHART_HEIGHT: u32 = 120;

impl Packet {
    /// The timeline as an inline SVG bar chart: per month, current-level entries in grey
    /// and next-level entries stacked above them in the accent colour.
    pub fn timeline_svg(&self) -> String {
        let max = self
            .timeline
            .iter()
            .map(|m| m.current + m.next)
            .max()
            .unwrap_or(0)
            .max(1) as u32;
        let width = self.timeline.len() as u32 * (BAR + GAP) + GAP;
        let scale = |n: usize| n as u32 * (CHART_HEIGHT - 20) / max;
        let mut svg = format!(
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"Evidence per month: current level and next level\">",
            CHART_HEIGHT + 18
        );
        for (k, m) in self.timeline.iter().enumerate() {
            let x = GAP + k as u32 * (BAR + GAP);
            let current = scale(m.current);
            let next = scale(m.next);
            let base = CHART_HEIGHT;
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"{BAR}\" height=\"{current}\" fill=\"#9aa5b1\"><title>{}: {} at the current level</title></rect>",
                base - current,
                escape(&m.month),
                m.current
            ));
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"{BAR}\" height=\"{next}\" fill=\"#2f6f5e\"><title>{}: {} at the next level</title></rect>",
                base - current - next,
                escape(&m.month),
                m.next
            ));
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
                x + BAR / 2,
                base + 12,
                escape(&m.month[5..])
            ));
        }
        svg.push_str("</svg>");
        svg
    }

    /// The packet as Markdown.
    pub fn markdown(&self) -> String {
        let mut md = format!(
            "# {}: readiness for {}\n\n{} on the {} ladder. Prepared {}.\n\n",
            escape_md(&self.name),
            self.readiness.target,
            escape_md(&self.level),
            escape_md(&self.ladder),
            self.made
        );
        md.push_str("## Destination\n\n");
        match (&self.destination, &self.clarity) {
            (Some(d), Some(c)) => {
                md.push_str(&format!("> {}\n\n", escape_md(d).replace('\n', "\n> ")));
                if let Some(by) = self.by {
                    md.push_str(&format!("- By: {by}\n"));
                }
                for rep in &self.reps {
                    md.push_str(&format!("- Rep: {}\n", escape_md(rep)));
                }
                if !self.criteria.is_empty() {
                    md.push_str(&format!(
                        "- Evidence it is reached: {}\n",
                        escape_md(&self.criteria)
                    ));
                }
                md.push_str(&format!("\nClarity: {c}.\n\n"));
            }
            _ => md.push_str("No destination written down yet.\n\n"),
        }
        md.push_str(&format!(
            "## Readiness\n\n{}\n\n",
            escape_md(&self.readiness.summary)
        ));
        md.push_str(&format!(
            "## What {} expects, and the evidence\n\n",
            self.readiness.target
        ));
        for s in &self.sections {
            md.push_str(&format!(
                "### {} ({})\n\n*Expected:* {}\n\n{}.\n\n",
                escape_md(&s.name),
                s.verdict,
                escape_md(&s.expectation),
                escape_md(&s.reason)
            ));
            if s.evidence.is_empty() {
                md.push_str("No next-level evidence in the window yet.\n\n");
            }
            for e in &s.evidence {
                md.push_str(&format!("- {}: {}", e.date, escape_md(&e.title)));
                if !e.impact.is_empty() {
                    md.push_str(&format!(" (impact: {})", escape_md(&e.impact)));
                }
                for link in &e.links {
                    md.push_str(&format!(
                        " [link](<{}>)",
                        link.replace('<', "%3C").replace('>', "%3E")
                    ));
                }
                md.push('\n');
            }
            if !s.evidence.is_empty() {
                md.push('\n');
            }
        }
        md.push_str("## Calibration\n\n");
        if self.calibration.is_empty() {
            md.push_str("No assessment round yet.\n\n");
        }
        for line in &self.calibration {
            md.push_str(&format!("- {}\n", escape_md(line)));
        }
        md.push_str("\n## Timeline\n\n| month | current level | next level |\n|---|---|---|\n");
        for m in &self.timeline {
            md.push_str(&format!("| {} | {} | {} |\n", m.month, m.current, m.next));
        }
        md.push_str("\n## How the destination changed\n\n");
        if self.story.is_empty() {
            md.push_str("No changes recorded.\n");
        }
        for t in &self.story {
            md.push_str(&format!(
                "- {} {}: {}",
                t.date,
                t.change,
                escape_md(&t.statement)
            ));
            if !t.reason.is_empty() {
                md.push_str(&format!(" ({})", escape_md(&t.reason)));
            }
            md.push('\n');
        }
        md
    }
}

/// Text a person wrote, escaped for Markdown: it reads the same once rendered and can open
/// no HTML (`<script>`), link, emphasis or table cell of its own.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::calibration::compute;
    use crate::dates::now;
    use crate::evidence::Source;
    use crate::id::{EvidenceId, LevelId, PersonId};
    use crate::ladder::builtin;
    use crate::readiness::{Inputs as ReadyInputs, assess};
    use crate::voice::Voice;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An L3 engineer on `ladder`.
    fn l3(ladder: &crate::ladder::Ladder, name: &str) -> Person {
        Person {
            id: PersonId::new(),
            name: name.into(),
            emails: vec![],
            github: None,
            ladder: ladder.reference(),
            level: "L3".parse().unwrap(),
            manager: None,
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn cites_next_level_evidence_under_its_expectation_and_counts_months() {
        let ladder = builtin::find("software-engineer").unwrap();
        let person = l3(&ladder, "Ada <Lovelace>");
        let entry = |date: &str, skill: &str, level: LevelSignal| Evidence {
            id: EvidenceId::new(),
            owner: person.id,
            date: day(date),
            title: format!("{skill} on {date}"),
            body: String::new(),
            impact: "Two teams adopted it".into(),
            // Written before links were checked: the packet must not carry the script one.
            links: vec![
                "https://wiki.example/rfc".into(),
                "javascript://%0aalert(1)".into(),
            ],
            competencies: vec![skill.parse().unwrap()],
            level,
            areas: vec![],
            visibility: Visibility::Private,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        };
        let evidence = vec![
            entry("2026-11-02", "influence", LevelSignal::Next),
            entry("2026-10-05", "influence", LevelSignal::Current),
            entry("2026-10-06", "delivery", LevelSignal::Current),
        ];
        let target: LevelId = "L4".parse().unwrap();
        let calibration = compute(&[], Some(&target), Voice::Committee(&person.name));
        let today = day("2026-11-24");
        let readiness = assess(ReadyInputs {
            ladder: &ladder,
            current: &person.level,
            target: &target,
            destination: None,
            calibration: &calibration,
            evidence: &evidence,
            reps: &[],
            today,
            window_months: 12,
            voice: Voice::Committee(&person.name),
        });
        let p = build(Inputs {
            person: &person,
            ladder: &ladder,
            destination: None,
            events: &[],
            evidence: &evidence,
            calibration: &calibration,
            readiness: &readiness,
            today,
        });
        let influence = p.sections.iter().find(|s| s.name == "Influence").unwrap();
        assert_eq!(
            influence.evidence.len(),
            1,
            "only the next-level entry is cited"
        );
        assert_eq!(p.timeline.len(), 12);
        assert_eq!(p.timeline[0].month, "2025-12");
        let october = p.timeline.iter().find(|m| m.month == "2026-10").unwrap();
        assert_eq!((october.current, october.next), (2, 0));
        let md = p.markdown();
        assert!(
            md.starts_with("# Ada \\<Lovelace\\>: readiness for L4"),
            "a name cannot open HTML in the Markdown: {md}"
        );
        assert!(md.contains("- 2026-11-02: influence on 2026-11-02 (impact: Two teams adopted it) [link](<https://wiki.example/rfc>)"), "{md}");
        assert!(md.contains("| 2026-10 | 2 | 0 |"));
        assert!(!md.contains("javascript"), "{md}");
        let svg = p.timeline_svg();
        assert_eq!(svg.matches("<rect").count(), 24);
        assert!(svg.contains("2026-11: 1 at the next level"));
        assert!(p.radar_svg.is_empty(), "no round, no radar");
    }

    #[test]
    fn the_destination_carries_its_date_reps_and_criteria_and_its_story_shows_each_change_once() {
        use crate::destination::{DestinationChange, DestinationStatus};
        use crate::id::{DestinationEventId, DestinationId};
        let ladder = builtin::find("software-engineer").unwrap();
        let person = l3(&ladder, "Maya");
        let owner = person.id;
        let d = Destination {
            id: DestinationId::new(),
            owner,
            statement: "Become a staff engineer.".into(),
            target_level: Some("L4".parse().unwrap()),
            horizon: Some(day("2027-06-30")),
            reps: vec!["Lead the event-bus migration".into()],
            evidence_criteria: "Three teams adopt the event bus".into(),
            status: DestinationStatus::Active,
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        let event = |reason: &str| DestinationEvent {
            id: DestinationEventId::new(),
            destination: d.id,
            owner,
            change: DestinationChange::Set,
            statement: d.statement.clone(),
            reason: reason.into(),
            at: now(),
        };
        let events = vec![event(""), event(""), event("sharper")];
        let target: LevelId = "L4".parse().unwrap();
        let voice = Voice::Committee(&person.name);
        let calibration = compute(&[], Some(&target), voice);
        let today = day("2026-11-24");
        let readiness = assess(ReadyInputs {
            ladder: &ladder,
            current: &person.level,
            target: &target,
            destination: Some(&d),
            calibration: &calibration,
            evidence: &[],
            reps: &[],
            today,
            window_months: 12,
            voice,
        });
        let p = build(Inputs {
            person: &person,
            ladder: &ladder,
            destination: Some(&d),
            events: &events,
            evidence: &[],
            calibration: &calibration,
            readiness: &readiness,
            today,
        });
        assert_eq!(p.story.len(), 2, "the double submit shows once");
        assert_eq!(
            p.clarity.as_deref(),
            Some("actionable"),
            "judged with its fields"
        );
        let md = p.markdown();
        assert!(md.contains("- By: 2027-06-30\n- Rep: Lead the event-bus migration\n- Evidence it is reached: Three teams adopt the event bus\n"), "{md}");
    }
}
