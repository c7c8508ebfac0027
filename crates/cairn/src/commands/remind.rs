//! `cairn remind --ics`: the monthly review as a recurring calendar event.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use cairn_core::calendar::{Reminder, first_occurrence, ics};
use cairn_core::dates::{now, today};
use chrono::{NaiveTime, Weekday};

use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Write a calendar file with a monthly review event, to import into any calendar.
///
/// The event repeats on the last chosen weekday of every month (default Friday 16:00, 30
/// minutes) with a 15-minute alert. Importing the file again updates the same event. The
/// first review skips one that would fall between Christmas Eve and New Year's Day.
///
/// Examples:
///   cairn remind --ics -o cairn-review.ics
///   cairn remind --ics --weekday thu --at 09:30 > review.ics
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write an iCalendar (.ics) file (the only form so far)
    #[arg(long, required = true)]
    ics: bool,
    /// Where to write it (default: standard output)
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// The weekday whose last occurrence each month holds the review (mon..sun)
    #[arg(long, default_value = "fri")]
    weekday: String,
    /// The local start time (HH:MM)
    #[arg(long, default_value = "16:00", value_name = "HH:MM")]
    at: String,
    /// How long, in minutes
    #[arg(long, default_value_t = 30)]
    minutes: u32,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let Ok(weekday) = args.weekday.parse::<Weekday>() else {
        bad_input!(
            "--weekday: '{}' is not a weekday (mon, tue, ... sun)",
            args.weekday
        );
    };
    let start = NaiveTime::parse_from_str(&args.at, "%H:%M")
        .map_err(|_| BadInput(format!("--at: '{}' is not a time (HH:MM)", args.at)))?;
    if !(5..=480).contains(&args.minutes) {
        bad_input!("--minutes: {} is not between 5 and 480", args.minutes);
    }
    let reminder = Reminder {
        uid: format!("monthly-review-{}@cairn", profile.me.id),
        weekday,
        start,
        minutes: args.minutes,
    };
    let today = today();
    let text = ics(&reminder, today, now()).context("no date for the first review")?;
    let first = first_occurrence(today, weekday).context("no date for the first review")?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| BadInput(format!("cannot write {}: {e}", path.display())))?;
            if globals.json {
                let summary = serde_json::json!({"file": path, "first": first, "at": args.at});
                crate::output::json(&mut std::io::stdout().lock(), &summary)?;
            }
            eprintln!(
                "Wrote {}: the first review is {first} at {}; import it into your calendar.",
                path.display(),
                args.at
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}
