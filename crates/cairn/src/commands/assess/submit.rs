//! `cairn assess self` and `cairn assess manager`: one side's view of a round.

use std::io::{self, BufRead, Write};

use anyhow::Context;
use cairn_core::Invalid;
use cairn_core::assessment::{
    AssessmentRound, Assessor, Rating, RoundChoice, choose_round, submission,
};
use cairn_core::dates::{now, today};
use cairn_core::id::RoundId;
use cairn_core::ladder::Ladder;
use cairn_store::StoreError;
use serde::Serialize;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;

/// Record the level you work at for each competency (`self`), or your manager's view
/// (`manager`, typed by hand in a personal store and marked as such).
///
/// With no --set, asks competency by competency, showing what your level and the next one
/// expect (Enter skips one). A side submits once per round: submitted views are final, and
/// the two are compared (`cairn gap`) once both are in. Without --round the view goes to
/// the round waiting for it, or opens one named after the half-year.
///
/// Examples:
///   cairn assess self
///   cairn assess self --set delivery=L3 --set influence=L2 --note influence='Led one cross-team RFC'
///   cairn assess manager --round '2026 H2' --set delivery=L3 --set influence=L3
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A competency's level, as COMPETENCY=LEVEL (one per competency)
    #[arg(long = "set", value_name = "COMPETENCY=LEVEL")]
    sets: Vec<String>,
    /// Why, for a competency given with --set, as COMPETENCY=TEXT
    #[arg(long = "note", value_name = "COMPETENCY=TEXT")]
    notes: Vec<String>,
    /// The round's name (opened if new), such as '2026 H2'
    #[arg(long, value_name = "NAME")]
    round: Option<String>,
}

#[derive(Serialize)]
struct Submitted<'a> {
    round: &'a AssessmentRound,
    side: Assessor,
    by_hand: bool,
    ratings: &'a [Rating],
}

pub async fn run(args: Args, side: Assessor, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let store = &profile.store;
    let rounds = store.rounds(profile.me.id).await?;
    let at = now();
    let round = match choose_round(&rounds, args.round.as_deref(), side, today())
        .map_err(|e| Invalid::new("--round", e.message))?
    {
        RoundChoice::Existing(round) => round.clone(),
        RoundChoice::New(name) => AssessmentRound {
            id: RoundId::new(),
            owner: profile.me.id,
            ladder: profile.me.ladder.clone(),
            name,
            self_submitted_at: None,
            manager_submitted_at: None,
            created_at: at,
            updated_at: at,
        },
    };
    let ladder = match store.ladder(&round.ladder).await {
        Ok(ladder) => ladder,
        Err(StoreError::NotFound { .. }) => bad_input!(
            "--round: round '{}' was made against ladder {} v{}, which this store no longer has; open a new round with --round NAME",
            round.name,
            round.ladder.id,
            round.ladder.version
        ),
        Err(e) => return Err(e.into()),
    };
    let ratings = if args.sets.is_empty() {
        if !args.notes.is_empty() {
            bad_input!("--note: give notes together with --set, or answer the prompts");
        }
        ask(&ladder, &profile.me.level, side, &round.name)?
    } else {
        from_flags(&args.sets, &args.notes)?
    };
    let entries = submission(&round, side, profile.me.id, &ratings, &ladder, at).map_err(|e| {
        let flag = if e.field.ends_with(".note") {
            "--note"
        } else {
            "--set"
        };
        Invalid::new(flag, e.message)
    })?;
    store.submit_assessment(&round, side, at, &entries).await?;

    let by_hand = side == Assessor::Manager;
    let mut out = io::stdout().lock();
    if globals.json {
        let stored = round.clone().submitted(side, at);
        output::json(
            &mut out,
            &Submitted {
                round: &stored,
                side,
                by_hand,
                ratings: &ratings,
            },
        )?;
    }
    out.flush()?;
    let whose = match side {
        Assessor::Own => "Your view",
        Assessor::Manager => "Your manager's view (recorded by hand)",
    };
    eprintln!(
        "{whose} is in for round {}: {} of {} competencies.",
        round.name,
        ratings.len(),
        ladder.competencies.len()
    );
    let other_in = match side {
        Assessor::Own => round.manager_submitted_at.is_some(),
        Assessor::Manager => round.self_submitted_at.is_some(),
    };
    if other_in {
        eprintln!("Both views are in: `cairn gap` compares them.");
    } else {
        let other = match side {
            Assessor::Own => "cairn assess manager",
            Assessor::Manager => "cairn assess self",
        };
        eprintln!("The comparison opens when the other view is in (`{other}`).");
    }
    Ok(())
}

/// Ratings from `--set COMPETENCY=LEVEL` and `--note COMPETENCY=TEXT`.
fn from_flags(sets: &[String], notes: &[String]) -> Result<Vec<Rating>, Invalid> {
    let pair = |flag: &str, value: &str, what: &str| {
        value
            .split_once('=')
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .ok_or_else(|| Invalid::new(flag, format!("'{value}' is not COMPETENCY={what}")))
    };
    let mut ratings = Vec::new();
    for set in sets {
        let (competency, level) = pair("--set", set, "LEVEL")?;
        ratings.push(Rating {
            competency: competency
                .parse()
                .map_err(|e: Invalid| Invalid::new("--set", e.message))?,
            level: level
                .parse()
                .map_err(|e: Invalid| Invalid::new("--set", e.message))?,
            note: String::new(),
        });
    }
    for note in notes {
        let (competency, text) = pair("--note", note, "TEXT")?;
        let Some(rating) = ratings
            .iter_mut()
            .find(|r| r.competency.as_str() == competency)
        else {
            return Err(Invalid::new(
                "--note",
                format!("'{competency}' has no --set {competency}=LEVEL to go with the note"),
            ));
        };
        rating.note = text;
    }
    Ok(ratings)
}

/// Asks for each competency's level on stderr, reading answers from stdin.
fn ask(
    ladder: &Ladder,
    current: &cairn_core::id::LevelId,
    side: Assessor,
    round: &str,
) -> anyhow::Result<Vec<Rating>> {
    let levels: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
    let next = ladder.next_levels(current).first().map(|l| l.id.clone());
    let mut err = io::stderr().lock();
    let whose = match side {
        Assessor::Own => "the level you believe you work at",
        Assessor::Manager => "the level your manager places you at",
    };
    writeln!(
        err,
        "Round {round}: for each competency, type {whose} ({}), Enter to skip.",
        levels.join(", ")
    )?;
    let mut input = io::stdin().lock();
    let mut line = String::new();
    let mut read = |err: &mut io::StderrLock<'_>, prompt: &str| -> anyhow::Result<Option<String>> {
        write!(err, "{prompt}")?;
        err.flush()?;
        line.clear();
        let n = input.read_line(&mut line).context("reading an answer")?;
        Ok((n > 0).then(|| line.trim().to_owned()))
    };
    let mut ratings = Vec::new();
    for c in &ladder.competencies {
        writeln!(err, "\n{} ({})", c.name, c.id)?;
        for level in std::iter::once(current).chain(next.as_ref()) {
            if let Some(e) = c.expectations.iter().find(|e| &e.level == level) {
                writeln!(err, "  {level}: {}", e.text)?;
            }
        }
        let answer = loop {
            let Some(answer) = read(&mut err, "  Level: ")? else {
                writeln!(err)?;
                bad_input!(
                    "the answers ended before every competency was asked; nothing was recorded (use --set COMPETENCY=LEVEL in scripts)"
                );
            };
            if answer.is_empty() || levels.iter().any(|l| l.eq_ignore_ascii_case(&answer)) {
                break answer;
            }
            writeln!(
                err,
                "  '{answer}' is not a level here ({})",
                levels.join(", ")
            )?;
        };
        if answer.is_empty() {
            continue;
        }
        let note = read(&mut err, "  Why (optional): ")?.unwrap_or_default();
        let level = levels
            .iter()
            .find(|l| l.eq_ignore_ascii_case(&answer))
            .map_or(answer.clone(), |l| (*l).to_owned());
        ratings.push(Rating {
            competency: c.id.clone(),
            level: level.parse()?,
            note,
        });
    }
    Ok(ratings)
}
