//! Reading ladder files: Cairn's own TOML and YAML, the Financial Times' engineering
//! progression YAML, Monzo's Markdown framework with YAML front matter, Markdown with a
//! heading per level and competency, and spreadsheet CSV (long or wide). Each reader is
//! pure: bytes in, a checked [`Ladder`], a note of what was mapped to what and warnings out,
//! or every problem found with its line, column and field.
//!
//! Another organisation's framework is refused only when it cannot be a ladder (no levels,
//! no competencies, not a framework at all); what Cairn reads in a way the file does not
//! spell out is a warning (the rules are in `foreign.rs`), and a refusal under [`Options::strict`]. Cairn's
//! own formats and spreadsheets stay exact: an unknown field or a missing level there is a
//! mistake to fix.
//!
//! A reader records where each ladder field came from ([`Places`]), so the consistency
//! checks on the finished ladder ([`Ladder::problems`]) are reported at the place in the
//! source that caused them, in the source's own field names.

mod cairn;
mod detect;
mod folder;
pub use folder::import_folder;
mod foreign;
pub use foreign::NOTHING_NEW;
mod ft;
mod headings;
mod list;
mod monzo;
mod sheet;
pub mod tree;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::{Ladder, Level, Track};
use crate::Invalid;
use crate::id::LadderId;
use tree::Pos;

/// The ladder file formats Cairn reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Cairn's own format in TOML (`docs/ladders.md`).
    Toml,
    /// Cairn's own format in YAML: the same fields.
    Yaml,
    /// The Financial Times engineering-progression YAML (`levels`, `themes`, `competencies`).
    Ft,
    /// Monzo's progression framework: Markdown with `levels` and `topics` in front matter.
    Monzo,
    /// A spreadsheet with one row per competency and level.
    CsvLong,
    /// A spreadsheet matrix: competencies down, levels across.
    CsvWide,
    /// Markdown with a heading per level and a sub-heading per competency, prose under each
    /// (the Progression site's `yaml: false` form, among others).
    Markdown,
    /// A YAML or JSON list of competencies, each with its levels.
    List,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Self; 8] = [
        Self::Toml,
        Self::Yaml,
        Self::Ft,
        Self::Monzo,
        Self::CsvLong,
        Self::CsvWide,
        Self::Markdown,
        Self::List,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Toml => "toml",
            Self::Yaml => "yaml",
            Self::Ft => "ft",
            Self::Monzo => "monzo",
            Self::CsvLong => "csv-long",
            Self::CsvWide => "csv-wide",
            Self::Markdown => "markdown",
            Self::List => "list",
        }
    }

    /// What the format is, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Toml => "Cairn ladder TOML",
            Self::Yaml => "Cairn ladder YAML",
            Self::Ft => "Financial Times engineering-progression YAML",
            Self::Monzo => "Monzo progression Markdown",
            Self::CsvLong => "CSV, one row per competency and level",
            Self::CsvWide => "CSV matrix, competencies down and levels across",
            Self::Markdown => "Markdown, a heading per level and a sub-heading per competency",
            Self::List => "YAML or JSON list of competencies, each with its levels",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
                Invalid::new(
                    "--format",
                    format!(
                        "'{s}' is not a ladder format (formats: {})",
                        names.join(", ")
                    ),
                )
            })
    }
}

/// A ladder read from a file, with what the reader did to get it.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The ladder, checked.
    pub ladder: Ladder,
    /// The format it was read as.
    pub format: Format,
    /// What in the source became what in the ladder, one line each.
    pub mapping: Vec<String>,
    /// What the reader read in a way the file did not spell out, or left out: fields
    /// Cairn has no use for, levels with nothing new, content past the declared levels.
    /// Refusals instead under [`Options::strict`].
    pub warnings: Vec<Problem>,
}

/// How to read a ladder file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Read it as this format; `None` tells the format from the content.
    pub format: Option<Format>,
    /// Refuse the file over anything that would otherwise be a warning.
    pub strict: bool,
}

/// A problem in a ladder file, located where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the text, when the problem has a place.
    pub at: Option<Pos>,
    /// The field path (in the source's own names) and what is wrong with it.
    pub invalid: Invalid,
    /// The file it is in, when a ladder was read from several (a folder).
    pub file: Option<String>,
}

impl Problem {
    /// A problem with `field`, at `at`.
    pub fn new(at: Option<Pos>, field: &str, message: impl Into<String>) -> Self {
        Self {
            at,
            invalid: Invalid::new(field, message),
            file: None,
        }
    }

    /// The same problem, placed in `file`.
    fn in_file(self, file: &str) -> Self {
        Self {
            file: Some(file.to_owned()),
            ..self
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if let Some(at) = self.at {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
        if self.invalid.field.is_empty() {
            f.write_str(&self.invalid.message)
        } else {
            write!(f, "{}", self.invalid)
        }
    }
}

/// Every problem found in one ladder file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LadderError {
    /// The problems, in file order (those without a place last).
    pub problems: Vec<Problem>,
}

impl LadderError {
    fn one(at: Option<Pos>, message: impl Into<String>) -> Self {
        Self {
            problems: vec![Problem::new(at, "", message)],
        }
    }
}

impl fmt::Display for LadderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the ladder",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

/// Where a ladder field came from: its place and its name in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Line and column.
    pub at: Pos,
    /// The source's field path.
    pub field: String,
}

/// Ladder field paths (`competencies[2].expectations[0].text`) to their places.
pub type Places = BTreeMap<String, Place>;

/// What a reader hands back before the ladder is checked: a ladder with every item of the
/// source in place (fields it could not read left empty), and the problems it found.
struct Read {
    ladder: Ladder,
    places: Places,
    mapping: Vec<String>,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

/// Reads a ladder file leniently. `name` is the file's name, used for messages and as the
/// ladder id when the format has none. Without `format`, the format is told from the content.
pub fn import(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Imported, LadderError> {
    import_with(
        name,
        bytes,
        Options {
            format,
            strict: false,
        },
    )
}

/// Reads a ladder file as `options` say. A file is refused only when it cannot be a ladder
/// (no levels, no competencies, not a framework at all) or, with `strict`, when it has
/// anything to warn about.
pub fn import_with(name: &str, bytes: &[u8], options: Options) -> Result<Imported, LadderError> {
    let text = decode(bytes)?;
    let format = match options.format {
        Some(format) => format,
        None => detect::detect(name, text)?,
    };
    let Read {
        ladder,
        places,
        mut mapping,
        mut problems,
        mut warnings,
    } = match format {
        Format::Toml => cairn::read(&tree::from_toml(text).map_err(single)?)?,
        Format::Yaml => cairn::read(&tree::from_yaml(text).map_err(single)?)?,
        Format::Ft => ft::read(name, text)?,
        Format::Monzo => monzo::read(name, text)?,
        Format::CsvLong => sheet::read(name, text, sheet::Shape::Long)?,
        Format::CsvWide => sheet::read(name, text, sheet::Shape::Wide)?,
        Format::Markdown => headings::read(name, text)?,
        Format::List => list::read(name, text)?,
    };
    let (mut ladder, mut places) = (ladder, places);
    if matches!(
        format,
        Format::Ft | Format::Monzo | Format::Markdown | Format::List
    ) {
        warnings.extend(foreign::drop_empty(&mut ladder, &mut places));
        warnings.extend(foreign::nothing_new(&mut ladder, &places));
    }
    // The ladder's own checks, except on fields the reader already reported (a missing
    // title is not also an empty one).
    let reported: Vec<String> = problems.iter().map(|p| p.invalid.field.clone()).collect();
    problems.extend(
        ladder
            .problems()
            .into_iter()
            .map(|invalid| locate(&places, invalid))
            .filter(|p| !reported.contains(&p.invalid.field)),
    );
    sort(&mut warnings);
    if options.strict {
        problems.extend(warnings.drain(..).map(|mut w| {
            w.invalid.message = format!("{} (refused with --strict)", w.invalid.message);
            w
        }));
    }
    if !problems.is_empty() {
        sort(&mut problems);
        return Err(LadderError { problems });
    }
    mapping.insert(0, format!("read as {}", format.describe()));
    Ok(Imported {
        ladder,
        format,
        mapping,
        warnings,
    })
}

/// Reads one of Cairn's own TOML ladders (the built-ins and `docs/ladders.md`).
pub fn from_toml(text: &str) -> Result<Ladder, LadderError> {
    import("ladder.toml", text.as_bytes(), Some(Format::Toml)).map(|i| i.ladder)
}

fn single(problem: Problem) -> LadderError {
    LadderError {
        problems: vec![problem],
    }
}

/// Problems from a reader, sorted into file order, as an error.
fn failed(mut problems: Vec<Problem>) -> LadderError {
    sort(&mut problems);
    LadderError { problems }
}

fn sort(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.at.map_or((usize::MAX, 0), |a| (a.line, a.column)));
}

/// The place of a ladder problem: the deepest field of its path that has one, named as the
/// source names it.
fn locate(places: &Places, invalid: Invalid) -> Problem {
    let mut path = invalid.field.as_str();
    loop {
        if let Some(place) = places.get(path) {
            // Without a place for the exact field, name the nearest one the source has; when
            // the source uses the ladder's own names, keep the rest of the path after it.
            let field = if path != invalid.field && place.field == path {
                invalid.field.clone()
            } else {
                place.field.clone()
            };
            return Problem::new(Some(place.at), &field, invalid.message);
        }
        match path.rfind(['.', '[']) {
            Some(cut) => path = &path[..cut],
            None => return Problem::new(None, &invalid.field, invalid.message),
        }
    }
}

/// The text of a file, or why it is not text Cairn can read.
fn decode(bytes: &[u8]) -> Result<&str, LadderError> {
    crate::text::decode(bytes)
        .map_err(|e| LadderError::one(e.at.map(|(line, column)| Pos { line, column }), e.message))
}

/// The ladder id for a format that has none: the file's name without folder or extension,
/// as a slug; with the note that says so.
fn ladder_id(name: &str) -> (Option<LadderId>, String) {
    let stem = file_stem(name);
    let slug = slugify(stem);
    let slug = if slug.is_empty() {
        "ladder".to_owned()
    } else {
        slug
    };
    let note = format!("ladder id '{slug}' taken from the file name (--id sets another)");
    (slug.parse().ok(), note)
}

/// "tracks: People Manager (a, b); shared: c, d", for the mapping report.
fn track_note(tracks: &[Track], levels: &[Level]) -> String {
    if tracks.is_empty() {
        return "no tracks: every level is on one path".to_owned();
    }
    let ids = |pick: &dyn Fn(&Level) -> bool| {
        levels
            .iter()
            .filter(|l| pick(l))
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts: Vec<String> = tracks
        .iter()
        .map(|t| format!("{} ({})", t.name, ids(&|l| l.tracks.contains(&t.id))))
        .collect();
    parts.push(format!("shared: {}", ids(&|l| l.tracks.is_empty())));
    format!("tracks: {}", parts.join("; "))
}

/// A file's name without its folder or extension.
fn file_stem(name: &str) -> &str {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

/// Words that name a level in any of the ways ladders title them, proficiency steps
/// (beginner to expert) included.
pub(super) static LEVELISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:level|lvl|stufe|niveau|nivel|nível|livello|poziom|grade|band|tier|rung|[lpemd]\d+|ic ?\d+|se ?\d+|junior|júnior|pleno|sênior|mid|mid-level|middle|medior|intermediate|senior|staff|principal|distinguished|lead|associate|graduate|entry|apprentice|intern|engineer(?: [ivx]+)?|developer(?: [ivx]+)?|manager|director|fellow|beginner|novice|advanced|expert|proficient|practitioner|awareness|foundation|foundational|emerging|\d+)\b",
    )
    .unwrap_or_else(|e| panic!("level pattern: {e}"))
});

/// A slug or file stem as words with a capital: "career-ladder" → "Career ladder".
fn humanise(slug: &str) -> String {
    let words = slug.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Text as a slug id: any script transliterated to ASCII, then lower case letters and
/// digits with other runs turned into `-`, at most 64 characters.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    // Any script is written in ASCII first ("Qualität" → "qualitat", "品質" → "pin-zhi").
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars()
        .take(64)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// Prose as written in a file, with hard line wraps joined into spaces and paragraphs kept.
pub(crate) fn prose(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|para| para.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|para| !para.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = from_toml("id = \"x\"\nversion = \"one\"\nname = = 2\n").unwrap_err();
        let problem = &err.problems[0];
        assert_eq!(problem.at.map(|a| a.line), Some(3), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused_not_dropped() {
        let err = from_toml(
            "id = \"x\"\nversion = 1\nname = \"X\"\ncolour = \"red\"\nlevels = []\ncompetencies = []\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn empty_binary_and_foreign_encodings_are_refused_clearly() {
        let message = |bytes: &[u8]| import("x.toml", bytes, None).unwrap_err().to_string();
        assert!(message(b"  \n").contains("the file is empty"));
        assert!(message(b"\xFF\xFEi\0d\0").contains("UTF-16"));
        let latin1 = message(b"id = \"x\"\nname = \"Caf\xE9\"\n");
        assert!(
            latin1.contains("line 2, column 12: the file is not UTF-8"),
            "{latin1}"
        );
        assert!(message(b"id\0").contains("binary"));
        let prose = import("notes", b"Just some notes\nabout my career\n", None)
            .unwrap_err()
            .to_string();
        assert!(
            prose.contains("could not tell the ladder format"),
            "{prose}"
        );
    }

    #[test]
    fn formats_are_named_and_unknown_names_list_the_known_ones() {
        assert_eq!("csv-wide".parse::<Format>().unwrap(), Format::CsvWide);
        let err = "xlsx".parse::<Format>().unwrap_err();
        assert!(
            err.message
                .contains("toml, yaml, ft, monzo, csv-long, csv-wide")
        );
    }
}
