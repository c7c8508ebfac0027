//! `cairn goal check`: is a goal statement concrete?

use std::io::{self, Write};

use cairn_core::clarity::{Clarity, check};

use crate::cli::Globals;
use crate::output;
use crate::paint;

/// Check whether a goal statement is concrete: a destination, an action, a horizon and
/// evidence. Prints the verdict, the words it found, and the question for each gap.
///
/// Examples:
///   cairn goal check 'I want to grow.'
///   cairn goal check --json 'Become a staff engineer by Q4 2027 by leading the event-bus migration, judged by three teams adopting it'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The goal statement
    #[arg(required = true, value_name = "TEXT")]
    words: Vec<String>,
}

pub fn run(args: &Args, globals: &Globals) -> anyhow::Result<()> {
    let clarity = check(&args.words.join(" "));
    let mut out = anstream::stdout().lock();
    if globals.json {
        output::json(&mut out, &clarity)?;
    } else {
        print(&mut out, &clarity)?;
    }
    out.flush()?;
    Ok(())
}

/// The verdict, each element with the words that showed it, and the questions.
pub fn print(out: &mut impl Write, c: &Clarity) -> io::Result<()> {
    writeln!(out, "{}", paint::verdict(c.verdict.as_str(), 0))?;
    let rows = [
        (
            "destination",
            c.elements.destination,
            &c.matched.destination,
        ),
        ("action", c.elements.action, &c.matched.action),
        ("horizon", c.elements.horizon, &c.matched.horizon),
        ("evidence", c.elements.evidence, &c.matched.evidence),
    ];
    for (name, present, words) in rows {
        let mark = if present { "✓" } else { "✗" };
        let shown: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        writeln!(out, "  {mark} {name:<12} {}", shown.join(", "))?;
    }
    for q in &c.questions {
        writeln!(out, "  ? {q}")?;
    }
    Ok(())
}
