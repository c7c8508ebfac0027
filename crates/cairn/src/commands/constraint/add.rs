//! `cairn constraint add`: record a limit on what can be offered.

use cairn_core::Invalid;
use cairn_core::constraint::{Constraint, ConstraintKind};
use cairn_core::dates::{now, parse_date, today};
use cairn_core::id::ConstraintId;

use crate::cli::Globals;
use crate::commands::evidence_flags::VisibilityFlags;
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Record a constraint: what the organisation cannot offer now, and for how long.
///
/// Examples:
///   cairn constraint add --kind level_movement 'Promotions frozen until the next fiscal year' --until 2027-03-31
///   cairn constraint add --kind budget 'No conference budget this half' --since 2026-07-01 --shared
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The limit, in plain words
    description: String,
    /// headcount, level_movement, budget or other
    #[arg(long, default_value = "other")]
    kind: String,
    /// From when it applies (default today)
    #[arg(long, default_value = "today")]
    since: String,
    /// Until when, if known
    #[arg(long)]
    until: Option<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let at = now();
    let constraint = Constraint {
        id: ConstraintId::new(),
        owner: profile.me.id,
        recorded_by: profile.me.id,
        kind: args
            .kind
            .parse::<ConstraintKind>()
            .map_err(|e| Invalid::new("--kind", e.message))?,
        description: args.description.trim().to_owned(),
        since: parse_date("--since", &args.since, today())?,
        until: args
            .until
            .as_deref()
            .map(|u| parse_date("--until", u, today()))
            .transpose()?,
        visibility: args.visibility.chosen().unwrap_or_default(),
        created_at: at,
        updated_at: at,
    };
    constraint.validate().map_err(|e| match e.field.as_str() {
        "until" => Invalid::new("--until", e.message),
        _ => Invalid::new("DESCRIPTION", e.message),
    })?;
    profile.store.add_constraint(&constraint).await?;
    if globals.json {
        output::json(&mut std::io::stdout().lock(), &constraint)?;
    } else {
        println!("{}", constraint.id);
    }
    eprintln!(
        "Recorded constraint {} ({}).",
        handle::short(&constraint.id),
        constraint.kind.words()
    );
    Ok(())
}
