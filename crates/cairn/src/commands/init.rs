//! `cairn init`: create a store and the profile it belongs to.

use std::io::{self, Write};

use anyhow::Context;
use cairn_core::Invalid;
use cairn_core::archive::Archive;
use cairn_core::dates::now;
use cairn_core::id::PersonId;
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use cairn_store::Location;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Create your store and profile: who you are and where you stand on a ladder.
///
/// Example: cairn init --name 'Ada Lovelace' --level L2 --email ada@work.example
/// --email ada@home.example
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Your name
    #[arg(long)]
    name: String,
    /// The career ladder to measure against (`cairn ladder list` shows them)
    #[arg(long, default_value = builtin::DEFAULT_LADDER)]
    ladder: String,
    /// Your current level on that ladder, such as L2 (`cairn ladder show` lists levels)
    #[arg(long)]
    level: String,
    /// An email you commit or work under; repeat for each (work, personal)
    #[arg(long = "email", value_name = "EMAIL")]
    emails: Vec<String>,
    /// Your GitHub login, so `cairn import github` tells your pull requests from your reviews
    #[arg(long, value_name = "LOGIN")]
    github: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let Some(ladder) = builtin::find(&args.ladder) else {
        let known: Vec<String> = builtin::all()
            .into_iter()
            .map(|l| l.id.to_string())
            .collect();
        bad_input!(
            "--ladder: '{}' is not a built-in ladder (ladders: {})",
            args.ladder,
            known.join(", ")
        );
    };
    let level = args
        .level
        .parse()
        .map_err(|e: Invalid| Invalid::new("--level", e.message))?;
    let at = now();
    let me = Person {
        id: PersonId::new(),
        name: args.name.trim().to_owned(),
        emails: args.emails,
        github: args.github,
        ladder: ladder.reference(),
        level,
        manager: None,
        created_at: at,
        updated_at: at,
    };
    // Everything is checked before the store is created, so a typo leaves no file behind.
    me.validate(&ladder).map_err(|e| {
        let flag = match e.field.split('[').next() {
            Some("emails") => "--email",
            Some("level") => "--level",
            _ => "--name",
        };
        Invalid::new(flag, e.message)
    })?;
    let location = globals.config.location();
    if let Location::Sqlite(path) = &location
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let store = globals.create(&location).await?;
    if let Some(owner) = store.owner().await? {
        let who = store.person(owner).await?;
        bad_input!(
            "{location} already has a profile ({}); use --db to start another store",
            who.name
        );
    }
    let archive = Archive::new(
        Some(me.id),
        vec![ladder.clone()],
        vec![me.clone()],
        vec![],
        vec![],
        vec![],
    );
    store.import(&archive).await?;

    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &me)?;
    }
    let title = ladder.level(&me.level).map_or("", |l| l.title.as_str());
    eprintln!(
        "Created {location} for {} ({title}, {}, on {}).",
        me.name, me.level, ladder.name
    );
    eprintln!(
        "Next: cairn log 'What you did' --skill {}",
        ladder.competencies[0].id
    );
    out.flush()?;
    Ok(())
}
