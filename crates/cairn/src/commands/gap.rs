//! `cairn gap`: your view beside your manager's and the target, per competency.

use std::io::{self, Write};

use cairn_core::Invalid;
use cairn_core::id::LevelId;

use cairn_core::calibration::Calibration;

use super::on_server::OnServer;
use super::other_ladder::OtherLadder;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Compare your view of your level with your manager's, and both with the target.
///
/// Per competency: your level, your manager's, the target's, the difference (yours minus
/// theirs, in levels) and its label: aligned, over-confident or under-confident. Then the
/// overall alignment, the trend across rounds, and what it means. The target is --target,
/// else your destination's target level, else the level above yours.
///
/// Examples:
///   cairn gap
///   cairn gap --target L4
///   cairn gap --json | jq '.[] | select(.label != "aligned")'
///   cairn gap --remote work --person ada@acme.example    # a report's, as their manager
///   cairn gap --ladder ft-engineering --map to-ft.toml    # your rounds read on a new ladder
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The level to measure the distance to
    #[arg(long, value_name = "LEVEL")]
    target: Option<String>,
    #[command(flatten)]
    elsewhere: OtherLadder,
    #[command(flatten)]
    server: OnServer,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if args.elsewhere.asked() && args.server.client()?.is_some() {
        bad_input!("--ladder reads your own store; leave out --remote");
    }
    let calibration: Calibration = if let Some(client) = args.server.client()? {
        let path = args.server.path("/gap", &[("target", args.target.clone())]);
        client.get(&path).await?
    } else {
        let profile = Profile::load(globals).await?;
        let view = args.elsewhere.view(&profile).await?;
        let chosen: Option<LevelId> = match &args.target {
            Some(level) => {
                let level: LevelId = level
                    .parse()
                    .map_err(|e: Invalid| Invalid::new("--target", e.message))?;
                view.ladder.require_level("--target", &level)?;
                Some(level)
            }
            None => None,
        };
        view.calibration(profile.store.as_ref(), chosen.as_ref())
            .await?
    };

    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &calibration.competencies)?;
        out.flush()?;
        return Ok(());
    }
    if let Some(round) = &calibration.round {
        let target = calibration
            .target
            .as_ref()
            .map_or("—".to_owned(), ToString::to_string);
        writeln!(out, "Round {round}, target {target}\n")?;
        let show = |l: &Option<LevelId>| l.as_ref().map_or("—".to_owned(), ToString::to_string);
        // Columns as wide as what they hold: an imported ladder's ids can be long.
        let rows = &calibration.competencies;
        let name = rows
            .iter()
            .map(|r| r.competency.as_str().len())
            .fold(18, usize::max);
        let level = rows
            .iter()
            .flat_map(|r| [&r.own, &r.manager, &r.target])
            .map(|l| show(l).chars().count())
            .fold(7, usize::max);
        writeln!(
            out,
            "{:<name$} {:>level$} {:>level$} {:>level$} {:>6}  label",
            "competency", "self", "manager", "target", "delta"
        )?;
        for row in rows {
            writeln!(
                out,
                "{:<name$} {:>level$} {:>level$} {:>level$} {:>6}  {}",
                row.competency.as_str(),
                show(&row.own),
                show(&row.manager),
                show(&row.target),
                row.delta_text(),
                row.label.map_or("", |l| l.as_str())
            )?;
        }
        if let Some(a) = calibration.alignment {
            writeln!(
                out,
                "\nAlignment: {}% ({} of {} competencies agree; mean difference {:+.1} levels)",
                a.percent, a.aligned, a.compared, a.mean_delta
            )?;
        }
        let trend: Vec<String> = calibration
            .trend
            .iter()
            .map(|p| match p.alignment {
                Some(a) => format!("{} {}%", p.round, a.percent),
                None => format!("{} (not both in)", p.round),
            })
            .collect();
        if trend.len() > 1 {
            writeln!(out, "Trend: {}", trend.join(" → "))?;
        }
        writeln!(out)?;
    }
    for line in &calibration.reading {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
