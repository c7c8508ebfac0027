//! `cairn ladder`: the career ladders Cairn measures against.

mod check;
mod diff;
mod import;
mod list;
mod map;
mod next;
mod show;
mod switch;

pub(crate) use show::find;

use std::io::{self, Write};
use std::path::Path;

use cairn_core::ladder::Expectation;
use cairn_core::ladder::import::{
    Format, Imported, LadderError, Options, import_folder, import_with,
};
use clap::Subcommand;

use crate::cli::Globals;

/// Browse, import and compare career ladders.
#[derive(Debug, Subcommand)]
pub enum Command {
    List(list::Args),
    Show(show::Args),
    Next(next::Args),
    Import(import::Args),
    Check(check::Args),
    Diff(diff::Args),
    Map(map::Args),
    Switch(switch::Args),
}

impl Command {
    /// Runs the ladder command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::List(args) => list::run(args, globals).await,
            Self::Show(args) => show::run(args, globals).await,
            Self::Next(args) => next::run(args, globals).await,
            Self::Import(args) => import::run(args, globals).await,
            Self::Check(args) => check::run(&args, globals),
            Self::Diff(args) => diff::run(args, globals).await,
            Self::Map(args) => map::run(args, globals).await,
            Self::Switch(args) => switch::run(args, globals).await,
        }
    }
}

/// An expectation's statement, criteria and examples, each line after `indent`.
fn print_expectation(out: &mut impl Write, e: &Expectation, indent: &str) -> io::Result<()> {
    let proficiency = e
        .proficiency
        .as_ref()
        .map(|p| format!(" [{p}]"))
        .unwrap_or_default();
    if !e.text.is_empty() {
        writeln!(out, "{}{proficiency}", e.text)?;
    } else {
        writeln!(out, "{}", proficiency.trim_start())?;
    }
    for c in &e.criteria {
        writeln!(out, "{indent}- {}", c.text)?;
        for example in &c.examples {
            writeln!(out, "{indent}    e.g. {example}")?;
        }
    }
    for example in &e.examples {
        writeln!(out, "{indent}e.g. {example}")?;
    }
    Ok(())
}

/// Every problem in a ladder file as `FILE:LINE:COLUMN: field: message` lines.
fn problem_lines(file: &str, error: &LadderError) -> Vec<String> {
    error
        .problems
        .iter()
        .map(|p| {
            let file = p.file.as_deref().unwrap_or(file);
            let place =
                p.at.map(|at| format!("{file}:{}:{}", at.line, at.column))
                    .unwrap_or_else(|| file.to_owned());
            if p.invalid.field.is_empty() {
                format!("{place}: {}", p.invalid.message)
            } else {
                format!("{place}: {}: {}", p.invalid.field, p.invalid.message)
            }
        })
        .collect()
}

/// The `--format` option, checked.
fn parse_format(format: Option<&str>) -> Result<Option<Format>, cairn_core::Invalid> {
    format.map(str::parse).transpose()
}

/// The file's bytes, or an error that names it.
fn read_file(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        crate::failure::BadInput(format!("{}: cannot read the file: {e}", path.display())).into()
    })
}

/// Reads a ladder from a file, or from a folder of Markdown files (one per level or per
/// competency, in subfolders too).
fn read_ladder(path: &Path, options: Options) -> anyhow::Result<Result<Imported, LadderError>> {
    let name = path.display().to_string();
    if !path.is_dir() {
        return Ok(import_with(&name, &read_file(path)?, options));
    }
    let mut files = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| {
            crate::failure::BadInput(format!("{}: cannot read the folder: {e}", folder.display()))
        })?;
        for entry in entries {
            let entry = entry?.path();
            let markdown = entry
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown"));
            if entry.is_dir() {
                folders.push(entry);
            } else if markdown {
                files.push((entry.display().to_string(), read_file(&entry)?));
            }
        }
    }
    if files.is_empty() {
        return Err(crate::failure::BadInput(format!(
            "{name}: the folder holds no Markdown files (.md) to read as a ladder"
        ))
        .into());
    }
    let name = name.trim_end_matches(['/', '\\']);
    Ok(import_folder(name, &files, options))
}
