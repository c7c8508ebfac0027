//! Whose record a viewer may read or add to, for the pages and the API alike: [`access`]
//! makes the [`View`] every read of a person's records goes through (the store's read
//! models apply the visibility and blindness rules) after [`reachable`] checks the reporting
//! lines; [`readable`], [`owned`] and [`waiting`] do the same for one record.
//!
//! The owner reads their own rounds (in team mode without the manager's entries until both
//! sides are in) and submits the self view; in local mode they may also type the manager's
//! view by hand. Their manager chain reads the rounds without the self entries until both
//! are in; only the direct manager submits the manager view. Anyone else gets "not found".

use cairn_core::Invalid;
use cairn_core::assessment::{
    AssessmentRound, Assessor, Rating, RoundChoice, choose_round, submission,
};
use cairn_core::calibration::Reader;
use cairn_core::dates::{now, window_months};
use cairn_core::evidence::Evidence;
use cairn_core::id::{EvidenceId, LevelId, PersonId, RoundId};
use cairn_core::inbox::Group;
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_core::privacy::{in_chain, may_read};
use cairn_store::StoreError;
use cairn_store::views::{Reading, View};

use serde::Deserialize;

use crate::{AppError, AppState, Viewer};

/// Whose record `person` names (empty for the viewer's own), when the viewer may read it:
/// their own, or, on a team server, someone below them in the reporting lines; anyone else
/// is not found.
pub(crate) async fn reachable(
    state: &AppState,
    viewer: &Viewer,
    person: &str,
) -> Result<PersonId, AppError> {
    // A report is named by their person id, or on a team server by their login.
    let id: PersonId = if person.is_empty() {
        viewer.person
    } else if person.contains('@') && state.is_team() {
        let login = cairn_core::account::login(person).map_err(|_| AppError::NotFound)?;
        let account = state.store.account(&login).await?;
        account.ok_or(AppError::NotFound)?.person
    } else {
        person.parse().map_err(|_| AppError::NotFound)?
    };
    // The owner needs no reporting lines; only someone else's read pays for loading them.
    if id != viewer.person
        && (!state.is_team() || !in_chain(viewer.person, id, &state.reporting_lines().await?))
    {
        return Err(AppError::NotFound);
    }
    Ok(id)
}

/// The viewer's view of `person` (empty for themselves); not found when they have none.
pub(crate) async fn access(
    state: &AppState,
    viewer: &Viewer,
    person: &str,
) -> Result<View, AppError> {
    let id = reachable(state, viewer, person).await?;
    let (person, ladder) = state.profile(id).await?;
    Ok(if person.id == viewer.person {
        View::own(person, ladder, state.is_team())
    } else {
        View::chain(person, ladder)
    })
}

/// The sides of the person's rounds the viewer may submit: both in a personal store (the
/// owner types the manager's by hand), the self view for the owner on a team server, the
/// manager view for their direct manager, none for anyone else up the chain.
pub(crate) fn sides(view: &View, viewer: &Viewer) -> Vec<Assessor> {
    match (view.own, view.reader) {
        (true, Reader::Local) => vec![Assessor::Own, Assessor::Manager],
        (true, _) => vec![Assessor::Own],
        (false, _) if view.person.manager == Some(viewer.person) => vec![Assessor::Manager],
        (false, _) => vec![],
    }
}

/// `target` checked against the person's ladder.
pub(crate) fn aim(view: &View, target: Option<LevelId>) -> Result<Option<LevelId>, AppError> {
    if let Some(t) = &target {
        view.ladder.require_level("target", t)?;
    }
    Ok(target)
}

/// Readiness as the viewer may see it (see [`View::readiness`]), with `window` checked.
pub(crate) async fn reading(
    state: &AppState,
    view: &View,
    target: Option<LevelId>,
    window: u32,
) -> Result<Reading, AppError> {
    let window = window_months("window", window)?;
    let target = aim(view, target)?;
    view.readiness(state.store.as_ref(), target.as_ref(), window, state.today())
        .await?
        .ok_or_else(|| Invalid::new("target", "the ladder has no level to aim for").into())
}

/// Records one side's view for the person `view` shows, by the viewer.
pub(crate) async fn submit(
    state: &AppState,
    viewer: &Viewer,
    view: &View,
    side: Assessor,
    round: Option<&str>,
    ratings: &[Rating],
) -> Result<AssessmentRound, AppError> {
    if !sides(view, viewer).contains(&side) {
        let who = match side {
            Assessor::Own => "only the engineer records their own view",
            Assessor::Manager => "only the engineer's manager records the manager's view",
        };
        return Err(Invalid::new("side", who).into());
    }
    let rounds = state.store.rounds(view.person.id).await?;
    let today = state.today();
    let at = now();
    let round = match choose_round(&rounds, round.filter(|r| !r.trim().is_empty()), side, today)? {
        RoundChoice::Existing(r) => r.clone(),
        RoundChoice::New(name) => AssessmentRound {
            id: RoundId::new(),
            owner: view.person.id,
            ladder: view.person.ladder.clone(),
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

/// A `target` level typed in a query, empty for none.
pub(crate) fn target(typed: Option<&str>) -> Result<Option<LevelId>, Invalid> {
    typed
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse()
                .map_err(|e: Invalid| Invalid::new("target", e.message))
        })
        .transpose()
}

/// The evidence with this id as typed in a URL; a malformed id is simply not found.
async fn fetch(state: &AppState, id: &str) -> Result<Evidence, AppError> {
    let id: EvidenceId = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(state.store.evidence(id).await?)
}

/// The viewer's own evidence with this id, for changing it; anything else is not found.
pub(crate) async fn owned(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<Evidence, AppError> {
    let e = fetch(state, id).await?;
    if e.owner == viewer.person {
        Ok(e)
    } else {
        Err(AppError::NotFound)
    }
}

/// Evidence with this id that the viewer may read (theirs, or shared by one of their
/// reports); anything else is not found, exactly like evidence that does not exist.
pub(crate) async fn readable(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<Evidence, AppError> {
    let e = fetch(state, id).await?;
    // The owner needs no reporting lines; only someone else's read pays for loading them.
    if e.owner == viewer.person
        || may_read(
            viewer.person,
            e.owner,
            e.visibility,
            &state.reporting_lines().await?,
        )
    {
        Ok(e)
    } else {
        Err(AppError::NotFound)
    }
}

/// The waiting group with this key and the evidence accepting it as suggested would make;
/// a key that is not in the caller's own inbox is not found.
pub(crate) async fn waiting(
    state: &AppState,
    me: &Person,
    ladder: &Ladder,
    key: &str,
) -> Result<(Group, Evidence), AppError> {
    let group = cairn_store::inbox_group(state.store.as_ref(), me, ladder, key)
        .await?
        .ok_or(AppError::NotFound)?;
    let suggested = group.draft(me.id, ladder.reference(), now());
    Ok((group, suggested))
}

/// `?person=ID&target=LEVEL&window=MONTHS&summary=TEXT&reasons=1`.
#[derive(Debug, Default, Deserialize)]
pub struct CaseParams {
    #[serde(default)]
    pub(crate) person: String,
    #[serde(default)]
    pub(crate) target: String,
    #[serde(default)]
    pub(crate) window: Option<u32>,
    /// The engineer's own summary, replacing Cairn's (their own case only).
    #[serde(default)]
    pub(crate) summary: String,
    /// Keep their reasons for each change of destination (their own case only).
    #[serde(default)]
    pub(crate) reasons: String,
}

/// The case as the viewer may see it: a report's for their manager chain, in the third
/// person, from what they shared; the engineer's own with their summary and reasons.
pub(crate) async fn case(
    state: &AppState,
    viewer: &Viewer,
    p: &CaseParams,
) -> Result<cairn_core::packet::Packet, AppError> {
    let view = access(state, viewer, &p.person).await?;
    let window = cairn_core::dates::window_months(
        "window",
        p.window.unwrap_or(cairn_core::readiness::WINDOW_MONTHS),
    )?;
    let target = aim(&view, target(Some(&p.target))?)?;
    let reasons = view.own && !p.reasons.is_empty();
    let mut built = view
        .case(
            state.store.as_ref(),
            target.as_ref(),
            window,
            state.today(),
            reasons,
        )
        .await?
        .ok_or_else(no_target)?;
    if view.own {
        built = built.with_summary(&p.summary);
    }
    Ok(built)
}

/// A ladder with no level above: nothing to make a case or coach toward.
pub(crate) fn no_target() -> AppError {
    Invalid::new("target", "the ladder has no level to aim for").into()
}
