//! `cairn log`: record a piece of evidence in one line.

use cairn_core::dates::{now, today};
use cairn_core::evidence::{Evidence, LevelSignal, Source};
use cairn_core::id::EvidenceId;

use std::io::Write;

use super::evidence_flags::{self, VisibilityFlags, as_flag};
use crate::cli::Globals;
use crate::output;
use crate::profile::Profile;
use crate::remote::Client;

/// Log evidence: what you did, mapped to the ladder's competencies.
///
/// Prints the new entry's id. Examples:
///   cairn log 'Ran the Q3 incident review' --skill operations --skill influence --level next
///   cairn log 'Paired with Sam on the cache bug' --date yesterday --skill mentoring
///   cairn log 'Shipped search v2' --impact 'p99 down 40%' --link https://git.example/pr/812
///   cairn log 'Led the payments design review' --skill system-design --shared --remote work
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One line saying what you did
    title: String,
    /// More detail
    #[arg(long, default_value = "")]
    body: String,
    /// The day it happened (YYYY-MM-DD, today, yesterday)
    #[arg(long, default_value = "today")]
    date: String,
    /// A competency it shows (repeat for several; `cairn ladder show` lists them)
    #[arg(long = "skill", value_name = "ID")]
    skills: Vec<String>,
    /// Does it show your current level's expectation, or the next level's?
    #[arg(long, default_value = "current", value_name = "current|next")]
    level: String,
    /// The outcome: what changed because of it
    #[arg(long, default_value = "")]
    impact: String,
    /// A link to the work (repeat for several)
    #[arg(long = "link", value_name = "URL")]
    links: Vec<String>,
    /// An area tag such as backend, infra, people (repeat for several)
    #[arg(long = "area", value_name = "AREA")]
    areas: Vec<String>,
    #[command(flatten)]
    visibility: VisibilityFlags,
    /// Log it on a team server you logged in to (`cairn login NAME`) instead of your store
    #[arg(long, value_name = "NAME")]
    remote: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if let Some(remote) = &args.remote {
        return log_remotely(&args, remote, globals).await;
    }
    let profile = Profile::load(globals).await?;
    let at = now();
    let evidence = Evidence {
        id: EvidenceId::new(),
        owner: profile.me.id,
        date: evidence_flags::date(&args.date)?,
        title: args.title.trim().to_owned(),
        body: args.body,
        impact: args.impact,
        links: args.links,
        competencies: evidence_flags::skills(&profile.ladder, &args.skills)?,
        level: evidence_flags::level(&args.level)?,
        areas: args.areas,
        visibility: args.visibility.chosen().unwrap_or_default(),
        source: Source::Manual,
        ladder: profile.ladder.reference(),
        created_at: at,
        updated_at: at,
    };
    evidence
        .validate(&profile.ladder, today())
        .map_err(|e| as_flag(e, "TITLE"))?;
    profile.store.add_evidence(&evidence).await?;

    output::created(&evidence, globals.json)?;
    let next = if evidence.level == LevelSignal::Next {
        " (next level)"
    } else {
        ""
    };
    eprintln!(
        "Logged {} {}{next}.",
        output::short_id(&evidence),
        evidence.title
    );
    if evidence.competencies.is_empty() {
        let suggester =
            cairn_store::suggester(&*profile.store, profile.me.id, &profile.ladder).await?;
        let ranked = suggester.suggest(&format!("{} {}", evidence.title, evidence.body));
        let picks = cairn_core::inbox::pick(&ranked);
        let flags: Vec<String> = picks.iter().map(|c| format!("--skill {c}")).collect();
        if flags.is_empty() {
            eprintln!(
                "Tip: add --skill ID so it counts towards a competency (cairn edit {} --skill ...).",
                output::short_id(&evidence)
            );
        } else {
            let why = ranked[0].words.iter().take(3).cloned().collect::<Vec<_>>();
            eprintln!(
                "Suggested from its words ({}): cairn edit {} {}",
                why.join(", "),
                output::short_id(&evidence),
                flags.join(" ")
            );
        }
    }
    Ok(())
}

/// `--remote`: the same fields through the server's API, which checks them against your
/// ladder there; the date is read here, so "yesterday" means your yesterday.
async fn log_remotely(args: &Args, remote: &str, globals: &Globals) -> anyhow::Result<()> {
    let body = serde_json::json!({
        "title": args.title.trim(),
        "date": evidence_flags::date(&args.date)?.to_string(),
        "body": args.body,
        "impact": args.impact,
        "competencies": args.skills,
        "level": args.level,
        "links": args.links,
        "areas": args.areas,
        "visibility": args.visibility.chosen().unwrap_or_default().to_string(),
    });
    let client = Client::connect(remote)?;
    let made = client
        .call(reqwest::Method::POST, "/evidence", Some(&body))
        .await?;
    let id = made["id"].as_str().unwrap_or_default();
    let mut out = std::io::stdout().lock();
    if globals.json {
        output::json(&mut out, &made)?;
    } else {
        writeln!(out, "{id}")?;
    }
    out.flush()?;
    let short: String = id
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    eprintln!("Logged {short} {} on {remote}.", args.title.trim());
    Ok(())
}
