//! `cairn user audit`: the audit log of a team server.

use std::io::Write;

use crate::cli::Globals;
use crate::output;

/// Show the audit log, newest first: logins and failed ones, sign-ons, admin changes,
/// tokens, and what the directory did, with who, when and from where. It holds no one's
/// record.
///
/// Examples:
///   cairn user audit
///   cairn user audit --limit 1000 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// How many entries
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = globals.open(&globals.config.location()).await?;
    let entries = store.audit_log(args.limit).await?;
    let mut out = std::io::stdout().lock();
    if globals.json {
        output::json(&mut out, &entries)?;
    } else {
        for e in &entries {
            writeln!(
                out,
                "{}  {:<16} {:<28} {}  ({})",
                e.at.format("%Y-%m-%d %H:%M:%S"),
                e.action,
                e.actor_login,
                e.subject,
                e.address
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
