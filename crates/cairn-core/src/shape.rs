//! Shape: where an engineer's depth and breadth lie, from the area tags on their evidence,
//! half-year by half-year.
//!
//! The rule, per half-year: an area is *touched* by one entry and *deep* when it holds at
//! least [`DEEP_ENTRIES`] entries and [`DEEP_SHARE_PERCENT`]% of the half's tagged
//! evidence. No deep area and three or more touched is *broad*; one deep area with two or
//! more others touched is *T-shaped*, with fewer it is *I-shaped*; two or more deep areas
//! is *M-shaped*. Fewer than [`MIN_ENTRIES`] tagged entries is too little to tell.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::Invalid;
use crate::evidence::Evidence;
use crate::svg::escape;
use crate::voice::Voice;

/// How many half-years a shape shows unless asked for another number.
pub const HALVES: u32 = 4;
/// The most half-years a shape may show.
pub const MAX_HALVES: u32 = 20;

/// Checks a number of half-years given for `field`: 1 to [`MAX_HALVES`].
pub fn halves(field: &str, n: u32) -> Result<u32, Invalid> {
    if (1..=MAX_HALVES).contains(&n) {
        Ok(n)
    } else {
        Err(Invalid::new(
            field,
            format!("give 1 to {MAX_HALVES}, not {n}"),
        ))
    }
}

/// Entries an area needs in a half-year to count as depth.
pub const DEEP_ENTRIES: usize = 4;
/// The share of a half-year's tagged evidence an area needs to count as depth.
pub const DEEP_SHARE_PERCENT: usize = 25;
/// Tagged entries a half-year needs before its shape is judged.
pub const MIN_ENTRIES: usize = 3;

/// The form of a half-year's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Form {
    /// Too little tagged evidence to tell.
    #[serde(rename = "unclear")]
    Unclear,
    /// Several areas, none deep.
    #[serde(rename = "broad")]
    Broad,
    /// One deep area and little else.
    #[serde(rename = "I-shaped")]
    IShaped,
    /// One deep area and breadth around it.
    #[serde(rename = "T-shaped")]
    TShaped,
    /// Two or more deep areas.
    #[serde(rename = "M-shaped")]
    MShaped,
}

named_enum!(
    Form,
    "form",
    Unclear = "unclear",
    Broad = "broad",
    IShaped = "I-shaped",
    TShaped = "T-shaped",
    MShaped = "M-shaped"
);

/// One area's evidence in one half-year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaCount {
    /// The area tag.
    pub area: String,
    /// Entries tagged with it.
    pub entries: usize,
    /// True when it counts as depth.
    pub deep: bool,
}

/// One half-year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// Such as `2026 H1`.
    pub label: String,
    /// Its first day.
    pub start: NaiveDate,
    /// Entries with at least one area tag.
    pub tagged: usize,
    /// Every area seen in the whole window, in [`Shape::areas`] order.
    pub areas: Vec<AreaCount>,
    /// The form judged.
    pub form: Form,
}

/// Shape over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shape {
    /// Every area seen, most evidence first.
    pub areas: Vec<String>,
    /// Half-years, oldest first.
    pub periods: Vec<Period>,
    /// Entries in the window without an area tag, left out.
    pub untagged: usize,
    /// What it means, a sentence each.
    pub reading: Vec<String>,
}

/// The first day of the half-year holding `date`.
fn half_start(date: NaiveDate) -> NaiveDate {
    let month = if date.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

fn half_label(start: NaiveDate) -> String {
    format!(
        "{} H{}",
        start.year(),
        if start.month() == 1 { 1 } else { 2 }
    )
}

/// The shape of `evidence` over the `halves` half-years ending with the one holding `today`.
pub fn compute(evidence: &[Evidence], today: NaiveDate, halves: u32, voice: Voice<'_>) -> Shape {
    let mut starts = vec![half_start(today)];
    for _ in 1..halves.max(1) {
        let last = starts[starts.len() - 1];
        starts.push(half_start(last.pred_opt().unwrap_or(last)));
    }
    starts.reverse();
    let first = starts[0];
    let in_window: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.date >= first && e.date <= today)
        .collect();
    let untagged = in_window.iter().filter(|e| e.areas.is_empty()).count();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &in_window {
        for area in &e.areas {
            *totals.entry(area).or_default() += 1;
        }
    }
    let mut areas: Vec<(&str, usize)> = totals.into_iter().collect();
    areas.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let areas: Vec<String> = areas.into_iter().map(|(a, _)| a.to_owned()).collect();

    let periods = starts
        .iter()
        .map(|&start| {
            let entries: Vec<&&Evidence> = in_window
                .iter()
                .filter(|e| half_start(e.date) == start && !e.areas.is_empty())
                .collect();
            let tagged = entries.len();
            let counts: Vec<AreaCount> = areas
                .iter()
                .map(|area| {
                    let n = entries.iter().filter(|e| e.areas.contains(area)).count();
                    AreaCount {
                        area: area.clone(),
                        entries: n,
                        deep: n >= DEEP_ENTRIES && n * 100 >= tagged * DEEP_SHARE_PERCENT,
                    }
                })
                .collect();
            let form = form(tagged, &counts);
            Period {
                label: half_label(start),
                start,
                tagged,
                areas: counts,
                form,
            }
        })
        .collect();
    let mut shape = Shape {
        areas,
        periods,
        untagged,
        reading: Vec::new(),
    };
    shape.reading = reading(&shape, voice);
    shape
}

fn form(tagged: usize, counts: &[AreaCount]) -> Form {
    let deep = counts.iter().filter(|c| c.deep).count();
    let touched = counts.iter().filter(|c| c.entries > 0).count();
    match deep {
        _ if tagged < MIN_ENTRIES => Form::Unclear,
        0 if touched >= 3 => Form::Broad,
        0 => Form::Unclear,
        1 if touched >= 3 => Form::TShaped,
        1 => Form::IShaped,
        _ => Form::MShaped,
    }
}

fn deep_areas(period: &Period) -> Vec<&str> {
    period
        .areas
        .iter()
        .filter(|a| a.deep)
        .map(|a| a.area.as_str())
        .collect()
}

fn reading(shape: &Shape, voice: Voice<'_>) -> Vec<String> {
    let whose = voice.whose();
    let whose_cap = capitalised(&whose);
    let mut lines = Vec::new();
    let judged: Vec<&Period> = shape
        .periods
        .iter()
        .filter(|p| p.form != Form::Unclear)
        .collect();
    match judged.as_slice() {
        [] => lines.push(
            match voice {
                Voice::Engineer => "Too little evidence with area tags to tell your shape: tag entries with --area (backend, infra, people…).".to_owned(),
                _ => format!("Too little evidence with area tags to tell {whose} shape."),
            },
        ),
        [.., last] => {
            let deep = deep_areas(last);
            let depth = if deep.is_empty() {
                String::new()
            } else {
                format!(", deep in {}", deep.join(" and "))
            };
            lines.push(format!("In {} {whose} work was {}{depth}.", last.label, last.form));
        }
    }
    if let [.., before, after] = judged.as_slice()
        && before.form != after.form
    {
        let gained: Vec<&str> = deep_areas(after)
            .into_iter()
            .filter(|a| !deep_areas(before).contains(a))
            .collect();
        let mut line = format!(
            "{whose_cap} shape moved from {} in {} to {} in {}",
            before.form, before.label, after.form, after.label
        );
        if !gained.is_empty() {
            let _ = write!(line, ": {} became a depth", gained.join(" and "));
        }
        line.push('.');
        lines.push(line);
    }
    if shape.untagged > 0 {
        lines.push(format!(
            "{} entries in the window have no area tag and are left out.",
            shape.untagged
        ));
    }
    lines
}

/// "your" → "Your"; a name stays as it is.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The largest dot's radius, and the box each dot is drawn in.
const DOT_RADIUS: f64 = 11.0;
const DOT_BOX: f64 = 26.0;

impl Period {
    /// The form in words a reader understands, saying why when it cannot be judged.
    pub fn verdict(&self) -> &'static str {
        match (self.tagged, self.form) {
            (0, _) => "no tagged evidence",
            (_, Form::Unclear) => "too little to tell",
            (_, form) => form.as_str(),
        }
    }
}

impl Shape {
    /// The most entries any area has in any half-year.
    pub fn max_entries(&self) -> usize {
        self.periods
            .iter()
            .flat_map(|p| p.areas.iter().map(|a| a.entries))
            .max()
            .unwrap_or(0)
    }

    /// One cell of the shape table as a small inline SVG: a dot whose area grows with the
    /// entries (against the busiest cell), filled when the area is deep that half, with a
    /// `<title>` saying what it counts. Drawn in the table itself, the chart and the
    /// numbers cannot fall out of line.
    pub fn dot_svg(&self, period: &Period, cell: &AreaCount) -> String {
        let max = self.max_entries().max(1) as f64;
        let r = if cell.entries == 0 {
            2.0
        } else {
            3.0 + (DOT_RADIUS - 3.0) * (cell.entries as f64 / max).sqrt()
        };
        let class = if cell.deep {
            "shape-deep"
        } else {
            "shape-cell"
        };
        let c = DOT_BOX / 2.0;
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {DOT_BOX} {DOT_BOX}" width="{DOT_BOX}" height="{DOT_BOX}" class="shape-dot" role="img" aria-label="{title}"><circle cx="{c}" cy="{c}" r="{r:.1}" class="{class}"><title>{title}</title></circle></svg>"#,
            title = format!(
                "{}, {}: {} {}{}",
                escape(&cell.area),
                period.label,
                cell.entries,
                if cell.entries == 1 {
                    "entry"
                } else {
                    "entries"
                },
                if cell.deep { " (deep)" } else { "" }
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;

    #[test]
    fn a_number_of_halves_is_one_to_the_most() {
        assert_eq!(halves("halves", 1), Ok(1));
        assert_eq!(halves("halves", MAX_HALVES), Ok(MAX_HALVES));
        for bad in [0, MAX_HALVES + 1] {
            let e = halves("--halves", bad).unwrap_err();
            assert_eq!(e.field, "--halves");
            assert_eq!(e.message, format!("give 1 to 20, not {bad}"));
        }
    }
    use crate::dates::now;
    use crate::evidence::{LevelSignal, Source};
    use crate::id::{EvidenceId, PersonId};
    use crate::ladder::builtin;

    fn entries(date: &str, area: &str, n: usize) -> Vec<Evidence> {
        let ladder = builtin::find("software-engineer").unwrap();
        (0..n)
            .map(|_| Evidence {
                id: EvidenceId::new(),
                owner: PersonId::new(),
                date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
                title: "x".into(),
                body: String::new(),
                impact: String::new(),
                links: vec![],
                competencies: vec!["delivery".parse().unwrap()],
                level: LevelSignal::Current,
                areas: if area.is_empty() {
                    vec![]
                } else {
                    vec![area.into()]
                },
                visibility: Visibility::Private,
                source: Source::Manual,
                ladder: ladder.reference(),
                created_at: now(),
                updated_at: now(),
            })
            .collect()
    }

    #[test]
    fn a_second_depth_turns_t_into_m() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut all = Vec::new();
        // 2026 H1: deep backend, a little infra and frontend.
        all.extend(entries("2026-02-10", "backend", 8));
        all.extend(entries("2026-03-10", "infra", 1));
        all.extend(entries("2026-04-10", "frontend", 1));
        // 2026 H2: backend and infra both deep.
        all.extend(entries("2026-08-10", "backend", 5));
        all.extend(entries("2026-09-10", "infra", 5));
        all.extend(entries("2026-10-10", "", 2));
        all.extend(entries("2024-10-10", "data", 9)); // before the window
        let shape = compute(&all, today, 2, Voice::Engineer);
        assert_eq!(shape.areas, ["backend", "infra", "frontend"]);
        let forms: Vec<Form> = shape.periods.iter().map(|p| p.form).collect();
        assert_eq!(forms, [Form::TShaped, Form::MShaped]);
        assert_eq!(shape.periods[0].label, "2026 H1");
        assert_eq!(shape.untagged, 2);
        assert_eq!(
            shape.reading[1],
            "Your shape moved from T-shaped in 2026 H1 to M-shaped in 2026 H2: infra became a depth."
        );
        let theirs = compute(&all, today, 2, Voice::Manager("Priya"));
        assert!(
            theirs
                .reading
                .iter()
                .any(|l| l.starts_with("Priya's shape moved from T-shaped"))
        );
        assert!(
            theirs.reading.iter().all(|l| !l.contains("your")),
            "{:?}",
            theirs.reading
        );
        let (h1, h2) = (&shape.periods[0], &shape.periods[1]);
        let infra = shape.dot_svg(h2, &h2.areas[1]);
        assert!(infra.contains("class=\"shape-deep\""), "{infra}");
        assert!(infra.contains("<title>infra, 2026 H2: 5 entries (deep)</title>"));
        let frontend = shape.dot_svg(h1, &h1.areas[2]);
        assert!(frontend.contains("class=\"shape-cell\"") && frontend.contains(": 1 entry<"));
        // The busiest cell (backend, 8 in H1) gets the largest dot.
        assert!(
            shape
                .dot_svg(h1, &h1.areas[0])
                .contains(&format!("r=\"{DOT_RADIUS:.1}\""))
        );
    }

    #[test]
    fn an_empty_half_says_so_instead_of_unclear() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let shape = compute(
            &entries("2026-09-10", "backend", 2),
            today,
            2,
            Voice::Engineer,
        );
        let verdicts: Vec<&str> = shape.periods.iter().map(Period::verdict).collect();
        assert_eq!(verdicts, ["no tagged evidence", "too little to tell"]);
    }

    #[test]
    fn each_form_follows_the_rule() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let judge = |groups: &[(&str, usize)]| {
            let all: Vec<Evidence> = groups
                .iter()
                .flat_map(|(a, n)| entries("2026-02-01", a, *n))
                .collect();
            compute(&all, today, 1, Voice::Engineer).periods[0].form
        };
        assert_eq!(judge(&[("backend", 2)]), Form::Unclear);
        assert_eq!(judge(&[("backend", 6)]), Form::IShaped);
        assert_eq!(
            judge(&[("backend", 6), ("data", 1), ("infra", 1)]),
            Form::TShaped
        );
        assert_eq!(
            judge(&[("backend", 2), ("data", 2), ("infra", 2)]),
            Form::Broad
        );
        assert_eq!(judge(&[("backend", 6), ("people", 4)]), Form::MShaped);
        // Four entries among forty is not depth: the share matters as well as the count.
        assert_eq!(judge(&[("backend", 36), ("people", 4)]), Form::IShaped);
        assert!(
            compute(&[], today, 2, Voice::Engineer).reading[0].starts_with("Too little evidence")
        );
    }
}
