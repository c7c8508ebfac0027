//! The manager's team view, read from the store: for each direct report, only what they
//! shared, and their rounds as the manager may see them, turned into a row by
//! `cairn_core::team::row`.

use std::sync::Arc;

use cairn_core::id::PersonId;
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_core::readiness;
use cairn_core::signal;
use cairn_core::team::{self, TeamRow};
use chrono::NaiveDate;
use futures_util::{StreamExt, TryStreamExt, stream};

use crate::views::View;
use crate::{Result, Store};

/// How many reports are read at once: the PostgreSQL pool holds eight connections.
const AT_ONCE: usize = 8;

/// One row per direct report of `manager`, in name order, from what each shared. Reports
/// are read several at a time, each through its own connection.
pub async fn team(store: &dyn Store, manager: PersonId, today: NaiveDate) -> Result<Vec<TeamRow>> {
    let reports = store.reports(manager).await?;
    // Reports mostly share a ladder: each is read once.
    let mut ladders: Vec<Arc<Ladder>> = Vec::new();
    let mut reports_on = Vec::with_capacity(reports.len());
    for person in reports {
        let at = match ladders.iter().position(|l| l.reference() == person.ladder) {
            Some(at) => at,
            None => {
                ladders.push(Arc::new(store.ladder(&person.ladder).await?));
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
    ladder: &Arc<Ladder>,
    today: NaiveDate,
) -> Result<Option<TeamRow>> {
    let view = View::chain(person.clone(), Arc::clone(ladder));
    let Some(reading) = view
        .readiness(store, None, readiness::WINDOW_MONTHS, today)
        .await?
    else {
        return Ok(None);
    };
    // The row shows the latest date: older evidence is read (one entry of it) only when
    // the window holds none.
    let evidence = if reading.evidence.is_empty() {
        view.evidence(store, None, Some(1)).await?
    } else {
        reading.evidence
    };
    let conversations = view.conversations(store).await?;
    let constraints = view.constraints(store).await?;
    let raised = signal::read(
        &conversations,
        &constraints,
        today,
        signal::WINDOW_MONTHS,
        view.voice(),
    );
    Ok(Some(team::row(team::Inputs {
        person,
        destination: reading.destination.as_ref(),
        evidence: &evidence,
        calibration: &reading.calibration,
        readiness: &reading.readiness,
        conversations: &conversations,
        signal: &raised,
        today,
    })))
}
