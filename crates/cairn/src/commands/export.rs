//! `cairn export`: the whole store as one JSON archive.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::Globals;

/// Write everything in the store to one versioned JSON archive: your record, portable.
///
/// `cairn import archive FILE` reads it back into any store, merging by id.
///
/// Examples:
///   cairn export -o cairn-2026-11-23.json
///   cairn export | gzip > backup.json.gz
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write to this file instead of stdout (replaced atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let location = globals.config.location();
    let store = globals.open(&location).await?;
    let archive = store.export().await?;
    let text = archive.to_json();
    match &args.output {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            eprintln!(
                "Exported {} evidence, {} destinations and {} people to {}.",
                archive.evidence.len(),
                archive.destinations.len(),
                archive.people.len(),
                path.display()
            );
        }
        None => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

/// Writes beside the target and renames over it, so a crash never leaves half an archive.
/// A target that exists and is not a regular file (`/dev/null`, a pipe, a terminal) is
/// written to directly: renaming over it would replace the device with a file.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, bytes)
            .with_context(|| format!("cannot write {}", path.display()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    };
    write()
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
        .with_context(|| format!("cannot write {}", path.display()))
}
