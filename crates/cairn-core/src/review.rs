//! The monthly review: what was logged in a month, which competencies of the gap to the
//! target level it touched and which it left alone, how long since the last entry, what
//! waits in the inbox, and the one thing to do now.
//!
//! The gap is read from calibration: competencies whose best-informed view (the manager's,
//! else the engineer's) is below the target, largest first. With no assessment yet, every
//! competency the target level has an expectation for is in the gap, in ladder order.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calibration::Calibration;
use crate::decision::Decision;
use crate::evidence::{Evidence, LevelSignal};
use crate::id::{CompetencyId, EvidenceId, LevelId};
use crate::ladder::Ladder;
use crate::text::count;

/// One competency of the gap and what the month gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapCompetency {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// Levels still to climb, when an assessment says.
    pub to_target: Option<i32>,
    /// Entries this month tagged with it.
    pub entries: usize,
    /// Of those, entries showing the next level.
    pub next_level: usize,
}

/// One entry logged in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logged {
    /// Its id.
    pub id: EvidenceId,
    /// Its day.
    pub date: NaiveDate,
    /// Its title.
    pub title: String,
    /// Its competencies.
    pub competencies: Vec<CompetencyId>,
}

/// The review of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The level the gap is measured to.
    pub target: Option<LevelId>,
    /// Entries dated in the month, oldest first.
    pub logged: Vec<Logged>,
    /// The gap's competencies, largest first, with what the month gave each.
    pub gap: Vec<GapCompetency>,
    /// The newest entry's day, in any month up to today.
    pub last_entry: Option<NaiveDate>,
    /// Days from the last entry to today, whichever month is reviewed.
    pub days_since_last_entry: Option<i64>,
    /// Inbox groups waiting.
    pub inbox_groups: usize,
    /// Activities in them.
    pub inbox_activities: usize,
    /// The one thing to do now.
    pub nudge: String,
    /// The decision in force, when its revisit date has come by the review's end.
    pub revisit: Option<String>,
}

/// What the review reads.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The first and last day of the month.
    pub month: (NaiveDate, NaiveDate),
    /// Today, which bounds "days since" for the current month.
    pub today: NaiveDate,
    /// The ladder the engineer is on.
    pub ladder: &'a Ladder,
    /// Their calibration against the target.
    pub calibration: &'a Calibration,
    /// All their evidence.
    pub evidence: &'a [Evidence],
    /// Inbox groups and activities waiting.
    pub inbox: (usize, usize),
    /// Every decision to push, wait or change.
    pub decisions: &'a [Decision],
}

/// An entry logged this often is "recent": a month and a bit.
const QUIET_DAYS: i64 = 35;

/// Reviews a month.
pub fn review(input: Inputs<'_>) -> Review {
    let (first, last) = input.month;
    let mut logged: Vec<Logged> = input
        .evidence
        .iter()
        .filter(|e| e.date >= first && e.date <= last)
        .map(|e| Logged {
            id: e.id,
            date: e.date,
            title: e.title.clone(),
            competencies: e.competencies.clone(),
        })
        .collect();
    logged.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let in_month = |c: &CompetencyId, level: Option<LevelSignal>| {
        input
            .evidence
            .iter()
            .filter(|e| e.date >= first && e.date <= last && e.competencies.contains(c))
            .filter(|e| level.is_none_or(|l| e.level == l))
            .count()
    };
    let gap: Vec<GapCompetency> = gap_of(input.ladder, input.calibration)
        .into_iter()
        .map(|(competency, name, to_target)| GapCompetency {
            entries: in_month(&competency, None),
            next_level: in_month(&competency, Some(LevelSignal::Next)),
            competency,
            name,
            to_target,
        })
        .collect();
    // Counted to today, whichever month is reviewed: "days since" means days until now.
    let end = last.min(input.today);
    let last_entry = input
        .evidence
        .iter()
        .map(|e| e.date)
        .filter(|d| *d <= input.today)
        .max();
    let days = last_entry.map(|d| (input.today - d).num_days());
    let month = first.format("%Y-%m").to_string();
    let nudge = nudge(
        &month,
        &logged,
        &gap,
        days,
        input.inbox,
        input.calibration.target.as_ref(),
    );
    Review {
        month,
        target: input.calibration.target.clone(),
        logged,
        gap,
        last_entry,
        days_since_last_entry: days,
        inbox_groups: input.inbox.0,
        inbox_activities: input.inbox.1,
        nudge,
        revisit: Decision::current(input.decisions).and_then(|d| d.reminder(end)),
    }
}

/// The gap's competencies with their distance, largest first, then those not rated yet
/// (unknown, never met), in ladder order.
fn gap_of(ladder: &Ladder, calibration: &Calibration) -> Vec<(CompetencyId, String, Option<i32>)> {
    let Some(target) = &calibration.target else {
        return Vec::new();
    };
    let mut gap: Vec<_> = calibration
        .competencies
        .iter()
        .filter(|c| c.to_target.is_some_and(|d| d > 0))
        .map(|c| (c.competency.clone(), c.name.clone(), c.to_target))
        .collect();
    // A stable sort keeps the ladder's order between equal distances.
    gap.sort_by_key(|g| std::cmp::Reverse(g.2));
    let rated = |id: &CompetencyId| {
        calibration
            .competencies
            .iter()
            .any(|c| &c.competency == id && c.to_target.is_some())
    };
    gap.extend(
        ladder
            .competencies
            .iter()
            .filter(|c| ladder.expectation(&c.id, target).is_some() && !rated(&c.id))
            .map(|c| (c.id.clone(), c.name.clone(), None)),
    );
    gap
}

fn nudge(
    month: &str,
    logged: &[Logged],
    gap: &[GapCompetency],
    days: Option<i64>,
    (groups, _): (usize, usize),
    target: Option<&LevelId>,
) -> String {
    let target = target.map_or_else(|| "the next level".to_owned(), ToString::to_string);
    if logged.is_empty() {
        if groups > 0 {
            return format!(
                "Nothing logged in {month}, but your inbox holds {}: accept the ones that \
                 show your work (`cairn inbox`).",
                count(groups as u64, "imported group", "imported groups")
            );
        }
        let quiet = match days {
            Some(d) if d > QUIET_DAYS => format!("; your last entry was {d} days ago"),
            _ => String::new(),
        };
        return format!(
            "Nothing logged in {month}{quiet}. Log one thing you did this week (`cairn log`), \
             or import it (`cairn import git PATH`)."
        );
    }
    if let Some(missing) = gap.iter().find(|g| g.entries == 0) {
        let size = match missing.to_target {
            Some(d) => format!(
                ", {d} level{} short of {target}",
                if d == 1 { "" } else { "s" }
            ),
            None => String::new(),
        };
        return format!(
            "Nothing in {month} shows {}{size}. Pick work that builds it, not just work that \
             is visible (`cairn ladder next` shows what it looks like at {target}).",
            missing.name
        );
    }
    if groups > 0 {
        return format!(
            "Your inbox holds {}: accept or dismiss them while you remember the work \
             (`cairn inbox`).",
            count(groups as u64, "imported group", "imported groups")
        );
    }
    if let Some(weak) = gap.iter().find(|g| g.next_level == 0) {
        return format!(
            "Every gap competency got evidence in {month}, but none of {}'s shows {target}: \
             aim for a piece of work at that level.",
            weak.name
        );
    }
    format!(
        "Every gap competency got next-level evidence in {month}: share the strongest with your \
         manager and ask whether it meets {target}."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Visibility;
    use crate::calibration::compute;
    use crate::dates::now;
    use crate::evidence::Source;
    use crate::id::PersonId;
    use crate::ladder::builtin;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn entry(ladder: &Ladder, date: &str, skills: &[&str], level: LevelSignal) -> Evidence {
        Evidence {
            id: EvidenceId::new(),
            owner: PersonId::new(),
            date: day(date),
            title: format!("work on {date}"),
            body: String::new(),
            impact: String::new(),
            links: vec![],
            competencies: skills.iter().map(|s| s.parse().unwrap()).collect(),
            level,
            areas: vec![],
            visibility: Visibility::Private,
            source: Source::Manual,
            ladder: ladder.reference(),
            created_at: now(),
            updated_at: now(),
        }
    }

    fn run(evidence: &[Evidence], inbox: (usize, usize)) -> Review {
        let ladder = builtin::find("software-engineer").unwrap();
        let target: LevelId = "L4".parse().unwrap();
        let calibration = compute(&[], Some(&target), crate::voice::Voice::Engineer);
        review(Inputs {
            month: (day("2026-03-01"), day("2026-03-31")),
            today: day("2026-11-24"),
            ladder: &ladder,
            calibration: &calibration,
            evidence,
            inbox,
            decisions: &[],
        })
    }

    #[test]
    fn an_empty_month_points_at_the_inbox_or_the_log() {
        let ladder = builtin::find("software-engineer").unwrap();
        let old = [entry(
            &ladder,
            "2026-01-10",
            &["delivery"],
            LevelSignal::Current,
        )];
        let r = run(&old, (0, 0));
        assert!(r.logged.is_empty());
        assert_eq!(
            r.days_since_last_entry,
            Some(318),
            "to today, not to the end of March"
        );
        assert!(
            r.nudge.contains("last entry was 318 days ago"),
            "{}",
            r.nudge
        );
        assert!(
            run(&old, (4, 9))
                .nudge
                .contains("your inbox holds 4 imported groups")
        );
        assert!(
            run(&old, (1, 1))
                .nudge
                .contains("your inbox holds 1 imported group:")
        );
    }

    #[test]
    fn the_first_untouched_gap_competency_is_the_nudge() {
        let ladder = builtin::find("software-engineer").unwrap();
        let all: Vec<&str> = ladder.competencies.iter().map(|c| c.id.as_str()).collect();
        let mut month = vec![entry(&ladder, "2026-03-05", &all[..3], LevelSignal::Next)];
        let r = run(&month, (0, 0));
        assert_eq!(r.gap.len(), all.len());
        assert_eq!((r.gap[0].entries, r.gap[0].next_level), (1, 1));
        assert_eq!(r.gap[3].entries, 0);
        assert!(
            r.nudge
                .contains(&format!("shows {}", ladder.competencies[3].name)),
            "{}",
            r.nudge
        );
        month.push(entry(
            &ladder,
            "2026-03-20",
            &all[3..],
            LevelSignal::Current,
        ));
        let r = run(&month, (0, 0));
        assert!(r.nudge.contains("none of"), "{}", r.nudge);
        assert_eq!(r.days_since_last_entry, Some(249));
        month.push(entry(&ladder, "2026-03-21", &all[3..], LevelSignal::Next));
        assert!(run(&month, (0, 0)).nudge.contains("share the strongest"));
        assert!(
            run(&month, (2, 3))
                .nudge
                .starts_with("Your inbox holds 2 imported groups")
        );
    }
}
