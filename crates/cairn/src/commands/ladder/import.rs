//! `cairn ladder import`: a company's ladder into the store, as a new version when it changed.

use std::io::{self, Write};
use std::path::PathBuf;

use cairn_core::Invalid;
use cairn_core::dates::now;
use cairn_core::id::{LadderId, LevelId};
use cairn_core::ladder::Size;
use cairn_core::ladder::import::{Format, LadderError, Options};
use serde::Serialize;

use super::parse_format;
use super::{problem_lines, read_ladder};
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::output;
use crate::profile::Profile;

/// Import a ladder file: Cairn TOML or YAML, FT or Monzo frameworks, Markdown headings, or a
/// spreadsheet CSV.
///
/// The format is told from the content unless --format names it. A ladder whose id is
/// already stored becomes its next version when its content changed; records made against
/// an older version keep pointing at it. A file that cannot be a ladder imports nothing (see
/// `cairn ladder check`); what the import reads in a way the file does not spell out (fields
/// Cairn has no use for, levels with nothing new, content past the declared levels) is
/// warned about on stderr, and refused with --strict. Formats without an id take it from
/// the file name.
///
/// Examples:
///   cairn ladder import ft-engineering.yml
///   cairn ladder import levels.csv --format csv-wide --id platform --name "Platform ladder"
///   cairn ladder import ft-engineering.yml --use --level senior-1
///   cairn ladder import grades/        (a folder with one Markdown file per level)
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The ladder file, or a folder of Markdown files (one per level or per competency)
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Read it as this format: toml, yaml, ft, monzo, csv-long, csv-wide, markdown or list
    #[arg(long)]
    format: Option<String>,
    /// Store it under this id instead of the file's own (or its file name)
    #[arg(long)]
    id: Option<String>,
    /// Display name, instead of the file's own
    #[arg(long)]
    name: Option<String>,
    /// Move your profile onto the imported ladder (keeping your level, or --level)
    #[arg(long = "use")]
    use_it: bool,
    /// With --use: your level on the imported ladder
    #[arg(long, value_name = "LEVEL", requires = "use_it")]
    level: Option<String>,
    /// Refuse the file over anything the import would only warn about
    #[arg(long)]
    strict: bool,
}

/// What the import did, for `--json`.
#[derive(Serialize)]
struct Outcome {
    id: String,
    name: String,
    version: u32,
    previous: Option<u32>,
    added: bool,
    format: Format,
    size: Size,
    mapping: Vec<String>,
    warnings: Vec<String>,
    profile_level: Option<String>,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let file = args.file.display().to_string();
    let format = parse_format(args.format.as_deref())?;
    let options = Options {
        format,
        strict: args.strict,
    };
    let mut imported = match read_ladder(&args.file, options)? {
        Ok(imported) => imported,
        Err(error) => {
            let lines = problem_lines(&file, &error);
            bad_input!(
                "{}; nothing imported\n{}",
                error_title(&file, lines.len()),
                lines.join("\n")
            );
        }
    };
    let ladder = &mut imported.ladder;
    if let Some(id) = &args.id {
        ladder.id = id
            .parse::<LadderId>()
            .map_err(|e: Invalid| Invalid::new("--id", e.message))?;
        imported
            .mapping
            .retain(|line| !line.starts_with("ladder id "));
        imported.mapping.push(format!("ladder id '{id}' from --id"));
    }
    if let Some(name) = &args.name {
        if name.trim().is_empty() {
            bad_input!("--name: must not be empty");
        }
        ladder.name = name.trim().to_owned();
    }
    // A team server's admin imports the company ladder without a profile of their own;
    // only --use needs one.
    let (store, moving, level) = if args.use_it {
        let profile = Profile::load(globals).await?;
        let level = match &args.level {
            Some(level) => level
                .parse::<LevelId>()
                .map_err(|e: Invalid| Invalid::new("--level", e.message))?,
            None => profile.me.level.clone(),
        };
        if ladder.level(&level).is_none() {
            let field = if args.level.is_some() {
                "--level"
            } else {
                "--use"
            };
            let known: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
            return Err(BadInput(format!(
                "{field}: your level '{level}' is not a level of '{}' (levels: {}); give --level LEVEL",
                ladder.id,
                known.join(", ")
            ))
            .into());
        }
        (profile.store, Some(profile.me.id), Some(level))
    } else {
        (globals.open(&globals.config.location()).await?, None, None)
    };
    let profile_move = moving
        .zip(level.as_ref())
        .map(|(id, level)| (id, level, now()));
    let stored = store.import_ladder(ladder, profile_move).await?;
    let outcome = Outcome {
        id: ladder.id.to_string(),
        name: ladder.name.clone(),
        version: stored.version,
        previous: stored.previous,
        added: stored.added,
        format: imported.format,
        size: ladder.size(),
        mapping: imported.mapping.clone(),
        warnings: problem_lines(
            &file,
            &LadderError {
                problems: imported.warnings.clone(),
            },
        ),
        profile_level: level.as_ref().map(ToString::to_string),
    };
    let mut out = io::stdout().lock();
    if !globals.json {
        let mut err = io::stderr().lock();
        for warning in &outcome.warnings {
            writeln!(err, "warning: {warning}")?;
        }
    }
    if globals.json {
        output::json(&mut out, &outcome)?;
    } else {
        for line in &outcome.mapping {
            writeln!(out, "  {line}")?;
        }
        let what = format!("{} ({} v{})", outcome.name, outcome.id, outcome.version);
        match (outcome.added, outcome.previous) {
            (true, None) => writeln!(out, "Imported {what}: {}.", outcome.size)?,
            (true, Some(previous)) => writeln!(
                out,
                "Imported {what} as a new version: {}. Records made against v{previous} keep it; \
                 `cairn ladder diff {}` shows what changed.",
                outcome.size, outcome.id
            )?,
            (false, _) => writeln!(
                out,
                "Unchanged: {what} is already stored with this content."
            )?,
        }
        if let Some(level) = &outcome.profile_level {
            writeln!(out, "Your profile now uses {what} at level {level}.")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn error_title(file: &str, n: usize) -> String {
    format!("{file}: {n} problem{}", if n == 1 { "" } else { "s" })
}
