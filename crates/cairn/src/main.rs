//! `cairn`: the command line over Cairn's core and store.
//!
//! The binary is glue. It reads flags and config, does the file and terminal I/O, and hands
//! values to `cairn-core` and `cairn-store`. Data goes to stdout, messages to stderr. `main`
//! prints the whole error chain and sets the exit code: 2 for bad input (a wrong flag, an
//! unknown id, a broken file), 1 for failures, 0 when a reader closed the pipe early.

mod cli;
mod commands;
mod config;
mod failure;
mod handle;
mod output;
mod paint;
mod profile;
mod remote;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Commands do one thing at a time; the server does many, on every core.
    let mut builder = if cli.serves() {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cairn: error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let json = cli.wants_json();
    cli.colour().apply();
    match runtime.block_on(cli.run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if failure::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if json => {
            eprintln!("{}", failure::as_json(&error));
            ExitCode::from(failure::exit_code(&error))
        }
        Err(error) => {
            anstream::eprintln!("{} {error}", paint::error());
            for cause in error.chain().skip(1) {
                anstream::eprintln!("  caused by: {cause}");
            }
            ExitCode::from(failure::exit_code(&error))
        }
    }
}
