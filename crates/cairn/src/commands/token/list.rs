//! `cairn token list`: tokens, never their secrets.

use std::io::{self, Write};

use cairn_core::dates::now;
use serde::{Deserialize, Serialize};

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::remote::Client;

/// List personal access tokens: your own on a server you logged in to (--remote), or a
/// user's on the server's store (--user, for admins with --db).
///
/// Examples:
///   cairn token list --remote work
///   cairn --db postgres://… token list --user ada@acme.example --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Your own tokens on this remote
    #[arg(long, conflicts_with = "user")]
    remote: Option<String>,
    /// A user's tokens, on the store at --db
    #[arg(long, value_name = "EMAIL")]
    user: Option<String>,
}

/// One token as listed: the API's shape, which the store's rows are put into too.
#[derive(Debug, Serialize, Deserialize)]
pub struct Row {
    id: String,
    name: String,
    scope: String,
    state: String,
    created_at: String,
    expires_at: Option<String>,
    last_used_at: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let rows: Vec<Row> = match (&args.remote, &args.user) {
        (Some(remote), _) => Client::connect(remote)?.get("/tokens").await?,
        (None, Some(user)) => {
            let store = globals.open(&globals.config.location()).await?;
            let account = crate::commands::user::find(store.as_ref(), user).await?;
            let now = now();
            store
                .tokens(account.person)
                .await?
                .into_iter()
                .rev()
                .map(|t| Row {
                    id: t.id.to_string(),
                    state: t.state(now).to_owned(),
                    name: t.name,
                    scope: t.scope.to_string(),
                    created_at: t.created_at.to_rfc3339(),
                    expires_at: t.expires_at.map(|e| e.to_rfc3339()),
                    last_used_at: t.last_used_at.map(|e| e.to_rfc3339()),
                })
                .collect()
        }
        (None, None) => {
            bad_input!("say whose tokens: --remote NAME (yours) or --user EMAIL (on --db)")
        }
    };
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else {
        for r in &rows {
            let day = |t: &Option<String>| {
                t.as_deref()
                    .map_or("never".to_owned(), |t| t.chars().take(10).collect())
            };
            writeln!(
                out,
                "{}  {:<20} {:<5} {:<8} made {}  expires {}  last used {}",
                r.id,
                r.name,
                r.scope,
                r.state,
                r.created_at.chars().take(10).collect::<String>(),
                day(&r.expires_at),
                day(&r.last_used_at)
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
