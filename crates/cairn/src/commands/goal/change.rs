//! `cairn goal reached` and `cairn goal drop`: how a destination ends.

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::destination::{
    Destination, DestinationChange, DestinationEvent, DestinationStatus,
};
use cairn_core::id::DestinationEventId;
use cairn_core::person::ProfileEdit;

use crate::cli::Globals;
use crate::commands::profile;
use crate::failure::bad_input;
use crate::profile::Profile;

/// Mark your current destination reached, with what happened. When it came with a new
/// level, --level moves your profile there in the same step (kept in `cairn profile
/// history`).
///
/// Examples:
///   cairn goal reached --reason 'Promoted to Senior in the November cycle' --level L4
///   cairn goal reached --reason 'Led the Q3 migration end to end'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Reached {
    /// What happened
    #[arg(long, default_value = "")]
    reason: String,
    /// Your level now, when reaching it moved you (default: leave the profile as it is)
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
}

/// Drop your current destination, saying why; its history is kept.
///
/// Example:
///   cairn goal drop --reason 'Moving teams; will set a new one after the first month'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Drop {
    /// Why
    #[arg(long, default_value = "")]
    reason: String,
}

pub async fn reached(args: Reached, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let level = args
        .level
        .as_deref()
        .map(|l| {
            l.parse()
                .map_err(|e: Invalid| Invalid::new("--level", e.message))
        })
        .transpose()?;
    if let Some(level) = &level {
        profile.ladder.require_level("--level", level)?;
    }
    let d = end(&profile, DestinationChange::Reached, &args.reason).await?;
    match level {
        Some(level) if level != profile.me.level => {
            let edit = ProfileEdit {
                level: Some(level.clone()),
                ..ProfileEdit::default()
            };
            let reason = if args.reason.is_empty() {
                format!("Reached: {}", d.statement)
            } else {
                args.reason.clone()
            };
            profile::edit(&profile, &edit, &profile.ladder, &reason).await?;
            eprintln!("Level: {} → {level}", profile.me.level);
        }
        Some(_) => {}
        None => {
            if let Some(target) = d.target_level.filter(|t| *t != profile.me.level) {
                eprintln!(
                    "Your profile still says {}. If you now hold {target}, run `cairn profile set --level {target} --reason '…'`.",
                    profile.me.level
                );
            }
        }
    }
    Ok(())
}

pub async fn drop(args: Drop, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    end(&profile, DestinationChange::Dropped, &args.reason).await?;
    Ok(())
}

/// Ends the active destination with `change`, recording `reason`; returns it as ended.
async fn end(
    profile: &Profile,
    change: DestinationChange,
    reason: &str,
) -> anyhow::Result<Destination> {
    let Some(mut d) = profile
        .store
        .destinations(profile.me.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active)
    else {
        bad_input!("goal: there is no current destination to end");
    };
    d.status = match change {
        DestinationChange::Dropped => DestinationStatus::Dropped,
        _ => DestinationStatus::Reached,
    };
    d.updated_at = now().max(d.updated_at + chrono::Duration::microseconds(1));
    let event = DestinationEvent {
        id: DestinationEventId::new(),
        destination: d.id,
        owner: profile.me.id,
        change,
        statement: d.statement.clone(),
        reason: reason.to_owned(),
        at: d.updated_at,
    };
    profile.store.set_destination(&d, &event).await?;
    eprintln!("Destination {change}: {}", d.statement);
    Ok(d)
}
