//! `cairn ready`: readiness for the target level, said plainly.

use std::io::{self, Write};

use cairn_core::id::LevelId;
use cairn_core::readiness::{Readiness, Role};

use super::aim::{Aim, reading};
use super::on_server::OnServer;
use super::other_ladder::OtherLadder;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::paint;
use crate::profile::Profile;

/// Are you ready for the target level? Said as a good manager would: the verdict, your
/// strengths, the blocker that matters for your destination, and the next rep; then a table
/// of every competency (judged at the target when your destination leans on it, else held
/// at your current level; unrated is unknown), and what is in the way, most serious first.
///
/// The target is --target, else your destination's target level, else the level above
/// yours. Examples:
///   cairn ready
///   cairn ready --target L4 --window 18
///   cairn ready --json | jq .overall
///   cairn ready --remote work --person ada@acme.example    # a report's, as their manager
///   cairn ready --ladder ft-engineering --map to-ft.toml    # where you land on a new ladder
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    aim: Aim,
    #[command(flatten)]
    elsewhere: OtherLadder,
    #[command(flatten)]
    server: OnServer,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if args.elsewhere.asked() && args.server.client()?.is_some() {
        bad_input!("--ladder reads your own store; leave out --remote");
    }
    let r: Readiness = if let Some(client) = args.server.client()? {
        client
            .get(&args.server.path("/ready", &args.aim.params()))
            .await?
    } else {
        let profile = Profile::load(globals).await?;
        let view = args.elsewhere.view(&profile).await?;
        reading(&profile, &view, &args.aim).await?.readiness
    };
    let mut out = anstream::stdout().lock();
    if globals.json {
        output::json(&mut out, &r)?;
    } else {
        print(&mut out, &r)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, r: &Readiness) -> io::Result<()> {
    writeln!(
        out,
        "Readiness for {} (from {}): {}\n",
        r.target,
        r.current,
        paint::verdict(r.overall.words(), 0)
    )?;
    writeln!(out, "{}\n", r.summary)?;
    let show = |l: &Option<LevelId>| l.as_ref().map_or("—".to_owned(), ToString::to_string);
    let judged = |c: &cairn_core::readiness::CompetencyReadiness| match c.role {
        Role::Lever => format!("{} lever", c.needs),
        Role::Holds => format!("{} holds", c.needs),
    };
    // Columns as wide as what they hold: an imported ladder's ids can be long.
    let name = r
        .competencies
        .iter()
        .map(|c| c.competency.as_str().len())
        .fold(18, usize::max);
    let at = r
        .competencies
        .iter()
        .map(|c| judged(c).len())
        .fold(11, usize::max);
    let width = |pick: fn(&cairn_core::readiness::CompetencyReadiness) -> &Option<LevelId>,
                 least| {
        r.competencies
            .iter()
            .map(|c| show(pick(c)).chars().count())
            .fold(least, usize::max)
    };
    let (manager, own) = (width(|c| &c.manager, 7), width(|c| &c.own, 5));
    writeln!(
        out,
        "{:<name$} {:<at$} {:<9} {:<manager$} {:<own$} {} evidence",
        "competency", "judged at", "verdict", "manager", "self", r.target
    )?;
    for c in &r.competencies {
        writeln!(
            out,
            "{:<name$} {:<at$} {} {:<manager$} {:<own$} {}",
            c.competency.as_str(),
            judged(c),
            paint::verdict(c.verdict.words(), 9),
            show(&c.manager),
            show(&c.own),
            c.evidence.len()
        )?;
    }
    if !r.blockers.is_empty() {
        writeln!(out, "\nIn the way, most serious first:")?;
        for b in &r.blockers {
            writeln!(out, "  {:<name$} {}", b.competency.as_str(), b.reason)?;
        }
    }
    if !r.focus.is_empty() {
        writeln!(out, "\nReps that build the most toward {}:", r.target)?;
        for p in &r.focus {
            writeln!(out, "  {}  ({})", p.rep.title, p.note)?;
        }
    }
    Ok(())
}
