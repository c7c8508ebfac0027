//! An export read once for both engines: every table in reference order, inside the
//! caller's read transaction, decoded into one archive.

use cairn_core::archive::{Archive, Growth};

use crate::rows::{
    ActivityRow, AssessmentRow, CommitmentRow, ConstraintRow, ConversationRow, DecisionRow,
    DestinationEventRow, DestinationRow, EvidenceRow, LadderRow, OriginRow, PersonRow,
    ProfileChangeRow, RepRow, RoundRow, TombstoneRow, decode_all, owner_setting,
};
use crate::{Result, StoreError};

/// Everything one engine read for an export, as rows.
pub(crate) struct ExportRows {
    pub owner: Option<String>,
    pub ladders: Vec<LadderRow>,
    pub people: Vec<PersonRow>,
    pub destinations: Vec<DestinationRow>,
    pub events: Vec<DestinationEventRow>,
    pub evidence: Vec<EvidenceRow>,
    pub rounds: Vec<RoundRow>,
    pub assessments: Vec<AssessmentRow>,
    pub activities: Vec<ActivityRow>,
    pub reps: Vec<RepRow>,
    pub conversations: Vec<ConversationRow>,
    pub commitments: Vec<CommitmentRow>,
    pub constraints: Vec<ConstraintRow>,
    pub decisions: Vec<DecisionRow>,
    pub profile_changes: Vec<ProfileChangeRow>,
    pub tombstones: Vec<TombstoneRow>,
    pub origins: Vec<OriginRow>,
    pub ladder_maps: Vec<String>,
}

impl TryFrom<ExportRows> for Archive {
    type Error = StoreError;
    fn try_from(rows: ExportRows) -> Result<Self> {
        Ok(Archive::new(
            owner_setting(rows.owner)?,
            decode_all(rows.ladders)?,
            decode_all(rows.people)?,
            decode_all(rows.destinations)?,
            decode_all(rows.events)?,
            decode_all(rows.evidence)?,
        )
        .with_rounds(decode_all(rows.rounds)?, decode_all(rows.assessments)?)
        .with_activities(decode_all(rows.activities)?)
        .with_growth(Growth {
            reps: decode_all(rows.reps)?,
            conversations: decode_all(rows.conversations)?,
            commitments: decode_all(rows.commitments)?,
            constraints: decode_all(rows.constraints)?,
            decisions: decode_all(rows.decisions)?,
            profile_changes: decode_all(rows.profile_changes)?,
        })
        .with_sync(decode_all(rows.tombstones)?, decode_all(rows.origins)?)
        .with_ladder_maps(crate::decode_maps(rows.ladder_maps)?))
    }
}

/// Reads every table for an export on `$tx`, an open read transaction, using the engine
/// module's own SELECT constants (which name the columns its way), and gives the rows.
macro_rules! read_export {
    ($tx:expr) => {{
        let tx = $tx;
        $crate::export::ExportRows {
            owner: sqlx::query_scalar("SELECT value FROM settings WHERE key = 'owner'")
                .fetch_optional(&mut **tx)
                .await?,
            ladders: sqlx::query_as(LADDER_SELECT).fetch_all(&mut **tx).await?,
            people: sqlx::query_as(PERSON_SELECT).fetch_all(&mut **tx).await?,
            destinations: sqlx::query_as(DESTINATION_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            events: sqlx::query_as(EVENT_SELECT).fetch_all(&mut **tx).await?,
            evidence: sqlx::query_as(EVIDENCE_SELECT).fetch_all(&mut **tx).await?,
            rounds: sqlx::query_as(ROUND_SELECT).fetch_all(&mut **tx).await?,
            assessments: sqlx::query_as(ASSESSMENT_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            activities: sqlx::query_as(ACTIVITY_SELECT).fetch_all(&mut **tx).await?,
            reps: sqlx::query_as(REP_SELECT).fetch_all(&mut **tx).await?,
            conversations: sqlx::query_as(CONVERSATION_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            commitments: sqlx::query_as(COMMITMENT_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            constraints: sqlx::query_as(CONSTRAINT_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            decisions: sqlx::query_as(DECISION_SELECT).fetch_all(&mut **tx).await?,
            profile_changes: sqlx::query_as(PROFILE_CHANGE_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            tombstones: sqlx::query_as(TOMBSTONE_SELECT)
                .fetch_all(&mut **tx)
                .await?,
            origins: sqlx::query_as(ORIGIN_SELECT).fetch_all(&mut **tx).await?,
            ladder_maps: sqlx::query_scalar($crate::LADDER_MAP_SELECT)
                .fetch_all(&mut **tx)
                .await?,
        }
    }};
}
pub(crate) use read_export;
