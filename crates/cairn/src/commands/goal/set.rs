//! `cairn goal set`: write down (or change) where you are going.

use std::io::{self, Write};

use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::clarity::Verdict;
use cairn_core::dates::{now, parse_date, today};
use cairn_core::destination::{DestinationStatus, Setting};

use super::check::print;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Set your destination: the role, level or capability you want next, in concrete terms.
///
/// The statement is clarity-checked: a vague one is refused (with the questions that would
/// make it concrete) unless you pass --force. Setting it again records a revision, or a
/// pivot with --pivot; the history keeps every version.
///
/// Examples:
///   cairn goal set 'Become a senior engineer by June 2027 by leading the ledger migration, judged by two teams adopting the design' --target-level L3 --by 2027-06-30
///   cairn goal set 'Move into engineering management within a year by running the team retro and 1:1s for two reports' --pivot --reason 'I enjoy the people side more'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The destination, in your words
    #[arg(required = true, value_name = "TEXT")]
    words: Vec<String>,
    /// The ladder level it aims at
    #[arg(long, value_name = "LEVEL")]
    target_level: Option<String>,
    /// When you mean to get there (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    by: Option<String>,
    /// A rep you plan (repeat for several)
    #[arg(long = "rep", value_name = "TEXT")]
    reps: Vec<String>,
    /// What would count as evidence you got there
    #[arg(long, default_value = "")]
    evidence: String,
    /// This replaces your direction rather than sharpening it
    #[arg(long)]
    pivot: bool,
    /// Why it changed
    #[arg(long, default_value = "")]
    reason: String,
    /// Keep it even if the clarity check calls it vague
    #[arg(long)]
    force: bool,
    /// Share it with your manager chain on a team server
    #[arg(long)]
    shared: bool,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let statement = args.words.join(" ").trim().to_owned();
    let profile = Profile::load(globals).await?;
    let target_level = match &args.target_level {
        Some(l) => {
            let level = l
                .parse()
                .map_err(|e: Invalid| Invalid::new("--target-level", e.message))?;
            profile.ladder.require_level("--target-level", &level)?;
            Some(level)
        }
        None => None,
    };
    let horizon = args
        .by
        .as_deref()
        .map(|d| parse_date("--by", d, today()))
        .transpose()?;
    let current = profile
        .store
        .destinations(profile.me.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active);
    let setting = Setting {
        statement,
        target_level,
        horizon,
        reps: args.reps,
        evidence_criteria: args.evidence,
        pivot: args.pivot,
        reason: args.reason,
        visibility: if args.shared {
            Visibility::Shared
        } else {
            Visibility::Private
        },
    };
    let clarity = setting.clarity();
    if clarity.verdict == Verdict::Vague && !args.force {
        let mut err = io::stderr().lock();
        print(&mut err, &clarity)?;
        bad_input!(
            "goal: that destination is vague, so it was not saved; answer the questions above, or keep it anyway with --force"
        );
    }
    let (destination, event) = setting
        .apply(profile.me.id, current.as_ref(), now())
        .map_err(|e| Invalid::new(format!("--{}", e.field.replace('_', "-")), e.message))?;
    let change = event.change;
    profile.store.set_destination(&destination, &event).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(
            &mut out,
            &serde_json::json!({"destination": destination, "change": change, "clarity": clarity}),
        )?;
    }
    out.flush()?;
    eprintln!("Destination {change} ({}).", clarity.verdict);
    if !clarity.questions.is_empty() {
        eprintln!("To make it concrete:");
        for q in &clarity.questions {
            eprintln!("  ? {q}");
        }
    }
    Ok(())
}
