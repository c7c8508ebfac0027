//! The radar chart: the engineer's, the manager's and the target outline over the
//! ladder's competencies, as SVG.

use std::fmt::Write;

use super::{Calibration, CompetencyGap};
use crate::id::LevelId;
use crate::ladder::Ladder;
use crate::svg::escape;

/// Picks one outline's level out of a row.
pub(super) type LevelOf = fn(&CompetencyGap) -> Option<&LevelId>;

pub(super) const RADAR_SIZE: f64 = 350.0;
pub(super) const RADAR_RADIUS: f64 = 120.0;
/// The names' line height, and the width of a character of them (15 px sans serif, on
/// average), in the chart's own units: enough to keep every name inside the chart.
pub(super) const LINE_HEIGHT: f64 = 16.0;
pub(super) const CHAR_WIDTH: f64 = 8.4;
/// The longest line of a name before it wraps.
pub(super) const LINE_CHARS: usize = 14;

/// A competency's name at the end of its spoke.
pub(super) struct SpokeName<'a> {
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
pub(super) fn label_lines(name: &str) -> Vec<&str> {
    split_line(name, 10)
}

pub(super) fn split_line(text: &str, longest: usize) -> Vec<&str> {
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
