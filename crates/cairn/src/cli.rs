//! The top of the command line: global options and the subcommand to run.

use clap::Parser;

use crate::commands::Command;
use crate::config::Config;

const EXAMPLES: &str = "\
Examples:
  cairn demo                                   # a year of a believable engineer's record
  cairn init --name 'Ada Lovelace' --level L2 --email ada@work.example
  cairn log 'Led the checkout incident review' --skill operations --skill influence --level next
  cairn list --month 2026-05
  cairn search latency
  cairn export -o cairn-backup.json";

/// Cairn: own your career. Log evidence against your ladder, see where you stand, and take
/// the whole record with you.
#[derive(Debug, Parser)]
#[command(name = "cairn", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// The store: a SQLite file, or a postgres:// URL [default: cairn.db in the XDG data
    /// directory, e.g. ~/.local/share/cairn/cairn.db]
    #[arg(long, global = true, env = "CAIRN_DB", value_name = "PATH|URL")]
    db: Option<String>,

    /// Print JSON instead of text, for scripts
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

/// What every command may read besides its own arguments.
pub struct Globals {
    /// The layered configuration.
    pub config: Config,
    /// `--json` was given.
    pub json: bool,
}

impl Cli {
    /// True for `cairn serve`, which wants a multi-threaded runtime.
    pub fn serves(&self) -> bool {
        self.command.serves()
    }

    /// Loads the configuration and runs the chosen command.
    pub async fn run(self) -> anyhow::Result<()> {
        let globals = Globals {
            config: Config::load(self.db)?,
            json: self.json,
        };
        self.command.run(&globals).await
    }
}
