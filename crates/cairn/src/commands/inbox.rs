//! `cairn inbox`: imported work waiting to become evidence, grouped, with suggestions.

use std::io::{self, Write};

use cairn_core::dates::{now, today};
use cairn_core::id::CompetencyId;
use cairn_core::inbox::Group;
use cairn_core::text::count;

use super::evidence_flags::{self, VisibilityFlags, as_flag};
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::output;
use crate::profile::Profile;

/// Review imported work: each group is one candidate piece of evidence.
///
/// Imports (`cairn import git|github|jira|...`) land activities here, grouped by ticket
/// key, pull request, conventional-commit scope, or repository and week. Nothing becomes
/// evidence until you accept it. Examples:
///   cairn inbox
///   cairn inbox accept PAY-142 --skill delivery --level next --impact 'refunds 3x faster'
///   cairn inbox dismiss acme/billing@2026-W14
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Show at most this many groups, newest first (0 for all)
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Turn a group into evidence, with the suggested title, competencies and level unless
    /// you give your own
    Accept(AcceptArgs),
    /// Drop groups that are not evidence of anything
    Dismiss(DismissArgs),
}

#[derive(Debug, clap::Args)]
struct AcceptArgs {
    /// The group key, as `cairn inbox` shows it
    group: String,
    /// One line saying what you did (default: the suggested title)
    #[arg(long)]
    title: Option<String>,
    /// A competency it shows (repeat; default: the suggested ones)
    #[arg(long = "skill", value_name = "ID")]
    skills: Vec<String>,
    /// current or next (default: the suggested level)
    #[arg(long, value_name = "current|next")]
    level: Option<String>,
    /// The outcome: what changed because of it
    #[arg(long, default_value = "")]
    impact: String,
    /// The day it happened (default: the latest activity's day)
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
}

#[derive(Debug, clap::Args)]
struct DismissArgs {
    /// Group keys, as `cairn inbox` shows them
    #[arg(required = true)]
    groups: Vec<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let suggested = match (&args.action, args.limit) {
        (None, 0) => None,
        (None, n) => Some(n),
        (Some(_), _) => Some(0),
    };
    let groups =
        cairn_store::inbox(&*profile.store, &profile.me, &profile.ladder, suggested).await?;
    match args.action {
        None => list(&groups, args.limit, globals),
        Some(Action::Accept(accept)) => self::accept(&profile, &groups, accept, globals).await,
        Some(Action::Dismiss(dismiss)) => {
            for key in &dismiss.groups {
                find(&groups, key)?;
            }
            let mut settled = 0;
            for key in &dismiss.groups {
                settled += profile
                    .store
                    .settle_group(profile.me.id, key, None, now())
                    .await?;
            }
            eprintln!(
                "Dismissed {} ({}).",
                count(dismiss.groups.len() as u64, "group", "groups"),
                count(settled, "activity", "activities")
            );
            Ok(())
        }
    }
}

/// The group with this key, or an error naming the closest key.
fn find<'a>(groups: &'a [Group], key: &str) -> anyhow::Result<&'a Group> {
    if let Some(g) = groups.iter().find(|g| g.key == key) {
        return Ok(g);
    }
    let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
    match cairn_core::closest::closest(key, keys.iter().copied()) {
        Some(near) => bad_input!("no inbox group '{key}'; did you mean '{near}'?"),
        None if groups.is_empty() => {
            bad_input!("the inbox is empty; import with `cairn import git PATH`")
        }
        None => bad_input!("no inbox group '{key}'; `cairn inbox -n 0` lists them all"),
    }
}

fn list(groups: &[Group], limit: usize, globals: &Globals) -> anyhow::Result<()> {
    let shown = if limit == 0 {
        groups.len()
    } else {
        limit.min(groups.len())
    };
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &&groups[..shown])?;
        out.flush()?;
        return Ok(());
    }
    if groups.is_empty() {
        writeln!(
            out,
            "The inbox is empty. Import your work with `cairn import git PATH`."
        )?;
        return Ok(());
    }
    for g in &groups[..shown] {
        writeln!(
            out,
            "{}  {}  {} ({} {})",
            g.date,
            g.key,
            g.title,
            g.activities.len(),
            if g.activities.len() == 1 {
                "activity"
            } else {
                "activities"
            }
        )?;
        let suggested: Vec<String> = g
            .suggestions
            .iter()
            .map(|s| {
                format!(
                    "{} {:.2} ({})",
                    s.competency,
                    s.score,
                    s.words
                        .iter()
                        .take(3)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        if suggested.is_empty() {
            writeln!(
                out,
                "            suggests: no competency (tag it with --skill)"
            )?;
        } else {
            writeln!(
                out,
                "            suggests: {}; level {}",
                suggested.join("; "),
                g.level
            )?;
        }
    }
    out.flush()?;
    let activities: u64 = groups.iter().map(|g| g.activities.len() as u64).sum();
    eprintln!(
        "{shown} of {} ({}) waiting. Accept one with `cairn inbox accept KEY`, or dismiss it.",
        count(groups.len() as u64, "group", "groups"),
        count(activities, "activity", "activities")
    );
    Ok(())
}

async fn accept(
    profile: &Profile,
    groups: &[Group],
    args: AcceptArgs,
    globals: &Globals,
) -> anyhow::Result<()> {
    find(groups, &args.group)?;
    let group =
        cairn_store::inbox_group(&*profile.store, &profile.me, &profile.ladder, &args.group)
            .await?
            .ok_or_else(|| BadInput(format!("no inbox group '{}'", args.group)))?;
    let group = &group;
    let mut evidence = group.draft(profile.me.id, profile.ladder.reference(), now());
    if let Some(title) = &args.title {
        evidence.title = title.trim().to_owned();
    }
    if !args.skills.is_empty() {
        evidence.competencies = evidence_flags::skills(&profile.ladder, &args.skills)?;
    }
    if let Some(level) = &args.level {
        evidence.level = evidence_flags::level(level)?;
    }
    if let Some(date) = &args.date {
        evidence.date = evidence_flags::date(date)?;
    }
    evidence.impact = args.impact;
    if let Some(v) = args.visibility.chosen() {
        evidence.visibility = v;
    }
    evidence
        .validate(&profile.ladder, today())
        .map_err(|e| as_flag(e, "--title"))?;
    let settled = profile
        .store
        .settle_group(profile.me.id, &group.key, Some(&evidence), now())
        .await?;
    output::created(&evidence, globals.json)?;
    let tags: Vec<&str> = evidence
        .competencies
        .iter()
        .map(CompetencyId::as_str)
        .collect();
    eprintln!(
        "Accepted {} as {} {} ({}; {} level; from {}).",
        group.key,
        output::short_id(&evidence),
        evidence.title,
        if tags.is_empty() {
            "no competency".to_owned()
        } else {
            tags.join(", ")
        },
        evidence.level,
        count(settled, "activity", "activities")
    );
    Ok(())
}
