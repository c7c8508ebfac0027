//! `cairn rep set`: move a rep along (active, done, dropped).

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::rep::RepStatus;

use crate::cli::Globals;
use crate::handle;
use crate::profile::Profile;

/// Change a rep's status: candidate, active, done or dropped.
///
/// Example: cairn rep set 3f9a0c12 --status active
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The rep's handle from `cairn rep list`
    id: String,
    /// candidate, active, done or dropped
    #[arg(long)]
    status: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let status: RepStatus = args
        .status
        .parse()
        .map_err(|e: Invalid| Invalid::new("--status", e.message))?;
    let reps = profile.store.reps(profile.me.id).await?;
    let mut rep = handle::find(&args.id, &reps, |r| r.id.to_string(), "rep")?.clone();
    rep.status = status;
    rep.updated_at = now().max(rep.updated_at + chrono::Duration::microseconds(1));
    profile.store.put_rep(&rep).await?;
    eprintln!(
        "Rep {} {} is now {status}.",
        handle::short(&rep.id),
        rep.title
    );
    Ok(())
}
