//! `cairn user list`: every account, with role and manager.

use std::collections::HashMap;
use std::io::{self, Write};

use cairn_core::account::Account;
use cairn_store::{Store, StoreError};
use serde::Serialize;

use crate::cli::Globals;
use crate::output;

/// List the team server's accounts.
///
/// Example: cairn user list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Row {
    id: String,
    name: String,
    login: String,
    role: String,
    level: String,
    manager: Option<String>,
}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = globals.open(&globals.config.location()).await?;
    let people: HashMap<_, _> = store
        .people()
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let accounts = store.accounts().await?;
    let login_of: HashMap<_, _> = accounts
        .iter()
        .map(|a| (a.person, a.login.clone()))
        .collect();
    let rows: Vec<Row> = accounts
        .iter()
        .filter_map(|a| {
            let p = people.get(&a.person)?;
            Some(Row {
                id: p.id.to_string(),
                name: p.name.clone(),
                login: a.login.clone(),
                role: a.role.to_string(),
                level: p.level.to_string(),
                manager: p.manager.and_then(|m| login_of.get(&m).cloned()),
            })
        })
        .collect();
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else {
        for r in &rows {
            let manager = r
                .manager
                .as_deref()
                .map(|m| format!(", reports to {m}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{:<28} {:<20} {:<9} {}{manager}",
                r.login, r.name, r.role, r.level
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The account with this login, or a not-found error naming it.
pub async fn find(store: &dyn Store, login: &str) -> Result<Account, StoreError> {
    let login = login.trim().to_lowercase();
    store.account(&login).await?.ok_or(StoreError::NotFound {
        what: "account",
        id: login,
    })
}
