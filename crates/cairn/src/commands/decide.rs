//! `cairn decide`: record the call to push, wait or change environments.

use std::io::{self, Write};

use cairn_core::Invalid;
use cairn_core::dates::{now, parse_date, today};
use cairn_core::decision::{Choice, Context, Decision};
use cairn_core::id::DecisionId;
use cairn_core::signal;

use super::aim::{Aim, reading};
use super::evidence_flags::VisibilityFlags;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Record your decision: push for the destination here, wait, or change environments.
/// The readiness reading, the signal and the constraints in force today are kept with it,
/// and `review` and the dashboard remind you on the revisit date. Private unless --shared.
/// With no decision given, lists the decisions made so far.
///
/// Examples:
///   cairn decide wait --because 'Promotions are frozen until April' --revisit 2027-04-01
///   cairn decide change --because 'Three asks for a lead role produced nothing' --revisit 'in 3 months'
///   cairn decide
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// push, wait or change
    choice: Option<String>,
    /// Why, in your words
    #[arg(long, required_if_eq_any = [("choice", "push"), ("choice", "wait"), ("choice", "change")])]
    because: Option<String>,
    /// When to look at it again: a date, or 'in 3 months'
    #[arg(long, value_name = "DATE")]
    revisit: Option<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
    #[command(flatten)]
    aim: Aim,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let Some(choice) = &args.choice else {
        return list(&profile, globals).await;
    };
    let choice: Choice = choice
        .parse()
        .map_err(|e: Invalid| Invalid::new("CHOICE", e.message))?;
    let Some(revisit) = &args.revisit else {
        bad_input!(
            "--revisit: say when to look at this again, such as 2027-04-01 or 'in 3 months'"
        );
    };
    let day = today();
    let view = profile.view();
    let reading = reading(&profile, &view, &args.aim).await?.readiness;
    let store = profile.store.as_ref();
    let constraints = view.constraints(store).await?;
    let signal = view.signal(store, signal::WINDOW_MONTHS, day).await?;
    let at = now();
    let decision = Decision {
        id: DecisionId::new(),
        owner: profile.me.id,
        choice,
        because: args.because.unwrap_or_default().trim().to_owned(),
        decided_on: day,
        revisit: parse_date("--revisit", revisit, day)?,
        context: Context::new(&reading, &signal, &constraints, day),
        visibility: args.visibility.chosen().unwrap_or_default(),
        created_at: at,
        updated_at: at,
    };
    decision.validate().map_err(|e| match e.field.as_str() {
        "revisit" => Invalid::new("--revisit", e.message),
        _ => Invalid::new("--because", e.message),
    })?;
    profile.store.add_decision(&decision).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &decision)?;
    } else {
        writeln!(out, "{}", decision.id)?;
    }
    out.flush()?;
    eprintln!(
        "Decided {}; `cairn review` reminds you on {}.",
        decision.choice.phrase(),
        decision.revisit
    );
    Ok(())
}

/// Every decision, oldest first, with what was in force when it was made.
async fn list(profile: &Profile, globals: &Globals) -> anyhow::Result<()> {
    let all = profile.store.decisions(profile.me.id).await?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &all)?;
    } else if all.is_empty() {
        writeln!(
            out,
            "No decisions yet. Record one with `cairn decide push|wait|change --because TEXT --revisit DATE`."
        )?;
    } else {
        for d in &all {
            writeln!(
                out,
                "{}  {:<6} {}  (revisit {})",
                d.decided_on, d.choice, d.because, d.revisit
            )?;
            writeln!(out, "            readiness: {}", d.context.readiness)?;
            writeln!(out, "            signal: {}", d.context.signal)?;
            for c in &d.context.constraints {
                writeln!(out, "            constraint: {c}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
