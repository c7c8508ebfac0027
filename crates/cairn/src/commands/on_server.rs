//! `--remote NAME` and `--person EMAIL`, shared by the reads a manager makes on a team
//! server through its API: the readiness, calibration and case of a report, and the team.

use crate::remote::{Client, query_value};

/// Where a read comes from: your store, or a team server you logged in to.
#[derive(Debug, clap::Args)]
pub struct OnServer {
    /// Read from a team server you logged in to (`cairn login NAME`) instead of your store
    #[arg(long, value_name = "NAME")]
    pub remote: Option<String>,
    /// With --remote: a report's login, to read what they shared (default: yourself)
    #[arg(long, value_name = "EMAIL", requires = "remote")]
    pub person: Option<String>,
}

impl OnServer {
    /// The client for `--remote`, when given.
    pub fn client(&self) -> anyhow::Result<Option<Client>> {
        self.remote.as_deref().map(Client::connect).transpose()
    }

    /// `path?person=…&key=value…` for the API, leaving out empty values.
    pub fn path(&self, path: &str, params: &[(&str, Option<String>)]) -> String {
        let mut query: Vec<String> = Vec::new();
        if let Some(p) = &self.person {
            query.push(format!("person={}", query_value(p)));
        }
        for (key, value) in params {
            if let Some(v) = value {
                query.push(format!("{key}={}", query_value(v)));
            }
        }
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}
