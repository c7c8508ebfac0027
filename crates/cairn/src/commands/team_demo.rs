//! The demo team `cairn serve --team --demo` serves: a manager, Marta, with three reports
//! (Priya, ready for Senior; Sam, whose clear asks keep producing nothing; Jo, stalled), her
//! manager Dana as the skip-level, and Alex the admin. The records live in
//! `demo/team.json`, an archive dated as of the demo year's day and moved to today like it;
//! each person gets an account with one password, made up for this run and printed.

use std::sync::Arc;

use cairn_core::account::{Account, Role};
use cairn_core::dates::{now, today};
use cairn_store::{Location, Store};

use super::demo::{fresh, moved};
use crate::cli::Globals;

const TEAM: &str = include_str!("../../demo/team.json");

/// Each login, its role, and what to look at as that person.
const PEOPLE: [(&str, Role, &str); 6] = [
    (
        "marta@acme.example",
        Role::Manager,
        "the manager: start at /team",
    ),
    (
        "dana@acme.example",
        Role::Manager,
        "the skip-level, Marta's manager",
    ),
    ("priya@acme.example", Role::Engineer, "ready for Senior"),
    (
        "sam@acme.example",
        Role::Engineer,
        "asks keep producing nothing: the signal is raised",
    ),
    (
        "jo@acme.example",
        Role::Engineer,
        "stalled: nothing shared for months",
    ),
    ("alex@acme.example", Role::Admin, "the admin"),
];

/// Makes the demo team's store and accounts, and prints the logins.
pub async fn fill(globals: &Globals) -> anyhow::Result<(Location, Arc<dyn Store>)> {
    let (location, store) = fresh(globals, "team-demo.db").await?;
    let archive = moved(TEAM, today())?;
    store.import(&archive).await?;
    let password = cairn_web::session::new_token()[..20].to_owned();
    let hash = cairn_web::password::hash(&password).map_err(anyhow::Error::msg)?;
    let ladder = archive
        .ladders
        .first()
        .ok_or_else(|| anyhow::anyhow!("demo/team.json has no ladder"))?;
    eprintln!("Demo team logins (the password for all of them: {password}):");
    for (login, role, what) in PEOPLE {
        let Some(person) = archive
            .people
            .iter()
            .find(|p| p.emails.iter().any(|e| e == login))
        else {
            anyhow::bail!("demo/team.json has no one with the email {login}");
        };
        let account = Account {
            person: person.id,
            login: login.to_owned(),
            password_hash: hash.clone(),
            role,
            active: true,
            external_id: None,
            directory: None,
            removed_at: None,
            created_at: now(),
            updated_at: now(),
        };
        store.add_user(ladder, person, &account).await?;
        eprintln!("  {login:<22} {:<20} {what}", person.name);
    }
    Ok((location, store))
}
