//! The one validation error: which field is wrong and why, in words a user can act on.

use std::fmt;

/// A value that breaks a domain rule. `field` is a path such as `competencies[1]` or
/// `evidence[3].date`, so the message can point at the exact place in a file or command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid {
    /// Where the problem is, as a field path.
    pub field: String,
    /// What is wrong, written to be shown as is.
    pub message: String,
}

impl Invalid {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same problem, nested under `parent` (`date` under `evidence[3]` is `evidence[3].date`).
    #[must_use]
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_owned()
        } else if self.field.starts_with('[') {
            format!("{parent}{}", self.field)
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Checks that a required text field has something in it other than whitespace, and is no
/// longer than `max` characters.
pub fn require_text(field: &str, value: &str, max: usize) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        return Err(Invalid::new(field, "must not be empty"));
    }
    check_length(field, value, max)
}

/// Checks that an optional text field is no longer than `max` characters.
pub fn check_length(field: &str, value: &str, max: usize) -> Result<(), Invalid> {
    let len = value.chars().count();
    if len > max {
        return Err(Invalid::new(
            field,
            format!("is {len} characters long; the limit is {max}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_field_paths() {
        let e = Invalid::new("date", "bad").within("evidence[3]");
        assert_eq!(e.to_string(), "evidence[3].date: bad");
        let e = Invalid::new("[0]", "bad").within("competencies");
        assert_eq!(e.field, "competencies[0]");
    }

    #[test]
    fn required_text_rejects_blank_and_long_values() {
        assert!(require_text("title", "  \n", 10).is_err());
        assert!(require_text("title", "ok", 10).is_ok());
        let err = require_text("title", "ééééééééééé", 10).unwrap_err();
        assert_eq!(err.message, "is 11 characters long; the limit is 10");
    }
}
