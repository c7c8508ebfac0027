//! `cairn user add`: a person and their login on a team server.

use std::io::{self, BufRead, Write};

use cairn_core::Invalid;
use cairn_core::account::{NewUser, Role, check_password, login};
use cairn_core::ladder::builtin;
use cairn_web::accounts::{self, Actor};

use super::list::find;
use crate::cli::Globals;
use crate::failure::{bad_input, from_web};
use crate::output;

/// Add a user to a team server: their profile and their login.
///
/// The password is read from standard input (one line), never from a flag.
///
/// Example: printf '%s\n' "$PASSWORD" | cairn --db postgres://… user add --name 'Ada Lovelace'
///          --email ada@work.example --level L3 --role engineer --manager grace@work.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Their name
    #[arg(long)]
    name: String,
    /// Their login, an email address
    #[arg(long)]
    email: String,
    /// Their level on the built-in software-engineer ladder
    #[arg(long)]
    level: String,
    /// engineer, manager or admin
    #[arg(long, default_value = "engineer")]
    role: String,
    /// Their manager's login
    #[arg(long, value_name = "EMAIL")]
    manager: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let login = login(&args.email).map_err(|e| Invalid::new("--email", e.message))?;
    let role: Role = args
        .role
        .parse()
        .map_err(|e: Invalid| Invalid::new("--role", e.message))?;
    let mut password = String::new();
    io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\n', '\r']);
    check_password(&login, password).map_err(|e| Invalid::new("password (stdin)", e.message))?;
    let Some(ladder) = builtin::find(builtin::DEFAULT_LADDER) else {
        bad_input!("the built-in ladder is missing");
    };
    let store = globals.create(&globals.config.location()).await?;
    let manager = match &args.manager {
        Some(m) => Some(find(store.as_ref(), m).await?.person),
        None => None,
    };
    let user = NewUser {
        name: &args.name,
        login: &login,
        level: &args.level,
        role,
        manager,
    };
    let (person, account) = accounts::add_user(
        store.as_ref(),
        &ladder,
        &user,
        Some(password),
        &Actor::command_line(),
    )
    .await
    .map_err(|e| match e {
        cairn_web::AppError::Invalid(e) => {
            let flag = if e.field == "login" {
                "email"
            } else {
                e.field.as_str()
            };
            anyhow::Error::new(Invalid::new(format!("--{flag}"), e.message))
        }
        other => from_web(other),
    })?;
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(
            &mut out,
            &serde_json::json!({"id": person.id, "login": account.login, "role": role}),
        )?;
    }
    out.flush()?;
    eprintln!("Added {} <{}> as {role}.", person.name, account.login);
    Ok(())
}
