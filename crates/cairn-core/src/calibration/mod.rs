//! Calibration: the engineer's view of their level beside their manager's, and both beside
//! the target, per competency.
//!
//! [`compute`] takes the rounds a reader may see (blindness is applied before this) and
//! gives a [`Calibration`]: for the newest round the signed difference per competency
//! (self minus manager, in levels) with its label, the distance to the target level, an
//! overall alignment figure, the trend across rounds, and a short reading in plain words.
//! [`Calibration::radar_svg`] draws the three outlines.

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, AssessmentRound, Assessor};
use crate::dates::Timestamp;
use crate::id::{CompetencyId, LevelId};
use crate::ladder::Ladder;
use crate::voice::Voice;

mod radar;
mod reading;

use reading::reading;

/// How the two views of one competency compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The round's name.
    pub round: String,
    /// When it opened.
    pub opened: Timestamp,
    /// Its alignment, when both sides are in and visible.
    pub alignment: Option<Alignment>,
}

/// Calibration for one engineer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::radar::{CHAR_WIDTH, RADAR_RADIUS, RADAR_SIZE, label_lines};
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
