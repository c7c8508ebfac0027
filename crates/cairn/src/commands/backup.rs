//! `cairn backup`: a consistent copy of a SQLite store, taken while it is in use.

use std::path::PathBuf;

use crate::cli::Globals;

/// Copy the whole store to a new SQLite file, safely even while `cairn serve` or another
/// command is writing (SQLite's VACUUM INTO). The copy is a store of its own: open it with
/// `--db FILE`, check it with `cairn --db FILE check`. A plain file copy is also whole once
/// every cairn process has exited, but this is the way that never depends on it.
///
/// Examples:
///   cairn backup ~/backups/cairn-2026-12-01.db
///   cairn --db ~/backups/cairn-2026-12-01.db check
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The new file to write (it must not exist)
    file: PathBuf,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let location = globals.config.location();
    let store = globals.open(&location).await?;
    store.backup(&args.file).await?;
    eprintln!("Backed up {location} to {}.", args.file.display());
    Ok(())
}
