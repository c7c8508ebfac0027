//! How errors become exit codes: bad input is 2, everything else 1.
//!
//! Bad input is whatever the user can fix by typing something else: a value the domain
//! rejects ([`Invalid`]), a broken archive or ladder file, an id that matches nothing, a
//! missing store, or a [`BadInput`] raised by a command itself.

use std::io;
use std::path::Path;

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

/// An account change the web crate refused, as the command line reports it: a broken rule
/// or an unknown account is bad input (exit 2), anything else a failure.
pub fn from_web(error: cairn_web::AppError) -> anyhow::Error {
    match error {
        cairn_web::AppError::Invalid(invalid) => anyhow::Error::new(invalid),
        cairn_web::AppError::NotFound => anyhow::Error::new(BadInput("no such account".into())),
        other => anyhow::Error::new(other),
    }
}

/// The exit code for an error.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    // A context added by `explain_store` is found by downcasting the error, not its chain.
    let bad = error.downcast_ref::<BadInput>().is_some()
        || error.chain().any(|cause| {
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

/// The error as one line of JSON for `--json`: `{"error": {"code", "message", "field"}}`,
/// where `code` is `bad-input` (exit 2) or `failure` (exit 1), `message` the whole chain,
/// and `field` the flag or field at fault when the error names one.
pub fn as_json(error: &anyhow::Error) -> String {
    let code = if exit_code(error) == 2 {
        "bad-input"
    } else {
        "failure"
    };
    let message = error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": caused by: ");
    let field = error
        .chain()
        .find_map(|c| c.downcast_ref::<Invalid>())
        .map(|i| i.field.clone())
        .filter(|f| !f.is_empty());
    serde_json::json!({"error": {"code": code, "message": message, "field": field}}).to_string()
}

/// Puts a store's lock or read-only refusal into words that say what to do, naming the
/// processes that hold the store open where the system tells (Linux's `/proc`).
pub fn explain_store(error: anyhow::Error, db: &str) -> anyhow::Error {
    let store = error.chain().find_map(|c| c.downcast_ref::<StoreError>());
    if store.is_some_and(StoreError::is_read_only) {
        return error.context(BadInput(format!(
            "{db} is read-only (a mounted backup, or a file without write permission): \
             it can be listed, searched, checked and exported, not changed"
        )));
    }
    if store.is_some_and(StoreError::is_locked) {
        let holders = holders(Path::new(db));
        let who = if holders.is_empty() {
            "another process (a running `cairn serve`, an import) is writing to it".to_owned()
        } else {
            format!("it is held open by {}", holders.join("; "))
        };
        return error.context(format!(
            "{db} is locked: {who}. Cairn waited {} s for the lock; \
             run the command again when that process has finished",
            cairn_store::lock_wait().as_secs()
        ));
    }
    error
}

/// Other processes with the store file (or its log) open, as "pid N (command line)".
fn holders(db: &Path) -> Vec<String> {
    let Ok(file) = db.canonicalize() else {
        return Vec::new();
    };
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let own = std::process::id().to_string();
    let beside = format!("{}-", file.display());
    let mut found = Vec::new();
    for process in processes.flatten() {
        let pid = process.file_name().to_string_lossy().into_owned();
        if pid == own || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(process.path().join("fd")) else {
            continue;
        };
        let holds = fds.flatten().any(|fd| {
            std::fs::read_link(fd.path())
                .is_ok_and(|target| target == file || target.to_string_lossy().starts_with(&beside))
        });
        if holds {
            let command = std::fs::read(process.path().join("cmdline")).unwrap_or_default();
            let command = String::from_utf8_lossy(&command).replace('\0', " ");
            let command = command.split_whitespace().collect::<Vec<_>>().join(" ");
            found.push(format!(
                "pid {pid} ({})",
                cairn_core::text::clip(&command, 80)
            ));
        }
    }
    found
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
