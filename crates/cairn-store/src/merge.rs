//! Merging an archive into a store, written once for both engines: the order that keeps
//! every reference whole (ladders before the people on them, people before their records,
//! conversations before their commitments), over the small set of writes each engine
//! provides inside its one transaction.

use async_trait::async_trait;
use cairn_core::activity::Activity;
use cairn_core::archive::Archive;
use cairn_core::assessment::{Assessment, AssessmentRound};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation};
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent};
use cairn_core::evidence::Evidence;
use cairn_core::id::PersonId;
use cairn_core::ladder::Ladder;
use cairn_core::ladder::map::LadderMap;
use cairn_core::person::{Person, ProfileChange};
use cairn_core::rep::Rep;
use cairn_core::sync::{Origin, Tombstone};

use crate::{ImportSummary, Result};

/// One engine's writes for a merge. Each record is written when it is new or its copy is
/// newer (`updated_at`), and says whether it wrote; history (events, profile changes) and
/// ladder versions are only ever added.
#[async_trait]
pub(crate) trait Upserts: Send {
    /// Records the store's owner, unless one is recorded already.
    async fn owner(&mut self, owner: PersonId) -> Result<()>;
    async fn ladder(&mut self, ladder: &Ladder) -> Result<bool>;
    async fn person(&mut self, person: &Person) -> Result<bool>;
    async fn destination(&mut self, destination: &Destination) -> Result<bool>;
    async fn event(&mut self, event: &DestinationEvent) -> Result<bool>;
    /// Writes a batch of evidence and says how many entries it wrote.
    async fn evidence(&mut self, batch: &[Evidence]) -> Result<u64>;
    async fn round(&mut self, round: &AssessmentRound) -> Result<bool>;
    async fn assessment(&mut self, assessment: &Assessment) -> Result<bool>;
    async fn activity(&mut self, activity: &Activity) -> Result<bool>;
    async fn rep(&mut self, rep: &Rep) -> Result<bool>;
    async fn conversation(&mut self, conversation: &Conversation) -> Result<bool>;
    async fn commitment(&mut self, commitment: &Commitment) -> Result<bool>;
    async fn constraint(&mut self, constraint: &Constraint) -> Result<bool>;
    async fn decision(&mut self, decision: &Decision) -> Result<bool>;
    async fn profile_change(&mut self, change: &ProfileChange) -> Result<bool>;
    /// Keeps a tombstone and deletes what it names, unless that changed since.
    async fn tombstone(&mut self, tombstone: &Tombstone) -> Result<bool>;
    /// Notes where a record came from.
    async fn origin(&mut self, origin: &Origin) -> Result<bool>;
    /// Keeps a ladder map, replacing the one for the same pair of ladders.
    async fn ladder_map(&mut self, map: &LadderMap) -> Result<bool>;
}

/// Merges `archive` through `into`, in reference order, counting what was written and
/// what was already there.
pub(crate) async fn merge(into: &mut impl Upserts, archive: &Archive) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    if let Some(owner) = archive.owner {
        into.owner(owner).await?;
    }
    for ladder in &archive.ladders {
        summary.record(into.ladder(ladder).await?);
    }
    for map in &archive.ladder_maps {
        summary.record(into.ladder_map(map).await?);
    }
    for person in &archive.people {
        summary.record(into.person(person).await?);
    }
    for destination in &archive.destinations {
        summary.record(into.destination(destination).await?);
    }
    for event in &archive.destination_events {
        summary.record(into.event(event).await?);
    }
    let written = into.evidence(&archive.evidence).await?;
    summary.written += written;
    summary.unchanged += archive.evidence.len() as u64 - written;
    for round in &archive.rounds {
        summary.record(into.round(round).await?);
    }
    for assessment in &archive.assessments {
        summary.record(into.assessment(assessment).await?);
    }
    for activity in &archive.activities {
        summary.record(into.activity(activity).await?);
    }
    for rep in &archive.reps {
        summary.record(into.rep(rep).await?);
    }
    for conversation in &archive.conversations {
        summary.record(into.conversation(conversation).await?);
    }
    for commitment in &archive.commitments {
        summary.record(into.commitment(commitment).await?);
    }
    for constraint in &archive.constraints {
        summary.record(into.constraint(constraint).await?);
    }
    for decision in &archive.decisions {
        summary.record(into.decision(decision).await?);
    }
    for change in &archive.profile_changes {
        summary.record(into.profile_change(change).await?);
    }
    // Deletions last, so a record merged above and deleted since goes.
    for tombstone in &archive.tombstones {
        summary.record(into.tombstone(tombstone).await?);
    }
    for origin in &archive.origins {
        summary.record(into.origin(origin).await?);
    }
    Ok(summary)
}

/// Declares `Merging`, an engine's [`Upserts`] over its connection type `$conn`: each
/// write is the engine's own function of the same name (`insert_ladder`, `upsert_person`,
/// …), which both engines define, so the mapping is written once here too.
macro_rules! upserts_on {
    ($conn:ty) => {
        pub(crate) struct Merging<'c>(&'c mut $conn);

        #[async_trait::async_trait]
        impl $crate::merge::Upserts for Merging<'_> {
            async fn owner(&mut self, owner: cairn_core::id::PersonId) -> $crate::Result<()> {
                sqlx::query(
                    "INSERT INTO settings (key, value) VALUES ('owner', $1) ON CONFLICT (key) DO NOTHING",
                )
                .bind(owner.to_string())
                .execute(&mut *self.0)
                .await?;
                Ok(())
            }
            async fn ladder_map(&mut self, map: &cairn_core::ladder::map::LadderMap) -> $crate::Result<bool> {
                let document = serde_json::to_string(map).map_err(|e| $crate::StoreError::Corrupt {
                    what: "ladder map",
                    id: format!("{}@{}", map.from.id, map.from.version),
                    reason: e.to_string(),
                })?;
                let done = sqlx::query(
                    "INSERT INTO ladder_maps (from_id, from_version, to_id, to_version, document) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (from_id, from_version, to_id, to_version) \
                     DO UPDATE SET document = excluded.document WHERE ladder_maps.document <> excluded.document",
                )
                .bind(map.from.id.as_str())
                .bind(i64::from(map.from.version))
                .bind(map.to.id.as_str())
                .bind(i64::from(map.to.version))
                .bind(document)
                .execute(&mut *self.0)
                .await?;
                Ok(done.rows_affected() > 0)
            }
            async fn ladder(&mut self, ladder: &cairn_core::ladder::Ladder) -> $crate::Result<bool> {
                insert_ladder(self.0, ladder).await
            }
            async fn person(&mut self, person: &cairn_core::person::Person) -> $crate::Result<bool> {
                upsert_person(self.0, person).await
            }
            async fn destination(&mut self, destination: &cairn_core::destination::Destination) -> $crate::Result<bool> {
                upsert_destination(self.0, destination).await
            }
            async fn event(&mut self, event: &cairn_core::destination::DestinationEvent) -> $crate::Result<bool> {
                insert_event(self.0, event).await
            }
            async fn evidence(&mut self, batch: &[cairn_core::evidence::Evidence]) -> $crate::Result<u64> {
                upsert_evidence(self.0, batch).await
            }
            async fn round(&mut self, round: &cairn_core::assessment::AssessmentRound) -> $crate::Result<bool> {
                upsert_round(self.0, round).await
            }
            async fn assessment(&mut self, assessment: &cairn_core::assessment::Assessment) -> $crate::Result<bool> {
                upsert_assessment(self.0, assessment).await
            }
            async fn activity(&mut self, activity: &cairn_core::activity::Activity) -> $crate::Result<bool> {
                upsert_activity(self.0, activity).await
            }
            async fn rep(&mut self, rep: &cairn_core::rep::Rep) -> $crate::Result<bool> {
                upsert_rep(self.0, rep).await
            }
            async fn conversation(&mut self, conversation: &cairn_core::conversation::Conversation) -> $crate::Result<bool> {
                upsert_conversation(self.0, conversation).await
            }
            async fn commitment(&mut self, commitment: &cairn_core::conversation::Commitment) -> $crate::Result<bool> {
                upsert_commitment(self.0, commitment).await
            }
            async fn constraint(&mut self, constraint: &cairn_core::constraint::Constraint) -> $crate::Result<bool> {
                upsert_constraint(self.0, constraint).await
            }
            async fn decision(&mut self, decision: &cairn_core::decision::Decision) -> $crate::Result<bool> {
                upsert_decision(self.0, decision).await
            }
            async fn tombstone(&mut self, tombstone: &cairn_core::sync::Tombstone) -> $crate::Result<bool> {
                merge_tombstone(self.0, tombstone).await
            }
            async fn origin(&mut self, origin: &cairn_core::sync::Origin) -> $crate::Result<bool> {
                upsert_origin(self.0, origin).await
            }
            async fn profile_change(&mut self, change: &cairn_core::person::ProfileChange) -> $crate::Result<bool> {
                insert_profile_change(self.0, change).await
            }
        }
    };
}
pub(crate) use upserts_on;
