//! `cairn demo`: a store filled with a believable engineer's year, and an overview of it.
//!
//! The year lives in `demo/year.toml` as data, dated relative to today so it always looks
//! recent. It goes in through the archive import, like any other record.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use cairn_core::Invalid;
use cairn_core::Visibility;
use cairn_core::activity::Activity;
use cairn_core::archive::{Archive, Growth};
use cairn_core::assessment::{AssessmentRound, Assessor, Rating, submission};
use cairn_core::constraint::Constraint;
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::{Timestamp, today};
use cairn_core::destination::{
    Destination, DestinationChange, DestinationEvent, DestinationStatus,
};
use cairn_core::evidence::{Evidence, EvidenceQuery, LevelSignal, Source};
use cairn_core::id::{
    CommitmentId, ConstraintId, ConversationId, DestinationEventId, DestinationId, EvidenceId,
    PersonId, RepId, RoundId,
};
use cairn_core::ladder::{Ladder, builtin};
use cairn_core::person::Person;
use cairn_core::rep::Rep;
use cairn_store::{Location, Store};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::cli::Globals;
use crate::config::data_dir;
use crate::failure::bad_input;
use crate::output;

const YEAR: &str = include_str!("../../demo/year.toml");

/// Fill a store with a year of a believable engineer's record, and show it.
///
/// Without --db this (re)builds a separate demo store in the data directory, never your own.
///
/// Examples:
///   cairn demo
///   cairn --db /tmp/demo.db demo && cairn --db /tmp/demo.db list --skill influence
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Year {
    person: DemoPerson,
    destination: Vec<DemoChange>,
    round: Vec<DemoRound>,
    rep: Vec<DemoRep>,
    conversation: Vec<DemoConversation>,
    constraint: Vec<DemoConstraint>,
    evidence: Vec<DemoEvidence>,
    activity: Vec<DemoActivity>,
}

/// Imported work still waiting in the inbox.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoActivity {
    days_ago: u64,
    source: String,
    kind: String,
    external_id: String,
    container: String,
    title: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoRep {
    title: String,
    skills: Vec<String>,
    exposure: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoConversation {
    days_ago: u64,
    ask: String,
    response: String,
    #[serde(default)]
    commitments: Vec<DemoCommitment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoCommitment {
    what: String,
    who: String,
    due_days_ago: Option<u64>,
    #[serde(default)]
    outcome: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoConstraint {
    days_ago: u64,
    kind: String,
    description: String,
    until_days_ahead: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
struct DemoRound {
    days_ago: u64,
    name: String,
    #[serde(rename = "self")]
    own: BTreeMap<String, String>,
    manager: BTreeMap<String, String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
    #[serde(default)]
    manager_notes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPerson {
    name: String,
    level: String,
    emails: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoChange {
    days_ago: u64,
    change: String,
    statement: String,
    reason: String,
    target_level: Option<String>,
    horizon: Option<NaiveDate>,
    #[serde(default)]
    reps: Vec<String>,
    #[serde(default)]
    evidence_criteria: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoEvidence {
    days_ago: u64,
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    impact: String,
    skills: Vec<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    shared: bool,
}

/// What `--json` prints.
#[derive(Serialize)]
struct Overview {
    store: String,
    person: String,
    destination: Option<String>,
    evidence: usize,
    next_level: usize,
    competencies: BTreeMap<String, usize>,
}

pub async fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let (location, store, archive) = fill(globals).await?;

    let me = &archive.people[0];
    let ladder = &archive.ladders[0];
    let query = EvidenceQuery {
        owner: Some(me.id),
        ..EvidenceQuery::default()
    };
    let evidence = store.list_evidence(&query).await?;
    let destination = store.destinations(me.id).await?.into_iter().next();
    let overview = Overview {
        store: location.to_string(),
        person: me.name.clone(),
        destination: destination.as_ref().map(|d| d.statement.clone()),
        evidence: evidence.len(),
        next_level: evidence
            .iter()
            .filter(|e| e.level == LevelSignal::Next)
            .count(),
        competencies: ladder
            .competencies
            .iter()
            .map(|c| {
                (
                    c.id.to_string(),
                    evidence
                        .iter()
                        .filter(|e| e.competencies.contains(&c.id))
                        .count(),
                )
            })
            .collect(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if globals.json {
        output::json(&mut out, &overview)?;
    } else {
        print(
            &mut out,
            &overview,
            me,
            ladder,
            destination.as_ref(),
            &evidence,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Makes the demo store: without `--db`, a fresh `demo.db` in the data directory; with it,
/// the given store, which must have no profile yet.
pub async fn fill(globals: &Globals) -> anyhow::Result<(Location, Arc<dyn Store>, Archive)> {
    let location = if globals.config.db_chosen {
        globals.config.location()
    } else {
        let path = data_dir().join("demo.db");
        remove_store(&path)?;
        Location::Sqlite(path)
    };
    if let Location::Sqlite(path) = &location
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let store = globals.create(&location).await?;
    if store.owner().await?.is_some() {
        bad_input!(
            "{location} already has a profile; give `cairn --db NEW_PATH demo` a fresh store"
        );
    }
    let archive = build(today())?;
    store.import(&archive).await?;
    Ok((location, store, archive))
}

fn print(
    out: &mut impl Write,
    overview: &Overview,
    me: &Person,
    ladder: &Ladder,
    destination: Option<&Destination>,
    evidence: &[Evidence],
) -> io::Result<()> {
    let title = ladder.level(&me.level).map_or("", |l| l.title.as_str());
    writeln!(
        out,
        "{}: {title} ({}) on the {} ladder",
        me.name, me.level, ladder.name
    )?;
    if let Some(d) = destination {
        writeln!(out, "Destination: {}", d.statement)?;
    }
    writeln!(
        out,
        "\n{} pieces of evidence in the last year, {} showing the next level:",
        overview.evidence, overview.next_level
    )?;
    let widest = overview
        .competencies
        .values()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    for c in &ladder.competencies {
        let n = overview
            .competencies
            .get(c.id.as_str())
            .copied()
            .unwrap_or(0);
        let bar = "█".repeat((n * 24).div_ceil(widest));
        writeln!(out, "  {:<16} {bar} {n}", c.id)?;
    }
    writeln!(out, "\nLatest:")?;
    output::evidence_lines(out, &evidence[..evidence.len().min(5)])?;
    let db = &overview.store;
    writeln!(out, "\nThe demo store is {db}. Explore it:")?;
    writeln!(out, "  cairn --db {db} list --skill influence")?;
    writeln!(out, "  cairn --db {db} search ledger")?;
    writeln!(
        out,
        "  cairn --db {db} show {}",
        evidence.first().map(output::short_id).unwrap_or_default()
    )?;
    Ok(())
}

/// Deletes the default demo store so each run starts fresh. Only ever the demo's own file.
fn remove_store(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file)
                .with_context(|| format!("cannot remove {}", file.display()))?;
        }
    }
    Ok(())
}

/// The demo year as an archive, dated back from `today`, and checked like any import.
fn build(today: NaiveDate) -> anyhow::Result<Archive> {
    let year: Year = toml::from_str(YEAR).context("demo/year.toml is malformed")?;
    let ladder =
        builtin::find(builtin::DEFAULT_LADDER).context("the built-in ladder is missing")?;
    let day = |days_ago: u64| today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
    let at = |date: NaiveDate| -> Timestamp {
        date.and_hms_opt(17, 30, 0).unwrap_or_default().and_utc()
    };
    let start = at(day(year
        .evidence
        .iter()
        .map(|e| e.days_ago)
        .max()
        .unwrap_or(0)
        + 7));

    let me = Person {
        id: PersonId::new(),
        name: year.person.name,
        emails: year.person.emails,
        github: None,
        ladder: ladder.reference(),
        level: year.person.level.parse()?,
        manager: None,
        created_at: start,
        updated_at: start,
    };

    let mut destination: Option<Destination> = None;
    let mut events = Vec::new();
    for change in year.destination {
        let when = at(day(change.days_ago));
        let id = destination
            .as_ref()
            .map_or_else(DestinationId::new, |d| d.id);
        let created_at = destination.as_ref().map_or(when, |d| d.created_at);
        let d = Destination {
            id,
            owner: me.id,
            statement: change.statement,
            target_level: change.target_level.map(|l| l.parse()).transpose()?,
            horizon: change.horizon,
            reps: change.reps,
            evidence_criteria: change.evidence_criteria,
            status: DestinationStatus::Active,
            visibility: Visibility::Shared,
            created_at,
            updated_at: when,
        };
        events.push(DestinationEvent {
            id: DestinationEventId::new(),
            destination: d.id,
            owner: me.id,
            change: change.change.parse::<DestinationChange>()?,
            statement: d.statement.clone(),
            reason: change.reason,
            at: when,
        });
        destination = Some(d);
    }

    let mut evidence = Vec::new();
    for e in year.evidence {
        let date = day(e.days_ago);
        evidence.push(Evidence {
            id: EvidenceId::new(),
            owner: me.id,
            date,
            title: e.title,
            body: e.body,
            impact: e.impact,
            links: e.links,
            competencies: e
                .skills
                .iter()
                .map(|s| s.parse())
                .collect::<Result<_, _>>()?,
            level: e
                .level
                .as_deref()
                .map_or(Ok(LevelSignal::Current), str::parse)?,
            areas: e.areas,
            visibility: if e.shared {
                Visibility::Shared
            } else {
                Visibility::Private
            },
            source: e.source.as_deref().map_or(Ok(Source::Demo), str::parse)?,
            ladder: ladder.reference(),
            created_at: at(date),
            updated_at: at(date),
        });
    }
    let mut rounds = Vec::new();
    let mut assessments = Vec::new();
    for r in year.round {
        let opened = at(day(r.days_ago));
        let manager_at = at(day(r.days_ago.saturating_sub(7)));
        let round = AssessmentRound {
            id: RoundId::new(),
            owner: me.id,
            ladder: ladder.reference(),
            name: r.name,
            self_submitted_at: Some(opened),
            manager_submitted_at: Some(manager_at),
            created_at: opened,
            updated_at: manager_at,
        };
        for (side, levels, notes, when) in [
            (Assessor::Own, &r.own, &r.notes, opened),
            (Assessor::Manager, &r.manager, &r.manager_notes, manager_at),
        ] {
            let ratings = levels
                .iter()
                .map(|(c, l)| {
                    Ok(Rating {
                        competency: c.parse()?,
                        level: l.parse()?,
                        note: notes.get(c).cloned().unwrap_or_default(),
                    })
                })
                .collect::<Result<Vec<_>, Invalid>>()?;
            assessments.extend(submission(&round, side, me.id, &ratings, &ladder, when)?);
        }
        rounds.push(round);
    }
    let mut growth = Growth::default();
    for r in year.rep {
        growth.reps.push(Rep {
            id: RepId::new(),
            owner: me.id,
            title: r.title,
            description: String::new(),
            competencies: r
                .skills
                .iter()
                .map(|s| s.parse())
                .collect::<Result<_, _>>()?,
            exposure: r.exposure.parse()?,
            status: r.status.parse()?,
            visibility: Visibility::Shared,
            created_at: at(day(60)),
            updated_at: at(day(60)),
        });
    }
    for c in year.conversation {
        let when = at(day(c.days_ago));
        let talk = Conversation {
            id: ConversationId::new(),
            owner: me.id,
            date: day(c.days_ago),
            ask: c.ask,
            response: c.response,
            visibility: Visibility::Shared,
            created_at: when,
            updated_at: when,
        };
        for k in c.commitments {
            growth.commitments.push(Commitment {
                id: CommitmentId::new(),
                conversation: talk.id,
                what: k.what,
                who: k.who,
                due: k.due_days_ago.map(day),
                outcome: k.outcome.as_deref().map_or(Ok(Outcome::Open), str::parse)?,
                created_at: when,
                updated_at: when,
            });
        }
        growth.conversations.push(talk);
    }
    for k in year.constraint {
        let when = at(day(k.days_ago));
        growth.constraints.push(Constraint {
            id: ConstraintId::new(),
            owner: me.id,
            recorded_by: me.id,
            kind: k.kind.parse()?,
            description: k.description,
            since: day(k.days_ago),
            until: k
                .until_days_ahead
                .and_then(|n| today.checked_add_days(Days::new(n))),
            visibility: Visibility::Shared,
            created_at: when,
            updated_at: when,
        });
    }
    let mut activities = Vec::new();
    for a in year.activity {
        let when = at(day(a.days_ago));
        let mut activity = Activity::new(me.id, a.source.parse()?, a.kind.parse()?, when);
        activity.external_id = a.external_id;
        activity.container = a.container;
        activity.title = a.title;
        activity.url = a.url;
        activity.occurred_at = when;
        activities.push(activity.grouped());
    }
    let archive = Archive::new(
        Some(me.id),
        vec![ladder],
        vec![me],
        destination.into_iter().collect(),
        events,
        evidence,
    )
    .with_rounds(rounds, assessments)
    .with_activities(activities)
    .with_growth(growth);
    // Through the same checks as any archive, so the demo can never hold what import refuses.
    Ok(Archive::parse(&archive.to_json(), today)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_year_is_valid_and_spans_the_ladder() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let archive = build(today).unwrap();
        assert!(archive.evidence.len() >= 40);
        let first = archive.evidence.iter().map(|e| e.date).min().unwrap();
        assert!(
            (today - first).num_days() > 330,
            "the demo covers about a year"
        );
        let ladder = &archive.ladders[0];
        for c in &ladder.competencies {
            let n = archive
                .evidence
                .iter()
                .filter(|e| e.competencies.contains(&c.id))
                .count();
            assert!(n >= 3, "{} has only {n} entries", c.id);
        }
        assert_eq!(archive.destination_events.len(), 2);
        assert_eq!(archive.rounds.len(), 2);
        assert_eq!((archive.reps.len(), archive.conversations.len()), (3, 3));
        assert_eq!(archive.constraints.len(), 1);
        assert!(archive.rounds.iter().all(AssessmentRound::revealed));
        assert_eq!(archive.assessments.len(), 2 * 2 * ladder.competencies.len());
        let months: std::collections::HashSet<_> = archive
            .evidence
            .iter()
            .map(|e| e.date.format("%Y-%m").to_string())
            .collect();
        assert!(months.len() >= 12, "evidence in {} months", months.len());
    }
}
