//! `cairn ladder check`: every problem in ladder files, with file, line, column and field.

use std::io::{self, Write};
use std::path::PathBuf;

use cairn_core::ladder::import::{Format, LadderError, Options};
use serde::Serialize;

use super::parse_format;
use super::{problem_lines, read_ladder};
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;

/// Check ladder files without importing them: every problem, each with its place.
///
/// Each problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE, with a suggestion where one
/// is obvious (a mistyped level or field). What an import would only warn about (fields
/// Cairn has no use for, levels with nothing new) is printed as "warning:" lines, and
/// counts as a problem with --strict. Exits 2 when any file has a problem. The format is
/// told from the content unless --format names it.
///
/// Examples:
///   cairn ladder check ladders/platform.toml
///   cairn ladder check ft-engineering.yml monzo-backend.md
///   cairn ladder check levels.csv --format csv-wide --json
///   cairn ladder check monzo-mobile.md --strict
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder files (a folder of Markdown files is one ladder)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read the files as this format: toml, yaml, ft, monzo, csv-long, csv-wide, markdown or
    /// list
    #[arg(long)]
    format: Option<String>,
    /// Count what an import would only warn about as problems
    #[arg(long)]
    strict: bool,
}

/// One file's result.
#[derive(Serialize)]
struct Report {
    file: String,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<Format>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    problems: Vec<ProblemRow>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct ProblemRow {
    line: Option<usize>,
    column: Option<usize>,
    field: String,
    message: String,
}

pub fn run(args: &Args, globals: &Globals) -> anyhow::Result<()> {
    let format = parse_format(args.format.as_deref())?;
    let mut reports = Vec::new();
    let mut lines = Vec::new();
    for path in &args.files {
        let file = path.display().to_string();
        let options = Options {
            format,
            strict: args.strict,
        };
        match read_ladder(path, options)? {
            Ok(imported) => {
                let summary = format!(
                    "{file}: ok, read as {}: {}",
                    imported.format.describe(),
                    imported.ladder.size()
                );
                let warnings = problem_lines(
                    &file,
                    &LadderError {
                        problems: imported.warnings,
                    },
                );
                lines.push(summary.clone());
                lines.extend(warnings.iter().map(|w| format!("warning: {w}")));
                reports.push(Report {
                    file,
                    ok: true,
                    format: Some(imported.format),
                    summary: Some(summary),
                    problems: Vec::new(),
                    warnings,
                });
            }
            Err(error) => {
                lines.extend(problem_lines(&file, &error));
                reports.push(Report {
                    file,
                    ok: false,
                    format: None,
                    summary: None,
                    warnings: Vec::new(),
                    problems: error
                        .problems
                        .iter()
                        .map(|p| ProblemRow {
                            line: p.at.map(|a| a.line),
                            column: p.at.map(|a| a.column),
                            field: p.invalid.field.clone(),
                            message: p.invalid.message.clone(),
                        })
                        .collect(),
                });
            }
        }
    }
    let mut out = io::stdout().lock();
    if globals.json {
        output::json(&mut out, &reports)?;
    } else {
        for line in &lines {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    let problems: usize = reports.iter().map(|r| r.problems.len()).sum();
    let bad = reports.iter().filter(|r| !r.ok).count();
    if bad > 0 {
        bad_input!(
            "{problems} problem{} in {bad} of {} ladder file{}",
            if problems == 1 { "" } else { "s" },
            reports.len(),
            if reports.len() == 1 { "" } else { "s" }
        );
    }
    Ok(())
}
