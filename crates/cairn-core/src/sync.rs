//! What moves between an engineer's own store and a team server (`cairn sync`), and the
//! rules for it. The engineer's store pushes their records marked shared (and the self side
//! of their assessment rounds), never a private record, an imported activity or the inbox;
//! the server answers with the engineer's records as it holds them, the manager's side of a
//! round only once both sides are in. Deletions travel as tombstones both ways. Records
//! merge by id, the newer `updated_at` winning, so a sync run twice changes nothing.
//!
//! Each store knows the engineer by its own person id: a batch is rebased from one to the
//! other as it crosses. What came from a server keeps an [`Origin`]: which remote (the
//! employer) and who wrote it, so it stays marked after the remote is removed.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::archive::{Archive, FORMAT, VERSION};
use crate::assessment::Assessor;
use crate::dates::Timestamp;
use crate::id::PersonId;
use crate::visibility::Visibility;

/// The kinds of record a tombstone or an origin names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A destination.
    Destination,
    /// A piece of evidence.
    Evidence,
    /// An assessment round.
    Round,
    /// One competency's assessment.
    Assessment,
    /// A rep.
    Rep,
    /// A growth conversation.
    Conversation,
    /// A commitment made in one.
    Commitment,
    /// A constraint.
    Constraint,
    /// A decision.
    Decision,
}

named_enum!(
    Kind,
    "kind",
    Destination = "destination",
    Evidence = "evidence",
    Round = "round",
    Assessment = "assessment",
    Rep = "rep",
    Conversation = "conversation",
    Commitment = "commitment",
    Constraint = "constraint",
    Decision = "decision"
);

/// A record deleted, so the deletion reaches the other store instead of the record coming
/// back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    /// What was deleted.
    pub kind: Kind,
    /// Its id.
    pub id: uuid::Uuid,
    /// Whose it was.
    pub owner: PersonId,
    /// When.
    pub deleted_at: Timestamp,
}

/// Where a record came from: the remote (the employer's server) it belongs to, and, for
/// what someone else wrote, who.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The record's kind.
    pub kind: Kind,
    /// Its id.
    pub id: uuid::Uuid,
    /// The remote's name (`work`).
    pub remote: String,
    /// Who wrote it, when not the engineer (their manager's name).
    pub author: Option<String>,
}

/// What one direction of a sync carries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// The records, in an archive's lists (no people, no activities).
    pub records: Records,
    /// Deletions.
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    /// Who wrote what, by record, when not the engineer (pulls only).
    #[serde(default)]
    pub authors: Vec<Origin>,
    /// Pulls only: where the next pull starts.
    #[serde(default)]
    pub cursor: Option<Timestamp>,
    /// Pulls only: whose record it is, as the server knows them.
    #[serde(default)]
    pub person: Option<PersonId>,
}

/// The record lists a batch carries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    /// Ladder versions the records pin.
    #[serde(default)]
    pub ladders: Vec<crate::ladder::Ladder>,
    /// Destinations.
    #[serde(default)]
    pub destinations: Vec<crate::destination::Destination>,
    /// Their history.
    #[serde(default)]
    pub destination_events: Vec<crate::destination::DestinationEvent>,
    /// Evidence.
    #[serde(default)]
    pub evidence: Vec<crate::evidence::Evidence>,
    /// Assessment rounds.
    #[serde(default)]
    pub rounds: Vec<crate::assessment::AssessmentRound>,
    /// Assessments.
    #[serde(default)]
    pub assessments: Vec<crate::assessment::Assessment>,
    /// Reps.
    #[serde(default)]
    pub reps: Vec<crate::rep::Rep>,
    /// Conversations.
    #[serde(default)]
    pub conversations: Vec<crate::conversation::Conversation>,
    /// Commitments.
    #[serde(default)]
    pub commitments: Vec<crate::conversation::Commitment>,
    /// Constraints.
    #[serde(default)]
    pub constraints: Vec<crate::constraint::Constraint>,
    /// Decisions.
    #[serde(default)]
    pub decisions: Vec<crate::decision::Decision>,
}

impl Records {
    /// How many records (ladders aside).
    pub fn len(&self) -> usize {
        self.destinations.len()
            + self.destination_events.len()
            + self.evidence.len()
            + self.rounds.len()
            + self.assessments.len()
            + self.reps.len()
            + self.conversations.len()
            + self.commitments.len()
            + self.constraints.len()
            + self.decisions.len()
    }

    /// True when there is no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records as an archive a store merges (no owner, no people).
    pub fn into_archive(self) -> Archive {
        Archive {
            format: FORMAT.to_owned(),
            version: VERSION,
            owner: None,
            ladders: self.ladders,
            people: Vec::new(),
            destinations: self.destinations,
            destination_events: self.destination_events,
            evidence: self.evidence,
            rounds: self.rounds,
            assessments: self.assessments,
            activities: Vec::new(),
            reps: self.reps,
            conversations: self.conversations,
            commitments: self.commitments,
            constraints: self.constraints,
            decisions: self.decisions,
            profile_changes: Vec::new(),
            tombstones: Vec::new(),
            origins: Vec::new(),
            ladder_maps: Vec::new(),
        }
    }

    /// Every record's kind and id.
    pub fn ids(&self) -> Vec<(Kind, uuid::Uuid)> {
        let mut ids = Vec::new();
        ids.extend(
            self.destinations
                .iter()
                .map(|r| (Kind::Destination, r.id.uuid())),
        );
        ids.extend(self.evidence.iter().map(|r| (Kind::Evidence, r.id.uuid())));
        ids.extend(self.rounds.iter().map(|r| (Kind::Round, r.id.uuid())));
        ids.extend(
            self.assessments
                .iter()
                .map(|r| (Kind::Assessment, r.id.uuid())),
        );
        ids.extend(self.reps.iter().map(|r| (Kind::Rep, r.id.uuid())));
        ids.extend(
            self.conversations
                .iter()
                .map(|r| (Kind::Conversation, r.id.uuid())),
        );
        ids.extend(
            self.commitments
                .iter()
                .map(|r| (Kind::Commitment, r.id.uuid())),
        );
        ids.extend(
            self.constraints
                .iter()
                .map(|r| (Kind::Constraint, r.id.uuid())),
        );
        ids.extend(self.decisions.iter().map(|r| (Kind::Decision, r.id.uuid())));
        ids
    }
}

/// What the engineer `owner` shares from `store` (an export of their own store), changed
/// after `since` (everything when `None`): shared destinations with their history, shared
/// evidence, rounds with the self side they submitted and its entries, shared reps,
/// shared conversations with their commitments, shared constraints they recorded, shared
/// decisions, and the ladder versions these pin. Never a private record, an activity, the
/// manager's side of a round, or anything of anyone else's.
pub fn shareable(store: &Archive, owner: PersonId, since: Option<Timestamp>) -> Records {
    let fresh = |t: Timestamp| since.is_none_or(|s| t > s);
    let shared = |v: Visibility| v == Visibility::Shared;
    let destinations: Vec<_> = store
        .destinations
        .iter()
        .filter(|d| d.owner == owner && shared(d.visibility))
        .cloned()
        .collect();
    let destination_ids: HashSet<_> = destinations.iter().map(|d| d.id).collect();
    let rounds: Vec<_> = store
        .rounds
        .iter()
        .filter(|r| r.owner == owner && r.self_submitted_at.is_some())
        .cloned()
        .collect();
    let round_ids: HashSet<_> = rounds.iter().map(|r| r.id).collect();
    let conversations: Vec<_> = store
        .conversations
        .iter()
        .filter(|c| c.owner == owner && shared(c.visibility))
        .cloned()
        .collect();
    let conversation_ids: HashSet<_> = conversations.iter().map(|c| c.id).collect();
    let mut records = Records {
        ladders: Vec::new(),
        destination_events: store
            .destination_events
            .iter()
            .filter(|e| destination_ids.contains(&e.destination) && fresh(e.at))
            .cloned()
            .collect(),
        destinations: destinations
            .into_iter()
            .filter(|d| fresh(d.updated_at))
            .collect(),
        evidence: store
            .evidence
            .iter()
            .filter(|e| e.owner == owner && shared(e.visibility) && fresh(e.updated_at))
            .cloned()
            .collect(),
        assessments: store
            .assessments
            .iter()
            .filter(|a| {
                round_ids.contains(&a.round)
                    && a.assessor == Assessor::Own
                    && a.recorded_by == owner
                    && fresh(a.updated_at)
            })
            .cloned()
            .collect(),
        rounds: rounds.into_iter().filter(|r| fresh(r.updated_at)).collect(),
        reps: store
            .reps
            .iter()
            .filter(|r| r.owner == owner && shared(r.visibility) && fresh(r.updated_at))
            .cloned()
            .collect(),
        commitments: store
            .commitments
            .iter()
            .filter(|k| conversation_ids.contains(&k.conversation) && fresh(k.updated_at))
            .cloned()
            .collect(),
        conversations: conversations
            .into_iter()
            .filter(|c| fresh(c.updated_at))
            .collect(),
        constraints: store
            .constraints
            .iter()
            .filter(|c| {
                c.owner == owner
                    && c.recorded_by == owner
                    && shared(c.visibility)
                    && fresh(c.updated_at)
            })
            .cloned()
            .collect(),
        decisions: store
            .decisions
            .iter()
            .filter(|d| d.owner == owner && shared(d.visibility) && fresh(d.updated_at))
            .cloned()
            .collect(),
    };
    // A round pushed for its new self entries comes with them, and a commitment with its
    // conversation, so the server can place them.
    for a in &records.assessments {
        if !records.rounds.iter().any(|r| r.id == a.round)
            && let Some(r) = store.rounds.iter().find(|r| r.id == a.round)
        {
            records.rounds.push(r.clone());
        }
    }
    for k in &records.commitments {
        if !records.conversations.iter().any(|c| c.id == k.conversation)
            && let Some(c) = store.conversations.iter().find(|c| c.id == k.conversation)
        {
            records.conversations.push(c.clone());
        }
    }
    records.ladders = pinned(store, &records);
    records
}

/// The ladder versions `records` pin, from `store`.
fn pinned(store: &Archive, records: &Records) -> Vec<crate::ladder::Ladder> {
    let wanted: HashSet<_> = records
        .evidence
        .iter()
        .map(|e| e.ladder.clone())
        .chain(records.rounds.iter().map(|r| r.ladder.clone()))
        .collect();
    store
        .ladders
        .iter()
        .filter(|l| wanted.contains(&l.reference()))
        .cloned()
        .collect()
}

/// The same records as the other store knows the engineer: every `from` becomes `to`, as
/// owner and as whoever recorded what. What someone else recorded about them becomes
/// `to`'s too (the other store knows no one else); its [`Origin`] keeps who wrote it.
pub fn rebase(records: &mut Records, from: PersonId, to: PersonId, others_too: bool) {
    let map = |id: &mut PersonId| {
        if *id == from || others_too {
            *id = to;
        }
    };
    for r in &mut records.destinations {
        map(&mut r.owner);
    }
    for r in &mut records.destination_events {
        map(&mut r.owner);
    }
    for r in &mut records.evidence {
        map(&mut r.owner);
    }
    for r in &mut records.rounds {
        map(&mut r.owner);
    }
    for r in &mut records.assessments {
        map(&mut r.recorded_by);
    }
    for r in &mut records.reps {
        map(&mut r.owner);
    }
    for r in &mut records.conversations {
        map(&mut r.owner);
    }
    for r in &mut records.constraints {
        map(&mut r.owner);
        map(&mut r.recorded_by);
    }
    for r in &mut records.decisions {
        map(&mut r.owner);
    }
}

/// Checks a pushed batch on the server: every record is `owner`'s and shared, a round
/// carries only the self side its owner recorded, a constraint only what its owner
/// recorded, and a tombstone only the owner's. Errors name the list and position.
pub fn check_push(batch: &Batch, owner: PersonId) -> Result<(), crate::Invalid> {
    use crate::Invalid;
    let not = |field: String, why: &str| Err(Invalid::new(field, why.to_owned()));
    let r = &batch.records;
    let owned = |list: &str, i: usize, who: PersonId| -> Result<(), Invalid> {
        if who == owner {
            Ok(())
        } else {
            not(format!("{list}[{i}].owner"), "is not you")
        }
    };
    let shared = |list: &str, i: usize, v: Visibility| -> Result<(), Invalid> {
        if v == Visibility::Shared {
            Ok(())
        } else {
            not(
                format!("{list}[{i}].visibility"),
                "only shared records are synced",
            )
        }
    };
    for (i, d) in r.destinations.iter().enumerate() {
        owned("destinations", i, d.owner)?;
        shared("destinations", i, d.visibility)?;
    }
    for (i, e) in r.destination_events.iter().enumerate() {
        owned("destination_events", i, e.owner)?;
    }
    for (i, e) in r.evidence.iter().enumerate() {
        owned("evidence", i, e.owner)?;
        shared("evidence", i, e.visibility)?;
    }
    for (i, x) in r.rounds.iter().enumerate() {
        owned("rounds", i, x.owner)?;
    }
    for (i, a) in r.assessments.iter().enumerate() {
        if a.assessor != Assessor::Own || a.recorded_by != owner {
            return not(
                format!("assessments[{i}]"),
                "only your own side of a round is synced",
            );
        }
    }
    for (i, x) in r.reps.iter().enumerate() {
        owned("reps", i, x.owner)?;
        shared("reps", i, x.visibility)?;
    }
    for (i, c) in r.conversations.iter().enumerate() {
        owned("conversations", i, c.owner)?;
        shared("conversations", i, c.visibility)?;
    }
    for (i, c) in r.constraints.iter().enumerate() {
        owned("constraints", i, c.owner)?;
        if c.recorded_by != owner {
            return not(format!("constraints[{i}].recorded_by"), "is not you");
        }
        shared("constraints", i, c.visibility)?;
    }
    for (i, d) in r.decisions.iter().enumerate() {
        owned("decisions", i, d.owner)?;
        shared("decisions", i, d.visibility)?;
    }
    for (i, t) in batch.tombstones.iter().enumerate() {
        owned("tombstones", i, t.owner)?;
    }
    Ok(())
}

/// Where a store's sync with one remote stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncState {
    /// The remote's name.
    pub remote: String,
    /// Its address when last synced.
    pub url: String,
    /// The engineer's person id on the remote.
    pub remote_person: PersonId,
    /// When the last push began: records changed after it go next time.
    pub pushed_at: Option<Timestamp>,
    /// The remote's cursor after the last pull.
    pub pulled_at: Option<Timestamp>,
}

/// Keeps only what may go to `remote`: records the engineer wrote with no origin yet, or
/// from `remote` itself. What came from, or went to, another employer's server stays away
/// from this one (shared with one manager is not shared with the next), and what someone
/// else wrote is never sent back as the engineer's.
pub fn only_for(records: &mut Records, origins: &[Origin], remote: &str) {
    let elsewhere = |kind: Kind, id: uuid::Uuid| {
        origins
            .iter()
            .any(|o| o.kind == kind && o.id == id && (o.remote != remote || o.author.is_some()))
    };
    records
        .destinations
        .retain(|r| !elsewhere(Kind::Destination, r.id.uuid()));
    let destinations: HashSet<_> = records.destinations.iter().map(|d| d.id).collect();
    records
        .destination_events
        .retain(|e| destinations.contains(&e.destination));
    records
        .evidence
        .retain(|r| !elsewhere(Kind::Evidence, r.id.uuid()));
    records
        .rounds
        .retain(|r| !elsewhere(Kind::Round, r.id.uuid()));
    let rounds: HashSet<_> = records.rounds.iter().map(|r| r.id).collect();
    records
        .assessments
        .retain(|a| rounds.contains(&a.round) && !elsewhere(Kind::Assessment, a.id.uuid()));
    records.reps.retain(|r| !elsewhere(Kind::Rep, r.id.uuid()));
    records
        .conversations
        .retain(|r| !elsewhere(Kind::Conversation, r.id.uuid()));
    let conversations: HashSet<_> = records.conversations.iter().map(|c| c.id).collect();
    records
        .commitments
        .retain(|k| conversations.contains(&k.conversation));
    records
        .constraints
        .retain(|r| !elsewhere(Kind::Constraint, r.id.uuid()));
    records
        .decisions
        .retain(|r| !elsewhere(Kind::Decision, r.id.uuid()));
}

/// Gives each round in `records` the id of the round of the same owner and name in `held`,
/// with its entries: the engineer and their manager may each open "2026 H2" before a
/// sync, and a person has one round of a name. Each store keeps its own id.
pub fn adopt_rounds(records: &mut Records, held: &[crate::assessment::AssessmentRound]) {
    for round in &mut records.rounds {
        let Some(same) = held
            .iter()
            .find(|h| h.owner == round.owner && h.name == round.name && h.id != round.id)
        else {
            continue;
        };
        for a in records
            .assessments
            .iter_mut()
            .filter(|a| a.round == round.id)
        {
            a.round = same.id;
        }
        round.id = same.id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::tests::sample;
    use crate::dates::now;

    /// The sample store with its first entry shared and its round's manager side typed in.
    fn store() -> Archive {
        let mut a = sample();
        a.evidence[0].visibility = Visibility::Shared;
        let mut manager = a.assessments[0].clone();
        manager.id = crate::id::AssessmentId::new();
        manager.assessor = Assessor::Manager;
        a.assessments.push(manager);
        a
    }

    #[test]
    fn only_shared_records_and_the_self_side_are_shareable() {
        let a = store();
        let me = a.people[0].id;
        let r = shareable(&a, me, None);
        assert_eq!(r.evidence.len(), 1, "the two private entries stay");
        assert_eq!(r.evidence[0].id, a.evidence[0].id);
        assert_eq!(r.rounds.len(), 1);
        assert!(r.assessments.iter().all(|x| x.assessor == Assessor::Own));
        assert_eq!(r.ladders.len(), 1, "the ladder the records pin");
        assert!(shareable(&a, crate::id::PersonId::new(), None).is_empty());
        let later = shareable(&a, me, Some(now()));
        assert!(later.is_empty(), "nothing changed since: {later:?}");
    }

    #[test]
    fn what_came_from_another_employer_or_another_hand_stays() {
        let a = store();
        let me = a.people[0].id;
        let mut r = shareable(&a, me, None);
        let origins = vec![
            Origin {
                kind: Kind::Evidence,
                id: a.evidence[0].id.uuid(),
                remote: "acme".into(),
                author: None,
            },
            Origin {
                kind: Kind::Assessment,
                id: r.assessments[0].id.uuid(),
                remote: "globex".into(),
                author: Some("Grace".into()),
            },
        ];
        let mut to_acme = r.clone();
        only_for(&mut to_acme, &origins, "acme");
        assert_eq!(to_acme.evidence.len(), 1);
        assert!(to_acme.assessments.is_empty(), "written by Grace");
        only_for(&mut r, &origins, "globex");
        assert!(r.evidence.is_empty(), "went to acme");
    }

    #[test]
    fn a_push_of_anything_not_the_pushers_own_and_shared_is_refused() {
        let a = store();
        let me = a.people[0].id;
        let records = shareable(&a, me, None);
        let push = |records: Records| Batch {
            records,
            ..Batch::default()
        };
        assert!(check_push(&push(records.clone()), me).is_ok());
        let other = crate::id::PersonId::new();
        assert_eq!(
            check_push(&push(records.clone()), other).unwrap_err().field,
            "evidence[0].owner"
        );
        let mut private = records.clone();
        private.evidence[0].visibility = Visibility::Private;
        assert_eq!(
            check_push(&push(private), me).unwrap_err().field,
            "evidence[0].visibility"
        );
        let mut manager = records.clone();
        manager.assessments[0].assessor = Assessor::Manager;
        assert_eq!(
            check_push(&push(manager), me).unwrap_err().field,
            "assessments[0]"
        );
        let theirs = Batch {
            tombstones: vec![Tombstone {
                kind: Kind::Evidence,
                id: uuid::Uuid::new_v4(),
                owner: other,
                deleted_at: now(),
            }],
            ..Batch::default()
        };
        assert_eq!(
            check_push(&theirs, me).unwrap_err().field,
            "tombstones[0].owner"
        );
    }

    #[test]
    fn rebasing_moves_the_engineer_and_adopting_keeps_one_round_per_name() {
        let a = store();
        let me = a.people[0].id;
        let there = crate::id::PersonId::new();
        let mut r = shareable(&a, me, None);
        rebase(&mut r, me, there, false);
        assert!(r.evidence.iter().all(|e| e.owner == there));
        assert!(r.assessments.iter().all(|x| x.recorded_by == there));
        let mut held = r.rounds[0].clone();
        held.id = crate::id::RoundId::new();
        adopt_rounds(&mut r, std::slice::from_ref(&held));
        assert_eq!(r.rounds[0].id, held.id);
        assert!(r.assessments.iter().all(|x| x.round == held.id));
    }
}
