//! What a form or an API request records: the checked domain record built from what was
//! typed, shared by the page and the route that take the same input, so both accept and
//! refuse the same things.

use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::constraint::{Constraint, ConstraintKind};
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::{now, parse_date};
use cairn_core::decision::{Choice, Context, Decision};
use cairn_core::id::{CommitmentId, ConstraintId, ConversationId, DecisionId};
use cairn_core::person::{ProfileChange, ProfileEdit};
use cairn_core::readiness;
use cairn_core::signal::WINDOW_MONTHS;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assessing::{access, reading};
use crate::{AppError, AppState, Viewer};

/// A profile change: any of `name`, `level`, `emails`, `github` (empty clears), with
/// the `reason` kept in the history.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) level: Option<String>,
    #[serde(default)]
    pub(crate) emails: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) github: Option<String>,
    #[serde(default)]
    pub(crate) reason: String,
}

/// Applies the viewer's change to their own profile and stores it with its history.
pub(crate) async fn edit(
    state: &AppState,
    viewer: &Viewer,
    r: &ProfileRequest,
) -> Result<Vec<ProfileChange>, AppError> {
    let (me, ladder) = state.profile(viewer.person).await?;
    let level = r
        .level
        .as_deref()
        .map(|l| {
            l.parse()
                .map_err(|e: Invalid| Invalid::new("level", e.message))
        })
        .transpose()?;
    let edit = ProfileEdit {
        name: r.name.clone(),
        level,
        emails: r.emails.clone(),
        github: r.github.clone(),
    };
    let (after, changes) = edit.apply(&me, &ladder, &r.reason, now())?;
    state.store.update_person(&after, &changes).await?;
    Ok(changes)
}

/// A new decision.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// push, wait or change.
    pub(crate) choice: String,
    /// Why.
    pub(crate) because: String,
    /// When to look again: a date or "in 3 months".
    pub(crate) revisit: String,
    /// private (the default) or shared.
    #[serde(default)]
    pub(crate) visibility: Option<String>,
}

/// Checks and stores the viewer's decision, with today's readiness (against the
/// destination's target), signal and constraints attached.
pub(crate) async fn record(
    state: &AppState,
    viewer: &Viewer,
    r: &DecisionRequest,
) -> Result<Decision, AppError> {
    let view = access(state, viewer, "").await?;
    let store = state.store.as_ref();
    let today = state.today();
    let choice: Choice = r.choice.parse()?;
    let revisit = parse_date("revisit", &r.revisit, today)?;
    let readiness = reading(state, &view, None, readiness::WINDOW_MONTHS)
        .await?
        .readiness;
    let signal = view.signal(store, WINDOW_MONTHS, today).await?;
    let constraints = view.constraints(store).await?;
    let at = now();
    let d = Decision {
        id: DecisionId::new(),
        owner: view.person.id,
        choice,
        because: r.because.trim().to_owned(),
        decided_on: today,
        revisit,
        context: Context::new(&readiness, &signal, &constraints, today),
        visibility: r.visibility.as_deref().unwrap_or("private").parse()?,
        created_at: at,
        updated_at: at,
    };
    d.validate()?;
    state.store.add_decision(&d).await?;
    Ok(d)
}

/// Builds a conversation and its commitments from what was typed, checked whole (dates read
/// against `today`): nothing is saved unless every part is valid.
pub(crate) fn conversation(
    today: NaiveDate,
    owner: cairn_core::id::PersonId,
    date: Option<&str>,
    ask: &str,
    response: &str,
    commitments: &[(String, String, Option<String>)],
    visibility: Option<&str>,
) -> Result<(Conversation, Vec<Commitment>), Invalid> {
    let date = match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => parse_date("date", d, today)?,
        None => {
            return Err(Invalid::new(
                "date",
                "a conversation needs the day it happened",
            ));
        }
    };
    let at = now();
    let c = Conversation {
        id: ConversationId::new(),
        owner,
        date,
        ask: ask.trim().to_owned(),
        response: response.trim().to_owned(),
        visibility: visibility.unwrap_or("private").parse()?,
        created_at: at,
        updated_at: at,
    };
    c.validate()?;
    let mut made = Vec::new();
    for (i, (what, who, due)) in commitments.iter().enumerate() {
        let field = format!("commitments[{i}]");
        let k = Commitment {
            id: CommitmentId::new(),
            conversation: c.id,
            what: what.trim().to_owned(),
            who: who.trim().to_owned(),
            due: due
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .map(|d| parse_date("due", d, today))
                .transpose()
                .map_err(|e| e.within(&field))?,
            outcome: Outcome::Open,
            created_at: at,
            updated_at: at,
        };
        k.validate(&c).map_err(|e| e.within(&field))?;
        made.push(k);
    }
    Ok((c, made))
}

/// A new constraint; `person` when a manager records one for a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstraintRequest {
    #[serde(default)]
    pub(crate) person: String,
    pub(crate) kind: String,
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) since: Option<String>,
    #[serde(default)]
    pub(crate) until: Option<String>,
    #[serde(default)]
    pub(crate) visibility: Option<String>,
}

/// A checked constraint from what was typed: about the viewer, or about a report the viewer
/// manages (then always shared, so the report sees what was recorded about them).
pub(crate) async fn constraint(
    state: &AppState,
    viewer: &crate::Viewer,
    r: &ConstraintRequest,
) -> Result<Constraint, AppError> {
    let view = access(state, viewer, &r.person).await?;
    let today = state.today();
    let at = now();
    let c = Constraint {
        id: ConstraintId::new(),
        owner: view.person.id,
        recorded_by: viewer.person,
        kind: r.kind.parse::<ConstraintKind>()?,
        description: r.description.trim().to_owned(),
        since: match r.since.as_deref().filter(|s| !s.is_empty()) {
            Some(s) => parse_date("since", s, today)?,
            None => today,
        },
        until: r
            .until
            .as_deref()
            .filter(|u| !u.is_empty())
            .map(|u| parse_date("until", u, today))
            .transpose()?,
        visibility: if view.own {
            r.visibility.as_deref().unwrap_or("private").parse()?
        } else {
            Visibility::Shared
        },
        created_at: at,
        updated_at: at,
    };
    c.validate()?;
    Ok(c)
}
