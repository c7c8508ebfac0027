//! The manager's team view: one row per report, from only what the report shared, so a
//! manager sees the team at a glance: where each is heading and how clearly, how long since
//! their last evidence, the largest gap between their view and the manager's, readiness,
//! overdue commitments, and whether the strategic signal is raised.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::calibration::Calibration;
use crate::clarity::{self, Verdict};
use crate::conversation::{Commitment, Conversation};
use crate::destination::Destination;
use crate::evidence::Evidence;
use crate::id::{CompetencyId, LevelId, PersonId};
use crate::person::Person;
use crate::readiness::{Overall, Readiness};
use crate::signal::Signal;

/// The largest difference between the report's view and the manager's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LargestGap {
    /// Competency id.
    pub competency: CompetencyId,
    /// Self minus manager, in levels.
    pub delta: i32,
}

/// One report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamRow {
    /// Their id.
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// Their level.
    pub level: LevelId,
    /// Their destination, if they shared it.
    pub destination: Option<String>,
    /// Its clarity.
    pub clarity: Option<Verdict>,
    /// Days since their last shared evidence.
    pub days_since_evidence: Option<i64>,
    /// The largest self/manager difference in the latest round both sides can see.
    pub largest_gap: Option<LargestGap>,
    /// The level readiness is judged against.
    pub target: LevelId,
    /// Overall readiness, from what they shared.
    pub readiness: Overall,
    /// Commitments past due and still open, from shared conversations.
    pub overdue: usize,
    /// The strategic signal is raised.
    pub signal: bool,
}

/// What one row is made of, all already filtered to what the manager may read.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The report.
    pub person: &'a Person,
    /// Their active destination, if shared.
    pub destination: Option<&'a Destination>,
    /// Their shared evidence.
    pub evidence: &'a [Evidence],
    /// Calibration as the manager reads it.
    pub calibration: &'a Calibration,
    /// Readiness from the shared records.
    pub readiness: &'a Readiness,
    /// Their shared conversations.
    pub conversations: &'a [(Conversation, Vec<Commitment>)],
    /// The signal from those.
    pub signal: &'a Signal,
    /// Today.
    pub today: chrono::NaiveDate,
}

/// One report's row.
pub fn row(i: Inputs<'_>) -> TeamRow {
    let largest_gap = i
        .calibration
        .competencies
        .iter()
        .filter_map(|c| {
            c.delta.map(|delta| LargestGap {
                competency: c.competency.clone(),
                delta,
            })
        })
        .filter(|g| g.delta != 0)
        .max_by_key(|g| g.delta.abs());
    TeamRow {
        person: i.person.id,
        name: i.person.name.clone(),
        level: i.person.level.clone(),
        destination: i.destination.map(|d| d.statement.clone()),
        clarity: i.destination.map(|d| clarity::check(&d.statement).verdict),
        days_since_evidence: i
            .evidence
            .iter()
            .map(|e| e.date)
            .max()
            .map(|d| (i.today - d).num_days()),
        largest_gap,
        target: i.readiness.target.clone(),
        readiness: i.readiness.overall,
        overdue: i
            .conversations
            .iter()
            .flat_map(|(_, k)| k)
            .filter(|k| k.overdue(i.today))
            .count(),
        signal: i.signal.raised,
    }
}

/// How the team view can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By name.
    Name,
    /// Longest since the last evidence first (none at all first).
    Quiet,
    /// Largest self/manager gap first.
    Gap,
    /// Furthest from ready first.
    Readiness,
    /// Most overdue commitments first, raised signals before others.
    Attention,
}

impl std::str::FromStr for SortKey {
    type Err = crate::Invalid;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "" | "name" => Ok(Self::Name),
            "quiet" => Ok(Self::Quiet),
            "gap" => Ok(Self::Gap),
            "readiness" => Ok(Self::Readiness),
            "attention" => Ok(Self::Attention),
            other => Err(crate::Invalid::new(
                "sort",
                format!("'{other}' is not a sort; use name, quiet, gap, readiness or attention"),
            )),
        }
    }
}

/// Sorts rows; ties stay in name order.
pub fn sort(rows: &mut [TeamRow], key: SortKey) {
    rows.sort_by_key(|r| r.name.to_lowercase());
    let rank = |o: Overall| match o {
        Overall::NotYet => 0,
        Overall::UsefulNotReady => 1,
        Overall::Ready => 2,
    };
    match key {
        SortKey::Name => {}
        SortKey::Quiet => {
            rows.sort_by_key(|r| Reverse(r.days_since_evidence.unwrap_or(i64::MAX)));
        }
        SortKey::Gap => {
            rows.sort_by_key(|r| Reverse(r.largest_gap.as_ref().map_or(0, |g| g.delta.abs())));
        }
        SortKey::Readiness => rows.sort_by_key(|r| rank(r.readiness)),
        SortKey::Attention => rows.sort_by_key(|r| (Reverse(r.signal), Reverse(r.overdue))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(
        name: &str,
        days: Option<i64>,
        gap: i32,
        readiness: Overall,
        overdue: usize,
        signal: bool,
    ) -> TeamRow {
        TeamRow {
            person: PersonId::new(),
            name: name.into(),
            level: "L3".parse().unwrap(),
            destination: None,
            clarity: None,
            days_since_evidence: days,
            largest_gap: (gap != 0).then(|| LargestGap {
                competency: "influence".parse().unwrap(),
                delta: gap,
            }),
            target: "L4".parse().unwrap(),
            readiness,
            overdue,
            signal,
        }
    }

    #[test]
    fn sorts_put_what_needs_attention_first() {
        let mut rows = vec![
            r("Cleo", Some(3), 1, Overall::Ready, 0, false),
            r("ada", None, -2, Overall::NotYet, 1, false),
            r("Bo", Some(40), 0, Overall::UsefulNotReady, 2, true),
        ];
        let names = |rows: &[TeamRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        sort(&mut rows, SortKey::Name);
        assert_eq!(names(&rows), ["ada", "Bo", "Cleo"]);
        sort(&mut rows, SortKey::Quiet);
        assert_eq!(names(&rows), ["ada", "Bo", "Cleo"]);
        sort(&mut rows, SortKey::Gap);
        assert_eq!(names(&rows), ["ada", "Cleo", "Bo"]);
        sort(&mut rows, SortKey::Readiness);
        assert_eq!(names(&rows), ["ada", "Bo", "Cleo"]);
        sort(&mut rows, SortKey::Attention);
        assert_eq!(names(&rows), ["Bo", "ada", "Cleo"]);
        assert!("loudest".parse::<SortKey>().is_err());
    }
}
