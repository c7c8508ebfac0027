//! Cairn's web app: server-rendered pages and the `/api/v1` JSON API over one [`Store`].
//!
//! This crate owns HTTP: the route table ([`router`]), page templates (askama, beside their
//! handlers in `pages/`), the API's request and response types (`api/`), the one error type
//! with an HTML and a JSON rendering (`error.rs`), and the protections every response gets
//! (`security.rs`). It knows nothing of sockets or flags: the binary binds and serves.
//!
//! Local mode serves one person, the store's owner, with no login; the binary refuses to
//! bind anything but loopback in this mode.

mod api;
mod draft;
mod error;
mod pages;
mod security;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;
use cairn_core::id::PersonId;
use cairn_core::ladder::{Ladder, LadderRef};
use cairn_core::person::Person;
use cairn_store::Store;

pub use error::AppError;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub store: Arc<dyn Store>,
    /// The person this local server acts for.
    pub owner: PersonId,
    /// The token every form must echo back, so another site cannot post forms here.
    pub csrf_token: Arc<str>,
    /// Ladder versions already read. A stored version never changes, so this is a cache of
    /// facts, not state: several servers on one database stay consistent.
    ladders: Arc<Mutex<HashMap<LadderRef, Arc<Ladder>>>>,
}

impl AppState {
    /// State for a local server acting for the store's owner.
    pub fn local(store: Arc<dyn Store>, owner: PersonId) -> Self {
        Self {
            store,
            owner,
            csrf_token: uuid::Uuid::new_v4().simple().to_string().into(),
            ladders: Arc::default(),
        }
    }

    /// The owner and their ladder, read fresh for each request (so the server holds no
    /// state of its own).
    async fn profile(&self) -> Result<(Person, Arc<Ladder>), AppError> {
        let me = self.store.person(self.owner).await?;
        let ladder = self.ladder(&me.ladder).await?;
        Ok((me, ladder))
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
}

/// The whole route table.
pub fn router(state: AppState) -> Router {
    Router::new()
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
        .route(
            "/evidence/{id}/delete",
            axum::routing::post(pages::evidence::delete),
        )
        .route("/ladder", get(pages::ladder::show))
        .route("/profile", get(pages::profile::show))
        .route("/assets/cairn.css", get(pages::stylesheet))
        .nest("/api/v1", api::routes())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::middleware::from_fn(security::loopback_host))
        .layer(axum::extract::DefaultBodyLimit::max(security::MAX_BODY))
        .with_state(state)
}
