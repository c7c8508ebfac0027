//! `cairn ladder next`: what the next level adds, competency by competency.

use std::io::{self, BufWriter, Write};

use cairn_core::Invalid;
use cairn_core::id::LevelId;
use cairn_core::ladder::Ladder;
use cairn_core::ladder::next::{NextLevel, next_level};

use super::print_expectation;
use super::show::{find, open_existing};
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Show what your level expects beside what the next level adds, with examples.
///
/// For each competency: what you do now, the step up, and work you could point at to show
/// it. Uses your profile's ladder and level; --level looks from another level, --ladder at
/// another ladder. Where the ladder branches into tracks, --track picks the path (else the
/// first track, and the others are named).
///
/// Examples:
///   cairn ladder next
///   cairn ladder next --level L3
///   cairn ladder next --ladder ft-engineering --level senior-1 --track people-manager
///   cairn ladder next --json | jq '.steps[] | {competency, next: .next.text}'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Look from this level instead of your own
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
    /// Along this track, where the ladder branches
    #[arg(long, value_name = "TRACK")]
    track: Option<String>,
    /// Another stored or built-in ladder than your profile's (needs --level)
    #[arg(long, value_name = "ID", requires = "level")]
    ladder: Option<String>,
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
            let ladder = match (&args.ladder, mine) {
                (Some(id), _) => find(id, &super::show::stored_ladders(globals).await?)?,
                (None, Some((ladder, _))) => ladder,
                (None, None) => find(cairn_core::ladder::builtin::DEFAULT_LADDER, &[])?,
            };
            (ladder, level)
        }
        (Some(mine), None) => mine,
        (None, None) => bad_input!(
            "--level: there is no profile to take your level from; give --level LEVEL (or run `cairn init`)"
        ),
    };
    let track = match &args.track {
        Some(track) => Some(ladder.parse_track("--track", track)?),
        None => None,
    };
    let step = next_level(&ladder, &level, track.as_ref(), "--level")?;
    let mut out = BufWriter::new(io::stdout().lock());
    if globals.json {
        output::json(&mut out, &step)?;
    } else {
        print(&mut out, &ladder, &step)?;
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, ladder: &Ladder, step: &NextLevel) -> io::Result<()> {
    let (from, to) = (&step.from, &step.to);
    writeln!(
        out,
        "From {} ({}) to {} ({})",
        from.title, from.id, to.title, to.id
    )?;
    if !to.summary.is_empty() {
        writeln!(out, "{}: {}", to.title, to.summary)?;
    }
    for other in &step.elsewhere {
        let track = other
            .tracks
            .first()
            .and_then(|t| ladder.track(t))
            .map(|t| format!("the {} track (--track {})", t.name, t.id))
            .unwrap_or_else(|| "another track".to_owned());
        writeln!(
            out,
            "The ladder branches here: on {track} the next level is {} ({}).",
            other.title, other.id
        )?;
    }
    writeln!(
        out,
        "\nWhat good looks like at {}, competency by competency: what you do now, the step up, and work you could point at.",
        to.id
    )?;
    for s in &step.steps {
        writeln!(out, "\n{}", s.name)?;
        match &s.now {
            Some(now) => {
                write!(out, "  Now ({}):  ", now.level)?;
                print_expectation(out, now, "    ")?;
            }
            None => writeln!(out, "  Now: not expected yet; it starts at {}.", to.id)?,
        }
        if let Some(next) = &s.next {
            write!(out, "  Next ({}): ", next.level)?;
            print_expectation(out, next, "    ")?;
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
