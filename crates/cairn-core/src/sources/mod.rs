//! Readers for the places evidence comes from: git history, GitHub's JSON, Jira's CSV
//! export, generic CSV, Markdown brag documents and jrnl journals.
//!
//! Each reader is pure (text in, records out) and reports a problem with the line or field
//! that caused it, so the command line can refuse a bad file before anything is stored.

pub mod git;
pub mod github;
pub mod jira;

use std::fmt;

/// Why a source file could not be read: where, which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SourceError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The field or column, in the source's own names (empty when the whole file is wrong).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl SourceError {
    /// A problem at `line` (if known) with `field`.
    pub fn new(line: Option<usize>, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            line,
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{}", self.message)
    }
}

/// At most this many characters of a description are kept: the title says what.
pub(crate) const MAX_BODY: usize = 4_000;

/// `text` trimmed and cut to [`MAX_BODY`] characters.
pub(crate) fn body(text: &str) -> String {
    let cut: String = text.trim().chars().take(MAX_BODY).collect();
    cut.trim_end().to_owned()
}

pub mod entries;
pub mod jrnl;
pub mod markdown;
pub mod table;
pub mod upload;
