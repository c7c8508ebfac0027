//! `cairn convo list`: conversations and their commitments.

use std::io::{self, Write};

use cairn_core::conversation::Outcome;
use cairn_core::dates::today;
use cairn_core::signal::clear_ask;
use serde_json::json;

use crate::cli::Globals;
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// List your growth conversations, oldest first, each with its commitments and their
/// outcome (overdue ones marked).
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let talks = profile.store.conversations(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        let shown: Vec<_> = talks
            .iter()
            .map(|(c, commitments)| json!({"conversation": c, "commitments": commitments, "clear_ask": clear_ask(&c.ask)}))
            .collect();
        output::json(&mut out, &shown)?;
    } else if talks.is_empty() {
        writeln!(
            out,
            "No conversations yet: `cairn convo add --date D --ask TEXT`."
        )?;
    } else {
        let day = today();
        for (c, commitments) in &talks {
            let vague = if clear_ask(&c.ask) {
                ""
            } else {
                " (vague ask)"
            };
            writeln!(
                out,
                "{}  {}  asked: {}{vague}",
                c.date,
                handle::short(&c.id),
                c.ask
            )?;
            if !c.response.is_empty() {
                writeln!(out, "            answer: {}", c.response)?;
            }
            for k in commitments {
                let due = k.due.map_or(String::new(), |d| format!(" by {d}"));
                let state = if k.overdue(day) {
                    "OVERDUE".to_owned()
                } else if k.outcome == Outcome::Open {
                    "open".to_owned()
                } else {
                    k.outcome.to_string()
                };
                writeln!(
                    out,
                    "            {}  {} ({}{due}): {state}",
                    handle::short(&k.id),
                    k.what,
                    k.who
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
