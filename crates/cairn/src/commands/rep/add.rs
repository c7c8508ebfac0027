//! `cairn rep add`: a candidate project or opportunity.

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::id::RepId;
use cairn_core::rep::{Exposure, Rep, RepStatus};

use crate::cli::Globals;
use crate::commands::evidence_flags::{self, VisibilityFlags};
use crate::handle;
use crate::output;
use crate::profile::Profile;

/// Record a rep: a project or opportunity, the competencies it would exercise, and how
/// visible it is. `cairn rep plan` ranks reps by how much of your gap they would close.
///
/// Examples:
///   cairn rep add 'Chair the Q3 architecture review' --skill influence --skill system-design --exposure high
///   cairn rep add 'Mentor the two new hires' --skill mentoring --status active
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What the work is
    title: String,
    /// A competency it would exercise (repeat; at least one)
    #[arg(long = "skill", value_name = "ID")]
    skills: Vec<String>,
    /// How visible it is: low (the team), medium (the wider group), high (leadership)
    #[arg(long, default_value = "medium")]
    exposure: String,
    /// candidate or active
    #[arg(long, default_value = "candidate")]
    status: String,
    /// More detail
    #[arg(long, default_value = "")]
    description: String,
    #[command(flatten)]
    visibility: VisibilityFlags,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let at = now();
    let rep = Rep {
        id: RepId::new(),
        owner: profile.me.id,
        title: args.title.trim().to_owned(),
        description: args.description,
        competencies: evidence_flags::skills(&profile.ladder, &args.skills)?,
        exposure: args
            .exposure
            .parse::<Exposure>()
            .map_err(|e| Invalid::new("--exposure", e.message))?,
        status: args
            .status
            .parse::<RepStatus>()
            .map_err(|e| Invalid::new("--status", e.message))?,
        visibility: args.visibility.chosen().unwrap_or_default(),
        created_at: at,
        updated_at: at,
    };
    rep.validate(&profile.ladder)
        .map_err(|e| match e.field.as_str() {
            "competencies" => Invalid::new("--skill", e.message),
            "title" => Invalid::new("TITLE", e.message),
            _ => e,
        })?;
    profile.store.put_rep(&rep).await?;
    if globals.json {
        output::json(&mut std::io::stdout().lock(), &rep)?;
    } else {
        println!("{}", rep.id);
    }
    eprintln!("Recorded rep {} {}.", handle::short(&rep.id), rep.title);
    Ok(())
}
