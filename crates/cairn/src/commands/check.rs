//! `cairn check`: is the store whole?

use std::io::Write;

use cairn_core::archive::Archive;
use cairn_core::dates::today;
use serde_json::json;

use crate::cli::Globals;
use crate::output;

/// Check the store: the database engine's own integrity checks, then every record read back
/// and checked as an archive import would check it (ids, references, ladders, rules).
/// Exits 1 and lists what is wrong when anything is. Run it after restoring a backup.
///
/// Examples:
///   cairn check
///   cairn --db postgres://cairn@db/cairn check --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let location = globals.config.location();
    let store = globals.open(&location).await?;
    let mut problems = store.integrity().await?;
    let mut records = 0;
    match store.export().await {
        Ok(archive) => match Archive::parse(&archive.to_json(), today()) {
            Ok(checked) => {
                records = checked.ladders.len()
                    + checked.people.len()
                    + checked.destinations.len()
                    + checked.destination_events.len()
                    + checked.evidence.len()
                    + checked.rounds.len()
                    + checked.assessments.len()
                    + checked.activities.len()
                    + checked.reps.len()
                    + checked.conversations.len()
                    + checked.commitments.len()
                    + checked.constraints.len();
            }
            Err(e) => problems.push(format!("the records do not check: {e}")),
        },
        Err(e) => problems.push(format!("a record does not read: {e}")),
    }
    if globals.json {
        let shown = json!({"ok": problems.is_empty(), "records": records, "problems": problems});
        let mut out = std::io::stdout().lock();
        output::json(&mut out, &shown)?;
        out.flush()?;
    }
    if problems.is_empty() {
        eprintln!("{location}: ok, {records} records checked.");
        Ok(())
    } else {
        for p in &problems {
            eprintln!("{location}: {p}");
        }
        anyhow::bail!("{location} has {} problem(s)", problems.len())
    }
}
