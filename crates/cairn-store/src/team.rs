//! The manager's team view, read from the store: for each direct report, only what they
//! shared, and their rounds as the manager may see them, turned into a row by
//! `cairn_core::team::row`.

use cairn_core::Visibility;
use cairn_core::assessment::Assessor;
use cairn_core::calibration::{self, Reader};
use cairn_core::destination::DestinationStatus;
use cairn_core::evidence::EvidenceQuery;
use cairn_core::id::PersonId;
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_core::readiness;
use cairn_core::signal;
use cairn_core::team::{self, TeamRow};
use cairn_core::voice::Voice;
use chrono::{Months, NaiveDate};
use futures_util::{StreamExt, TryStreamExt, stream};

use crate::{Result, Store, assessment_history};

/// How many reports are read at once: the PostgreSQL pool holds eight connections.
const AT_ONCE: usize = 8;

/// The readiness window of the team view, in months.
const WINDOW_MONTHS: u32 = 12;

/// One row per direct report of `manager`, in name order, from what each shared. Reports
/// are read several at a time, each through its own connection.
pub async fn team(store: &dyn Store, manager: PersonId, today: NaiveDate) -> Result<Vec<TeamRow>> {
    let reports = store.reports(manager).await?;
    // Reports mostly share a ladder: each is read once.
    let mut ladders: Vec<Ladder> = Vec::new();
    let mut reports_on = Vec::with_capacity(reports.len());
    for person in reports {
        let at = match ladders.iter().position(|l| l.reference() == person.ladder) {
            Some(at) => at,
            None => {
                ladders.push(store.ladder(&person.ladder).await?);
                ladders.len() - 1
            }
        };
        reports_on.push((person, at));
    }
    let ladders = &ladders;
    let mut rows: Vec<TeamRow> =
        stream::iter(reports_on)
            .map(move |(person, at)| async move {
                report_row(store, &person, &ladders[at], today).await
            })
            .buffered(AT_ONCE)
            .try_collect::<Vec<Option<TeamRow>>>()
            .await?
            .into_iter()
            .flatten()
            .collect();
    team::sort(&mut rows, team::SortKey::Name);
    Ok(rows)
}

/// One report's row, or `None` when their ladder has no level to aim for.
async fn report_row(
    store: &dyn Store,
    person: &Person,
    ladder: &Ladder,
    today: NaiveDate,
) -> Result<Option<TeamRow>> {
    let shared = |v: Visibility| v == Visibility::Shared;
    let destination = store
        .destinations(person.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active && shared(d.visibility));
    // Readiness reads only the window, and the row only the latest date: older evidence
    // is read (one entry of it) only when the window holds none.
    let shared_evidence = |since: Option<NaiveDate>, limit: Option<u32>| EvidenceQuery {
        owner: Some(person.id),
        shared_only: true,
        since,
        limit,
        ..EvidenceQuery::default()
    };
    let start = today.checked_sub_months(Months::new(WINDOW_MONTHS));
    let mut evidence = store.list_evidence(&shared_evidence(start, None)).await?;
    if evidence.is_empty() {
        evidence = store.list_evidence(&shared_evidence(None, Some(1))).await?;
    }
    let history = assessment_history(store, person.id).await?;
    let views = calibration::round_views(
        &history.rounds,
        &history.ladders,
        &history.entries,
        Reader::Side(Assessor::Manager),
    );
    let target = calibration::target_level(
        ladder,
        &person.level,
        destination.as_ref().and_then(|d| d.target_level.as_ref()),
    );
    let calibration = calibration::compute(&views, target.as_ref(), Voice::Manager(&person.name));
    let Some(target) = target else {
        return Ok(None);
    };
    let reps: Vec<_> = store
        .reps(person.id)
        .await?
        .into_iter()
        .filter(|r| shared(r.visibility))
        .collect();
    let ready = readiness::assess(readiness::Inputs {
        ladder,
        current: &person.level,
        target: &target,
        destination: destination.as_ref(),
        calibration: &calibration,
        evidence: &evidence,
        reps: &reps,
        today,
        window_months: WINDOW_MONTHS,
        voice: Voice::Manager(&person.name),
    });
    let conversations: Vec<_> = store
        .conversations(person.id)
        .await?
        .into_iter()
        .filter(|(c, _)| shared(c.visibility))
        .collect();
    let constraints: Vec<_> = store
        .constraints(person.id)
        .await?
        .into_iter()
        .filter(|c| shared(c.visibility))
        .collect();
    let raised = signal::read(&conversations, &constraints, today, signal::WINDOW_MONTHS);
    Ok(Some(team::row(team::Inputs {
        person,
        destination: destination.as_ref(),
        evidence: &evidence,
        calibration: &calibration,
        readiness: &ready,
        conversations: &conversations,
        signal: &raised,
        today,
    })))
}
