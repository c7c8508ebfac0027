//! How errors become exit codes: bad input is 2, everything else 1.
//!
//! Bad input is whatever the user can fix by typing something else: a value the domain
//! rejects ([`Invalid`]), a broken archive or ladder file, an id that matches nothing, a
//! missing store, or a [`BadInput`] raised by a command itself.

use std::io;

use cairn_core::Invalid;
use cairn_core::archive::ArchiveError;
use cairn_core::ladder::import::LadderError;
use cairn_store::StoreError;

/// A mistake in what the user asked for, found by the command line itself.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// Returns early with a [`BadInput`] error.
macro_rules! bad_input {
    ($($arg:tt)*) => {
        return Err(anyhow::Error::new($crate::failure::BadInput(format!($($arg)*))))
    };
}
pub(crate) use bad_input;

/// The exit code for an error.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    let bad = error.chain().any(|cause| {
        cause.is::<BadInput>()
            || cause.is::<Invalid>()
            || cause.is::<ArchiveError>()
            || cause.is::<LadderError>()
            || cause.downcast_ref::<StoreError>().is_some_and(|e| {
                matches!(
                    e,
                    StoreError::NotFound { .. }
                        | StoreError::Ambiguous { .. }
                        | StoreError::Missing(_)
                        | StoreError::NotAStore(_)
                        | StoreError::TooNew(_)
                        | StoreError::Exists(_)
                        | StoreError::Empty(_)
                        | StoreError::Unsupported(_)
                        | StoreError::LadderChanged(_)
                        | StoreError::Duplicate(_)
                        | StoreError::AlreadySubmitted { .. }
                )
            })
    });
    if bad { 2 } else { 1 }
}

/// True when the error is stdout's reader going away (`cairn list | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_mistakes_exit_2_and_failures_exit_1() {
        let invalid = anyhow::Error::new(Invalid::new("--date", "bad")).context("logging");
        assert_eq!(exit_code(&invalid), 2);
        let missing = anyhow::Error::new(StoreError::Missing("x.db".into()));
        assert_eq!(exit_code(&missing), 2);
        let disk = anyhow::Error::new(io::Error::other("disk full"));
        assert_eq!(exit_code(&disk), 1);
        let pipe = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&pipe));
    }
}
