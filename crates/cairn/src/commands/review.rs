//! `cairn review`: the monthly review, and the one thing to do next.

use std::io::{self, Write};

use cairn_core::dates::{parse_month, today};
use cairn_core::id::CompetencyId;
use cairn_core::review::{Inputs, Review, review};
use cairn_core::text::count;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Review a month: what you logged, which competencies of your gap it touched and which it
/// did not, how long since your last entry, what waits in the inbox, and one nudge.
///
/// The gap is measured to your destination's target level (else the level above yours),
/// from your latest assessment round. Examples:
///   cairn review
///   cairn review --month 2026-10 --json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The month to review (YYYY-MM; default: this month)
    #[arg(long, value_name = "YYYY-MM")]
    month: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let today = today();
    let month = args
        .month
        .unwrap_or_else(|| today.format("%Y-%m").to_string());
    let bounds = parse_month("--month", &month)?;
    let calibration = profile
        .view()
        .calibration(profile.store.as_ref(), None)
        .await?;
    let evidence = profile.all_evidence().await?;
    let inbox = cairn_store::inbox(&*profile.store, &profile.me, &profile.ladder, Some(0)).await?;
    let waiting = inbox.iter().map(|g| g.activities.len()).sum();
    let decisions = profile.store.decisions(profile.me.id).await?;
    let result = review(Inputs {
        month: bounds,
        today,
        ladder: &profile.ladder,
        calibration: &calibration,
        evidence: &evidence,
        inbox: (inbox.len(), waiting),
        decisions: &decisions,
    });
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &result)?;
    } else {
        print(&mut out, &result)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, r: &Review) -> io::Result<()> {
    writeln!(out, "Review of {}", r.month)?;
    if let Some(revisit) = &r.revisit {
        writeln!(out, "\nTime to revisit: {revisit}")?;
        writeln!(
            out,
            "  Record what you decide now with `cairn decide push|wait|change --because TEXT --revisit DATE`."
        )?;
    }
    writeln!(
        out,
        "\nLogged: {}",
        count(r.logged.len() as u64, "entry", "entries")
    )?;
    for e in &r.logged {
        let tags: Vec<&str> = e.competencies.iter().map(CompetencyId::as_str).collect();
        writeln!(out, "  {}  {}  [{}]", e.date, e.title, tags.join(", "))?;
    }
    let target = r
        .target
        .as_ref()
        .map_or("the next level".to_owned(), ToString::to_string);
    writeln!(out, "\nGap to {target}:")?;
    if r.gap.is_empty() {
        writeln!(
            out,
            "  none: your latest assessment meets {target} everywhere"
        )?;
    }
    for g in &r.gap {
        let short = g
            .to_target
            .map_or(" (not rated yet)".to_owned(), |d| format!(" ({d} below)"));
        let got = if g.entries == 0 {
            "no evidence this month".to_owned()
        } else {
            format!(
                "{}, {} next-level",
                count(g.entries as u64, "entry", "entries"),
                g.next_level
            )
        };
        writeln!(out, "  {:<18} {got}{short}", g.competency.as_str())?;
    }
    match (r.last_entry, r.days_since_last_entry) {
        (Some(day), Some(days)) => writeln!(out, "\nLast entry: {day} ({days} days ago)")?,
        _ => writeln!(out, "\nLast entry: none yet")?,
    }
    writeln!(
        out,
        "Inbox: {} waiting ({})",
        count(r.inbox_groups as u64, "group", "groups"),
        count(r.inbox_activities as u64, "activity", "activities")
    )?;
    writeln!(out, "\nNext: {}", r.nudge)
}
