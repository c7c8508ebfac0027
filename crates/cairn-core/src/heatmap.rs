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
const LABEL_WIDTH: u32 = 130;
const CELL: u32 = 26;
const GAP: u32 = 3;

impl HeatMap {
    /// The largest count in any cell.
    pub fn max(&self) -> u32 {
        self.rows
            .iter()
            .flat_map(|r| r.counts.iter().copied())
            .max()
            .unwrap_or(0)
    }

    /// An inline SVG: competencies down the side, months along the bottom, darker cells for
    /// more evidence. Text is escaped; sizes scale with the number of months and rows.
    pub fn to_svg(&self) -> String {
        let width = LABEL_WIDTH + self.months.len() as u32 * (CELL + GAP);
        let height = self.rows.len() as u32 * (CELL + GAP) + 24;
        let max = self.max().max(1);
        let total: u32 = self.rows.iter().flat_map(|r| r.counts.iter()).sum();
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="heatmap-title heatmap-desc" class="heatmap">"#
        );
        let _ = write!(
            svg,
            r#"<title id="heatmap-title">Evidence by competency and month</title><desc id="heatmap-desc">{total} competency tags over {} months; the darkest cell holds {max}.</desc>"#,
            self.months.len()
        );
        for (i, row) in self.rows.iter().enumerate() {
            let y = i as u32 * (CELL + GAP);
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" text-anchor="end" class="heatmap-label">{}</text>"#,
                LABEL_WIDTH - 8,
                y + CELL / 2 + 4,
                escape(&row.name)
            );
            for (j, (&count, &(year, month))) in row.counts.iter().zip(&self.months).enumerate() {
                let x = LABEL_WIDTH + j as u32 * (CELL + GAP);
                // Empty cells stay visible but faint; the rest scale from 25% to 100%.
                let opacity = if count == 0 {
                    0.06
                } else {
                    0.25 + 0.75 * f64::from(count) / f64::from(max)
                };
                let plural = if count == 1 { "entry" } else { "entries" };
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4" fill-opacity="{opacity:.2}" class="heatmap-cell"><title>{}, {} {year}: {count} {plural}</title></rect>"#,
                    escape(&row.name),
                    MONTH_NAMES[(month - 1) as usize]
                );
            }
        }
        let label_y = self.rows.len() as u32 * (CELL + GAP) + 16;
        for (j, &(_, month)) in self.months.iter().enumerate() {
            let x = LABEL_WIDTH + j as u32 * (CELL + GAP) + CELL / 2;
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{label_y}" text-anchor="middle" class="heatmap-month">{}</text>"#,
                MONTH_NAMES[(month - 1) as usize]
            );
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
        let svg = map.to_svg();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 8 * 12);
        assert!(svg.contains("<title>Delivery, Feb 2026: 1 entry</title>"));
        assert!(svg.contains("<title>Delivery, Jan 2026: 0 entries</title>"));
        assert!(svg.contains("role=\"img\""));
    }
}
