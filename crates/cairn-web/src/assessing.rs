//! Whose assessment rounds, shape, readiness, conversations and signal a viewer may read or
//! add to, and the blindness rule applied to every read, shared by the pages and the API.
//!
//! The owner reads their own rounds (in team mode without the manager's entries until both
//! sides are in) and submits the self view; in local mode they may also type the manager's
//! view by hand. Their manager chain reads the rounds without the self entries until both
//! are in; only the direct manager submits the manager view. Anyone else gets "not found".

use std::sync::Arc;

use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::assessment::{
    AssessmentRound, Assessor, Rating, RoundChoice, choose_round, submission,
};
use cairn_core::calibration::{self, Calibration, Reader};
use cairn_core::conversation::{Commitment, Conversation};
use cairn_core::dates::now;
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationStatus};
use cairn_core::evidence::EvidenceQuery;
use cairn_core::id::{LevelId, PersonId, RoundId};
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_core::privacy::in_chain;
use cairn_core::readiness::{self, Readiness};
use cairn_core::shape::{self, Shape};
use cairn_core::signal::{self, Signal};
use cairn_core::voice::Voice;
use cairn_store::{AssessmentHistory, StoreError, assessment_history};

use crate::{AppError, AppState, Viewer};

/// A viewer's access to one person's rounds.
pub(crate) struct Access {
    /// Whose rounds.
    pub person: Person,
    /// Their ladder.
    pub ladder: Arc<Ladder>,
    /// What the viewer may see.
    pub reader: Reader,
    /// The sides the viewer may submit.
    pub sides: Vec<Assessor>,
    /// True when the viewer is the person.
    pub own: bool,
    /// True when the text is for a third party (the packet), spoken of in the third person.
    pub committee: bool,
}

/// The viewer's access to `person` (empty for themselves); not found when they have none.
pub(crate) async fn access(
    state: &AppState,
    viewer: &Viewer,
    person: &str,
) -> Result<Access, AppError> {
    let id: PersonId = if person.is_empty() {
        viewer.person
    } else {
        person.parse().map_err(|_| AppError::NotFound)?
    };
    // Someone else's rounds only for their manager chain, and only on a team server.
    if id != viewer.person
        && (!state.is_team() || !in_chain(viewer.person, id, &state.reporting_lines().await?))
    {
        return Err(AppError::NotFound);
    }
    let (person, ladder) = state.profile(id).await?;
    let own = person.id == viewer.person;
    let (reader, sides) = match (own, state.is_team()) {
        (true, false) => (Reader::Local, vec![Assessor::Own, Assessor::Manager]),
        (true, true) => (Reader::Side(Assessor::Own), vec![Assessor::Own]),
        (false, _) => {
            let direct = person.manager == Some(viewer.person);
            let sides = if direct {
                vec![Assessor::Manager]
            } else {
                vec![]
            };
            (Reader::Side(Assessor::Manager), sides)
        }
    };
    Ok(Access {
        person,
        ladder,
        reader,
        sides,
        own,
        committee: false,
    })
}

impl Access {
    /// The person's rounds with every entry; apply [`Access::reader`] before showing them.
    pub(crate) async fn history(&self, state: &AppState) -> Result<AssessmentHistory, AppError> {
        Ok(assessment_history(state.store.as_ref(), self.person.id).await?)
    }

    /// Calibration as this viewer may see it, against `target` or the destination's target
    /// (when the viewer may read the destination) or the next level.
    pub(crate) async fn calibration(
        &self,
        state: &AppState,
        history: &AssessmentHistory,
        target: Option<LevelId>,
    ) -> Result<Calibration, AppError> {
        let target = match target {
            Some(t) => {
                self.ladder.require_level("target", &t)?;
                Some(t)
            }
            None => self.destination(state).await?.and_then(|d| d.target_level),
        };
        let target = calibration::target_level(&self.ladder, &self.person.level, target.as_ref());
        let views = calibration::round_views(
            &history.rounds,
            &history.ladders,
            &history.entries,
            self.reader,
        );
        Ok(calibration::compute(&views, target.as_ref(), self.voice()))
    }

    /// The same access, for text handed to a third party.
    pub(crate) fn for_committee(self) -> Self {
        Self {
            committee: true,
            ..self
        }
    }

    /// Who reads: a third party, the person themselves, or someone in their manager chain.
    pub(crate) fn voice(&self) -> Voice<'_> {
        if self.committee {
            Voice::Committee(&self.person.name)
        } else if self.own {
            Voice::Engineer
        } else {
            Voice::Manager(&self.person.name)
        }
    }

    /// The person's active destination, if this viewer may read it.
    pub(crate) async fn destination(
        &self,
        state: &AppState,
    ) -> Result<Option<Destination>, AppError> {
        Ok(state
            .store
            .destinations(self.person.id)
            .await?
            .into_iter()
            .find(|d| {
                d.status == DestinationStatus::Active
                    && (self.own || d.visibility == Visibility::Shared)
            }))
    }

    /// The person's shape over `halves` half-years: all their evidence for themselves,
    /// only what they shared for their manager chain.
    pub(crate) async fn shape(&self, state: &AppState, halves: u32) -> Result<Shape, AppError> {
        let evidence = state
            .store
            .list_evidence(&EvidenceQuery {
                owner: Some(self.person.id),
                shared_only: !self.own,
                ..EvidenceQuery::default()
            })
            .await?;
        let today = chrono::Local::now().date_naive();
        Ok(shape::compute(&evidence, today, halves))
    }

    /// Readiness as this viewer may see it: against `target` (else the destination's target
    /// the viewer may read, else the next level), from all the person's evidence and reps
    /// for themselves, and only what they shared for their manager chain.
    pub(crate) async fn readiness(
        &self,
        state: &AppState,
        target: Option<LevelId>,
        window: u32,
    ) -> Result<Readiness, AppError> {
        if !(1..=60).contains(&window) {
            return Err(
                Invalid::new("window", format!("give 1 to 60 months, not {window}")).into(),
            );
        }
        let history = self.history(state).await?;
        let calibration = self.calibration(state, &history, target).await?;
        let Some(target) = calibration.target.clone() else {
            return Err(Invalid::new("target", "the ladder has no level to aim for").into());
        };
        let evidence = state
            .store
            .list_evidence(&EvidenceQuery {
                owner: Some(self.person.id),
                shared_only: !self.own,
                ..EvidenceQuery::default()
            })
            .await?;
        let reps: Vec<_> = state
            .store
            .reps(self.person.id)
            .await?
            .into_iter()
            .filter(|r| self.own || r.visibility == Visibility::Shared)
            .collect();
        let destination = self.destination(state).await?;
        let voice = self.voice();
        Ok(readiness::assess(readiness::Inputs {
            ladder: &self.ladder,
            current: &self.person.level,
            target: &target,
            destination: destination.as_ref(),
            calibration: &calibration,
            evidence: &evidence,
            reps: &reps,
            today: chrono::Local::now().date_naive(),
            window_months: window,
            voice,
        }))
    }

    /// The conversations (with their commitments) this viewer may read: all for the
    /// person, the shared ones for their manager chain.
    pub(crate) async fn conversations(
        &self,
        state: &AppState,
    ) -> Result<Vec<(Conversation, Vec<Commitment>)>, AppError> {
        Ok(state
            .store
            .conversations(self.person.id)
            .await?
            .into_iter()
            .filter(|(c, _)| self.own || c.visibility == Visibility::Shared)
            .collect())
    }

    /// The decisions this viewer may read: all for the person, the shared ones for their
    /// manager chain; oldest first.
    pub(crate) async fn decisions(&self, state: &AppState) -> Result<Vec<Decision>, AppError> {
        Ok(state
            .store
            .decisions(self.person.id)
            .await?
            .into_iter()
            .filter(|d| self.own || d.visibility == Visibility::Shared)
            .collect())
    }

    /// The strategic signal from what this viewer may read.
    pub(crate) async fn signal(&self, state: &AppState, window: u32) -> Result<Signal, AppError> {
        if !(1..=60).contains(&window) {
            return Err(
                Invalid::new("window", format!("give 1 to 60 months, not {window}")).into(),
            );
        }
        let talks = self.conversations(state).await?;
        let constraints: Vec<_> = state
            .store
            .constraints(self.person.id)
            .await?
            .into_iter()
            .filter(|c| self.own || c.visibility == Visibility::Shared)
            .collect();
        let today = chrono::Local::now().date_naive();
        Ok(signal::read(&talks, &constraints, today, window))
    }

    /// Records one side's view for the person, by the viewer.
    pub(crate) async fn submit(
        &self,
        state: &AppState,
        viewer: &Viewer,
        side: Assessor,
        round: Option<&str>,
        ratings: &[Rating],
    ) -> Result<AssessmentRound, AppError> {
        if !self.sides.contains(&side) {
            let who = match side {
                Assessor::Own => "only the engineer records their own view",
                Assessor::Manager => "only the engineer's manager records the manager's view",
            };
            return Err(Invalid::new("side", who).into());
        }
        let rounds = state.store.rounds(self.person.id).await?;
        let today = chrono::Local::now().date_naive();
        let at = now();
        let round =
            match choose_round(&rounds, round.filter(|r| !r.trim().is_empty()), side, today)? {
                RoundChoice::Existing(r) => r.clone(),
                RoundChoice::New(name) => AssessmentRound {
                    id: RoundId::new(),
                    owner: self.person.id,
                    ladder: self.person.ladder.clone(),
                    name,
                    self_submitted_at: None,
                    manager_submitted_at: None,
                    created_at: at,
                    updated_at: at,
                },
            };
        let ladder = match state.ladder(&round.ladder).await {
            Ok(ladder) => ladder,
            Err(AppError::NotFound) => {
                return Err(Invalid::new(
                    "round",
                    format!(
                        "round '{}' was made against ladder {} v{}, which is no longer stored; name a new round",
                        round.name, round.ladder.id, round.ladder.version
                    ),
                )
                .into());
            }
            Err(e) => return Err(e),
        };
        let entries = submission(&round, side, viewer.person, ratings, &ladder, at)?;
        match state
            .store
            .submit_assessment(&round, side, at, &entries)
            .await
        {
            Ok(()) => {}
            Err(e @ StoreError::AlreadySubmitted { .. }) => {
                return Err(Invalid::new("round", e.to_string()).into());
            }
            Err(e) => return Err(e.into()),
        }
        Ok(round.submitted(side, at))
    }
}
