//! `cairn goal reached` and `cairn goal drop`: how a destination ends.

use cairn_core::dates::now;
use cairn_core::destination::{DestinationChange, DestinationEvent, DestinationStatus};
use cairn_core::id::DestinationEventId;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::profile::Profile;

/// Mark your current destination reached (or dropped), with a reason.
///
/// Examples:
///   cairn goal reached --reason 'Promoted to Senior in the November cycle'
///   cairn goal drop --reason 'Moving teams; will set a new one after the first month'
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What happened
    #[arg(long, default_value = "")]
    reason: String,
}

/// How the destination ended.
#[derive(Debug, Clone, Copy)]
pub enum End {
    Reached,
    Dropped,
}

pub async fn run(args: Args, globals: &Globals, end: End) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let Some(mut d) = profile
        .store
        .destinations(profile.me.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active)
    else {
        bad_input!("goal: there is no current destination to end");
    };
    let (status, change) = match end {
        End::Reached => (DestinationStatus::Reached, DestinationChange::Reached),
        End::Dropped => (DestinationStatus::Dropped, DestinationChange::Dropped),
    };
    d.status = status;
    d.updated_at = now().max(d.updated_at + chrono::Duration::microseconds(1));
    let event = DestinationEvent {
        id: DestinationEventId::new(),
        destination: d.id,
        owner: profile.me.id,
        change,
        statement: d.statement.clone(),
        reason: args.reason,
        at: d.updated_at,
    };
    profile.store.set_destination(&d, &event).await?;
    eprintln!("Destination {change}: {}", d.statement);
    Ok(())
}
