//! `cairn user add`: a person and their login on a team server.

use std::io::{self, BufRead, Write};

use cairn_core::Invalid;
use cairn_core::account::{Account, Role, check_password, login};
use cairn_core::dates::now;
use cairn_core::id::PersonId;
use cairn_core::ladder::builtin;
use cairn_core::person::Person;

use super::list::find;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Add a user to a team server: their profile and their login.
///
/// The password is read from standard input (one line), never from a flag.
/// Example: printf '%s\n' "$PASSWORD" | cairn --db postgres://… user add --name 'Ada Lovelace'
///          --email ada@work.example --level L3 --role engineer --manager grace@work.example
#[derive(Debug, clap::Args)]
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
    let store = cairn_store::create(&globals.config.location()).await?;
    let manager = match &args.manager {
        Some(m) => Some(find(store.as_ref(), m).await?.person),
        None => None,
    };
    let at = now();
    let person = Person {
        id: PersonId::new(),
        name: args.name.trim().to_owned(),
        emails: vec![login.clone()],
        ladder: ladder.reference(),
        level: args
            .level
            .parse()
            .map_err(|e: Invalid| Invalid::new("--level", e.message))?,
        manager,
        created_at: at,
        updated_at: at,
    };
    person
        .validate(&ladder)
        .map_err(|e| Invalid::new(format!("--{}", e.field), e.message))?;
    let hash = cairn_web::password::hash(password).map_err(anyhow::Error::msg)?;
    let account = Account {
        person: person.id,
        login,
        password_hash: hash,
        role,
        created_at: at,
        updated_at: at,
    };
    store.add_user(&ladder, &person, &account).await?;
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
