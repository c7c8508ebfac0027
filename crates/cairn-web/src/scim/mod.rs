//! SCIM 2.0 provisioning under `/scim/v2`: a company directory (Okta, Entra ID, any SCIM
//! client) creates, updates, moves and deactivates people and their reporting lines. It
//! acts with a token of scope `scim` that an admin made; every change it makes goes through
//! the store in one transaction and into the audit log. Answers and errors are in SCIM's
//! own shapes (`application/scim+json`), including every 404.
//!
//! What it declares is what Cairn keeps (`discovery`), so a directory reads back what it
//! wrote: `userName` (the login), name parts, `displayName`, `emails`, `active`,
//! `externalId`, and the enterprise extension's `manager` (the reporting line). Filters:
//! `ATTRIBUTE eq "VALUE"` on `userName`, `externalId`, `emails` / `emails.value` and `id`.

mod discovery;
mod patch;
mod users;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use cairn_core::access::Scope;
use cairn_core::account::Role;
use cairn_core::dates::now;
use serde_json::{Value, json};

use crate::accounts::Actor;
use crate::security::ClientAddress;
use crate::session::{bearer_token, token_hash};
use crate::{AppError, AppState};

/// The core User schema.
pub(crate) const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// The enterprise extension, which carries the manager.
pub(crate) const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/// A list's schema.
pub(crate) const LIST: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
const CONTENT_TYPE: &str = "application/scim+json";

/// The routes, relative to `/scim/v2`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ServiceProviderConfig", get(discovery::config))
        .route("/ResourceTypes", get(discovery::resource_types))
        .route("/ResourceTypes/{id}", get(discovery::resource_type))
        .route("/Schemas", get(discovery::schema_list))
        .route("/Schemas/{id}", get(discovery::schema))
        .route("/Users", get(users::list).post(users::create))
        .route("/Users/.search", post(users::search))
        .route("/.search", post(users::search))
        .route(
            "/Users/{id}",
            get(users::read)
                .put(users::replace)
                .patch(users::patch)
                .delete(users::remove),
        )
        .fallback(|| async { ScimError::not_found("no such SCIM endpoint") })
}

/// Where this server's SCIM resources live, for `meta.location` and `$ref`: absolute under
/// the public address when one is set, else relative.
pub(crate) fn base(state: &AppState) -> String {
    format!(
        "{}/scim/v2",
        state
            .public_url
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('/')
    )
}

/// A SCIM answer: JSON as `application/scim+json`.
pub struct ScimJson {
    status: StatusCode,
    body: Value,
    location: Option<String>,
}

impl ScimJson {
    /// 200 with `body`.
    pub(crate) fn ok(body: Value) -> Self {
        Self {
            status: StatusCode::OK,
            body,
            location: None,
        }
    }
}

impl IntoResponse for ScimJson {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Some(l) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            headers.insert(header::LOCATION, l);
        }
        response
    }
}

/// A SCIM error: its status, its `scimType` where the protocol names one, and what is wrong.
#[derive(Debug)]
pub struct ScimError {
    status: StatusCode,
    kind: Option<&'static str>,
    detail: String,
}

impl ScimError {
    pub(crate) fn new(status: StatusCode, kind: Option<&'static str>, detail: &str) -> Self {
        Self {
            status,
            kind,
            detail: detail.to_owned(),
        }
    }

    pub(crate) fn not_found(detail: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, None, detail)
    }

    pub(crate) fn invalid(kind: &'static str, detail: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some(kind), detail)
    }
}

impl From<AppError> for ScimError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => Self::not_found("no such user"),
            AppError::Invalid(i) if i.message.ends_with("is taken") => {
                Self::new(StatusCode::CONFLICT, Some("uniqueness"), &i.to_string())
            }
            AppError::Invalid(i) => Self::invalid("invalidValue", &i.to_string()),
            AppError::Rejected { status, message } => {
                Self::new(status, Some("invalidSyntax"), &message)
            }
            AppError::LoginRequired | AppError::BadToken => Self::new(
                StatusCode::UNAUTHORIZED,
                None,
                "send the provisioning token as Authorization: Bearer",
            ),
            AppError::InsufficientScope(why) => Self::new(StatusCode::FORBIDDEN, None, why),
            other => {
                let shown = other.into_json();
                Self::new(shown.status(), None, "something went wrong on the server")
            }
        }
    }
}

impl From<cairn_store::StoreError> for ScimError {
    fn from(e: cairn_store::StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl From<cairn_core::Invalid> for ScimError {
    fn from(e: cairn_core::Invalid) -> Self {
        AppError::from(e).into()
    }
}

impl IntoResponse for ScimError {
    fn into_response(self) -> Response {
        let mut body = json!({"schemas": [ERROR], "status": self.status.as_u16().to_string(), "detail": self.detail});
        if let Some(kind) = self.kind {
            body["scimType"] = json!(kind);
        }
        ScimJson {
            status: self.status,
            body,
            location: None,
        }
        .into_response()
    }
}

/// A JSON body (`application/json` or `application/scim+json`) whose rejections answer in
/// SCIM's error shape.
pub struct ScimBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for ScimBody<T> {
    type Rejection = ScimError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ScimError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(ScimError::new(
                rejection.status(),
                Some("invalidSyntax"),
                &rejection.body_text(),
            )),
        }
    }
}

/// The directory acting: a token of scope `scim`, whose owner is an active admin.
pub struct Provisioner(pub Actor);

impl FromRequestParts<AppState> for Provisioner {
    type Rejection = ScimError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ScimError> {
        if !state.is_team() {
            return Err(ScimError::not_found("a personal store provisions no one"));
        }
        let Some(secret) = bearer_token(parts)? else {
            return Err(AppError::LoginRequired.into());
        };
        let found = state
            .store
            .bearer(&token_hash(secret), now())
            .await?
            .ok_or(AppError::BadToken)?;
        if found.token.scope != Scope::Scim || found.role != Role::Admin {
            return Err(ScimError::new(
                StatusCode::FORBIDDEN,
                None,
                "provisioning takes an admin's token of scope scim (`cairn token create --scope scim`)",
            ));
        }
        let ClientAddress(address) = ClientAddress::from_request_parts(parts, state)
            .await
            .unwrap_or_else(|never| match never {});
        Ok(Self(Actor {
            person: Some(found.token.person),
            email: format!("{} (scim token '{}')", found.email, found.token.name),
            address,
        }))
    }
}
