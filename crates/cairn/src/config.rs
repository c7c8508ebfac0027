//! Configuration: one struct, layered defaults → config file → `CAIRN_*` environment →
//! flags. [`Config::default`] is the only home of defaults.
//!
//! The file is TOML at `$CAIRN_CONFIG`, else `$XDG_CONFIG_HOME/cairn/config.toml`; it is
//! optional. Keys: `db` (a path or URL) and `team` (true to serve in team mode). Environment variables and flags arrive through clap (each flag names its
//! variable), so this module only merges the file under them.

use std::path::{Path, PathBuf};

use anyhow::Context;
use cairn_store::Location;
use serde::Deserialize;

use crate::failure::BadInput;

/// Settings every command may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the store is: a SQLite path or a PostgreSQL URL.
    pub db: String,
    /// True when `db` came from the user rather than the default.
    pub db_chosen: bool,
    /// `cairn serve` runs in team mode (accounts and logins) without `--team`.
    pub team: bool,
}

/// The config file's shape: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    db: Option<String>,
    team: Option<bool>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            db: data_dir().join("cairn.db").display().to_string(),
            db_chosen: false,
            team: false,
        }
    }
}

/// Cairn's folder in the XDG data directory (`~/.local/share/cairn` on Linux).
pub fn data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cairn")
}

impl Config {
    /// Defaults, then the file, then `db` from `--db` or `CAIRN_DB`.
    pub fn load(db: Option<String>) -> anyhow::Result<Self> {
        let mut config = Self::default();
        if let Some(path) = config_path()
            && path.exists()
        {
            let file = read_file(&path)?;
            if let Some(db) = file.db {
                config.db = db;
                config.db_chosen = true;
            }
            config.team = file.team.unwrap_or(config.team);
        }
        if let Some(db) = db {
            config.db = db;
            config.db_chosen = true;
        }
        Ok(config)
    }

    /// The store's location.
    pub fn location(&self) -> Location {
        Location::parse(&self.db)
    }
}

fn config_path() -> Option<PathBuf> {
    match std::env::var_os("CAIRN_CONFIG") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::config_dir().map(|d| d.join("cairn").join("config.toml")),
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        let place = line.map(|l| format!(" line {l}:")).unwrap_or_default();
        BadInput(format!("{}:{place} {}", path.display(), e.message().trim())).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_store_lives_in_the_data_dir() {
        let config = Config::default();
        assert!(config.db.ends_with("cairn/cairn.db"), "{}", config.db);
        assert!(!config.db_chosen);
    }

    #[test]
    fn the_file_can_choose_the_store_and_team_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "db = \"postgres://cairn@db/cairn\"\nteam = true\n").unwrap();
        let file = read_file(&path).unwrap();
        assert_eq!(file.db.as_deref(), Some("postgres://cairn@db/cairn"));
        assert_eq!(file.team, Some(true));
        std::fs::write(&path, "tema = true\n").unwrap();
        assert!(
            read_file(&path).unwrap_err().to_string().contains("tema"),
            "unknown keys are refused"
        );
    }

    #[test]
    fn a_bad_config_file_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# settings\ndb = 42\n").unwrap();
        let err = read_file(&path).unwrap_err().to_string();
        assert!(err.contains("config.toml: line 2:"), "{err}");
    }
}
