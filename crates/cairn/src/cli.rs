//! The top of the command line: global options and the subcommand to run.

use std::sync::{Arc, Mutex, PoisonError};

use cairn_store::{Location, Store};
use clap::Parser;

use crate::commands::Command;
use crate::config::Config;
use crate::paint::When;

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

    /// Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, global = true, value_enum, default_value_t = When::Auto, value_name = "WHEN")]
    color: When,

    #[command(subcommand)]
    command: Command,
}

/// What every command may read besides its own arguments.
pub struct Globals {
    /// The layered configuration.
    pub config: Config,
    /// `--json` was given.
    pub json: bool,
    /// The stores this run opened, closed when the command ends (see [`Globals::close`]).
    opened: Mutex<Vec<Arc<dyn Store>>>,
}

impl Globals {
    /// Opens an existing store; it is closed when the command ends.
    pub async fn open(&self, location: &Location) -> cairn_store::Result<Arc<dyn Store>> {
        let store = cairn_store::open(location).await?;
        self.keep(&store);
        Ok(store)
    }

    /// Opens a store, creating it if it does not exist; it is closed when the command ends.
    pub async fn create(&self, location: &Location) -> cairn_store::Result<Arc<dyn Store>> {
        let store = cairn_store::create(location).await?;
        self.keep(&store);
        Ok(store)
    }

    fn keep(&self, store: &Arc<dyn Store>) {
        self.opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Arc::clone(store));
    }

    /// Closes every store the command opened. A SQLite store folds its write-ahead log back
    /// into the file here, so a copy of the file made after the command is a whole backup.
    async fn close(&self) -> anyhow::Result<()> {
        let opened =
            std::mem::take(&mut *self.opened.lock().unwrap_or_else(PoisonError::into_inner));
        for store in opened {
            store.close().await?;
        }
        Ok(())
    }
}

impl Cli {
    /// True for `cairn serve`, which wants a multi-threaded runtime.
    pub fn serves(&self) -> bool {
        self.command.serves()
    }

    /// When to colour, from `--color`.
    pub fn colour(&self) -> When {
        self.color
    }

    /// True when `--json` was given: errors are printed as JSON too.
    pub fn wants_json(&self) -> bool {
        self.json
    }

    /// Loads the configuration and runs the chosen command.
    pub async fn run(self) -> anyhow::Result<()> {
        let globals = Globals {
            config: Config::load(self.db)?,
            json: self.json,
            opened: Mutex::new(Vec::new()),
        };
        let ran = self.command.run(&globals).await;
        let closed = globals.close().await;
        ran.and(closed)
            .map_err(|e| crate::failure::explain_store(e, &globals.config.db))
    }
}
