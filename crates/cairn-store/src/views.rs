//! Read models: what one viewer may see of one person, assembled once from store reads and
//! core rules, so the command line, the pages and the API give the same answers.
//!
//! A [`View`] is a person seen by someone: themselves, or someone in their manager chain.
//! Every read goes through [`View::may_read`], the one visibility rule (the person reads
//! everything of theirs, anyone else only what was shared), and rounds through the
//! blindness rule of its [`Reader`]. Who may hold a view of whom (the reporting lines) is
//! decided before one is made, by the caller's access check.

use std::sync::Arc;

use cairn_core::calibration::{self, Calibration, Reader};
use cairn_core::coaching::{self, Coaching};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation};
use cairn_core::decision::Decision;
use cairn_core::destination::{Destination, DestinationEvent, DestinationStatus};
use cairn_core::evidence::{Evidence, EvidenceQuery};
use cairn_core::id::{LevelId, PersonId};
use cairn_core::ladder::Ladder;
use cairn_core::ladder::map::LadderMap;
use cairn_core::packet::{self, Packet};
use cairn_core::person::{Person, ProfileChange};
use cairn_core::readiness::{self, Readiness};
use cairn_core::rep::Rep;
use cairn_core::shape::{self, Shape};
use cairn_core::signal::{self, Signal};
use cairn_core::voice::Voice;
use cairn_core::{Invalid, Visibility};
use chrono::{Months, NaiveDate};

use crate::{AssessmentHistory, Result, Store, assessment_history};

/// Narrows an evidence query to what a viewer may read of `owner`'s: everything when it is
/// their own (`own`), else only what was shared. [`View`] reads evidence through it, and so
/// do the evidence lists, which need no more of the person than their id.
pub fn scope_evidence(query: &mut EvidenceQuery, owner: PersonId, own: bool) {
    query.owner = Some(owner);
    query.shared_only = !own;
}

/// The level a reading aims at: the one asked for, else the destination's target (the
/// calibration then falls back to the next level).
fn aim<'a>(
    target: Option<&'a LevelId>,
    destination: Option<&'a Destination>,
) -> Option<&'a LevelId> {
    target.or(destination.and_then(|d| d.target_level.as_ref()))
}

/// One person as one viewer may see them.
#[derive(Debug, Clone)]
pub struct View {
    /// Whose record.
    pub person: Person,
    /// The ladder their level is on.
    pub ladder: Arc<Ladder>,
    /// True when the viewer is the person.
    pub own: bool,
    /// Which sides of their rounds the viewer may see.
    pub reader: Reader,
    /// True when the text is for a third party (the case), in the third person.
    committee: bool,
    /// How records made on the person's own ladder read on [`View::ladder`], when the view
    /// is of another ladder (`cairn ready --ladder`).
    map: Option<Arc<LadderMap>>,
}

/// Readiness with what it was judged from, for the reads built on it.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The verdict.
    pub readiness: Readiness,
    /// The calibration it weighed.
    pub calibration: Calibration,
    /// The destination it leaned on, when the viewer may read it.
    pub destination: Option<Destination>,
    /// The evidence of the window.
    pub evidence: Vec<Evidence>,
    /// The reps it ranked.
    pub reps: Vec<Rep>,
}

impl View {
    /// The person's own view of their record: `team` on a team server, where their
    /// manager's side of a round stays hidden until both are in; in a personal store they
    /// see (and may type) both.
    pub fn own(person: Person, ladder: Arc<Ladder>, team: bool) -> Self {
        let reader = if team {
            Reader::Side(cairn_core::assessment::Assessor::Own)
        } else {
            Reader::Local
        };
        Self {
            person,
            ladder,
            own: true,
            reader,
            committee: false,
            map: None,
        }
    }

    /// The view of someone in the person's manager chain: what they shared, and their
    /// rounds without the self side until both are in.
    pub fn chain(person: Person, ladder: Arc<Ladder>) -> Self {
        Self {
            person,
            ladder,
            own: false,
            reader: Reader::Side(cairn_core::assessment::Assessor::Manager),
            committee: false,
            map: None,
        }
    }

    /// The same view, for text handed to a third party.
    #[must_use]
    pub fn for_committee(self) -> Self {
        Self {
            committee: true,
            ..self
        }
    }

    /// The same record read on another ladder through `map` (from the person's ladder to
    /// `to`): their level, evidence, reps, destination and rounds as `to` reads them, the
    /// records themselves unchanged. Refused when the map has no level for theirs.
    pub fn on_ladder(
        self,
        to: Arc<Ladder>,
        map: Arc<LadderMap>,
    ) -> std::result::Result<Self, Invalid> {
        let Some(level) = map.level(&self.person.level).cloned() else {
            return Err(Invalid::new(
                "levels",
                format!(
                    "the map gives no level of {} for {}",
                    to.id, self.person.level
                ),
            ));
        };
        let person = Person {
            level,
            ladder: to.reference(),
            ..self.person
        };
        Ok(Self {
            person,
            ladder: to,
            map: Some(map),
            ..self
        })
    }

    /// The maps records made on other ladders are read through: the one given to
    /// [`View::on_ladder`], then those `cairn ladder switch` kept for this ladder.
    async fn maps(&self, store: &dyn Store) -> Result<Vec<Arc<LadderMap>>> {
        let here = self.ladder.reference();
        let given: Vec<Arc<LadderMap>> = self.map.iter().cloned().collect();
        let kept: Vec<Arc<LadderMap>> = store
            .ladder_maps()
            .await?
            .into_iter()
            .filter(|m| m.to == here && !given.iter().any(|x| x.from == m.from))
            .map(Arc::new)
            .collect();
        Ok(given.into_iter().chain(kept).collect())
    }

    /// Who reads: a third party, the person themselves, or someone in their manager chain.
    pub fn voice(&self) -> Voice<'_> {
        if self.committee {
            Voice::Committee(&self.person.name)
        } else if self.own {
            Voice::Engineer
        } else {
            Voice::Manager(&self.person.name)
        }
    }

    /// The one visibility rule: the person reads all of theirs, anyone else what was shared.
    pub fn may_read(&self, visibility: Visibility) -> bool {
        self.own || visibility == Visibility::Shared
    }

    /// Every destination the viewer may read.
    pub async fn destinations(&self, store: &dyn Store) -> Result<Vec<Destination>> {
        let mut all = store.destinations(self.person.id).await?;
        all.retain(|d| self.may_read(d.visibility));
        let maps = self.maps(store).await?;
        if !maps.is_empty() {
            for d in &mut all {
                let mut read = maps.iter().fold(d.clone(), |d, m| m.destination(d));
                // A target the ladder read on does not have is no target there.
                read.target_level = read.target_level.filter(|l| self.ladder.level(l).is_some());
                *d = read;
            }
        }
        Ok(all)
    }

    /// The person's active destination, if the viewer may read it.
    pub async fn destination(&self, store: &dyn Store) -> Result<Option<Destination>> {
        Ok(self
            .destinations(store)
            .await?
            .into_iter()
            .find(|d| d.status == DestinationStatus::Active))
    }

    /// The changes to the destinations the viewer may read.
    pub async fn destination_history(&self, store: &dyn Store) -> Result<Vec<DestinationEvent>> {
        let visible = self.destinations(store).await?;
        let mut events = store.destination_events(self.person.id).await?;
        events.retain(|e| visible.iter().any(|d| d.id == e.destination));
        Ok(events)
    }

    /// The evidence the viewer may read, newest first: from `since` on, at most `limit`.
    pub async fn evidence(
        &self,
        store: &dyn Store,
        since: Option<NaiveDate>,
        limit: Option<u32>,
    ) -> Result<Vec<Evidence>> {
        let mut query = EvidenceQuery {
            since,
            limit,
            ..EvidenceQuery::default()
        };
        scope_evidence(&mut query, self.person.id, self.own);
        let evidence = store.list_evidence(&query).await?;
        let maps = self.maps(store).await?;
        Ok(evidence
            .into_iter()
            .map(|e| maps.iter().fold(e, |e, m| m.evidence(e)))
            .collect())
    }

    /// The reps the viewer may read, oldest first.
    pub async fn reps(&self, store: &dyn Store) -> Result<Vec<Rep>> {
        let mut reps = store.reps(self.person.id).await?;
        reps.retain(|r| self.may_read(r.visibility));
        let maps = self.maps(store).await?;
        if !maps.is_empty() {
            reps = reps
                .into_iter()
                .map(|r| maps.iter().fold(r, |r, m| m.rep(r)))
                .collect();
        }
        Ok(reps)
    }

    /// The conversations (with their commitments) the viewer may read.
    pub async fn conversations(
        &self,
        store: &dyn Store,
    ) -> Result<Vec<(Conversation, Vec<Commitment>)>> {
        let mut talks = store.conversations(self.person.id).await?;
        talks.retain(|(c, _)| self.may_read(c.visibility));
        Ok(talks)
    }

    /// The constraints the viewer may read.
    pub async fn constraints(&self, store: &dyn Store) -> Result<Vec<Constraint>> {
        let mut limits = store.constraints(self.person.id).await?;
        limits.retain(|c| self.may_read(c.visibility));
        Ok(limits)
    }

    /// The decisions the viewer may read, oldest first.
    pub async fn decisions(&self, store: &dyn Store) -> Result<Vec<Decision>> {
        let mut decisions = store.decisions(self.person.id).await?;
        decisions.retain(|d| self.may_read(d.visibility));
        Ok(decisions)
    }

    /// The changes to the person's profile, oldest first: their level and ladder are no
    /// secret from their manager chain.
    pub async fn profile_changes(&self, store: &dyn Store) -> Result<Vec<ProfileChange>> {
        store.profile_changes(self.person.id).await
    }

    /// The person's rounds with every entry; [`View::reader`] decides what shows.
    pub async fn history(&self, store: &dyn Store) -> Result<AssessmentHistory> {
        let history = assessment_history(store, self.person.id).await?;
        let maps = self.maps(store).await?;
        if maps.is_empty() {
            return Ok(history);
        }
        let (mut rounds, mut entries) = (history.rounds, history.entries);
        for map in &maps {
            (rounds, entries) = map.rounds(rounds, entries);
        }
        let mut ladders = history.ladders;
        if !ladders
            .iter()
            .any(|l| l.reference() == self.ladder.reference())
        {
            ladders.push((*self.ladder).clone());
        }
        Ok(AssessmentHistory {
            rounds,
            entries,
            ladders,
        })
    }

    /// Calibration as the viewer may see it, against `target`, else the target of the
    /// destination they may read, else the next level.
    pub async fn calibration(
        &self,
        store: &dyn Store,
        target: Option<&LevelId>,
    ) -> Result<Calibration> {
        let history = self.history(store).await?;
        self.calibration_of(store, &history, target).await
    }

    /// [`View::calibration`] from rounds already read; the destination is read only when
    /// no `target` is given.
    pub async fn calibration_of(
        &self,
        store: &dyn Store,
        history: &AssessmentHistory,
        target: Option<&LevelId>,
    ) -> Result<Calibration> {
        let destination = match target {
            Some(_) => None,
            None => self.destination(store).await?,
        };
        Ok(self.calibrate(history, aim(target, destination.as_ref())))
    }

    /// Calibration from rounds already read, against the level chosen by [`aim`].
    fn calibrate(&self, history: &AssessmentHistory, target: Option<&LevelId>) -> Calibration {
        let target = calibration::target_level(&self.ladder, &self.person.level, target);
        let views = calibration::round_views(
            &history.rounds,
            &history.ladders,
            &history.entries,
            self.reader,
        );
        calibration::compute(&views, target.as_ref(), self.voice())
    }

    /// Readiness as the viewer may see it, over `window` months to `today`: against
    /// `target`, else the destination's target, else the next level; `None` when the ladder
    /// has no level to aim for.
    pub async fn readiness(
        &self,
        store: &dyn Store,
        target: Option<&LevelId>,
        window: u32,
        today: NaiveDate,
    ) -> Result<Option<Reading>> {
        let destination = self.destination(store).await?;
        let history = self.history(store).await?;
        let calibration = self.calibrate(&history, aim(target, destination.as_ref()));
        let Some(aim) = calibration.target.clone() else {
            return Ok(None);
        };
        // Readiness weighs the window alone.
        let since = today.checked_sub_months(Months::new(window));
        let evidence = self.evidence(store, since, None).await?;
        let reps = self.reps(store).await?;
        let readiness = readiness::assess(readiness::Inputs {
            ladder: &self.ladder,
            current: &self.person.level,
            target: &aim,
            destination: destination.as_ref(),
            calibration: &calibration,
            evidence: &evidence,
            reps: &reps,
            today,
            window_months: window,
            voice: self.voice(),
        });
        Ok(Some(Reading {
            readiness,
            calibration,
            destination,
            evidence,
            reps,
        }))
    }

    /// The strategic signal over `window` months to `today`, from what the viewer may read.
    pub async fn signal(&self, store: &dyn Store, window: u32, today: NaiveDate) -> Result<Signal> {
        let talks = self.conversations(store).await?;
        let limits = self.constraints(store).await?;
        Ok(signal::read(&talks, &limits, today, window, self.voice()))
    }

    /// The shape over `halves` half-years to `today`, from the evidence the viewer may read.
    pub async fn shape(&self, store: &dyn Store, halves: u32, today: NaiveDate) -> Result<Shape> {
        let evidence = self.evidence(store, None, None).await?;
        Ok(shape::compute(&evidence, today, halves, self.voice()))
    }

    /// The case for `target` (as [`View::readiness`] chooses it), written for a third party
    /// from what the viewer may read; with the person's reasons for each change of
    /// destination when `reasons`. `None` when the ladder has no level to aim for.
    pub async fn case(
        &self,
        store: &dyn Store,
        target: Option<&LevelId>,
        window: u32,
        today: NaiveDate,
        reasons: bool,
    ) -> Result<Option<Packet>> {
        let view = self.clone().for_committee();
        let Some(reading) = view.readiness(store, target, window, today).await? else {
            return Ok(None);
        };
        // A report's case tells the story of the destination it argues for, not of others.
        let mut events = view.destination_history(store).await?;
        let current = reading.destination.as_ref().map(|d| d.id);
        events.retain(|e| view.own || Some(e.destination) == current);
        let evidence = view.evidence(store, None, None).await?;
        Ok(Some(packet::build(packet::Inputs {
            person: &view.person,
            ladder: &view.ladder,
            destination: reading.destination.as_ref(),
            events: &events,
            evidence: &evidence,
            calibration: &reading.calibration,
            readiness: &reading.readiness,
            today,
            reasons,
        })))
    }

    /// The private coaching report, on readiness for `target` over `window` months (as
    /// [`View::readiness`] chooses them); `None` when the ladder has no level to aim for.
    pub async fn coaching(
        &self,
        store: &dyn Store,
        target: Option<&LevelId>,
        window: u32,
        today: NaiveDate,
    ) -> Result<Option<Coaching>> {
        let Some(reading) = self.readiness(store, target, window, today).await? else {
            return Ok(None);
        };
        let plan =
            reading
                .readiness
                .plan(&self.ladder, &reading.reps, reading.destination.as_ref());
        let signal = self.signal(store, signal::WINDOW_MONTHS, today).await?;
        let decisions = self.decisions(store).await?;
        Ok(Some(coaching::build(coaching::Inputs {
            name: &self.person.name,
            readiness: &reading.readiness,
            calibration: &reading.calibration,
            plan: &plan,
            signal: &signal,
            decisions: &decisions,
            today,
        })))
    }
}
