//! `cairn token create`: an admin makes a token for a user on the server's store.

use std::io::{self, Write};

use cairn_core::Invalid;
use cairn_core::access::Scope;
use cairn_web::accounts::{self, Actor, NewToken};
use serde_json::json;

use crate::cli::Globals;
use crate::commands::evidence_flags;
use crate::output;

/// Make a personal access token for a user, on the team server's store (`--db`).
///
/// The token is printed once, on standard output; only its hash is kept. A `scim` token
/// (an admin's) lets your identity provider provision accounts at /scim/v2.
///
/// Examples:
///   cairn --db postgres://… token create --user ada@acme.example --name ci --scope read --expires 2027-06-30
///   cairn --db postgres://… token create --user admin@acme.example --name okta --scope scim --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Whose token it is (their login)
    #[arg(long, value_name = "EMAIL")]
    user: String,
    /// What to call it
    #[arg(long)]
    name: String,
    /// read, write, or scim (an admin's, for provisioning)
    #[arg(long, default_value = "write")]
    scope: String,
    /// The day it stops working (YYYY-MM-DD; default: never)
    #[arg(long, value_name = "DATE")]
    expires: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let scope: Scope = args
        .scope
        .parse()
        .map_err(|e: Invalid| Invalid::new("--scope", e.message))?;
    let expires_at = match &args.expires {
        Some(day) => {
            let day =
                evidence_flags::date(day).map_err(|e| Invalid::new("--expires", e.to_string()))?;
            Some(
                day.and_hms_opt(0, 0, 0)
                    .map_or_else(cairn_core::dates::now, |t| t.and_utc()),
            )
        }
        None => None,
    };
    let store = globals.open(&globals.config.location()).await?;
    let account = crate::commands::user::find(store.as_ref(), &args.user).await?;
    let new = NewToken {
        name: &args.name,
        scope,
        expires_at,
    };
    let (token, secret) =
        accounts::create_token(store.as_ref(), account.person, &new, &Actor::command_line())
            .await
            .map_err(|e| match e {
                cairn_web::AppError::Invalid(i) => {
                    anyhow::Error::new(Invalid::new(format!("--{}", i.field), i.message))
                }
                other => anyhow::Error::new(other),
            })?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(
            &mut out,
            &json!({"token": secret, "id": token.id, "name": token.name, "scope": token.scope, "user": account.login,
                    "expires_at": token.expires_at.map(|e| e.to_rfc3339())}),
        )?;
    } else {
        writeln!(out, "{secret}")?;
    }
    out.flush()?;
    eprintln!(
        "Made token '{}' ({}) for {}. It is shown this once; keep it somewhere safe.",
        token.name, token.scope, account.login
    );
    Ok(())
}
