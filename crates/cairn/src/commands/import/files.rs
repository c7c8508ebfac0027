//! Reading the files an import is given: their text, and problems named by file and line.

use std::path::Path;

use cairn_core::sources::SourceError;

use crate::failure::BadInput;

/// The text of `path`, or a bad-input error naming the file (and the line of a bad byte).
pub fn read_text(path: &Path) -> Result<String, BadInput> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| BadInput(format!("cannot read {shown}: {e}")))?;
    match cairn_core::text::decode(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(BadInput(match e.at {
            Some((line, column)) => format!("{shown}:{line}:{column}: {}", e.message),
            None => format!("{shown}: {}", e.message),
        })),
    }
}

/// A reader's problem as a bad-input error naming the file.
pub fn problem(path: &Path, e: &SourceError) -> BadInput {
    let shown = path.display();
    let mut text = match e.line {
        Some(line) => format!("{shown}:{line}: "),
        None => format!("{shown}: "),
    };
    if !e.field.is_empty() {
        text.push_str(&format!("{}: ", e.field));
    }
    text.push_str(&e.message);
    BadInput(text)
}
