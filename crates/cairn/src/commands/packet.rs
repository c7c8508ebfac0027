//! `cairn packet`: the promotion packet, as Markdown or self-contained HTML.

use std::io::Write;
use std::path::PathBuf;

use cairn_core::destination::DestinationStatus;
use cairn_core::packet::{Inputs, build};
use cairn_core::voice::Voice;

use super::evidence_flags::today;
use super::gap::calibration;
use super::ready::{Aim, readiness};
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Write your packet: destination, readiness, each expectation of the target level with
/// the evidence that meets it (dated, linked), calibration, a timeline, and how your
/// destination changed. HTML is one self-contained file (inline SVG, no scripts) that
/// prints well; open it in a browser and print or save it as PDF.
///
/// Examples:
///   cairn packet -o packet.md
///   cairn packet --format html -o packet.html --target L4
#[derive(Debug, clap::Args)]
pub struct Args {
    /// md or html
    #[arg(long, default_value = "md")]
    format: String,
    /// Where to write it (default: standard output)
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    aim: Aim,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if !matches!(args.format.as_str(), "md" | "html") {
        bad_input!("--format: '{}' is not md or html", args.format);
    }
    let profile = Profile::load(globals).await?;
    // The packet is handed to others: it speaks of the engineer in the third person.
    let voice = Voice::Committee(&profile.me.name);
    let ready = readiness(&profile, &args.aim, voice).await?;
    let calibration = calibration(&profile, Some(ready.target.clone()), voice).await?;
    let destination = profile
        .store
        .destinations(profile.me.id)
        .await?
        .into_iter()
        .find(|d| d.status == DestinationStatus::Active);
    let events = profile.store.destination_events(profile.me.id).await?;
    let evidence = profile.all_evidence().await?;
    let packet = build(Inputs {
        person: &profile.me,
        ladder: &profile.ladder,
        destination: destination.as_ref(),
        events: &events,
        evidence: &evidence,
        calibration: &calibration,
        readiness: &ready,
        today: today(),
    });
    let text = if args.format == "html" {
        cairn_web::packet::html(&packet)?
    } else {
        packet.markdown()
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| BadInput(format!("cannot write {}: {e}", path.display())))?;
            eprintln!(
                "Wrote {} ({} for {}).",
                path.display(),
                args.format,
                packet.readiness.target
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}
