//! Telling a ladder file's format from its content, and saying, when it is in none of them,
//! which formats were tried and why each did not fit.

use super::{Format, LadderError, Problem, headings, list, monzo, sheet, single, tree};

/// Tells the format from the content; the file's extension only chooses which error to
/// show when nothing fits. When nothing fits, the error names each format tried and why it
/// did not fit.
pub(super) fn detect(name: &str, text: &str) -> Result<Format, LadderError> {
    let mut tried: Vec<(Format, String)> = Vec::new();
    if let Some((yaml, body)) = monzo::front_matter(text) {
        let front = tree::from_yaml(&yaml);
        let has_topics = matches!(
            &front,
            Ok(tree::Node { value: tree::Value::Map(entries), .. })
                if entries.iter().any(|(k, _, _)| k == "topics")
        );
        if has_topics {
            return Ok(Format::Monzo);
        }
        match headings::shape(body) {
            Ok(_) => return Ok(Format::Markdown),
            // Front matter that is not YAML is a Monzo file's mistake, shown at its place.
            Err(_) if front.is_err() => return Ok(Format::Monzo),
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
    // Only a text that opens as a list is parsed again as one.
    let opens_as_list = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with(['-', '[']));
    match opens_as_list.then(|| tree::from_yaml_list(text)) {
        Some(Ok(root)) if list::is_list(&root) => return Ok(Format::List),
        Some(Ok(_)) => {
            tried.retain(|(format, _)| *format != Format::Yaml);
            tried.push((
                Format::Yaml,
                "a list at the top, not a mapping of fields".to_owned(),
            ));
            tried.push((
                Format::List,
                "a list, but not of competencies that each name themselves and list their \
                 levels"
                    .to_owned(),
            ));
        }
        _ => {}
    }
    let toml = tree::from_toml(text);
    let empty_toml = matches!(
        &toml,
        Ok(tree::Node { value: tree::Value::Map(entries), .. }) if entries.is_empty()
    );
    let markdown = headings::shape(text);
    if (markdown.is_ok() || headings::table_sheet(text).is_some()) && (toml.is_err() || empty_toml)
    {
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
