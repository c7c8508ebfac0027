//! `cairn show`: one piece of evidence in full.

use std::io::{self, Write};

use cairn_core::evidence::Evidence;
use cairn_store::StoreError;

use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;

/// Show one piece of evidence in full.
///
/// ID is the handle `cairn list` shows, or any unique start or end of the full id.
///
/// Example: cairn show 3f9a0c12
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The evidence's id or handle
    id: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let evidence = find(&profile, &args.id).await?;
    let ladder = if evidence.ladder == profile.ladder.reference() {
        (*profile.ladder).clone()
    } else {
        profile.store.ladder(&evidence.ladder).await?
    };
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &evidence)?;
    } else {
        let from = profile
            .store
            .origin(cairn_core::sync::Kind::Evidence, evidence.id.uuid())
            .await?;
        output::evidence_detail(&mut out, &evidence, &ladder, from.as_ref())?;
    }
    out.flush()?;
    Ok(())
}

/// The profile owner's evidence with this id or handle. Someone else's evidence in the same
/// store is reported as not found, exactly like evidence that does not exist.
pub async fn find(profile: &Profile, id: &str) -> Result<Evidence, StoreError> {
    let id = profile.store.resolve_evidence(id).await?;
    let evidence = profile.store.evidence(id).await?;
    if evidence.owner == profile.me.id {
        Ok(evidence)
    } else {
        Err(StoreError::NotFound {
            what: "evidence",
            id: id.to_string(),
        })
    }
}
