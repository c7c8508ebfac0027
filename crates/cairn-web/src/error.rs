//! The one error type, rendered as an HTML page for browsers and as JSON for the API.
//!
//! Internal errors are logged to stderr with their cause and shown to the client only as
//! "something went wrong", so no store or SQL detail leaks out.

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use cairn_core::Invalid;
use cairn_store::StoreError;
use serde::Serialize;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing here, or nothing the caller may see (the two look the same on purpose).
    #[error("not found")]
    NotFound,
    /// A value broke a rule; `field` names it.
    #[error("{0}")]
    Invalid(Invalid),
    /// The request itself was unusable (malformed JSON, wrong content type, too large).
    #[error("{message}")]
    Rejected {
        /// The status the rejection carries (400, 413, 415, 422).
        status: StatusCode,
        /// What was wrong.
        message: String,
    },
    /// Team mode and no valid session: pages send the browser to the login form.
    #[error("log in first")]
    LoginRequired,
    /// A bearer token that is unknown, revoked or expired, or whose account is inactive.
    #[error("the token is not valid (unknown, revoked or expired); create a new one")]
    BadToken,
    /// A bearer token whose scope does not allow the request.
    #[error("this token's scope does not allow it: {0}")]
    InsufficientScope(&'static str),
    /// Too many failed logins for this login recently.
    #[error("too many failed logins; wait fifteen minutes and try again")]
    TooManyAttempts,
    /// A form was posted without this server's token.
    #[error("the form is stale or came from another site; reload the page and try again")]
    Forbidden,
    /// Anything else: logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } | StoreError::Ambiguous { .. } => Self::NotFound,
            StoreError::Duplicate(what) => {
                // `what` starts with the field: "login 'ada'", "round name '2026 H2'".
                let field = what.split_whitespace().next().unwrap_or("value").to_owned();
                Self::Invalid(Invalid::new(field, format!("{what} is taken")))
            }
            StoreError::Stale(id) => Self::Invalid(Invalid::new(
                "updated_at",
                format!("{id} was changed meanwhile; reload and retry"),
            )),
            // PostgreSQL refuses NUL in text ("character not in repertoire"). Records are
            // checked in core first; this catches what reaches a query unchecked, such as
            // a search term, as the caller's mistake rather than a server error.
            e if e.is_unstorable_text() => Self::Rejected {
                status: StatusCode::BAD_REQUEST,
                message: "the request holds a NUL character, which text cannot hold".into(),
            },
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        Self::Invalid(e)
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(format!("template: {e}"))
    }
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Rejected { status, .. } => *status,
            Self::LoginRequired | Self::BadToken => StatusCode::UNAUTHORIZED,
            Self::InsufficientScope(_) => StatusCode::FORBIDDEN,
            Self::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Invalid(_) => "invalid",
            Self::Rejected { .. } => "bad_request",
            Self::LoginRequired => "login_required",
            Self::BadToken => "invalid_token",
            Self::InsufficientScope(_) => "insufficient_scope",
            Self::TooManyAttempts => "too_many_attempts",
            Self::Forbidden => "forbidden",
            Self::Internal(_) => "internal",
        }
    }

    /// What the client may be told.
    fn public_message(&self) -> String {
        if let Self::Internal(detail) = self {
            eprintln!("cairn serve: {detail}");
            return "something went wrong on the server".into();
        }
        self.to_string()
    }

    /// The error as an API response.
    pub fn into_json(self) -> Response {
        let field = match &self {
            Self::Invalid(e) => Some(e.field.clone()),
            _ => None,
        };
        let body = ErrorBody {
            error: ErrorDetail {
                status: self.status().as_u16(),
                code: self.code(),
                message: self.public_message(),
                field,
            },
        };
        // A bearer client learns why in the header RFC 6750 names for it.
        let challenge = match &self {
            Self::BadToken => Some("Bearer error=\"invalid_token\""),
            Self::InsufficientScope(_) => Some("Bearer error=\"insufficient_scope\""),
            _ => None,
        };
        let mut response = (self.status(), Json(body)).into_response();
        if let Some(value) = challenge {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static(value),
            );
        }
        response
    }
}

/// The stable JSON error shape: `{"error": {"status", "code", "message", "field"?}}`.
#[derive(Serialize)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize)]
struct ErrorDetail {
    status: u16,
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    heading: &'static str,
    message: String,
}

/// Pages render errors as HTML.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if matches!(self, Self::LoginRequired) {
            return axum::response::Redirect::to("/login").into_response();
        }
        let status = self.status();
        let heading = match self {
            Self::LoginRequired => "Log in first",
            Self::TooManyAttempts => "Too many attempts",
            Self::NotFound => "Not found",
            Self::Invalid(_) | Self::Rejected { .. } => "That did not work",
            Self::Forbidden => "Form refused",
            Self::BadToken | Self::InsufficientScope(_) => "Token refused",
            Self::Internal(_) => "Something went wrong",
        };
        let page = ErrorPage {
            status: status.as_u16(),
            heading,
            message: self.public_message(),
        };
        let html = page.render().unwrap_or_else(|_| heading.to_owned());
        (status, Html(html)).into_response()
    }
}

/// API handlers' error: the same error, rendered as JSON.
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_json()
    }
}
