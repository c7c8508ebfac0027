//! `cairn import archive`: merge a Cairn archive into the store.

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use cairn_core::archive::Archive;
use cairn_core::dates::today;
use cairn_store::Location;

use crate::cli::Globals;
use crate::failure::BadInput;
use crate::output;

/// Merge an archive made by `cairn export` into the store, creating the store if needed.
///
/// Records are matched by id: new ones are added, newer copies replace older ones, and
/// nothing else changes, so importing the same archive twice is harmless. The whole file
/// is checked first and imported in one transaction: on any error nothing is written.
///
/// Example: cairn import archive cairn-2026-11-23.json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The archive file, or - for standard input
    file: PathBuf,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let shown = args.file.display().to_string();
    let text = if shown == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        text
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| BadInput(format!("cannot read {shown}: {e}")))?
    };
    let archive = Archive::parse(&text, today()).map_err(|e| BadInput(format!("{shown}: {e}")))?;

    let location = globals.config.location();
    if let Location::Sqlite(path) = &location
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let store = globals.create(&location).await?;
    let summary = store
        .import(&archive)
        .await
        .with_context(|| format!("importing {shown}"))?;
    if globals.json {
        output::json(&mut std::io::stdout().lock(), &summary)?;
    }
    eprintln!(
        "Imported {shown} into {location}: {} records written, {} already up to date.",
        summary.written, summary.unchanged
    );
    Ok(())
}
