//! `cairn goal show`: the current destination and how concrete it is.

use std::io::{self, Write};

use cairn_core::destination::DestinationStatus;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show your current destination, with its clarity check.
///
/// Example: cairn goal show --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let current = profile
        .store
        .destinations(profile.me.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active);
    let mut out = io::stdout().lock();
    match (current, globals.json) {
        (Some(d), true) => {
            let clarity = d.clarity();
            output::json(
                &mut out,
                &serde_json::json!({"destination": d, "clarity": clarity}),
            )?;
        }
        (None, true) => output::json(&mut out, &serde_json::Value::Null)?,
        (Some(d), false) => {
            writeln!(out, "{}", d.statement)?;
            if let Some(level) = &d.target_level {
                let title = profile
                    .ladder
                    .level(level)
                    .map(|l| l.title.as_str())
                    .unwrap_or_default();
                writeln!(out, "  target    {level} {title}")?;
            }
            if let Some(by) = d.horizon {
                writeln!(out, "  by        {by}")?;
            }
            for rep in &d.reps {
                writeln!(out, "  rep       {rep}")?;
            }
            if !d.evidence_criteria.is_empty() {
                writeln!(out, "  evidence  {}", d.evidence_criteria)?;
            }
            writeln!(out, "  since     {}", d.created_at.date_naive())?;
            writeln!(out)?;
            super::check::print(&mut out, &d.clarity())?;
        }
        (None, false) => {
            eprintln!("No destination yet. Try: cairn goal set 'Become a senior engineer by …'");
        }
    }
    out.flush()?;
    Ok(())
}
