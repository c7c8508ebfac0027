//! What every activity import ends with: one transaction into the store and one summary.

use std::io::Write;

use cairn_core::activity::Activity;
use cairn_core::evidence::Evidence;
use cairn_core::text::count;
use serde::Serialize;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// The summary of an import, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Activities not stored before.
    pub imported: u64,
    /// Activities already stored, left as they were.
    pub skipped: u64,
    /// Inbox groups the new activities fall into.
    pub groups: u64,
    /// Evidence added at once (imports with `--accept`).
    pub accepted: u64,
    /// Entries read but left out: other people's work, merges.
    pub ignored: u64,
}

/// Stores `activities` (and, for `--accept`, the `evidence` they point at) in one
/// transaction and prints the summary line, or the object with `--json`. `what` names one
/// and several of what was imported.
pub async fn land(
    profile: &Profile,
    what: (&str, &str),
    activities: &[Activity],
    evidence: &[Evidence],
    ignored: u64,
    globals: &Globals,
) -> anyhow::Result<()> {
    let done = profile.store.add_activities(activities, evidence).await?;
    let summary = Summary {
        imported: done.imported,
        skipped: done.skipped,
        groups: if evidence.is_empty() { done.groups } else { 0 },
        accepted: done.accepted,
        ignored,
    };
    if globals.json {
        let mut out = std::io::stdout().lock();
        output::json(&mut out, &summary)?;
        out.flush()?;
    }
    let noun = if summary.imported == 1 {
        what.0
    } else {
        what.1
    };
    let mut line = format!(
        "Imported {} new {noun} ({} already there",
        summary.imported, summary.skipped
    );
    if ignored > 0 {
        line.push_str(&format!(", {ignored} left out"));
    }
    line.push(')');
    if summary.accepted > 0 {
        line.push_str(&format!(": {} added as evidence.", summary.accepted));
        let untagged = evidence
            .iter()
            .filter(|e| e.competencies.is_empty())
            .count();
        if untagged > 0 {
            let verb = if untagged == 1 { "has" } else { "have" };
            line.push_str(&format!(
                " {untagged} {verb} no competency yet; `cairn suggest` helps tag them."
            ));
        }
    } else if summary.groups > 0 {
        line.push_str(&format!(
            " in {}; review them with `cairn inbox`.",
            count(summary.groups, "inbox group", "inbox groups")
        ));
    } else {
        line.push('.');
    }
    eprintln!("{line}");
    Ok(())
}
