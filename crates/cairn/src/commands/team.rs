//! `cairn team`: a manager's reports at a glance, on a team server.

use std::io::{self, Write};

use cairn_core::dates::today;
use cairn_core::team::{SortKey, TeamRow, sort};

use crate::cli::Globals;
use crate::commands::user::find;
use crate::output;
use crate::remote::{Client, query_value};

/// A manager's direct reports at a glance, from what each shared: destination and its
/// clarity, days since the last shared evidence, the largest self/manager gap, readiness,
/// overdue commitments, and raised signals.
///
/// Examples:
///   cairn team --manager grace@work.example
///   cairn team --remote work --sort attention       # yours, through the server's API
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The manager's login, reading the team server's store at --db
    #[arg(long, required_unless_present = "remote", conflicts_with = "remote")]
    manager: Option<String>,
    /// name, quiet, gap, readiness or attention
    #[arg(long, default_value = "name")]
    sort: String,
    /// Your own team, on a team server you logged in to (`cairn login NAME`)
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let key: SortKey = args.sort.parse()?;
    let (rows, manager): (Vec<TeamRow>, String) = match (&args.remote, &args.manager) {
        (Some(remote), _) => {
            let client = Client::connect(remote)?;
            let rows = client
                .get(&format!("/team?sort={}", query_value(&args.sort)))
                .await?;
            (rows, format!("you on {remote}"))
        }
        (None, Some(login)) => {
            let store = globals.open(&globals.config.location()).await?;
            let manager = find(store.as_ref(), login).await?;
            let mut rows = cairn_store::team(store.as_ref(), manager.person, today()).await?;
            sort(&mut rows, key);
            (rows, login.clone())
        }
        (None, None) => {
            crate::failure::bad_input!("say whose team: --manager EMAIL or --remote NAME")
        }
    };
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else if rows.is_empty() {
        writeln!(
            out,
            "No one reports to {manager} (`cairn user set-manager` sets reporting lines)."
        )?;
    } else {
        for r in &rows {
            let quiet = r
                .days_since_evidence
                .map_or("none shared".to_owned(), |d| format!("{d} days"));
            let gap = r.largest_gap.as_ref().map_or("—".to_owned(), |g| {
                format!("{} {:+}", g.competency, g.delta)
            });
            let destination = match (&r.destination, r.clarity) {
                (Some(d), Some(c)) => format!("{d} ({c})"),
                _ => "not shared".to_owned(),
            };
            writeln!(out, "{}  {}", r.name, r.level)?;
            writeln!(out, "  destination: {destination}")?;
            writeln!(
                out,
                "  last evidence: {quiet}; largest gap: {gap}; readiness for {}: {}; overdue: {}; signal: {}",
                r.target,
                serde_json::to_value(r.readiness)?
                    .as_str()
                    .unwrap_or_default(),
                r.overdue,
                if r.signal { "RAISED" } else { "no" }
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
