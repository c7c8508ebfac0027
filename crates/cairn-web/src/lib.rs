//! Cairn's web app: server-rendered pages and the `/api/v1` JSON API.
//!
//! Empty until the web issue lands; the crate exists now so the workspace has its final shape
//! and the binary's dependency graph does not change when it fills in.
