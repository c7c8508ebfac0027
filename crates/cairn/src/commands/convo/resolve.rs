//! `cairn convo resolve`: what came of a commitment.

use cairn_core::Invalid;
use cairn_core::conversation::Outcome;
use cairn_core::dates::now;

use crate::cli::Globals;
use crate::failure::BadInput;
use crate::handle;
use crate::profile::Profile;

/// Record how a commitment turned out: delivered, dropped, or open again.
///
/// Example: cairn convo resolve 9c41d2aa --outcome delivered
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The commitment's handle from `cairn convo list`
    commitment: String,
    /// delivered, dropped or open
    #[arg(long)]
    outcome: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let outcome: Outcome = args
        .outcome
        .parse()
        .map_err(|e: Invalid| Invalid::new("--outcome", e.message))?;
    let profile = Profile::load(globals).await?;
    let talks = profile.store.conversations(profile.me.id).await?;
    let all: Vec<_> = talks.iter().flat_map(|(_, k)| k.iter().cloned()).collect();
    let found = match handle::find(&args.commitment, &all, |c| c.id.to_string(), "commitment") {
        Ok(found) => found,
        Err(not_one) => {
            // The conversation's handle instead of a commitment's: name the ones it holds.
            let typed = args.commitment.trim().to_ascii_lowercase();
            let talk = talks.iter().find(|(c, _)| {
                let id = c.id.to_string();
                typed.len() >= 4 && (id.starts_with(&typed) || id.ends_with(&typed))
            });
            return Err(match talk {
                Some((c, k)) if k.is_empty() => BadInput(format!(
                    "{typed} is the conversation of {}, which has no commitments to resolve",
                    c.date
                )),
                Some((c, k)) => BadInput(format!(
                    "{typed} is the conversation of {}; resolve one of its commitments: {}",
                    c.date,
                    k.iter()
                        .map(|k| format!("{} ({})", handle::short(&k.id), k.what))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                None => not_one,
            }
            .into());
        }
    };
    profile.store.set_outcome(found.id, outcome, now()).await?;
    eprintln!("{} ({}): {outcome}.", found.what, found.who);
    Ok(())
}
