//! The case (the promotion packet): what an engineer hands to a committee or a new manager,
//! in the third person. A summary they may rewrite, the impact their work had, their
//! destination with its date and criteria, each expectation of the target level (the ones
//! the destination leans on first) with its best evidence, calibration with its radar, a
//! timeline month by month, and how the destination changed. No coaching: what to do next
//! belongs to the coaching report. Built here as a model with a Markdown rendering; the web
//! crate renders the same model as self-contained HTML.

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
    /// True when the destination leans on it: judged at the target, shown first.
    pub lever: bool,
    /// The best evidence, at most [`CITED`] for a lever and [`HELD`] otherwise: entries with a stated impact first, then
    /// next-level ones, newest first. At the target level, or at any level when the manager
    /// already rates the competency at or above the target.
    pub evidence: Vec<Cited>,
    /// How many more entries count that are not cited.
    pub more: usize,
}

/// Entries cited per expectation the destination leans on: enough to show the pattern,
/// few enough for two pages.
pub const CITED: usize = 3;
/// Entries cited per expectation that only needs to hold: one shows it does.
pub const HELD: usize = 1;
/// Entries in the impact highlights.
const HIGHLIGHTS: usize = 4;

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
    /// The summary that opens it: readiness as a committee reads it, unless the engineer
    /// wrote their own.
    pub summary: String,
    /// True when the summary is the engineer's own words.
    pub summary_edited: bool,
    /// The outcomes their work had in the window, newest first.
    pub highlights: Vec<Cited>,
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
    /// Whether the destination's history keeps the engineer's reasons for each change
    /// (their own words about themselves: out unless they include them).
    pub reasons: bool,
    /// Today.
    pub today: NaiveDate,
}

/// Builds the packet.
pub fn build(i: Inputs<'_>) -> Packet {
    let r = i.readiness;
    let since = i
        .today
        .checked_sub_months(Months::new(r.window_months))
        .unwrap_or(i.today);
    let in_window: Vec<&Evidence> = i
        .evidence
        .iter()
        .filter(|e| e.date >= since && e.date <= i.today)
        .collect();
    let target_rank = i.ladder.rank(&r.target);
    let mut sections: Vec<Section> = r
        .competencies
        .iter()
        .map(|c| {
            // Rated at or above the target already: the case shows the best work of any
            // level, since the view, not the level tag, is what is validated.
            let rated_at_target = c
                .manager
                .as_ref()
                .and_then(|m| i.ladder.rank(m))
                .zip(target_rank)
                .is_some_and(|(m, t)| m >= t);
            let mut pool: Vec<&Evidence> = if rated_at_target && c.role == Role::Lever {
                in_window
                    .iter()
                    .copied()
                    .filter(|e| e.competencies.contains(&c.competency))
                    .collect()
            } else {
                c.evidence
                    .iter()
                    .filter_map(|id| i.evidence.iter().find(|e| e.id == *id))
                    .collect()
            };
            pool.sort_by_key(|e| {
                (
                    e.impact.trim().is_empty(),
                    e.level != LevelSignal::Next,
                    std::cmp::Reverse(e.date),
                )
            });
            let cited = if c.role == Role::Lever { CITED } else { HELD };
            let more = pool.len().saturating_sub(cited);
            Section {
                name: c.name.clone(),
                expectation: c.expectation.clone(),
                // A competency the case only needs held says so, not "ready" for the target.
                verdict: match (c.role, c.verdict) {
                    (Role::Holds, Verdict::Ready) => format!("holds at {}", c.needs),
                    (_, v) => v.words().to_owned(),
                },
                reason: capitalise(&c.reason),
                lever: c.role == Role::Lever,
                evidence: pool.into_iter().take(cited).map(cite).collect(),
                more,
            }
        })
        .collect();
    sections.sort_by_key(|s| !s.lever);
    let mut with_impact: Vec<&Evidence> = in_window
        .iter()
        .copied()
        .filter(|e| !e.impact.trim().is_empty())
        .collect();
    with_impact.sort_by_key(|e| std::cmp::Reverse(e.date));
    let highlights = with_impact.into_iter().take(HIGHLIGHTS).map(cite).collect();
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
        summary: r.summary.clone(),
        summary_edited: false,
        highlights,
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
        story: story(i.events, i.reasons),
    }
}

/// An entry as the case cites it.
fn cite(e: &Evidence) -> Cited {
    Cited {
        date: e.date,
        title: e.title.clone(),
        impact: e.impact.clone(),
        // Only web and mail links reach a document someone else opens: a record written
        // before links were checked may hold a `javascript:` one.
        links: e
            .links
            .iter()
            .filter(|l| crate::evidence::check_link(l).is_ok())
            .cloned()
            .collect(),
        next: e.level == LevelSignal::Next,
    }
}

/// The destination's history, oldest first, a row per change, with the reasons only when
/// asked: a change repeated with the same statement on the same day (a double submit) shows
/// once.
fn story(events: &[DestinationEvent], reasons: bool) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for e in events {
        let turn = Turn {
            date: e.at.date_naive(),
            change: e.change.to_string(),
            statement: e.statement.clone(),
            reason: if reasons {
                e.reason.clone()
            } else {
                String::new()
            },
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
/// Room left of the bars for the count axis, and below them for months and years.
const AXIS: u32 = 30;
const BELOW: u32 = 34;
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A round step for an axis reaching `max` in at most four steps: 1, 2, 5, 10, 20, 50…
fn axis_step(max: u32) -> u32 {
    let mut magnitude: u64 = 1;
    loop {
        for step in [magnitude, 2 * magnitude, 5 * magnitude] {
            if u64::from(max) <= step * 4 {
                return u32::try_from(step).unwrap_or(u32::MAX);
            }
        }
        magnitude *= 10;
    }
}

impl Packet {
    /// The same case opening with the engineer's own summary (blank keeps Cairn's).
    #[must_use]
    pub fn with_summary(mut self, summary: &str) -> Self {
        let summary = summary.trim();
        if !summary.is_empty() {
            self.summary = summary.to_owned();
            self.summary_edited = true;
        }
        self
    }

    /// The timeline as an inline SVG bar chart: per month, current-level entries in grey
    /// and next-level entries stacked above them in the accent colour, over a count axis
    /// with gridlines, months along the bottom and each year under its first month.
    pub fn timeline_svg(&self) -> String {
        let most = self
            .timeline
            .iter()
            .map(|m| m.current + m.next)
            .max()
            .unwrap_or(0) as u32;
        let step = axis_step(most.max(1));
        let top = most.max(1).div_ceil(step) * step;
        let width = AXIS + self.timeline.len() as u32 * (BAR + GAP) + GAP;
        let base = CHART_HEIGHT;
        let scale = |n: u32| n * (CHART_HEIGHT - 10) / top;
        let mut svg = format!(
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"Evidence per month: current level and next level\">",
            CHART_HEIGHT + BELOW
        );
        let mut tick = 0;
        while tick <= top {
            let y = base - scale(tick);
            svg.push_str(&format!(
                "<line x1=\"{AXIS}\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"#d9dee3\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">{tick}</text>",
                AXIS - 5,
                y + 3
            ));
            tick += step;
        }
        for (k, m) in self.timeline.iter().enumerate() {
            let x = AXIS + GAP + k as u32 * (BAR + GAP);
            let current = scale(m.current as u32);
            let next = scale(m.next as u32);
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
            let (year, month) = m.month.split_once('-').unwrap_or((&m.month, "01"));
            let index = month.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1;
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
                x + BAR / 2,
                base + 13,
                MONTH_NAMES[index]
            ));
            if k == 0 || index == 0 {
                svg.push_str(&format!(
                    "<text x=\"{x}\" y=\"{}\" font-size=\"10\" font-weight=\"700\" fill=\"#555\">{}</text>",
                    base + 27,
                    escape(year)
                ));
            }
        }
        svg.push_str(&format!(
            "<line x1=\"{AXIS}\" y1=\"{base}\" x2=\"{width}\" y2=\"{base}\" stroke=\"#555\" stroke-width=\"1\"/>"
        ));
        svg.push_str("</svg>");
        svg
    }

    /// The case as Markdown.
    pub fn markdown(&self) -> String {
        let mut md = format!(
            "# {}: the case for {}\n\n{} on the {} ladder. Prepared {} from the last {} months of evidence.\n\n",
            escape_md(&self.name),
            self.readiness.target,
            escape_md(&self.level),
            escape_md(&self.ladder),
            self.made,
            self.readiness.window_months
        );
        md.push_str(&format!(
            "## Summary\n\n{}\n\nReadiness for {}: {}.\n\n",
            escape_md(&self.summary),
            self.readiness.target,
            self.readiness.overall.words()
        ));
        if !self.highlights.is_empty() {
            md.push_str("## Impact\n\n");
            for e in &self.highlights {
                md.push_str(&format!(
                    "- {} ({}, {})\n",
                    escape_md(e.impact.trim().trim_end_matches('.')),
                    escape_md(&e.title),
                    e.date
                ));
            }
            md.push('\n');
        }
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
                md.push_str("Nothing in the window shows it yet.\n\n");
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
            if s.more > 0 {
                md.push_str(&format!("- and {} more\n", s.more));
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
pub(crate) fn escape_md(text: &str) -> String {
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
            reasons: false,
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
            md.starts_with("# Ada \\<Lovelace\\>: the case for L4"),
            "a name cannot open HTML in the Markdown: {md}"
        );
        assert!(md.contains("- 2026-11-02: influence on 2026-11-02 (impact: Two teams adopted it) [link](<https://wiki.example/rfc>)"), "{md}");
        assert!(md.contains("| 2026-10 | 2 | 0 |"));
        assert!(!md.contains("javascript"), "{md}");
        let svg = p.timeline_svg();
        assert_eq!(svg.matches("<rect").count(), 24);
        assert!(svg.contains("2026-11: 1 at the next level"));
        // Months by name, each year under its first month, and a count axis from zero.
        assert!(svg.contains(">Dec</text>") && svg.contains(">2025</text>"));
        assert!(svg.contains(">2026</text>") && svg.contains(">0</text>"));
        assert!(p.radar_svg.is_empty(), "no round, no radar");
    }

    #[test]
    fn the_count_axis_takes_round_steps() {
        let steps: Vec<u32> = [1, 4, 5, 8, 9, 20, 21, 40, 41, 200]
            .into_iter()
            .map(axis_step)
            .collect();
        assert_eq!(steps, vec![1, 1, 2, 2, 5, 5, 10, 10, 20, 50]);
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
        let inputs = Inputs {
            person: &person,
            ladder: &ladder,
            destination: Some(&d),
            events: &events,
            evidence: &[],
            calibration: &calibration,
            readiness: &readiness,
            today,
            reasons: true,
        };
        let p = build(inputs);
        assert_eq!(p.story.len(), 2, "the double submit shows once");
        assert_eq!(p.story[1].reason, "sharper");
        let without = build(Inputs {
            reasons: false,
            ..inputs
        });
        assert!(
            without.story.iter().all(|t| t.reason.is_empty()),
            "the engineer's reasons stay out unless included"
        );
        assert_eq!(
            p.clarity.as_deref(),
            Some("actionable"),
            "judged with its fields"
        );
        let md = p.markdown();
        assert!(md.contains("- By: 2027-06-30\n- Rep: Lead the event-bus migration\n- Evidence it is reached: Three teams adopt the event bus\n"), "{md}");
    }

    #[test]
    fn the_case_cites_the_best_work_leads_with_levers_and_never_coaches() {
        use crate::calibration::CompetencyGap;
        use crate::destination::DestinationStatus;
        use crate::id::{DestinationId, RepId};
        use crate::rep::{Exposure, Rep, RepStatus};
        let ladder = builtin::find("software-engineer").unwrap();
        let person = l3(&ladder, "Maya");
        let target: LevelId = "L4".parse().unwrap();
        let voice = Voice::Committee(&person.name);
        // The manager already rates influence at L4, delivery at L3.
        let mut calibration = compute(&[], Some(&target), voice);
        calibration.competencies = ladder
            .competencies
            .iter()
            .map(|c| CompetencyGap {
                competency: c.id.clone(),
                name: c.name.clone(),
                own: None,
                manager: match c.id.as_str() {
                    "influence" => Some(target.clone()),
                    _ => Some(person.level.clone()),
                },
                target: Some(target.clone()),
                delta: None,
                label: None,
                to_target: None,
                self_note: String::new(),
                manager_note: String::new(),
            })
            .collect();
        let entry = |date: &str, impact: &str, level: LevelSignal| Evidence {
            id: EvidenceId::new(),
            owner: person.id,
            date: day(date),
            title: format!("Influence work on {date}"),
            body: "Private: I was nervous all week".into(),
            impact: impact.into(),
            links: vec![],
            competencies: vec!["influence".parse().unwrap()],
            level,
            areas: vec![],
            visibility: Visibility::Private,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        };
        // Five influence entries, none tagged at the next level; two with an outcome.
        let evidence = vec![
            entry("2026-11-01", "", LevelSignal::Current),
            entry(
                "2026-10-01",
                "Three teams adopted the RFC",
                LevelSignal::Current,
            ),
            entry("2026-09-01", "", LevelSignal::Current),
            entry("2026-08-01", "Review time halved", LevelSignal::Current),
            entry("2026-07-01", "", LevelSignal::Current),
        ];
        let d = Destination {
            id: DestinationId::new(),
            owner: person.id,
            statement:
                "Staff engineer by 2027 by shaping the platform's technical direction across teams."
                    .into(),
            target_level: Some(target.clone()),
            horizon: None,
            reps: vec![],
            evidence_criteria: String::new(),
            status: DestinationStatus::Active,
            visibility: Visibility::Shared,
            created_at: now(),
            updated_at: now(),
        };
        let rep = Rep {
            id: RepId::new(),
            owner: person.id,
            title: "Chair the architecture forum".into(),
            description: String::new(),
            competencies: vec!["influence".parse().unwrap()],
            exposure: Exposure::High,
            status: RepStatus::Candidate,
            visibility: Visibility::Private,
            created_at: now(),
            updated_at: now(),
        };
        let today = day("2026-11-24");
        let readiness = assess(ReadyInputs {
            ladder: &ladder,
            current: &person.level,
            target: &target,
            destination: Some(&d),
            calibration: &calibration,
            evidence: &evidence,
            reps: std::slice::from_ref(&rep),
            today,
            window_months: 12,
            voice,
        });
        let p = build(Inputs {
            person: &person,
            ladder: &ladder,
            destination: Some(&d),
            events: &[],
            evidence: &evidence,
            calibration: &calibration,
            readiness: &readiness,
            today,
            reasons: false,
        });
        assert!(p.sections[0].lever, "the destination's levers come first");
        let influence = p.sections.iter().find(|s| s.name == "Influence").unwrap();
        let cited: Vec<&str> = influence
            .evidence
            .iter()
            .map(|e| e.impact.as_str())
            .collect();
        assert_eq!(
            cited,
            ["Three teams adopted the RFC", "Review time halved", ""],
            "rated at the target: the best work of any level, outcomes first"
        );
        assert_eq!(influence.more, 2);
        assert_eq!(p.highlights.len(), 2);
        assert_eq!(p.highlights[0].impact, "Three teams adopted the RFC");
        let md = p.markdown();
        assert!(
            !md.contains("Next rep") && !md.contains("Chair the architecture forum"),
            "no coaching in the case: {md}"
        );
        assert!(
            !md.contains("nervous"),
            "the body of an entry never reaches the case"
        );
        assert!(!md.contains("next reps should be"), "{md}");
        assert!(md.contains("- and 2 more"), "{md}");
        let edited = p
            .clone()
            .with_summary("  Maya has led the platform's direction for a year.  ");
        assert!(edited.summary_edited);
        assert!(edited.markdown().contains(
            "## Summary\n\nMaya has led the platform's direction for a year.\n\nReadiness for L4:"
        ));
        assert!(
            !p.clone().with_summary("   ").summary_edited,
            "blank keeps Cairn's"
        );
    }
}
