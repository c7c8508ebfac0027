//! `cairn login`: get a token for a team server and keep it for `--remote`.

use std::io::{self, BufRead, Write};

use reqwest::Method;
use serde_json::json;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::remote::{Client, Credential, Credentials, Remotes};

/// Log in to a team server: the server issues a personal access token, kept in
/// credentials.toml in your config folder (readable by you alone) for `--remote NAME`.
///
/// With --email, the password is read from standard input (one line); with --token, a
/// token made on your profile page is checked and kept instead. Logging in again replaces
/// the kept token.
///
/// Examples:
///   cairn remote add work https://cairn.acme.example
///   printf '%s\n' "$PASSWORD" | cairn login work --email ada@acme.example
///   cairn login work --token cairn_0123…
///   cairn login work --email ada@acme.example --scope read --expires 30
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The remote's name (`cairn remote add`)
    remote: String,
    /// Your login on the server (the password comes from standard input)
    #[arg(long, conflicts_with = "token", required_unless_present = "token")]
    email: Option<String>,
    /// A token you made on the server instead
    #[arg(long)]
    token: Option<String>,
    /// What the new token may do: read or write
    #[arg(long, default_value = "write")]
    scope: String,
    /// Days until the new token expires (default: never)
    #[arg(long, value_name = "DAYS")]
    expires: Option<u32>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let remotes = Remotes::load()?;
    let url = remotes.get(&args.remote)?.url.clone();
    let (token, email) = if let Some(token) = args.token {
        let client = Client::new(&args.remote, &url, Some(token.trim().to_owned()));
        let me: serde_json::Value = client.get("/me").await?;
        (
            token.trim().to_owned(),
            me["email"].as_str().unwrap_or_default().to_owned(),
        )
    } else {
        let email = args.email.unwrap_or_default();
        let mut password = String::new();
        io::stdin().lock().read_line(&mut password)?;
        let password = password.trim_end_matches(['\n', '\r']);
        if password.is_empty() {
            bad_input!(
                "no password on standard input; pipe it in: printf '%s\\n' \"$PASSWORD\" | cairn login …"
            );
        }
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "cairn".into());
        let mut body = json!({"email": email, "password": password, "name": format!("cli on {host}"), "scope": args.scope});
        if let Some(days) = args.expires {
            body["expires_in_days"] = json!(days);
        }
        let client = Client::new(&args.remote, &url, None);
        let made = client.call(Method::POST, "/login", Some(&body)).await?;
        let token = made["token"].as_str().unwrap_or_default().to_owned();
        if token.is_empty() {
            bad_input!("{} answered the login without a token", args.remote);
        }
        (
            token,
            made["person"]["email"]
                .as_str()
                .unwrap_or(&email)
                .to_owned(),
        )
    };
    let mut credentials = Credentials::load()?;
    credentials.logins.insert(
        args.remote.clone(),
        Credential {
            token,
            email: email.clone(),
        },
    );
    credentials.save()?;
    if globals.json {
        let mut out = io::stdout().lock();
        output::json(
            &mut out,
            &json!({"remote": args.remote, "url": url, "email": email}),
        )?;
        out.flush()?;
    }
    eprintln!(
        "Logged in to '{}' as {email}; the token is kept in {}.",
        args.remote,
        Credentials::path().display()
    );
    Ok(())
}
