//! The evidence heat-map: how much evidence each competency got in each month.
//!
//! [`compute`] turns evidence into a [`HeatMap`] (a value, testable on its own), and
//! [`HeatMap::to_svg`] draws it as an accessible inline SVG: a title and a description for
//! screen readers, and a `<title>` on every cell saying what it counts.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::svg::escape;

/// Evidence counts per competency per month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatMap {
    /// The months shown, oldest first, as (year, month).
    pub months: Vec<(i32, u32)>,
    /// One row per competency, in the ladder's order.
    pub rows: Vec<HeatRow>,
}

/// One competency's counts, aligned with [`HeatMap::months`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatRow {
    /// Competency id.
    pub id: String,
    /// Competency name.
    pub name: String,
    /// Pieces of evidence per month.
    pub counts: Vec<u32>,
}

/// Counts `evidence` for the `months` months ending with the month of `today`.
pub fn compute(evidence: &[Evidence], ladder: &Ladder, today: NaiveDate, months: u32) -> HeatMap {
    let months: Vec<(i32, u32)> = (0..months)
        .rev()
        .map(|back| {
            let index = today.year() * 12 + today.month0() as i32 - back as i32;
            (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
        })
        .collect();
    let rows = ladder
        .competencies
        .iter()
        .map(|c| HeatRow {
            id: c.id.to_string(),
            name: c.name.clone(),
            counts: months
                .iter()
                .map(|&(y, m)| {
                    let n = evidence
                        .iter()
                        .filter(|e| {
                            e.date.year() == y
                                && e.date.month() == m
                                && e.competencies.contains(&c.id)
                        })
                        .count();
                    u32::try_from(n).unwrap_or(u32::MAX)
                })
                .collect(),
        })
        .collect();
    HeatMap { months, rows }
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// The narrowest column of competency names, and the width of one character of them
/// (12 px sans serif, on average): the column grows to hold the longest name.
const LABEL_WIDTH: u32 = 130;
const CHAR_WIDTH: u32 = 7;
const CELL: u32 = 26;
const GAP: u32 = 3;

/// The shades of the scale, lightest first: the fewest entries each one stands for and its
/// legend. The scale is absolute, so two entries look the same in a quiet year and a busy one.
pub const SCALE: [(u32, &str); 5] = [
    (0, "none"),
    (1, "1"),
    (2, "2"),
    (3, "3–4"),
    (5, "5 or more"),
];

/// The shade (an index into [`SCALE`]) of a cell holding `count` entries.
pub fn shade(count: u32) -> usize {
    SCALE
        .iter()
        .rposition(|&(min, _)| count >= min)
        .unwrap_or(0)
}

impl HeatMap {
    /// The same map cut to its last `months` months.
    #[must_use]
    pub fn recent(&self, months: usize) -> Self {
        let skip = self.months.len().saturating_sub(months);
        Self {
            months: self.months[skip..].to_vec(),
            rows: self
                .rows
                .iter()
                .map(|r| HeatRow {
                    counts: r.counts[skip..].to_vec(),
                    ..r.clone()
                })
                .collect(),
        }
    }

    /// The largest count in any cell.
    pub fn max(&self) -> u32 {
        self.rows
            .iter()
            .flat_map(|r| r.counts.iter().copied())
            .max()
            .unwrap_or(0)
    }

    /// An inline SVG: competencies down the side, months and years along the bottom, each
    /// cell shaded by [`SCALE`] (classes `heat-0` to `heat-4`). A cell with evidence links to
    /// `href(competency id, "YYYY-MM")`. `id` prefixes the element ids, so one page can hold
    /// two maps. Text is escaped; sizes follow the months and rows.
    pub fn to_svg(&self, id: &str, href: impl Fn(&str, &str) -> String) -> String {
        let longest = self
            .rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0);
        let label_width = LABEL_WIDTH.max(longest as u32 * CHAR_WIDTH + 12);
        let width = label_width + self.months.len() as u32 * (CELL + GAP);
        let height = self.rows.len() as u32 * (CELL + GAP) + 40;
        let total: u32 = self.rows.iter().flat_map(|r| r.counts.iter()).sum();
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{id}-title {id}-desc" class="heatmap {id}">"#
        );
        let span = match (self.months.first(), self.months.last()) {
            (Some(&(y0, m0)), Some(&(y1, m1))) => format!(
                " from {} {y0} to {} {y1}",
                MONTH_NAMES[(m0 - 1) as usize],
                MONTH_NAMES[(m1 - 1) as usize]
            ),
            _ => String::new(),
        };
        let _ = write!(
            svg,
            r#"<title id="{id}-title">Evidence by competency and month</title><desc id="{id}-desc">{total} competency tags{span}; the busiest cell holds {}. Cells with evidence link to it.</desc>"#,
            self.max()
        );
        for (i, row) in self.rows.iter().enumerate() {
            let y = i as u32 * (CELL + GAP);
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" text-anchor="end" class="heatmap-label" aria-hidden="true">{}</text>"#,
                label_width - 8,
                y + CELL / 2 + 4,
                escape(&row.name)
            );
            for (j, (&count, &(year, month))) in row.counts.iter().zip(&self.months).enumerate() {
                let x = label_width + j as u32 * (CELL + GAP);
                let plural = if count == 1 { "entry" } else { "entries" };
                let title = format!(
                    "{}, {} {year}: {count} {plural}",
                    escape(&row.name),
                    MONTH_NAMES[(month - 1) as usize]
                );
                let rect = format!(
                    r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" class="heatmap-cell heat-{}">"#,
                    shade(count)
                );
                if count == 0 {
                    let _ = write!(svg, "{rect}<title>{title}</title></rect>");
                } else {
                    let link = escape(&href(&row.id, &format!("{year:04}-{month:02}")));
                    let _ = write!(
                        svg,
                        r#"<a href="{link}" aria-label="{title}">{rect}<title>{title}</title></rect></a>"#
                    );
                }
            }
        }
        let label_y = self.rows.len() as u32 * (CELL + GAP) + 16;
        for (j, &(year, month)) in self.months.iter().enumerate() {
            let x = label_width + j as u32 * (CELL + GAP) + CELL / 2;
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{label_y}" text-anchor="middle" class="heatmap-month" aria-hidden="true">{}</text>"#,
                MONTH_NAMES[(month - 1) as usize]
            );
            if j == 0 || month == 1 {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{}" class="heatmap-year" aria-hidden="true">{year}</text>"#,
                    x - CELL / 2,
                    label_y + 16
                );
            }
        }
        svg.push_str("</svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::dates::now;
    use crate::evidence::{LevelSignal, Source};
    use crate::id::{EvidenceId, PersonId};
    use crate::ladder::builtin;

    fn entry(ladder: &Ladder, date: &str, skills: &[&str]) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner: PersonId::new(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            title: "x".into(),
            body: String::new(),
            impact: String::new(),
            links: vec![],
            competencies: skills.iter().map(|s| s.parse().unwrap()).collect(),
            level: LevelSignal::Current,
            areas: vec![],
            visibility: Visibility::Private,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn counts_each_competency_per_month_across_a_year_boundary() {
        let ladder = builtin::find("software-engineer").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        let evidence = vec![
            entry(&ladder, "2026-02-01", &["delivery", "influence"]),
            entry(&ladder, "2026-02-09", &["delivery"]),
            entry(&ladder, "2025-12-31", &["delivery"]),
            entry(&ladder, "2025-11-30", &["delivery"]), // outside a 3-month window
        ];
        let map = compute(&evidence, &ladder, today, 3);
        assert_eq!(map.months, vec![(2025, 12), (2026, 1), (2026, 2)]);
        let delivery = map.rows.iter().find(|r| r.id == "delivery").unwrap();
        assert_eq!(delivery.counts, vec![1, 0, 2]);
        let influence = map.rows.iter().find(|r| r.id == "influence").unwrap();
        assert_eq!(influence.counts, vec![0, 0, 1]);
        assert_eq!(map.max(), 2);
        assert_eq!(map.rows.len(), 8);
        // Cut to its last two months, it is the map of those two months.
        assert_eq!(map.recent(2), compute(&evidence, &ladder, today, 2));
    }

    #[test]
    fn the_svg_describes_itself_and_every_cell() {
        let ladder = builtin::find("software-engineer").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        let map = compute(
            &[entry(&ladder, "2026-02-01", &["delivery"])],
            &ladder,
            today,
            12,
        );
        let svg = map.to_svg("year", |id, month| {
            format!("/evidence?skill={id}&month={month}")
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 8 * 12);
        assert!(svg.contains("<title>Delivery, Feb 2026: 1 entry</title>"));
        assert!(svg.contains("<title>Delivery, Jan 2026: 0 entries</title>"));
        // Only the cell with evidence is a link, to that competency's month.
        assert_eq!(svg.matches("<a ").count(), 1);
        assert!(svg.contains(r#"<a href="/evidence?skill=delivery&amp;month=2026-02""#));
        // The names' column holds the longest name (a real ladder's, the FT's).
        let mut long = map.clone();
        long.rows[0].name = "Problem Solving & Decision Making".into();
        let svg_long = long.to_svg("year", |_, _| String::new());
        assert!(
            svg_long.contains(r#"viewBox="0 0 591 "#),
            "{}",
            &svg_long[..120]
        );
        assert!(svg.contains(r#"viewBox="0 0 478 "#), "{}", &svg[..120]);
        // The year is named under its first month, and again at each January.
        assert!(svg.contains(">2025</text>") && svg.contains(">2026</text>"));
    }

    #[test]
    fn the_scale_is_absolute_not_relative_to_the_busiest_month() {
        let shades: Vec<usize> = [0, 1, 2, 3, 4, 5, 40].into_iter().map(shade).collect();
        assert_eq!(shades, vec![0, 1, 2, 3, 3, 4, 4]);
    }
}
