//! `cairn token revoke`: a token stops working at once, on every server.

use cairn_core::Invalid;
use cairn_core::id::TokenId;
use cairn_web::accounts::{self, Actor};
use reqwest::Method;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::remote::Client;

/// Revoke a personal access token: your own through a server (--remote), or a user's on
/// the server's store (--user, for admins with --db).
///
/// Examples:
///   cairn token revoke --remote work 0193a5c2-…
///   cairn --db postgres://… token revoke --user ada@acme.example 0193a5c2-…
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The token's id (`cairn token list` shows it)
    id: String,
    /// One of your own tokens on this remote
    #[arg(long, conflicts_with = "user")]
    remote: Option<String>,
    /// One of this user's tokens, on the store at --db
    #[arg(long, value_name = "EMAIL")]
    user: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let id: TokenId = args
        .id
        .trim()
        .parse()
        .map_err(|e: Invalid| Invalid::new("ID", e.message))?;
    match (&args.remote, &args.user) {
        (Some(remote), _) => {
            Client::connect(remote)?
                .call(Method::DELETE, &format!("/tokens/{id}"), None)
                .await?;
        }
        (None, Some(user)) => {
            let store = globals.open(&globals.config.location()).await?;
            let account = crate::commands::user::find(store.as_ref(), user).await?;
            accounts::revoke_token(store.as_ref(), account.person, id, &Actor::command_line())
                .await
                .map_err(|e| match e {
                    cairn_web::AppError::NotFound => {
                        anyhow::Error::new(Invalid::new("ID", format!("{user} has no token {id}")))
                    }
                    other => anyhow::Error::new(other),
                })?;
        }
        (None, None) => {
            bad_input!("say whose token: --remote NAME (yours) or --user EMAIL (on --db)")
        }
    }
    eprintln!("Revoked token {id}.");
    Ok(())
}
