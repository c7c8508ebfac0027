//! `cairn profile show`: the profile as it stands.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show your profile.
///
/// Example: cairn profile show --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let me = &profile.me;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, me)?;
    } else {
        let title = profile
            .ladder
            .level(&me.level)
            .map(|l| format!(" ({})", l.title))
            .unwrap_or_default();
        let none = |empty: bool, text: String| if empty { "none".to_owned() } else { text };
        writeln!(out, "name    {}", me.name)?;
        writeln!(out, "level   {}{title}", me.level)?;
        writeln!(
            out,
            "ladder  {} ({} v{})",
            profile.ladder.name, me.ladder.id, me.ladder.version
        )?;
        writeln!(
            out,
            "emails  {}",
            none(me.emails.is_empty(), me.emails.join(", "))
        )?;
        writeln!(
            out,
            "github  {}",
            me.github.clone().unwrap_or_else(|| "none".into())
        )?;
    }
    out.flush()?;
    Ok(())
}
