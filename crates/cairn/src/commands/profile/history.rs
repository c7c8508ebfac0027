//! `cairn profile history`: every change to the profile, oldest first.

use std::io::{self, Write};

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show how your profile changed: levels, ladders, names, emails, GitHub login.
///
/// Example: cairn profile history
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let changes = profile.store.profile_changes(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &changes)?;
    } else if changes.is_empty() {
        writeln!(
            out,
            "No changes since `cairn init`. Change it with `cairn profile set`."
        )?;
    } else {
        let shown = |v: &str| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.to_owned()
            }
        };
        for c in &changes {
            writeln!(
                out,
                "{}  {:<7} {} → {}",
                c.at.date_naive(),
                c.field,
                shown(&c.from),
                shown(&c.to)
            )?;
            if !c.reason.is_empty() {
                writeln!(out, "            because: {}", c.reason)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
