//! Calibration: the engineer's view of their level beside their manager's, and both beside
//! the target, per competency.
//!
//! [`compute`] takes the rounds a reader may see (blindness is applied before this) and
//! gives a [`Calibration`]: for the newest round the signed difference per competency
//! (self minus manager, in levels) with its label, the distance to the target level, an
//! overall alignment figure, the trend across rounds, and a short reading in plain words.
//! [`Calibration::radar_svg`] draws the three outlines.

use std::fmt::Write;

use serde::Serialize;

use crate::assessment::{Assessment, AssessmentRound, Assessor};
use crate::dates::Timestamp;
use crate::id::{CompetencyId, LevelId};
use crate::ladder::Ladder;
use crate::svg::escape;
use crate::voice::Voice;

/// How the two views of one competency compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// Same level.
    Aligned,
    /// The engineer rates themselves above the manager's view.
    OverConfident,
    /// The engineer rates themselves below the manager's view.
    UnderConfident,
}

named_enum!(
    Label,
    "label",
    Aligned = "aligned",
    OverConfident = "over-confident",
    UnderConfident = "under-confident"
);

/// One round as a reader may see it: entries of the other side are already left out when
/// the round is still blind to them.
#[derive(Debug, Clone)]
pub struct RoundView<'a> {
    /// The round.
    pub round: &'a AssessmentRound,
    /// The ladder version the round pins.
    pub ladder: &'a Ladder,
    /// The entries the reader may see.
    pub entries: Vec<&'a Assessment>,
}

/// Who is reading a person's rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The owner of a local store, who typed every entry: sees everything.
    Local,
    /// One side on a team server: sees the other side's entries only once a round is revealed.
    Side(Assessor),
}

/// Groups `entries` under their `rounds`, oldest round first, keeping only what `reader`
/// may see. A round whose ladder version is not in `ladders` is left out.
pub fn round_views<'a>(
    rounds: &'a [AssessmentRound],
    ladders: &'a [Ladder],
    entries: &'a [Assessment],
    reader: Reader,
) -> Vec<RoundView<'a>> {
    let mut views: Vec<RoundView<'a>> = rounds
        .iter()
        .filter_map(|round| {
            let ladder = ladders.iter().find(|l| l.reference() == round.ladder)?;
            let entries = entries
                .iter()
                .filter(|e| e.round == round.id)
                .filter(|e| match reader {
                    Reader::Local => true,
                    Reader::Side(side) => round.shows(side, e),
                })
                .collect();
            Some(RoundView {
                round,
                ladder,
                entries,
            })
        })
        .collect();
    views.sort_by_key(|v| (v.round.created_at, v.round.id));
    views
}

/// The level calibration aims at: the destination's target if it is a level of `ladder`,
/// else the level above `current`, else `current` itself at the top of the ladder.
pub fn target_level(
    ladder: &Ladder,
    current: &LevelId,
    destination_target: Option<&LevelId>,
) -> Option<LevelId> {
    if let Some(target) = destination_target.filter(|t| ladder.level(t).is_some()) {
        return Some(target.clone());
    }
    let here = ladder.level(current)?;
    let above = ladder.next_levels(current).into_iter().next();
    Some(above.unwrap_or(here).id.clone())
}

/// Both views and the target for one competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompetencyGap {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// The engineer's view.
    #[serde(rename = "self")]
    pub own: Option<LevelId>,
    /// The manager's view.
    pub manager: Option<LevelId>,
    /// The level aimed for.
    pub target: Option<LevelId>,
    /// Self minus manager, in levels.
    pub delta: Option<i32>,
    /// What the delta means.
    pub label: Option<Label>,
    /// Levels from the best-informed view (the manager's, else the engineer's) up to the
    /// target; zero or less means the target is met.
    pub to_target: Option<i32>,
    /// The engineer's note.
    pub self_note: String,
    /// The manager's note.
    pub manager_note: String,
}

impl CompetencyGap {
    /// The delta as shown to people: `+1`, `0`, `-2`, or `—` when a view is missing.
    pub fn delta_text(&self) -> String {
        match self.delta {
            None => "—".to_owned(),
            Some(0) => "0".to_owned(),
            Some(d) => format!("{d:+}"),
        }
    }
}

/// Agreement over the competencies both sides rated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Alignment {
    /// Competencies both sides rated.
    pub compared: usize,
    /// Of those, rated the same.
    pub aligned: usize,
    /// `aligned` as a whole percentage of `compared`.
    pub percent: u32,
    /// The average of the signed deltas: above zero, the engineer rates themselves higher.
    pub mean_delta: f64,
}

/// One round in the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The round's name.
    pub round: String,
    /// When it opened.
    pub opened: Timestamp,
    /// Its alignment, when both sides are in and visible.
    pub alignment: Option<Alignment>,
}

/// Calibration for one engineer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// The newest round's name.
    pub round: Option<String>,
    /// True when both views of the newest round are in.
    pub revealed: bool,
    /// The target level.
    pub target: Option<LevelId>,
    /// One row per competency of the newest round's ladder, in the ladder's order.
    pub competencies: Vec<CompetencyGap>,
    /// Agreement in the newest round.
    pub alignment: Option<Alignment>,
    /// Every round, oldest first.
    pub trend: Vec<TrendPoint>,
    /// What it means, a sentence each.
    pub reading: Vec<String>,
}

/// Compares the views in `rounds` (oldest first) against `target`, with the reading
/// addressed to `voice`.
pub fn compute(
    rounds: &[RoundView<'_>],
    target: Option<&LevelId>,
    voice: Voice<'_>,
) -> Calibration {
    let trend: Vec<TrendPoint> = rounds
        .iter()
        .map(|view| TrendPoint {
            round: view.round.name.clone(),
            opened: view.round.created_at,
            alignment: alignment(&rows(view, None)),
        })
        .collect();
    let Some(latest) = rounds.last() else {
        return Calibration {
            round: None,
            revealed: false,
            target: target.cloned(),
            competencies: Vec::new(),
            alignment: None,
            trend,
            reading: vec![match voice {
                Voice::Engineer => {
                    "No assessment round yet: record your own view first, then your manager's."
                        .to_owned()
                }
                Voice::Manager(name) => format!(
                    "No assessment round yet: {name} records their own view first, then you record yours."
                ),
                Voice::Committee(name) => format!("No assessment round for {name} yet."),
            }],
        };
    };
    let target = target.filter(|t| latest.ladder.level(t).is_some());
    let competencies = rows(latest, target);
    let alignment = alignment(&competencies);
    let mut calibration = Calibration {
        round: Some(latest.round.name.clone()),
        revealed: latest.round.revealed(),
        target: target.cloned(),
        competencies,
        alignment,
        trend,
        reading: Vec::new(),
    };
    calibration.reading = reading(&calibration, latest, voice);
    calibration
}

fn rows(view: &RoundView<'_>, target: Option<&LevelId>) -> Vec<CompetencyGap> {
    let ladder = view.ladder;
    let index = |level: &LevelId| ladder.rank(level).map(|i| i as i32);
    let find = |side: Assessor, competency: &CompetencyId| {
        view.entries
            .iter()
            .find(|e| e.assessor == side && &e.competency == competency)
    };
    ladder
        .competencies
        .iter()
        .map(|c| {
            let own = find(Assessor::Own, &c.id);
            let manager = find(Assessor::Manager, &c.id);
            let delta = match (own, manager) {
                (Some(o), Some(m)) => index(&o.level).zip(index(&m.level)).map(|(o, m)| o - m),
                _ => None,
            };
            let best = manager.or(own).and_then(|e| index(&e.level));
            CompetencyGap {
                competency: c.id.clone(),
                name: c.name.clone(),
                own: own.map(|e| e.level.clone()),
                manager: manager.map(|e| e.level.clone()),
                target: target.cloned(),
                delta,
                label: delta.map(|d| match d {
                    0 => Label::Aligned,
                    d if d > 0 => Label::OverConfident,
                    _ => Label::UnderConfident,
                }),
                to_target: target.and_then(index).zip(best).map(|(t, b)| t - b),
                self_note: own.map(|e| e.note.clone()).unwrap_or_default(),
                manager_note: manager.map(|e| e.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn alignment(rows: &[CompetencyGap]) -> Option<Alignment> {
    let deltas: Vec<i32> = rows.iter().filter_map(|r| r.delta).collect();
    if deltas.is_empty() {
        return None;
    }
    let aligned = deltas.iter().filter(|&&d| d == 0).count();
    Some(Alignment {
        compared: deltas.len(),
        aligned,
        percent: (aligned * 100 / deltas.len()) as u32,
        mean_delta: f64::from(deltas.iter().sum::<i32>()) / deltas.len() as f64,
    })
}

/// "one level", "two levels".
fn levels(n: i32) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let n = n.unsigned_abs() as usize;
    let word = WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned());
    format!("{word} level{}", if n == 1 { "" } else { "s" })
}

fn reading(c: &Calibration, latest: &RoundView<'_>, voice: Voice<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    let round = &latest.round.name;
    let has = |side: Assessor| latest.entries.iter().any(|e| e.assessor == side);

    if !latest.round.revealed() {
        let own_in = latest.round.self_submitted_at.is_some();
        let manager_in = latest.round.manager_submitted_at.is_some();
        lines.push(match (own_in, manager_in, voice) {
            (true, false, Voice::Engineer) => format!(
                "Round {round}: your view is in, your manager's is not yet. The two are compared once both are in."
            ),
            (false, true, Voice::Engineer) if !has(Assessor::Manager) => format!(
                "Round {round}: your manager's view is in. Record your own to see theirs; it stays hidden until you do, so yours is your own."
            ),
            (true, false, Voice::Manager(name)) => format!(
                "Round {round}: {name}'s view is in, yours is not yet. The two are compared once both are in."
            ),
            (false, true, Voice::Manager(name)) => format!(
                "Round {round}: your view is in, {name}'s is not yet. The two are compared once both are in."
            ),
            _ => format!("Round {round} is waiting for both views."),
        });
    }
    let mut over: Vec<&CompetencyGap> = Vec::new();
    for row in &c.competencies {
        match (row.label, row.delta) {
            (Some(Label::OverConfident), Some(d)) => {
                over.push(row);
                let (name, by) = (row.name.to_lowercase(), levels(d));
                lines.push(match voice {
                    Voice::Engineer => format!(
                        "You rate yourself higher than your manager on {name} by {by}: ask for the examples behind their view."
                    ),
                    Voice::Manager(who) => format!(
                        "{who} rates themselves higher than you on {name} by {by}: share the examples behind your view."
                    ),
                    Voice::Committee(who) => format!(
                        "{who}'s own view of {name} is {by} above the manager's."
                    ),
                });
            }
            (Some(Label::UnderConfident), Some(d)) => {
                let (name, by) = (row.name.to_lowercase(), levels(d));
                lines.push(match voice {
                    Voice::Engineer => format!(
                        "Your manager rates you higher than you do on {name} by {by}: ask what they see, and start claiming it."
                    ),
                    Voice::Manager(who) => format!(
                        "You rate {who} higher than they do on {name} by {by}: tell them what you see."
                    ),
                    Voice::Committee(who) => format!(
                        "The manager's view of {name} is {by} above {who}'s own."
                    ),
                });
            }
            _ => {}
        }
    }
    if let Some(a) = c.alignment
        && a.aligned == a.compared
    {
        let n = a.compared;
        lines.push(match voice {
            Voice::Engineer => {
                format!("You and your manager agree on all {n} competencies you both rated.")
            }
            Voice::Manager(who) => {
                format!("You and {who} agree on all {n} competencies you both rated.")
            }
            Voice::Committee(who) => {
                format!("{who} and the manager agree on all {n} competencies both rated.")
            }
        });
    }
    if let Some(target) = &c.target {
        let furthest = c.competencies.iter().filter_map(|r| r.to_target).max();
        match furthest {
            Some(gap) if gap > 0 => {
                let names: Vec<String> = c
                    .competencies
                    .iter()
                    .filter(|r| r.to_target == Some(gap))
                    .map(|r| r.name.to_lowercase())
                    .collect();
                // Where to aim next is coaching: a document for others states the distance only.
                let advice = match voice {
                    Voice::Committee(_) => "",
                    _ => " That is where the next reps should be.",
                };
                lines.push(format!(
                    "Furthest from {target}: {} ({} to go).{advice}",
                    names.join(", "),
                    levels(gap)
                ));
            }
            Some(_) => {
                let unrated = c
                    .competencies
                    .iter()
                    .filter(|r| r.to_target.is_none())
                    .count();
                lines.push(if unrated == 0 {
                    match voice {
                        Voice::Engineer => format!(
                            "Every competency is rated at {target} or above: ask for the readiness conversation."
                        ),
                        Voice::Manager(who) => format!(
                            "Every competency is rated at {target} or above: time for the readiness conversation with {who}."
                        ),
                        Voice::Committee(_) => {
                            format!("Every competency is rated at {target} or above.")
                        }
                    }
                } else {
                    format!(
                        "Every competency rated is at {target} or above, but {unrated} of {} are not rated yet: unknown until they are.",
                        c.competencies.len()
                    )
                });
            }
            None => {}
        }
    }
    let revealed: Vec<(&str, Alignment)> = c
        .trend
        .iter()
        .filter_map(|p| p.alignment.map(|a| (p.round.as_str(), a)))
        .collect();
    if let [.., (before, a), (after, b)] = revealed.as_slice() {
        let direction = match b.percent.cmp(&a.percent) {
            std::cmp::Ordering::Greater => "closer",
            std::cmp::Ordering::Less => "further apart",
            std::cmp::Ordering::Equal => "as close as before",
        };
        lines.push(format!(
            "Alignment went from {}% in {before} to {}% in {after}: {} views are {direction}.",
            a.percent,
            b.percent,
            if matches!(voice, Voice::Committee(_)) {
                "the"
            } else {
                "your"
            }
        ));
    }
    lines
}

/// Picks one outline's level out of a row.
type LevelOf = fn(&CompetencyGap) -> Option<&LevelId>;

const RADAR_SIZE: f64 = 350.0;
const RADAR_RADIUS: f64 = 120.0;
/// The names' line height, and the width of a character of them (15 px sans serif, on
/// average), in the chart's own units: enough to keep every name inside the chart.
const LINE_HEIGHT: f64 = 16.0;
const CHAR_WIDTH: f64 = 8.4;
/// The longest line of a name before it wraps.
const LINE_CHARS: usize = 14;

/// A competency's name at the end of its spoke.
struct SpokeName<'a> {
    x: f64,
    /// The baseline of the first line.
    first: f64,
    anchor: &'static str,
    lines: Vec<&'a str>,
}

impl<'a> SpokeName<'a> {
    /// The name placed at (`x`, `y`) on a chart centred at `centre`: to the right of the
    /// point on the right half, to the left on the left, centred at the top and bottom;
    /// above the centre it grows upward, below it downward.
    fn new(x: f64, y: f64, centre: f64, lines: Vec<&'a str>) -> Self {
        let anchor = if (x - centre).abs() < 1.0 {
            "middle"
        } else if x > centre {
            "start"
        } else {
            "end"
        };
        let extra = lines.len() as f64 - 1.0;
        let first = if (y - centre).abs() < 1.0 {
            y + 5.0 - LINE_HEIGHT / 2.0 * extra
        } else if y < centre {
            y - LINE_HEIGHT * extra
        } else {
            y + 12.0
        };
        Self {
            x,
            first,
            anchor,
            lines,
        }
    }

    /// Its box, (left, top, right, bottom), from the length of its longest line.
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let longest = self
            .lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let width = longest as f64 * CHAR_WIDTH;
        let left = match self.anchor {
            "start" => self.x,
            "end" => self.x - width,
            _ => self.x - width / 2.0,
        };
        let top = self.first - 12.0;
        let bottom = self.first + LINE_HEIGHT * (self.lines.len() as f64 - 1.0) + 4.0;
        (left, top, left + width, bottom)
    }
}

impl Calibration {
    /// The ladder ranks the radar spans: the centre sits one below the lowest level any
    /// outline touches (so a missing value, drawn at the centre, is never mistaken for a
    /// level), the outer ring one above the highest, within the ladder.
    fn radar_span(&self, ladder: &Ladder) -> (i64, i64) {
        let ranks: Vec<i64> = self
            .competencies
            .iter()
            .flat_map(|r| [r.own.as_ref(), r.manager.as_ref(), r.target.as_ref()])
            .flatten()
            .filter_map(|l| ladder.rank(l))
            .map(|r| r as i64)
            .collect();
        let top = ladder.height().max(1) as i64 - 1;
        match (ranks.iter().min(), ranks.iter().max()) {
            (Some(&low), Some(&high)) => (low - 1, (high + 1).min(top).max(low)),
            _ => (-1, top),
        }
    }

    /// An inline SVG radar: one spoke per competency, one labelled ring per level it spans,
    /// and an outline each for the engineer's view, the manager's and the target. A missing
    /// value sits at the centre. Every point carries a `<title>` with its level.
    pub fn radar_svg(&self, ladder: &Ladder) -> String {
        let n = self.competencies.len().max(1);
        let (inner, outer) = self.radar_span(ladder);
        let rings = (outer - inner).max(1);
        let centre = RADAR_SIZE / 2.0;
        let angle =
            |i: usize| std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        let point = |i: usize, level: Option<&LevelId>| {
            let step = level
                .and_then(|l| ladder.rank(l))
                .map_or(0, |x| (x as i64 - inner).max(0));
            let r = RADAR_RADIUS * step as f64 / rings as f64;
            (centre + r * angle(i).cos(), centre + r * angle(i).sin())
        };
        // The names first: where each sits decides how wide the chart must be to hold them.
        let labels: Vec<SpokeName<'_>> = self
            .competencies
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let r = RADAR_RADIUS + 14.0;
                let (x, y) = (centre + r * angle(i).cos(), centre + r * angle(i).sin());
                SpokeName::new(x, y, centre, label_lines(&row.name))
            })
            .collect();
        let (mut left, mut top, mut right, mut bottom) = (0.0_f64, 0.0_f64, RADAR_SIZE, RADAR_SIZE);
        for label in &labels {
            let (l, t, r, b) = label.bounds();
            (left, top, right, bottom) = (left.min(l), top.min(t), right.max(r), bottom.max(b));
        }
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{:.0} {:.0} {:.0} {:.0}" role="img" aria-labelledby="radar-title radar-desc" class="radar">"#,
            left - 4.0,
            top - 4.0,
            right - left + 8.0,
            bottom - top + 8.0
        );
        let summary = match self.alignment {
            Some(a) => format!(
                "Self and manager agree on {} of {} competencies.",
                a.aligned, a.compared
            ),
            None => "The two views are not both in yet.".to_owned(),
        };
        let _ = write!(
            svg,
            r#"<title id="radar-title">Calibration: your view, your manager's view and the target</title><desc id="radar-desc">{}</desc>"#,
            escape(&summary)
        );
        for ring in 1..=rings {
            let r = RADAR_RADIUS * ring as f64 / rings as f64;
            let _ = write!(
                svg,
                r##"<circle cx="{centre}" cy="{centre}" r="{r:.1}" class="radar-ring" fill="none" stroke="#d9dee3"/>"##
            );
            let rank = inner + ring;
            if let Some(level) = ladder
                .levels
                .iter()
                .find(|l| ladder.rank(&l.id).map(|x| x as i64) == Some(rank))
            {
                // Between the first two spokes, clear of the names at their ends.
                let between = angle(0) + std::f64::consts::PI / n as f64;
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="radar-ring-label" font-size="11" fill="#616e7c">{}</text>"##,
                    centre + r * between.cos(),
                    centre + r * between.sin() - 3.0,
                    escape(level.id.as_str())
                );
            }
        }
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = point(i, None);
            let (x2, y2) = (
                centre + RADAR_RADIUS * angle(i).cos(),
                centre + RADAR_RADIUS * angle(i).sin(),
            );
            let _ = write!(
                svg,
                r##"<line x1="{x:.1}" y1="{y:.1}" x2="{x2:.1}" y2="{y2:.1}" class="radar-spoke" stroke="#d9dee3"/>"##
            );
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="{}" class="radar-label" font-size="15" fill="#3e4c54">"##,
                label.x, label.first, label.anchor
            );
            for (k, line) in label.lines.iter().enumerate() {
                let dy = if k == 0 { 0.0 } else { LINE_HEIGHT };
                let _ = write!(
                    svg,
                    r#"<tspan x="{:.1}" dy="{dy}">{}</tspan>"#,
                    label.x,
                    escape(line)
                );
            }
            svg.push_str("</text>");
        }
        // Presentation attributes carry the look, so the chart reads the same in a page
        // with Cairn's stylesheet and in a document without it (the packet); the
        // stylesheet's classes override them where it applies.
        let outlines: [(&str, &str, LevelOf, &str, &str); 3] = [
            (
                "target",
                "Target",
                |r| r.target.as_ref(),
                "#616e7c",
                r#"fill="none" stroke-dasharray="5 4""#,
            ),
            (
                "manager",
                "Manager",
                |r| r.manager.as_ref(),
                "#2f6f5e",
                r##"fill="#2f6f5e" fill-opacity="0.2""##,
            ),
            (
                "self",
                "You",
                |r| r.own.as_ref(),
                "#9a5b13",
                r##"fill="#9a5b13" fill-opacity="0.15""##,
            ),
        ];
        for (class, who, level_of, colour, area) in outlines {
            if self.competencies.iter().all(|r| level_of(r).is_none()) {
                continue;
            }
            let points: Vec<String> = self
                .competencies
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (x, y) = point(i, level_of(r));
                    format!("{x:.1},{y:.1}")
                })
                .collect();
            let _ = write!(
                svg,
                r#"<polygon points="{}" class="radar-{class}" {area} stroke="{colour}" stroke-width="2"><title>{who}</title></polygon>"#,
                points.join(" ")
            );
            for (i, r) in self.competencies.iter().enumerate() {
                if let Some(level) = level_of(r) {
                    let (x, y) = point(i, Some(level));
                    let _ = write!(
                        svg,
                        r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" class="radar-dot radar-{class}" fill="{colour}"><title>{who}, {}: {level}</title></circle>"#,
                        escape(&r.name)
                    );
                }
            }
        }
        svg.push_str("</svg>");
        svg
    }
}

/// A competency name as the radar prints it: split at the space nearest the middle when it
/// has more than one word and runs past ten characters, and each half split again while it
/// runs past [`LINE_CHARS`].
fn label_lines(name: &str) -> Vec<&str> {
    split_line(name, 10)
}

fn split_line(text: &str, longest: usize) -> Vec<&str> {
    if text.chars().count() <= longest {
        return vec![text];
    }
    let middle = text.len() / 2;
    match text
        .match_indices(' ')
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(middle))
    {
        Some(at) => {
            let mut lines = split_line(&text[..at], LINE_CHARS);
            lines.extend(split_line(&text[at + 1..], LINE_CHARS));
            lines
        }
        None => vec![text],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::id::{AssessmentId, PersonId, RoundId};
    use crate::ladder::builtin;

    fn round(name: &str, revealed: bool) -> AssessmentRound {
        let ladder = builtin::find("software-engineer").unwrap();
        AssessmentRound {
            id: RoundId::new(),
            owner: PersonId::new(),
            ladder: ladder.reference(),
            name: name.into(),
            self_submitted_at: Some(now()),
            manager_submitted_at: revealed.then(now),
            created_at: now(),
            updated_at: now(),
        }
    }

    fn entries(
        round: &AssessmentRound,
        side: Assessor,
        levels: &[(&str, &str)],
    ) -> Vec<Assessment> {
        levels
            .iter()
            .map(|(c, l)| Assessment {
                id: AssessmentId::new(),
                round: round.id,
                assessor: side,
                recorded_by: round.owner,
                competency: c.parse().unwrap(),
                level: l.parse().unwrap(),
                note: String::new(),
                created_at: now(),
                updated_at: now(),
            })
            .collect()
    }

    #[test]
    fn labels_deltas_alignment_and_target_distance() {
        let ladder = builtin::find("software-engineer").unwrap();
        let r = round("2026 H2", true);
        let mut all = entries(
            &r,
            Assessor::Own,
            &[("delivery", "L3"), ("influence", "L4"), ("mentoring", "L2")],
        );
        all.extend(entries(
            &r,
            Assessor::Manager,
            &[("delivery", "L3"), ("influence", "L3"), ("mentoring", "L4")],
        ));
        let view = RoundView {
            round: &r,
            ladder: &ladder,
            entries: all.iter().collect(),
        };
        let views = [view];
        let c = compute(&views, Some(&"L4".parse().unwrap()), Voice::Engineer);
        let row = |id: &str| {
            c.competencies
                .iter()
                .find(|r| r.competency.as_str() == id)
                .unwrap()
        };
        assert_eq!(row("delivery").label, Some(Label::Aligned));
        assert_eq!(row("influence").delta, Some(1));
        assert_eq!(row("influence").label, Some(Label::OverConfident));
        assert_eq!(row("mentoring").delta, Some(-2));
        assert_eq!(row("mentoring").label, Some(Label::UnderConfident));
        assert_eq!(row("delivery").to_target, Some(1));
        assert_eq!(row("mentoring").to_target, Some(0));
        assert_eq!(row("operations").delta, None);
        assert_eq!(row("operations").label, None);
        let a = c.alignment.unwrap();
        assert_eq!((a.compared, a.aligned, a.percent), (3, 1, 33));
        assert!((a.mean_delta - (-1.0 / 3.0)).abs() < 1e-9);
        let text = c.reading.join("\n");
        assert!(
            text.contains("You rate yourself higher than your manager on influence by one level: ask for the examples behind their view."),
            "{text}"
        );
        assert!(text.contains("on mentoring by two levels"), "{text}");
        assert!(
            text.contains("Furthest from L4: delivery, influence (one level to go)"),
            "{text}"
        );
        let json = serde_json::to_value(row("influence")).unwrap();
        assert_eq!(json["self"], "L4");
        assert_eq!(json["label"], "over-confident");

        // The manager reading the same round is addressed as the manager.
        let m = compute(&views, Some(&"L4".parse().unwrap()), Voice::Manager("Maya")).reading;
        let text = m.join("\n");
        assert!(
            text.contains("Maya rates themselves higher than you on influence by one level"),
            "{text}"
        );
        assert!(
            text.contains("You rate Maya higher than they do on mentoring by two levels"),
            "{text}"
        );
        assert!(!text.contains("your manager"), "{text}");
        let third = compute(
            &views,
            Some(&"L4".parse().unwrap()),
            Voice::Committee("Maya"),
        )
        .reading;
        assert!(third.iter().all(|l| !l.contains("you")), "{third:?}");
    }

    #[test]
    fn a_blind_round_says_what_it_waits_for_and_the_trend_compares_rounds() {
        let ladder = builtin::find("software-engineer").unwrap();
        let first = round("2026 H1", true);
        let mut first_entries = entries(
            &first,
            Assessor::Own,
            &[("delivery", "L3"), ("influence", "L4")],
        );
        first_entries.extend(entries(
            &first,
            Assessor::Manager,
            &[("delivery", "L2"), ("influence", "L3")],
        ));
        let second = round("2026 H2", true);
        let mut second_entries = entries(
            &second,
            Assessor::Own,
            &[("delivery", "L3"), ("influence", "L4")],
        );
        second_entries.extend(entries(
            &second,
            Assessor::Manager,
            &[("delivery", "L3"), ("influence", "L3")],
        ));
        let views = [
            RoundView {
                round: &first,
                ladder: &ladder,
                entries: first_entries.iter().collect(),
            },
            RoundView {
                round: &second,
                ladder: &ladder,
                entries: second_entries.iter().collect(),
            },
        ];
        let c = compute(&views, None, Voice::Engineer);
        assert_eq!(c.trend.len(), 2);
        assert_eq!(c.trend[0].alignment.unwrap().percent, 0);
        assert_eq!(c.trend[1].alignment.unwrap().percent, 50);
        assert!(
            c.reading.iter().any(|l| l
                == "Alignment went from 0% in 2026 H1 to 50% in 2026 H2: your views are closer."),
            "{:?}",
            c.reading
        );

        let blind = round("2027 H1", false);
        let own = entries(&blind, Assessor::Own, &[("delivery", "L3")]);
        let c = compute(
            &[RoundView {
                round: &blind,
                ladder: &ladder,
                entries: own.iter().collect(),
            }],
            None,
            Voice::Engineer,
        );
        assert!(!c.revealed);
        assert_eq!(c.alignment, None);
        assert!(
            c.reading[0].contains("your view is in, your manager's is not yet"),
            "{:?}",
            c.reading
        );
        assert!(
            compute(&[], None, Voice::Engineer).reading[0].starts_with("No assessment round yet")
        );
    }

    #[test]
    fn the_radar_draws_three_outlines_on_one_ring_per_level() {
        let ladder = builtin::find("software-engineer").unwrap();
        let r = round("2026 H2", true);
        let mut all = entries(&r, Assessor::Own, &[("delivery", "L3")]);
        all.extend(entries(&r, Assessor::Manager, &[("delivery", "L2")]));
        let c = compute(
            &[RoundView {
                round: &r,
                ladder: &ladder,
                entries: all.iter().collect(),
            }],
            Some(&"L4".parse().unwrap()),
            Voice::Engineer,
        );
        let svg = c.radar_svg(&ladder);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // Rings span one below the lowest level shown (L2) to one above the highest (L4).
        assert_eq!(svg.matches("class=\"radar-ring\"").count(), 4);
        assert!(svg.contains(">L2</text>") && svg.contains(">L5</text>"));
        assert!(!svg.contains(">L6</text>"));
        assert_eq!(svg.matches("<polygon").count(), 3);
        assert!(svg.contains("<title>You, Delivery: L3</title>"));
        assert!(svg.contains("<title>Manager, Delivery: L2</title>"));
        assert_eq!(svg.matches("radar-dot radar-target").count(), 8);
        assert!(svg.contains("agree on 0 of 1 competencies"));
        // A long name that cannot wrap (one compound word) widens the chart rather than
        // spilling out of it: every name's box lies inside the view box.
        let viewbox = |svg: &str| -> Vec<f64> {
            let at = svg.find("viewBox=\"").unwrap() + 9;
            let end = at + svg[at..].find('"').unwrap();
            svg[at..end]
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect()
        };
        let mut long = c.clone();
        for row in &mut long.competencies {
            row.name = "Infrastrukturmodernisierung".into();
        }
        let (narrow, wide) = (viewbox(&svg), viewbox(&long.radar_svg(&ladder)));
        assert!(wide[2] > narrow[2], "{narrow:?} {wide:?}");
        let widest = "Infrastrukturmodernisierung".len() as f64 * CHAR_WIDTH;
        let centre = RADAR_SIZE / 2.0;
        let reach = centre + RADAR_RADIUS + 14.0 + widest;
        assert!(
            wide[0] <= centre - reach + centre && wide[0] + wide[2] >= reach,
            "{wide:?}"
        );
    }

    #[test]
    fn long_names_break_at_the_space_nearest_the_middle() {
        assert_eq!(label_lines("Delivery"), vec!["Delivery"]);
        assert_eq!(label_lines("Product impact"), vec!["Product", "impact"]);
        assert_eq!(label_lines("Collaboration"), vec!["Collaboration"]);
        assert_eq!(
            label_lines("Mentoring and coaching"),
            vec!["Mentoring", "and coaching"]
        );
        // A long name from a real ladder (the FT's) wraps until every line is short.
        assert_eq!(
            label_lines("Problem Solving and Decision Making"),
            vec!["Problem", "Solving", "and Decision", "Making"]
        );
    }

    #[test]
    fn readers_see_only_what_the_blindness_rule_allows() {
        let ladder = builtin::find("software-engineer").unwrap();
        let ladders = [ladder.clone()];
        let mut blind = round("2026 H2", false);
        blind.manager_submitted_at = None;
        let mut older = round("2026 H1", true);
        older.created_at = blind.created_at - chrono::Duration::days(180);
        let mut all = entries(&blind, Assessor::Own, &[("delivery", "L3")]);
        all.extend(entries(&blind, Assessor::Manager, &[("delivery", "L2")]));
        all.extend(entries(&older, Assessor::Own, &[("delivery", "L2")]));
        all.extend(entries(&older, Assessor::Manager, &[("delivery", "L2")]));
        let rounds = [blind.clone(), older.clone()];
        let count = |reader| {
            round_views(&rounds, &ladders, &all, reader)
                .iter()
                .map(|v| (v.round.name.clone(), v.entries.len()))
                .collect::<Vec<_>>()
        };
        let both = |n: usize| vec![("2026 H1".to_owned(), 2), ("2026 H2".to_owned(), n)];
        assert_eq!(count(Reader::Local), both(2));
        assert_eq!(count(Reader::Side(Assessor::Own)), both(1));
        assert_eq!(count(Reader::Side(Assessor::Manager)), both(1));
        let views = round_views(&rounds, &ladders, &all, Reader::Side(Assessor::Manager));
        assert_eq!(views[1].entries[0].assessor, Assessor::Manager);
        assert!(round_views(&rounds, &[], &all, Reader::Local).is_empty());
    }

    #[test]
    fn the_target_is_the_destinations_level_or_the_next_one() {
        let ladder = builtin::find("software-engineer").unwrap();
        let level = |s: &str| s.parse::<LevelId>().unwrap();
        assert_eq!(target_level(&ladder, &level("L3"), None), Some(level("L4")));
        assert_eq!(
            target_level(&ladder, &level("L3"), Some(&level("L5"))),
            Some(level("L5"))
        );
        assert_eq!(
            target_level(&ladder, &level("L3"), Some(&level("M2"))),
            Some(level("L4"))
        );
        assert_eq!(target_level(&ladder, &level("L6"), None), Some(level("L6")));
    }
}
