//! `cairn packet`: the case for the target level, or the private coaching report, as
//! Markdown or self-contained HTML.

use std::io::Write;
use std::path::PathBuf;

use cairn_core::dates::today;

use super::aim::Aim;
use super::on_server::OnServer;
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Write your case for the target level: for a promotion committee or a new manager, in
/// the third person, with no coaching in it. It opens with a summary (Cairn's reading, or
/// your own with --summary), the impact your work had, your destination with its date and
/// criteria, each expectation of the target level with its best evidence (the ones your
/// destination leans on first), calibration, a timeline, and how your destination changed
/// (your reasons only with --with-reasons). With --coaching, write instead the private
/// coaching report: today's readiness addressed to you, what is in the way, the reps that
/// build the most, the signal and your decision. HTML is one self-contained file (inline
/// SVG, no scripts) that prints on A4; open it in a browser and print or save it as PDF.
///
/// Examples:
///   cairn packet -o case.md
///   cairn packet --format html -o case.html --summary-file my-summary.txt
///   cairn packet --coaching --format html -o coaching.html
///   cairn packet --remote work --person ada@acme.example --format html -o ada-case.html
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// md or html
    #[arg(long, default_value = "md")]
    format: String,
    /// Where to write it (default: standard output)
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Open the case with your own summary instead of Cairn's reading
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["summary_file", "coaching"])]
    summary: Option<String>,
    /// Open the case with the summary in this file
    #[arg(long, value_name = "FILE", conflicts_with = "coaching")]
    summary_file: Option<PathBuf>,
    /// Keep your reasons for each change of destination in the case
    #[arg(long, conflicts_with = "coaching")]
    with_reasons: bool,
    /// Write the private coaching report instead of the case
    #[arg(long, conflicts_with = "remote")]
    coaching: bool,
    #[command(flatten)]
    aim: Aim,
    #[command(flatten)]
    server: OnServer,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if !matches!(args.format.as_str(), "md" | "html") {
        bad_input!("--format: '{}' is not md or html", args.format);
    }
    let summary = match &args.summary_file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            BadInput(format!(
                "--summary-file: cannot read {}: {e}",
                path.display()
            ))
        })?,
        None => args.summary.clone().unwrap_or_default(),
    };
    let (text, what) = if let Some(client) = args.server.client()? {
        if !summary.is_empty() || args.with_reasons {
            bad_input!(
                "--summary and --with-reasons shape your own case in your store; leave them out with --remote"
            );
        }
        let mut params = args.aim.params().to_vec();
        params.push(("format", Some(args.format.clone())));
        let path = args.server.path("/packet", &params);
        (client.text(&path).await?, "case")
    } else {
        let profile = Profile::load(globals).await?;
        local(&profile, &args, &summary).await?
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| BadInput(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("Wrote {} ({what}, {}).", path.display(), args.format);
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The case or the coaching report from the local store, rendered, and which it is.
async fn local(
    profile: &Profile,
    args: &Args,
    summary: &str,
) -> anyhow::Result<(String, &'static str)> {
    Ok(if args.coaching {
        (coaching_report(profile, args).await?, "coaching report")
    } else {
        (case(profile, args, summary).await?, "case")
    })
}

/// The case, rendered.
async fn case(profile: &Profile, args: &Args, summary: &str) -> anyhow::Result<String> {
    let window = args.aim.window()?;
    let target = args.aim.target(&profile.ladder)?;
    let Some(built) = profile
        .view()
        .case(
            profile.store.as_ref(),
            target.as_ref(),
            window,
            today(),
            args.with_reasons,
        )
        .await?
    else {
        bad_input!("your ladder has no level to aim for");
    };
    let built = built.with_summary(summary);
    Ok(if args.format == "html" {
        cairn_web::packet::html(&built)?
    } else {
        built.markdown()
    })
}

/// The coaching report, rendered.
async fn coaching_report(profile: &Profile, args: &Args) -> anyhow::Result<String> {
    let window = args.aim.window()?;
    let target = args.aim.target(&profile.ladder)?;
    let Some(report) = profile
        .view()
        .coaching(profile.store.as_ref(), target.as_ref(), window, today())
        .await?
    else {
        bad_input!("your ladder has no level to aim for");
    };
    Ok(if args.format == "html" {
        cairn_web::packet::coaching_html(&report)?
    } else {
        report.markdown()
    })
}
