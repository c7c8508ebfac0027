//! The whole store as an archive: export in one snapshot, import through the shared merge
//! (`crate::merge`) on this engine's upserts.

use cairn_core::archive::Archive;
use sqlx::Acquire;
use sqlx::postgres::PgConnection;

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
    ACTIVITY_SELECT, ASSESSMENT_SELECT, COMMITMENT_SELECT, CONSTRAINT_SELECT, CONVERSATION_SELECT,
    DECISION_SELECT, DESTINATION_SELECT, EVENT_SELECT, EVIDENCE_SELECT, LADDER_SELECT,
    PERSON_SELECT, PROFILE_CHANGE_SELECT, PgStore, REP_SELECT, ROUND_SELECT,
};
use crate::merge::merge;
use crate::{ImportSummary, Result};

pub(super) async fn export(store: &PgStore) -> Result<Archive> {
    // A repeatable-read transaction: one consistent snapshot while others write.
    let mut tx = store.pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let rows = crate::export::read_export!(&mut tx);
    tx.commit().await?;
    rows.try_into()
}

pub(super) async fn import(store: &PgStore, archive: &Archive) -> Result<ImportSummary> {
    let mut tx = store.pool.begin().await?;
    let summary = merge(&mut Merging(tx.acquire().await?), archive).await?;
    tx.commit().await?;
    Ok(summary)
}

// The archive merge's writes (see `crate::merge`), on this engine's transaction.
crate::merge::upserts_on!(PgConnection);
