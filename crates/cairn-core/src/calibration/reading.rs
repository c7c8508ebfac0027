//! The calibration's reading: a few plain sentences on the newest round, addressed to
//! whoever reads them.

use super::{Alignment, Calibration, CompetencyGap, Label, RoundView};
use crate::assessment::Assessor;
use crate::voice::Voice;

/// "one level", "two levels".
pub(super) fn levels(n: i32) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let n = n.unsigned_abs() as usize;
    let word = WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned());
    format!("{word} level{}", if n == 1 { "" } else { "s" })
}

pub(super) fn reading(c: &Calibration, latest: &RoundView<'_>, voice: Voice<'_>) -> Vec<String> {
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
                let (name, by) = (crate::text::in_sentence(&row.name), levels(d));
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
                let (name, by) = (crate::text::in_sentence(&row.name), levels(d));
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
                    .map(|r| crate::text::in_sentence(&r.name))
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
