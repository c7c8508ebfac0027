//! The whole store as an archive: export in one snapshot, import through the shared merge
//! (`crate::merge`) on this engine's upserts.

use cairn_core::archive::Archive;
use sqlx::Acquire;
use sqlx::sqlite::SqliteConnection;

use super::evidence::upsert_evidence;
use super::goals::{insert_event, insert_ladder, upsert_destination};
use super::growth::{
    upsert_commitment, upsert_constraint, upsert_conversation, upsert_decision, upsert_rep,
};
use super::inbox::upsert_activity;
use super::people::{insert_profile_change, upsert_person};
use super::rounds::{upsert_assessment, upsert_round};
use super::sync::{ORIGIN_SELECT, TOMBSTONE_SELECT, merge_tombstone, upsert_origin};
use super::{
    ACTIVITY_SELECT, ASSESSMENT_SELECT, BEGIN_WRITE, COMMITMENT_SELECT, CONSTRAINT_SELECT,
    CONVERSATION_SELECT, DECISION_SELECT, DESTINATION_SELECT, EVENT_SELECT, EVIDENCE_SELECT,
    LADDER_SELECT, PERSON_SELECT, PROFILE_CHANGE_SELECT, REP_SELECT, ROUND_SELECT, SqliteStore,
};
use crate::merge::merge;
use crate::{ImportSummary, Result};

pub(super) async fn export(store: &SqliteStore) -> Result<Archive> {
    // One read transaction: a consistent snapshot even while others write.
    let mut tx = store.pool.begin().await?;
    let rows = crate::export::read_export!(&mut tx);
    tx.commit().await?;
    rows.try_into()
}

pub(super) async fn import(store: &SqliteStore, archive: &Archive) -> Result<ImportSummary> {
    let mut tx = store.pool.begin_with(BEGIN_WRITE).await?;
    let summary = merge(&mut Merging(tx.acquire().await?), archive).await?;
    tx.commit().await?;
    Ok(summary)
}

// The archive merge's writes (see `crate::merge`), on this engine's transaction.
crate::merge::upserts_on!(SqliteConnection);
