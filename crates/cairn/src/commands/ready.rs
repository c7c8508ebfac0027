//! `cairn ready`: readiness for the target level, said plainly.

use std::io::{self, Write};

use cairn_core::Invalid;
use cairn_core::id::LevelId;
use cairn_core::readiness::{Inputs, Readiness, Verdict, assess};

use super::evidence_flags::today;
use super::gap::calibration;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Are you ready for the target level? Per competency: what it expects, your manager's
/// latest view and yours, and your next-level evidence in the window; a verdict with its
/// reason; and overall ready, useful-not-ready, or not yet, said as a good manager would.
///
/// The target is --target, else your destination's target level, else the level above
/// yours. Examples:
///   cairn ready
///   cairn ready --target L4 --window 18
///   cairn ready --json | jq .overall
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    aim: Aim,
}

/// `--target` and `--window`, shared by everything that judges readiness.
#[derive(Debug, clap::Args)]
pub struct Aim {
    /// The level to judge against (default: the destination's target, else the next level)
    #[arg(long, value_name = "LEVEL")]
    target: Option<String>,
    /// Months of evidence to weigh (recent work weighs more)
    #[arg(long, default_value_t = 12, value_name = "MONTHS")]
    window: u32,
}

/// Readiness of the profile's owner against `--target` (else the destination's target,
/// else the next level) over `--window` months.
pub async fn readiness(profile: &Profile, aim: &Aim) -> anyhow::Result<Readiness> {
    let window = aim.window;
    if !(1..=60).contains(&window) {
        bad_input!("--window: give 1 to 60 months, not {window}");
    }
    let chosen = match &aim.target {
        Some(text) => {
            let level: LevelId = text
                .parse()
                .map_err(|e: Invalid| Invalid::new("--target", e.message))?;
            profile.ladder.require_level("--target", &level)?;
            Some(level)
        }
        None => None,
    };
    let calibration = calibration(profile, chosen).await?;
    let Some(target) = calibration.target.clone() else {
        bad_input!("your ladder has no level to aim for");
    };
    let evidence = profile.all_evidence().await?;
    let reps = profile.store.reps(profile.me.id).await?;
    Ok(assess(Inputs {
        ladder: &profile.ladder,
        target: &target,
        calibration: &calibration,
        evidence: &evidence,
        reps: &reps,
        today: today(),
        window_months: window,
    }))
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let r = readiness(&profile, &args.aim).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &r)?;
    } else {
        print(&mut out, &r)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, r: &Readiness) -> io::Result<()> {
    let overall = match r.overall {
        cairn_core::readiness::Overall::Ready => "ready",
        cairn_core::readiness::Overall::UsefulNotReady => "useful, not yet ready",
        cairn_core::readiness::Overall::NotYet => "not yet",
    };
    writeln!(out, "Readiness for {}: {overall}\n", r.target)?;
    let show = |l: &Option<LevelId>| l.as_ref().map_or("—".to_owned(), ToString::to_string);
    for c in &r.competencies {
        let mark = match c.verdict {
            Verdict::Ready => "ready",
            Verdict::Emerging => "emerging",
            Verdict::NotYet => "not yet",
        };
        writeln!(
            out,
            "{:<18} {:<9} manager {:<3} self {:<3} next-level {}",
            c.competency.as_str(),
            mark,
            show(&c.manager),
            show(&c.own),
            c.evidence.len()
        )?;
        writeln!(out, "  expects: {}", c.expectation)?;
        writeln!(out, "  why: {}", c.reason)?;
    }
    if !r.focus.is_empty() {
        writeln!(out, "\nReps that close the most of the gap:")?;
        for p in &r.focus {
            writeln!(out, "  {}  ({})", p.rep.title, p.note)?;
        }
    }
    writeln!(out, "\n{}", r.summary)
}
