//! Where a store lives: a SQLite file path or a PostgreSQL URL.

use std::fmt;
use std::path::PathBuf;

/// A store's address, as given by `--db`, `CAIRN_DB` or `--database-url`.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// An embedded SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL server, as a `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl Location {
    /// Reads a path or URL: URLs with a PostgreSQL scheme are PostgreSQL, anything else is a
    /// SQLite file path.
    pub fn parse(text: &str) -> Self {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Self::Postgres(text.to_owned())
        } else {
            Self::Sqlite(PathBuf::from(text))
        }
    }
}

/// Shown with any password replaced, so a location can be printed in errors and logs.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "{}", path.display()),
            Self::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_postgres_and_print_without_passwords() {
        let pg = Location::parse("postgres://cairn:s3cret@db.internal:5432/cairn");
        assert!(matches!(pg, Location::Postgres(_)));
        assert_eq!(
            pg.to_string(),
            "postgres://cairn:***@db.internal:5432/cairn"
        );
        assert_eq!(
            format!("{pg:?}"),
            "postgres://cairn:***@db.internal:5432/cairn"
        );
        let bare = Location::parse("postgresql://localhost/cairn");
        assert_eq!(bare.to_string(), "postgresql://localhost/cairn");
        assert_eq!(
            Location::parse("/tmp/cairn.db"),
            Location::Sqlite("/tmp/cairn.db".into())
        );
    }
}
