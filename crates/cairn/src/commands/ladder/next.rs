//! `cairn ladder next`: what the next level adds, competency by competency.

use std::io::{self, BufWriter, Write};

use cairn_core::Invalid;
use cairn_core::id::LevelId;
use cairn_core::ladder::next::{NextLevel, next_level};
use cairn_core::ladder::{Ladder, builtin};

use super::show::open_existing;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Show what your level expects beside what the next level adds, with examples.
///
/// For each competency: what you do now, the step up, and work you could point at to show
/// it. Uses your profile's ladder and level; --level looks from another level.
/// Examples:
///   cairn ladder next
///   cairn ladder next --level L3
///   cairn ladder next --json | jq '.steps[] | {competency, next: .next.text}'
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Look from this level instead of your own
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let mine = match open_existing(globals).await? {
        Some(store) => match store.owner().await? {
            Some(owner) => {
                let me = store.person(owner).await?;
                Some((store.ladder(&me.ladder).await?, me.level))
            }
            None => None,
        },
        None => None,
    };
    let (ladder, level): (Ladder, LevelId) = match (mine, &args.level) {
        (mine, Some(level)) => {
            let level = level
                .parse()
                .map_err(|e: Invalid| Invalid::new("--level", e.message))?;
            let ladder = match mine {
                Some((ladder, _)) => ladder,
                None => builtin::find(builtin::DEFAULT_LADDER)
                    .ok_or_else(|| anyhow::anyhow!("the built-in ladder is missing"))?,
            };
            (ladder, level)
        }
        (Some(mine), None) => mine,
        (None, None) => bad_input!(
            "--level: there is no profile to take your level from; give --level LEVEL (or run `cairn init`)"
        ),
    };
    let step = next_level(&ladder, &level, "--level")?;
    let mut out = BufWriter::new(io::stdout().lock());
    if globals.json {
        output::json(&mut out, &step)?;
    } else {
        print(&mut out, &step)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, step: &NextLevel) -> io::Result<()> {
    let (from, to) = (&step.from, &step.to);
    writeln!(
        out,
        "From {} ({}) to {} ({})",
        from.title, from.id, to.title, to.id
    )?;
    if !to.summary.is_empty() {
        writeln!(out, "{}: {}", to.title, to.summary)?;
    }
    writeln!(
        out,
        "\nWhat good looks like at {}, competency by competency: what you do now, the step up, and work you could point at.",
        to.id
    )?;
    for s in &step.steps {
        writeln!(out, "\n{}", s.name)?;
        match &s.now {
            Some(now) => writeln!(out, "  Now ({}):  {}", now.level, now.text)?,
            None => writeln!(out, "  Now: not expected yet; it starts at {}.", to.id)?,
        }
        if let Some(next) = &s.next {
            writeln!(out, "  Next ({}): {}", next.level, next.text)?;
            if !next.examples.is_empty() {
                writeln!(out, "  What that looks like:")?;
                for example in &next.examples {
                    writeln!(out, "    - {example}")?;
                }
            }
        }
    }
    let new: Vec<&str> = step
        .steps
        .iter()
        .filter(|s| s.new_at_next)
        .map(|s| s.name.as_str())
        .collect();
    if !new.is_empty() {
        writeln!(out, "\nNew at {}: {}.", to.id, new.join(", "))?;
    }
    Ok(())
}
