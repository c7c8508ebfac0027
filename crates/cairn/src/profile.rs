//! The profile a command acts for: the open store, its owner, and the owner's ladder.

use std::sync::Arc;

use anyhow::Context;
use cairn_core::evidence::{Evidence, EvidenceQuery};
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_store::Store;
use cairn_store::views::View;

use crate::cli::Globals;
use crate::failure::BadInput;

/// An open store and the person it belongs to.
pub struct Profile {
    /// The store.
    pub store: Arc<dyn Store>,
    /// The store's owner.
    pub me: Person,
    /// The ladder version the owner's level is on.
    pub ladder: Arc<Ladder>,
}

impl Profile {
    /// Opens the configured store, which must exist and have been initialised.
    pub async fn load(globals: &Globals) -> anyhow::Result<Self> {
        let location = globals.config.location();
        let store = globals.open(&location).await?;
        let Some(owner) = store.owner().await? else {
            return Err(BadInput(format!(
                "the store at {location} has no profile yet; run `cairn init --name NAME --level LEVEL`"
            ))
            .into());
        };
        let me = store.person(owner).await.context("reading the profile")?;
        let ladder = Arc::new(
            store
                .ladder(&me.ladder)
                .await
                .context("reading the profile's ladder")?,
        );
        Ok(Self { store, me, ladder })
    }

    /// The owner's own view of their record: a personal store's (both sides of every round
    /// shown, as the owner types both).
    pub fn view(&self) -> View {
        View::own(self.me.clone(), Arc::clone(&self.ladder), false)
    }

    /// All of the owner's evidence, newest first.
    pub async fn all_evidence(&self) -> anyhow::Result<Vec<Evidence>> {
        let query = EvidenceQuery {
            owner: Some(self.me.id),
            ..EvidenceQuery::default()
        };
        Ok(self.store.list_evidence(&query).await?)
    }
}
