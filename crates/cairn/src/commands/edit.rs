//! `cairn edit`: change fields of a piece of evidence.

use std::io::{self, Write};

use cairn_core::dates::{now, today};

use super::evidence_flags::{self, VisibilityFlags, as_flag};
use super::show::find;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Change a piece of evidence. Only the fields you pass change; list flags (--skill,
/// --link, --area) replace the whole list.
///
/// Examples:
///   cairn edit 3f9a0c12 --level next --skill influence --skill delivery
///   cairn edit 3f9a0c12 --title 'Led the Q3 incident review' --shared
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The evidence's id or handle
    id: String,
    /// New title
    #[arg(long)]
    title: Option<String>,
    /// New body
    #[arg(long)]
    body: Option<String>,
    /// New date (YYYY-MM-DD, today, yesterday)
    #[arg(long)]
    date: Option<String>,
    /// Competencies, replacing the current ones (repeat for several)
    #[arg(long = "skill", value_name = "ID")]
    skills: Vec<String>,
    /// current or next
    #[arg(long, value_name = "current|next")]
    level: Option<String>,
    /// New impact
    #[arg(long)]
    impact: Option<String>,
    /// Links, replacing the current ones (repeat for several)
    #[arg(long = "link", value_name = "URL")]
    links: Vec<String>,
    /// Area tags, replacing the current ones (repeat for several)
    #[arg(long = "area", value_name = "AREA")]
    areas: Vec<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let before = find(&profile, &args.id).await?;
    let mut e = before.clone();
    if let Some(title) = args.title {
        e.title = title.trim().to_owned();
    }
    if let Some(body) = args.body {
        e.body = body;
    }
    if let Some(date) = &args.date {
        e.date = evidence_flags::date(date)?;
    }
    if !args.skills.is_empty() {
        // Editing re-pins the evidence to the profile's ladder, whose ids the flags name.
        e.competencies = evidence_flags::skills(&profile.ladder, &args.skills)?;
        e.ladder = profile.ladder.reference();
    }
    if let Some(level) = &args.level {
        e.level = evidence_flags::level(level)?;
    }
    if let Some(impact) = args.impact {
        e.impact = impact;
    }
    if !args.links.is_empty() {
        e.links = args.links;
    }
    if !args.areas.is_empty() {
        e.areas = args.areas;
    }
    if let Some(visibility) = args.visibility.chosen() {
        e.visibility = visibility;
    }
    if e == before {
        bad_input!(
            "edit: nothing to change (pass --title, --skill, --level, ...; see cairn edit --help)"
        );
    }
    let ladder = if e.ladder == profile.ladder.reference() {
        (*profile.ladder).clone()
    } else {
        profile.store.ladder(&e.ladder).await?
    };
    e.validate(&ladder, today())
        .map_err(|err| as_flag(err, "--title"))?;
    e.updated_at = now().max(before.updated_at + chrono::Duration::microseconds(1));
    profile.store.update_evidence(&e).await?;

    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &e)?;
    }
    out.flush()?;
    eprintln!("Updated {} {}.", output::short_id(&e), e.title);
    Ok(())
}
