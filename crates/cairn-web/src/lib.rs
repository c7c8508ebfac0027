//! Cairn's web app: server-rendered pages and the `/api/v1` JSON API over one [`Store`].
//!
//! This crate owns HTTP: the route table ([`router`]), page templates (askama, beside their
//! handlers in `pages/`), the API's request and response types (`api/`), the one error type
//! with an HTML and a JSON rendering (`error.rs`), who is asking (`session.rs`), password
//! hashing (`password.rs`) and the protections every response gets (`security.rs`). It
//! knows nothing of sockets or flags: the binary binds and serves.
//!
//! Local mode serves one person, the store's owner, with no login; the binary refuses to
//! bind anything but loopback in this mode. Team mode serves everyone with an account.

// The OpenAPI document is one `json!` literal, deeper than the default macro limit.
#![recursion_limit = "512"]

pub mod accounts;
mod api;
mod assessing;
mod draft;
mod error;
mod importing;
pub mod packet;
mod pages;
mod params;
pub mod password;
mod prose;
mod recording;
mod scim;
mod security;
pub mod session;
pub mod sso;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::{get, post};
use cairn_core::id::PersonId;
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::Person;
use cairn_core::privacy::ReportingLines;
use cairn_store::Store;
use chrono::NaiveDate;

pub use error::AppError;
pub use session::Viewer;

/// Who the server serves.
#[derive(Clone)]
pub enum Mode {
    /// One person, no login, loopback only.
    Local {
        /// The store's owner.
        owner: PersonId,
        /// The token every form must echo back, made when the server starts.
        csrf: Arc<str>,
    },
    /// Everyone with an account; sessions in the store.
    Team {
        /// Mark the session cookie `Secure` (the server is behind TLS).
        secure_cookies: bool,
    },
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub store: Arc<dyn Store>,
    /// Local or team.
    pub mode: Mode,
    /// Ladder versions already read. A stored version never changes, so this is a cache of
    /// facts, not state: several servers on one database stay consistent.
    ladders: Arc<Mutex<HashMap<LadderRef, Arc<Ladder>>>>,
    /// Team mode: single sign-on through an identity provider, when set up.
    pub sign_on: Option<Arc<sso::Sso>>,
    /// Team mode: local passwords are accepted (turned off to sign on only through SSO).
    pub passwords: bool,
    /// Where people reach the server (`https://cairn.acme.example`), for absolute links
    /// such as SCIM's `meta.location`; unset, links are relative.
    pub public_url: Option<String>,
}

impl AppState {
    /// State for a local server acting for the store's owner.
    pub fn local(store: Arc<dyn Store>, owner: PersonId) -> Self {
        let csrf = uuid::Uuid::new_v4().simple().to_string().into();
        Self {
            store,
            mode: Mode::Local { owner, csrf },
            ladders: Arc::default(),
            sign_on: None,
            passwords: false,
            public_url: None,
        }
    }

    /// State for a team server.
    pub fn team(store: Arc<dyn Store>, secure_cookies: bool) -> Self {
        Self {
            store,
            mode: Mode::Team { secure_cookies },
            ladders: Arc::default(),
            sign_on: None,
            passwords: true,
            public_url: None,
        }
    }

    /// The same team server, signing people on through `sso`; with `passwords` false, only
    /// through it.
    #[must_use]
    pub fn with_sign_on(self, sso: Arc<sso::Sso>, passwords: bool) -> Self {
        Self {
            sign_on: Some(sso),
            passwords,
            ..self
        }
    }

    /// The same server, reached at `url`.
    #[must_use]
    pub fn with_public_url(self, url: &str) -> Self {
        Self {
            public_url: Some(url.trim_end_matches('/').to_owned()),
            ..self
        }
    }

    /// Session cookies are marked `Secure`.
    fn secure_cookies(&self) -> bool {
        matches!(
            self.mode,
            Mode::Team {
                secure_cookies: true
            }
        )
    }

    /// A person and their ladder, read fresh for each request.
    async fn profile(&self, person: PersonId) -> Result<(Person, Arc<Ladder>), AppError> {
        let me = self.store.person(person).await?;
        let ladder = self.ladder(&me.ladder).await?;
        Ok((me, ladder))
    }

    /// Everyone's manager, for privacy checks.
    async fn reporting_lines(&self) -> Result<ReportingLines, AppError> {
        Ok(self
            .store
            .people()
            .await?
            .into_iter()
            .map(|p| (p.id, p.manager))
            .collect())
    }

    /// A ladder version, from the cache or the store.
    async fn ladder(&self, reference: &LadderRef) -> Result<Arc<Ladder>, AppError> {
        if let Some(ladder) = self.cached(reference) {
            return Ok(ladder);
        }
        let ladder = Arc::new(self.store.ladder(reference).await?);
        if let Ok(mut cache) = self.ladders.lock() {
            cache.insert(reference.clone(), ladder.clone());
        }
        Ok(ladder)
    }

    fn cached(&self, reference: &LadderRef) -> Option<Arc<Ladder>> {
        self.ladders.lock().ok()?.get(reference).cloned()
    }

    /// Today's date: the one clock every handler reads dates against.
    pub fn today(&self) -> NaiveDate {
        cairn_core::dates::today()
    }

    fn is_team(&self) -> bool {
        matches!(self.mode, Mode::Team { .. })
    }
}

/// The whole route table.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/", get(pages::dashboard::show))
        .route(
            "/evidence",
            get(pages::evidence::list).post(pages::evidence::create),
        )
        .route("/evidence/new", get(pages::evidence::new))
        .route(
            "/evidence/{id}",
            get(pages::evidence::edit).post(pages::evidence::update),
        )
        .route("/evidence/{id}/delete", post(pages::evidence::delete))
        .route("/goal", get(pages::goal::show).post(pages::goal::set))
        .route(
            "/calibration",
            get(pages::calibration::show).post(pages::calibration::submit),
        )
        .route("/shape", get(pages::shape::show))
        .route("/ready", get(pages::readiness::ready))
        .route("/team", get(pages::team::show))
        .route("/packet", get(pages::documents::case))
        .route("/coaching", get(pages::documents::coaching))
        .route("/reps", get(pages::reps::reps).post(pages::reps::add_rep))
        .route("/reps/status", post(pages::reps::set_rep_status))
        .route("/reps/delete", post(pages::reps::delete_rep))
        .route(
            "/conversations",
            get(pages::conversations::conversations).post(pages::conversations::add_conversation),
        )
        .route(
            "/conversations/outcome",
            post(pages::conversations::resolve),
        )
        .route("/constraints", post(pages::constraints::add_constraint))
        .route("/inbox", get(pages::inbox::show))
        .route("/inbox/accept", post(pages::inbox::accept))
        .route("/inbox/dismiss", post(pages::inbox::dismiss))
        .route(
            "/inbox/import",
            post(pages::inbox::import)
                .layer(axum::extract::DefaultBodyLimit::max(importing::MAX_FILE)),
        )
        .route("/ladder", get(pages::ladder::show))
        .route("/ladder/next", get(pages::ladder::next))
        .route(
            "/profile",
            get(pages::profile::show).post(pages::profile::set),
        )
        .route("/profile/tokens", post(pages::credentials::create))
        .route(
            "/profile/tokens/{id}/revoke",
            post(pages::credentials::revoke),
        )
        .route("/profile/password", post(pages::credentials::password))
        .route(
            "/decide",
            get(pages::decide::show).post(pages::decide::decide),
        )
        .route("/admin", get(pages::admin::show))
        .route("/admin/users", post(pages::admin::add))
        .route("/admin/users/{id}", post(pages::admin::change))
        .route("/admin/audit", get(pages::admin::audit))
        .route(
            "/reset/{code}",
            get(pages::reset::form).post(pages::reset::submit),
        )
        .route("/login", get(pages::login::form).post(pages::login::submit))
        .route("/auth/oidc/start", get(pages::sign_on::start))
        .route(sso::CALLBACK, get(pages::sign_on::callback))
        .route("/logout", post(pages::login::logout))
        .route("/assets/cairn.css", get(pages::stylesheet))
        .nest("/api/v1", api::routes())
        .nest("/scim/v2", scim::routes())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(security::headers));
    // A local server has no login, so it must not be reachable through another name.
    let routes = match state.mode {
        Mode::Local { .. } => routes.layer(axum::middleware::from_fn(security::loopback_host)),
        Mode::Team { .. } => routes,
    };
    routes
        .layer(axum::extract::DefaultBodyLimit::max(security::MAX_BODY))
        .with_state(state)
}
