//! `cairn man`: the manual page, generated from the command definitions.

use std::path::PathBuf;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;

/// Print the manual page for `cairn` (roff, for `man`), or write one page per command
/// into a directory.
///
/// Examples:
///   cairn man | man -l -
///   cairn man --dir ~/.local/share/man/man1 && man cairn-goal-set
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write cairn.1 and a page per subcommand (cairn-goal-set.1, …) into this directory
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let command = Cli::command();
    match &args.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the pages into {}", dir.display()))?;
            eprintln!("Wrote the manual pages into {}.", dir.display());
        }
        None => clap_mangen::Man::new(command).render(&mut std::io::stdout().lock())?,
    }
    Ok(())
}
