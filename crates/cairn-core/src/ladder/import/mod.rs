//! Reading ladder files: Cairn's own TOML and YAML, the Financial Times' engineering
//! progression YAML, Monzo's Markdown framework with YAML front matter, and spreadsheet CSV
//! (long or wide). Each reader is pure: bytes in, a checked [`Ladder`] and a note of what
//! was mapped to what out, or every problem found with its line, column and field.
//!
//! A reader records where each ladder field came from ([`Places`]), so the consistency
//! checks on the finished ladder ([`Ladder::problems`]) are reported at the place in the
//! source that caused them, in the source's own field names.

mod cairn;
mod ft;
mod headings;
mod monzo;
mod sheet;
pub mod tree;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::{Expectation, Ladder, Level, Track};
use crate::Invalid;
use crate::id::{LadderId, LevelId};
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
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Self; 7] = [
        Self::Toml,
        Self::Yaml,
        Self::Ft,
        Self::Monzo,
        Self::CsvLong,
        Self::CsvWide,
        Self::Markdown,
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
}

impl Problem {
    /// A problem with `field`, at `at`.
    pub fn new(at: Option<Pos>, field: &str, message: impl Into<String>) -> Self {
        Self {
            at,
            invalid: Invalid::new(field, message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
        None => detect(name, text)?,
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
    };
    let mut ladder = ladder;
    if matches!(format, Format::Ft | Format::Monzo | Format::Markdown) {
        warnings.extend(nothing_new(&mut ladder, &places));
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

/// The text of an expectation a framework did not write: a competency with no content at a
/// level it is expected at asks nothing new there.
pub const NOTHING_NEW: &str = "Nothing new is expected at this level beyond the levels below.";

/// Fills each level a competency is expected at but says nothing about with
/// [`NOTHING_NEW`], with a warning at the competency's place for each.
fn nothing_new(ladder: &mut Ladder, places: &Places) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let mut fills = Vec::new();
    for (c, competency) in ladder.competencies.iter().enumerate() {
        let missing: Vec<LevelId> = ladder
            .missing_expectations(competency)
            .into_iter()
            .cloned()
            .collect();
        if missing.is_empty() {
            continue;
        }
        let place = locate(
            places,
            Invalid::new(format!("competencies[{c}]"), String::new()),
        );
        let ids: Vec<&str> = missing.iter().map(LevelId::as_str).collect();
        warnings.push(Problem::new(
            place.at,
            &place.invalid.field,
            format!(
                "'{}' has no content for level{} {}: read as nothing new expected there",
                competency.id,
                if ids.len() == 1 { "" } else { "s" },
                ids.join(", ")
            ),
        ));
        fills.push((c, missing));
    }
    let rank = |levels: &[Level], id: &LevelId| levels.iter().position(|l| &l.id == id);
    for (c, missing) in fills {
        let competency = &mut ladder.competencies[c];
        competency
            .expectations
            .extend(missing.into_iter().map(|level| Expectation {
                level,
                text: NOTHING_NEW.to_owned(),
                criteria: Vec::new(),
                examples: Vec::new(),
                links: Vec::new(),
                proficiency: None,
            }));
        competency
            .expectations
            .sort_by_key(|e| rank(&ladder.levels, &e.level));
    }
    warnings
}

/// The unknown fields of a foreign format as warnings, one per field name and shape
/// (`competencies[].supportingUrls`) at its first place, with how often it recurs.
fn not_kept(fields: Vec<(Pos, String)>) -> Vec<Problem> {
    let mut seen: Vec<(String, Pos, String, usize)> = Vec::new();
    for (at, field) in fields {
        let shape = unindexed(&field);
        match seen.iter_mut().find(|(s, ..)| *s == shape) {
            Some((.., count)) => *count += 1,
            None => seen.push((shape, at, field, 1)),
        }
    }
    seen.into_iter()
        .map(|(_, at, field, count)| {
            let more = match count {
                1 => String::new(),
                n => format!(" (nor in the {} other places it appears)", n - 1),
            };
            Problem::new(
                Some(at),
                &field,
                format!("not kept: Cairn has no use for this field{more}"),
            )
        })
        .collect()
}

/// A field path without its list indices: `topics[2].subtitle` → `topics[].subtitle`.
fn unindexed(field: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
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

/// Tells the format from the content; the file's extension only chooses which error to
/// show when nothing fits. When nothing fits, the error names each format tried and why it
/// did not fit.
fn detect(name: &str, text: &str) -> Result<Format, LadderError> {
    let mut tried: Vec<(Format, String)> = Vec::new();
    if let Some((yaml, body)) = monzo::front_matter(text) {
        let has_topics = matches!(
            tree::from_yaml(&yaml),
            Ok(tree::Node { value: tree::Value::Map(entries), .. })
                if entries.iter().any(|(k, _, _)| k == "topics")
        );
        if has_topics {
            return Ok(Format::Monzo);
        }
        match headings::shape(body) {
            Ok(_) => return Ok(Format::Markdown),
            Err(why) => tried.push((Format::Markdown, format!("below the front matter, {why}"))),
        }
        tried.insert(
            0,
            (Format::Monzo, "the front matter has no `topics`".to_owned()),
        );
        return Err(not_any(tried));
    }
    let yaml = tree::from_yaml(text);
    match &yaml {
        Ok(tree::Node {
            value: tree::Value::Map(entries),
            ..
        }) => {
            let has = |key: &str| entries.iter().any(|(k, _, _)| k == key);
            if has("themes") {
                return Ok(Format::Ft);
            }
            if has("topics") {
                return Ok(Format::Monzo);
            }
            if has("levels") || has("competencies") || has("id") {
                return Ok(Format::Yaml);
            }
            let why = "a YAML mapping, but with none of `themes` (FT), `topics` (Monzo) or \
                       `levels`, `competencies` and `id` (Cairn)";
            tried.push((Format::Yaml, why.to_owned()));
        }
        Ok(_) => {}
        Err(problem) => tried.push((Format::Yaml, format!("not YAML: {problem}"))),
    }
    let toml = tree::from_toml(text);
    let empty_toml = matches!(
        &toml,
        Ok(tree::Node { value: tree::Value::Map(entries), .. }) if entries.is_empty()
    );
    let markdown = headings::shape(text);
    if markdown.is_ok() && (toml.is_err() || empty_toml) {
        return Ok(Format::Markdown);
    }
    match &toml {
        Ok(_) if !empty_toml => return Ok(Format::Toml),
        Ok(_) => tried.push((Format::Toml, "TOML with no fields".to_owned())),
        Err(problem) => tried.push((Format::Toml, format!("not TOML: {problem}"))),
    }
    if let Some(shape) = sheet::detect(text) {
        return Ok(match shape {
            sheet::Shape::Long => Format::CsvLong,
            sheet::Shape::Wide => Format::CsvWide,
        });
    }
    tried.push((
        Format::CsvLong,
        "no header row naming a competency column and a level column, or levels across".to_owned(),
    ));
    if let Err(why) = markdown {
        tried.push((Format::Markdown, why));
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match (extension.as_deref(), toml, yaml) {
        (Some("toml"), Err(problem), _) | (Some("yml" | "yaml"), _, Err(problem)) => {
            Err(single(problem))
        }
        _ => Err(not_any(tried)),
    }
}

/// The error for a file in none of the formats: one line per format tried, saying why.
fn not_any(tried: Vec<(Format, String)>) -> LadderError {
    let mut problems = vec![Problem::new(
        None,
        "",
        "could not tell the ladder format: the file is in none of the formats Cairn reads \
         (pass --format to read it as one and see every problem)",
    )];
    problems.extend(
        tried
            .into_iter()
            .map(|(format, why)| Problem::new(None, "", format!("{}: {why}", format.describe()))),
    );
    LadderError { problems }
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

/// A slug or file stem as words with a capital: "career-ladder" → "Career ladder".
fn humanise(slug: &str) -> String {
    let words = slug.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Text as a slug id: lower case ASCII letters and digits, other runs turned into `-`,
/// at most 64 characters.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
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
