//! Who is asking: the [`Viewer`] every handler receives. In local mode it is the store's
//! owner; in team mode it comes from the session cookie, checked against the store on every
//! request (sessions live in the database, so any app server can answer).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use cairn_core::account::Role;
use cairn_core::dates::now;
use cairn_core::id::PersonId;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::{AppError, AppState, Mode};

/// The session cookie's name.
pub const COOKIE: &str = "cairn_session";

/// The person a request acts for and the CSRF token their forms carry, read once per
/// request; on a team server also who is logged in.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// Who is asking.
    pub person: PersonId,
    /// The token this viewer's forms must echo.
    pub csrf: String,
    /// The team-server login this request came with; a local owner has none.
    pub login: Option<Login>,
}

/// Who is logged in to a team server, from the one read of their session.
#[derive(Debug, Clone)]
pub struct Login {
    /// The session's token hash (for logout).
    pub token_hash: String,
    /// Their name, as the page chrome shows it.
    pub name: String,
    /// Their account's role.
    pub role: Role,
}

impl Viewer {
    /// True for a team server's admin.
    pub fn is_admin(&self) -> bool {
        self.login.as_ref().is_some_and(|l| l.role == Role::Admin)
    }
}

/// SHA-256 of a session token, hex: what the store keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new unguessable token: 256 random bits, hex.
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// The value of a cookie in the request.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        match &state.mode {
            Mode::Local { owner, csrf } => Ok(Self {
                person: *owner,
                csrf: csrf.to_string(),
                login: None,
            }),
            Mode::Team { .. } => {
                let token = cookie(parts, COOKIE).ok_or(AppError::LoginRequired)?;
                let hash = token_hash(token);
                let signed_in = state
                    .store
                    .session(&hash, now())
                    .await?
                    .ok_or(AppError::LoginRequired)?;
                Ok(Self {
                    person: signed_in.session.person,
                    csrf: signed_in.session.csrf,
                    login: Some(Login {
                        token_hash: hash,
                        name: signed_in.name,
                        role: signed_in.role,
                    }),
                })
            }
        }
    }
}

/// The same viewer for API handlers, whose rejections are JSON.
pub struct ApiViewer(pub Viewer);

impl FromRequestParts<AppState> for ApiViewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Viewer::from_request_parts(parts, state)
            .await
            .map(Self)
            .map_err(ApiError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_distinct_and_stored_only_as_hashes() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
