//! Who is asking: the [`Viewer`] every handler receives. In local mode it is the store's
//! owner; in team mode it comes from the session cookie, or on the API from a personal
//! access token sent as `Authorization: Bearer`, checked against the store on every request
//! (sessions and tokens live in the database, so any app server can answer). A token's
//! scope is enforced here, once: a read token may only read, and a SCIM token may only
//! provision accounts.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use cairn_core::access::{Scope, TOKEN_PREFIX};
use cairn_core::account::Role;
use cairn_core::dates::now;
use cairn_core::id::{PersonId, TokenId};
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

/// Who is logged in to a team server, from the one read of their session or token.
#[derive(Debug, Clone)]
pub struct Login {
    /// How the request proved who it is.
    pub via: Via,
    /// Their name, as the page chrome shows it.
    pub name: String,
    /// Their login (an email address), as the audit log names them.
    pub email: String,
    /// Their account's role.
    pub role: Role,
}

/// How a team request proved who it is.
#[derive(Debug, Clone)]
pub enum Via {
    /// A browser session; the hash of its cookie (for logout).
    Session(String),
    /// A personal access token and its scope.
    Token(TokenId, Scope),
}

impl Viewer {
    /// True for a team server's admin.
    pub fn is_admin(&self) -> bool {
        self.login.as_ref().is_some_and(|l| l.role == Role::Admin)
    }

    /// The hash of this request's session cookie, when it came with one.
    pub fn session_hash(&self) -> Option<&str> {
        match &self.login.as_ref()?.via {
            Via::Session(hash) => Some(hash),
            Via::Token(..) => None,
        }
    }
}

/// SHA-256 of a session token, hex: what the store keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new unguessable token: 244 random bits (two version-4 UUIDs), hex.
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// A new personal access token's secret: [`TOKEN_PREFIX`] and a [`new_token`].
pub fn new_access_token() -> String {
    format!("{TOKEN_PREFIX}{}", new_token())
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
                        via: Via::Session(hash),
                        name: signed_in.name,
                        email: signed_in.email,
                        role: signed_in.role,
                    }),
                })
            }
        }
    }
}

/// The same viewer for API handlers, whose rejections are JSON. On a team server a request
/// may prove who it is with a bearer token instead of a session cookie; CSRF does not apply
/// to it (a browser never sends one on its own).
pub struct ApiViewer(pub Viewer);

impl FromRequestParts<AppState> for ApiViewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let bearer = match &state.mode {
            Mode::Team { .. } => bearer_token(parts).map_err(ApiError)?,
            Mode::Local { .. } => None,
        };
        let Some(secret) = bearer else {
            return Viewer::from_request_parts(parts, state)
                .await
                .map(Self)
                .map_err(ApiError);
        };
        let found = state
            .store
            .bearer(&token_hash(secret), now())
            .await
            .map_err(|e| ApiError(e.into()))?
            .ok_or(ApiError(AppError::BadToken))?;
        let scope = found.token.scope;
        let reads = matches!(parts.method, Method::GET | Method::HEAD);
        match scope {
            Scope::Scim => {
                return Err(ApiError(AppError::InsufficientScope(
                    "a SCIM token provisions accounts under /scim/v2 only",
                )));
            }
            Scope::Read if !reads => {
                return Err(ApiError(AppError::InsufficientScope(
                    "a read token may only read",
                )));
            }
            Scope::Read | Scope::Write => {}
        }
        Ok(Self(Viewer {
            person: found.token.person,
            csrf: String::new(),
            login: Some(Login {
                via: Via::Token(found.token.id, scope),
                name: found.name,
                email: found.email,
                role: found.role,
            }),
        }))
    }
}

/// The token of an `Authorization: Bearer` header, if the request has one; any other use of
/// the header is refused rather than ignored, so a client never acts as no one by mistake.
pub fn bearer_token(parts: &Parts) -> Result<Option<&str>, AppError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AppError::BadToken)?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(Some(token.trim()))
        }
        _ => Err(AppError::BadToken),
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
