//! `cairn profile set`: change the profile, keeping what it said before.

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::id::LadderId;
use cairn_core::ladder::Ladder;
use cairn_core::person::{ProfileChange, ProfileEdit};

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::profile::Profile;

/// Change your profile. Each change is kept with its reason (`cairn profile history`).
///
/// Examples:
///   cairn profile set --level L4 --reason 'Promoted in the November cycle'
///   cairn profile set --add-email ada@newjob.example --github ada-l
///   cairn profile set --ladder acme --level E4 --reason 'Joined Acme'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Your name as it should be shown
    #[arg(long)]
    name: Option<String>,
    /// Your level now, such as L4
    #[arg(long, value_name = "LEVEL")]
    level: Option<String>,
    /// Move onto another stored ladder (its newest version; `cairn ladder list`)
    #[arg(long, value_name = "ID")]
    ladder: Option<String>,
    /// Every email you work under, replacing the list; repeat for each
    #[arg(long = "email", value_name = "EMAIL", conflicts_with = "add_emails")]
    emails: Vec<String>,
    /// An email to add to the list; repeat for each
    #[arg(long = "add-email", value_name = "EMAIL")]
    add_emails: Vec<String>,
    /// Your GitHub login ('' clears it)
    #[arg(long, value_name = "LOGIN")]
    github: Option<String>,
    /// Why it changed, kept in the history
    #[arg(long, default_value = "")]
    reason: String,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let ladder = match &args.ladder {
        Some(id) => stored_ladder(&profile, id).await?,
        None => (*profile.ladder).clone(),
    };
    let mut emails = None;
    if !args.emails.is_empty() {
        emails = Some(args.emails.clone());
    } else if !args.add_emails.is_empty() {
        let mut all = profile.me.emails.clone();
        all.extend(args.add_emails.iter().cloned());
        emails = Some(all);
    }
    let level = args
        .level
        .as_deref()
        .map(|l| {
            l.parse()
                .map_err(|e: Invalid| Invalid::new("--level", e.message))
        })
        .transpose()?;
    let change = ProfileEdit {
        name: args.name,
        level,
        emails,
        github: args.github,
    };
    for c in edit(&profile, &change, &ladder, &args.reason).await? {
        eprintln!("{}: {} → {}", c.field, shown(&c.from), shown(&c.to));
    }
    Ok(())
}

/// Applies `change` to the profile's owner on `ladder` and stores it with its history;
/// errors name the flag. Returns what changed.
pub async fn edit(
    profile: &Profile,
    change: &ProfileEdit,
    ladder: &Ladder,
    reason: &str,
) -> anyhow::Result<Vec<ProfileChange>> {
    let (after, changes) = change
        .apply(&profile.me, ladder, reason, now())
        .map_err(|e| {
            let flag = match e.field.split('[').next() {
                Some("emails") => "--email",
                Some("level") => "--level",
                Some("github") => "--github",
                Some("name") => "--name",
                Some("reason") => "--reason",
                _ => "profile set",
            };
            Invalid::new(flag, e.message)
        })?;
    profile.store.update_person(&after, &changes).await?;
    Ok(changes)
}

/// The newest stored version of ladder `id`.
async fn stored_ladder(profile: &Profile, id: &str) -> anyhow::Result<Ladder> {
    let id: LadderId = id
        .parse()
        .map_err(|e: Invalid| Invalid::new("--ladder", e.message))?;
    let stored = profile.store.ladders().await?;
    let Some(newest) = stored
        .iter()
        .filter(|l| l.id == id)
        .max_by_key(|l| l.version)
    else {
        let known: Vec<String> = stored.iter().map(|l| l.id.to_string()).collect();
        bad_input!(
            "--ladder: '{id}' is not stored (stored: {}); bring it in with `cairn ladder import FILE`",
            known.join(", ")
        );
    };
    Ok(newest.clone())
}

fn shown(value: &str) -> &str {
    if value.is_empty() { "none" } else { value }
}
