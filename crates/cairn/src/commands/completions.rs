//! `cairn completions`: shell completion scripts, generated from the command definitions.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Print a completion script for your shell.
///
/// Examples:
///   cairn completions bash > ~/.local/share/bash-completion/completions/cairn
///   cairn completions zsh > "${fpath[1]}/_cairn"
///   cairn completions fish > ~/.config/fish/completions/cairn.fish
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    shell: Shell,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let mut command = Cli::command();
    // Generated whole first: the generator panics on a write error, and a reader that
    // closes the pipe early (`| head`) is not one.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "cairn", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
