//! `cairn remote list`: the named team servers and who this command line is on each.

use std::io::Write;

use serde::Serialize;

use crate::cli::Globals;
use crate::output;
use crate::remote::{Credentials, Remotes};

/// List the named team servers, and the login each has a token for.
///
/// Example: cairn remote list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Row {
    name: String,
    url: String,
    login: Option<String>,
}

pub async fn run(_args: &Args, globals: &Globals) -> anyhow::Result<()> {
    let remotes = Remotes::load()?;
    let credentials = Credentials::load()?;
    let rows: Vec<Row> = remotes
        .remotes
        .iter()
        .map(|(name, r)| Row {
            name: name.clone(),
            url: r.url.clone(),
            login: credentials.logins.get(name).map(|c| c.email.clone()),
        })
        .collect();
    let mut out = std::io::stdout().lock();
    if globals.json {
        output::json(&mut out, &rows)?;
    } else if rows.is_empty() {
        eprintln!("No remotes yet; add one with `cairn remote add NAME URL`.");
    } else {
        for r in &rows {
            let login = r.login.as_deref().unwrap_or("not logged in");
            writeln!(out, "{:<12} {:<40} {login}", r.name, r.url)?;
        }
    }
    out.flush()?;
    Ok(())
}
