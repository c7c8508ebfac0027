//! Team servers this command line talks to: their names and addresses (`remotes.toml` in
//! Cairn's config folder), the tokens `cairn login` got for them (`credentials.toml`,
//! readable by the user alone), and the client every `--remote` command goes through. The
//! client speaks only the JSON API with a bearer token: the command line never needs a
//! team server's database URL.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::failure::{BadInput, bad_input};

/// Cairn's config folder: beside `config.toml` (`$XDG_CONFIG_HOME/cairn`).
pub fn config_dir() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cairn")
}

/// One team server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    /// Its address, without a trailing slash.
    pub url: String,
}

/// The remotes file: name → server.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remotes {
    #[serde(default)]
    pub remotes: BTreeMap<String, Remote>,
}

/// A login's token for one remote.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// The secret sent as `Authorization: Bearer`.
    pub token: String,
    /// Who it acts as.
    pub email: String,
}

/// The credentials file: remote name → token.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    #[serde(default)]
    pub logins: BTreeMap<String, Credential>,
}

fn read_toml<T: DeserializeOwned + Default>(path: &Path) -> anyhow::Result<T> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            toml::from_str(&text).map_err(|e| BadInput(format!("{}: {e}", path.display())).into())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Writes a file whole (to a temporary beside it, then renamed), readable by the user alone
/// when `private`.
fn write_file(path: &Path, text: &str, private: bool) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let temporary = path.with_extension("toml.new");
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options
            .open(&temporary)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.sync_all()?;
    }
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&temporary, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
}

impl Remotes {
    fn path() -> PathBuf {
        config_dir().join("remotes.toml")
    }

    /// The remotes file, empty when there is none.
    pub fn load() -> anyhow::Result<Self> {
        read_toml(&Self::path())
    }

    /// Writes the file.
    pub fn save(&self) -> anyhow::Result<()> {
        write_file(&Self::path(), &toml::to_string(self)?, false)
    }

    /// The remote called `name`, or an error listing the known ones.
    pub fn get(&self, name: &str) -> anyhow::Result<&Remote> {
        match self.remotes.get(name) {
            Some(r) => Ok(r),
            None if self.remotes.is_empty() => {
                bad_input!("no remote '{name}'; add one with `cairn remote add {name} URL`")
            }
            None => bad_input!(
                "no remote '{name}'; known remotes: {}",
                self.remotes.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

impl Credentials {
    /// Where tokens are kept: `credentials.toml` in the config folder, mode 0600.
    pub fn path() -> PathBuf {
        config_dir().join("credentials.toml")
    }

    /// The credentials file, empty when there is none.
    pub fn load() -> anyhow::Result<Self> {
        read_toml(&Self::path())
    }

    /// Writes the file, readable by the user alone.
    pub fn save(&self) -> anyhow::Result<()> {
        write_file(&Self::path(), &toml::to_string(self)?, true)
    }
}

/// Checks and tidies a server address: http or https, no trailing slash.
pub fn server_url(text: &str) -> Result<String, BadInput> {
    let url = text.trim().trim_end_matches('/');
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url
            .split("://")
            .nth(1)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(' '));
    if ok {
        Ok(url.to_owned())
    } else {
        Err(BadInput(format!(
            "'{text}' is not a server address; give one like https://cairn.example.com"
        )))
    }
}

/// A client for one team server, acting with one token.
pub struct Client {
    http: reqwest::Client,
    /// The remote's name, for messages.
    pub name: String,
    /// The server's address.
    pub url: String,
    token: Option<String>,
}

impl Client {
    /// A client for `name` with the token `cairn login` stored for it.
    pub fn connect(name: &str) -> anyhow::Result<Self> {
        let remotes = Remotes::load()?;
        let remote = remotes.get(name)?;
        let credentials = Credentials::load()?;
        let Some(login) = credentials.logins.get(name) else {
            bad_input!("not logged in to '{name}'; run `cairn login {name} --email EMAIL`");
        };
        Ok(Self::new(name, &remote.url, Some(login.token.clone())))
    }

    /// A client for a server address, with or without a token.
    pub fn new(name: &str, url: &str, token: Option<String>) -> Self {
        Self {
            http: reqwest::Client::new(),
            name: name.to_owned(),
            url: url.to_owned(),
            token,
        }
    }

    /// `GET path` (under `/api/v1`), decoded.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let value = self.call(Method::GET, path, None).await?;
        serde_json::from_value(value).with_context(|| {
            format!(
                "{} answered {path} in a shape this Cairn does not read",
                self.name
            )
        })
    }

    /// `GET path` (under `/api/v1`) as text: a document.
    pub async fn text(&self, path: &str) -> anyhow::Result<String> {
        let response = self
            .request(Method::GET, path)
            .send()
            .await
            .with_context(|| {
                format!(
                    "cannot reach {} at {}; is the server up?",
                    self.name, self.url
                )
            })?;
        if response.status().is_success() {
            return Ok(response.text().await?);
        }
        self.failed(
            response.status(),
            &response.text().await.unwrap_or_default(),
        )
    }

    /// A JSON request to `path` (under `/api/v1`); the answer, `null` when it has no body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> anyhow::Result<Value> {
        let mut request = self.request(method, path);
        if let Some(b) = body {
            request = request.json(b);
        }
        self.answer(request, path).await
    }

    /// Uploads `bytes` to `path` (under `/api/v1`), showing the upload's progress on a
    /// terminal for anything larger than a megabyte.
    pub async fn upload(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<Value> {
        let total = bytes.len() as u64;
        let bar = if total > 1 << 20 {
            ProgressBar::new(total).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} sent to {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            )
        } else {
            ProgressBar::hidden()
        };
        bar.set_message(self.name.clone());
        let chunks: Vec<Vec<u8>> = bytes.chunks(64 * 1024).map(<[u8]>::to_vec).collect();
        let progress = bar.clone();
        let stream = futures_util::stream::iter(chunks.into_iter().map(move |chunk| {
            progress.inc(chunk.len() as u64);
            Ok::<_, std::io::Error>(chunk)
        }));
        let request = self
            .request(Method::POST, path)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .header(reqwest::header::CONTENT_LENGTH, total)
            .body(reqwest::Body::wrap_stream(stream));
        let answer = self.answer(request, path).await;
        bar.finish_and_clear();
        answer
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}/api/v1{path}", self.url));
        if let Some(t) = &self.token {
            request = request.bearer_auth(t);
        }
        request
    }

    async fn answer(&self, request: reqwest::RequestBuilder, path: &str) -> anyhow::Result<Value> {
        let response = request.send().await.with_context(|| {
            format!(
                "cannot reach {} at {}; is the server up?",
                self.name, self.url
            )
        })?;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        if status.is_success() {
            if text.trim().is_empty() {
                return Ok(Value::Null);
            }
            return serde_json::from_str(&text).with_context(|| {
                format!(
                    "{} answered {path} with something that is not JSON",
                    self.name
                )
            });
        }
        self.failed(status, &text)
    }

    /// The server's refusal as an error: bad input (exit 2) for what the caller can fix.
    fn failed<T>(&self, status: StatusCode, text: &str) -> anyhow::Result<T> {
        let error: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let message = error["error"]["message"]
            .as_str()
            .map_or_else(|| text.trim().chars().take(200).collect(), str::to_owned);
        let field = error["error"]["field"]
            .as_str()
            .map(|f| format!("{f}: "))
            .unwrap_or_default();
        let said = format!("{} ({}): {field}{message}", self.name, status.as_u16());
        match status {
            StatusCode::UNAUTHORIZED => {
                bad_input!("{said}; log in again with `cairn login {}`", self.name)
            }
            s if s.is_client_error() => Err(BadInput(said).into()),
            _ => Err(anyhow::anyhow!(said)),
        }
    }
}

/// Percent-encodes a query value.
pub fn query_value(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_are_checked_and_tidied() {
        assert_eq!(
            server_url(" https://cairn.acme.example/ ").unwrap(),
            "https://cairn.acme.example"
        );
        assert!(server_url("cairn.acme.example").is_err());
        assert!(server_url("https://").is_err());
        assert_eq!(query_value("ada@x.example a"), "ada%40x.example%20a");
    }
}
