//! `cairn sync` and `cairn status`: your own store and your employers' team servers.
//!
//! A sync pushes what you share (records marked shared, the self side of your rounds, and
//! what you deleted), then pulls your record as the server holds it: what your manager
//! wrote about you (their side of a round once both sides are in, constraints they
//! recorded), and what you wrote there. Everything merges by id, the newer copy winning,
//! so a sync run twice moves nothing, and one killed half-way is finished by the next.
//! What came from a server stays marked with its name and who wrote it, after the remote is
//! removed too.

use std::io::Write;

use cairn_core::archive::Archive;
use cairn_core::dates::now;
use cairn_core::id::PersonId;
use cairn_core::sync::{
    Batch, Origin, Records, SyncState, Tombstone, adopt_rounds, only_for, rebase, shareable,
};
use reqwest::Method;
use serde::Serialize;

use crate::cli::Globals;
use crate::failure::bad_input;
use crate::output;
use crate::profile::Profile;
use crate::remote::{Client, Remotes, query_value};

/// Sync your store with your team servers: push what you share, pull what was written
/// about you there.
///
/// Pushes your records marked shared (evidence, destination and its history, your side of
/// assessment rounds, conversations, reps, constraints you recorded, decisions) and your
/// deletions; never a private record, an imported activity or the inbox. Pulls your record
/// from the server: your manager's side of a round once both sides are in, commitments,
/// constraints recorded for you, and what you wrote there. Records merge by id, the newer
/// winning; a second sync moves nothing. Without NAME, every remote.
///
/// Examples:
///   cairn sync
///   cairn sync work --dry-run
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The remote (default: all of them)
    remote: Option<String>,
    /// Show what would move, and move nothing
    #[arg(long)]
    dry_run: bool,
}

/// What waits to move, per remote, in each direction: records and deletions.
///
/// Example: cairn status --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct StatusArgs {}

/// One remote's sync, as printed and as `--json` gives it.
#[derive(Debug, Default, Serialize)]
struct Moved {
    remote: String,
    /// Records sent (new or changed since the last push).
    push: usize,
    /// Deletions sent.
    push_deletions: usize,
    /// Records the server took that it did not have as new.
    pushed_written: u64,
    /// Records that came back new or newer than here.
    pull: usize,
    /// Deletions that came back.
    pull_deletions: usize,
    /// When the last sync with it finished, if ever.
    last_sync: Option<String>,
    /// Why it could not be reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    unreachable: Option<String>,
}

/// What one sync would do or did, before any writing.
struct Plan {
    state: SyncState,
    push: Batch,
    pull: Batch,
    /// This store when planned.
    here: cairn_core::archive::Archive,
    started: cairn_core::dates::Timestamp,
}

impl Plan {
    /// Pulled records new here or newer than the copy here.
    fn fresh(&self) -> usize {
        newer(&self.here, &self.pull.records)
    }

    /// Pulled deletions not yet known here.
    fn fresh_deletions(&self) -> usize {
        unknown(&self.here, &self.pull.tombstones)
    }
}

fn names(remote: Option<String>) -> anyhow::Result<Vec<String>> {
    let remotes = Remotes::load()?;
    match remote {
        Some(name) => {
            remotes.get(&name)?;
            Ok(vec![name])
        }
        None if remotes.remotes.is_empty() => {
            bad_input!(
                "no remotes yet; add one with `cairn remote add NAME URL` and `cairn login NAME`"
            )
        }
        None => Ok(remotes.remotes.keys().cloned().collect()),
    }
}

/// Reads both sides and works out what would move: the pull first (it says who the token
/// is there), then this store, read whole only when something changed since the last push
/// or the pull brought something. A sync with nothing to move costs one request.
async fn plan(profile: &Profile, name: &str, client: &Client) -> anyhow::Result<Plan> {
    let store = profile.store.as_ref();
    let started = now();
    let known = store
        .sync_state(name)
        .await?
        .filter(|s| s.url == client.url);
    let mut raw: Batch = client.get(&pull_path(known.as_ref())).await?;
    let Some(there) = raw.person else {
        anyhow::bail!("{name} did not say whose record it sent; is it a Cairn team server?");
    };
    // Another login under the same name starts afresh.
    let state = match known {
        Some(s) if s.remote_person == there => s,
        other => {
            if other.is_some_and(|s| s.pulled_at.is_some()) {
                raw = client.get(&pull_path(None)).await?;
            }
            SyncState {
                remote: name.to_owned(),
                url: client.url.clone(),
                remote_person: there,
                pushed_at: None,
                pulled_at: None,
            }
        }
    };
    let local = profile.me.id;
    let changed = match (state.pushed_at, store.last_change().await?) {
        (Some(pushed), Some(last)) => last > pushed,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let brought = !raw.records.is_empty() || !raw.tombstones.is_empty();
    let here = if changed || brought {
        store.export().await?
    } else {
        Archive::new(None, vec![], vec![], vec![], vec![], vec![])
    };
    let push = if changed {
        outgoing(store, &here, &state, local, name).await?
    } else {
        Batch::default()
    };
    let pull = incoming(raw, &state, local, &here.rounds);
    Ok(Plan {
        state,
        push,
        pull,
        here,
        started,
    })
}

/// What this store sends: its shared records and deletions since the last push that may
/// go to `name`, as the server knows the engineer.
async fn outgoing(
    store: &dyn cairn_store::Store,
    here: &Archive,
    state: &SyncState,
    local: PersonId,
    name: &str,
) -> anyhow::Result<Batch> {
    let mut records = shareable(here, local, state.pushed_at);
    only_for(&mut records, &here.origins, name);
    rebase(&mut records, local, state.remote_person, false);
    let elsewhere = |t: &Tombstone| {
        here.origins
            .iter()
            .any(|o| o.kind == t.kind && o.id == t.id && o.remote != name)
    };
    let tombstones: Vec<Tombstone> = store
        .tombstones(local, state.pushed_at)
        .await?
        .into_iter()
        .filter(|t| !elsewhere(t))
        .map(|t| Tombstone {
            owner: state.remote_person,
            ..t
        })
        .collect();
    Ok(Batch {
        records,
        tombstones,
        ..Batch::default()
    })
}

/// The pull's path: changes since the last pull, or everything.
fn pull_path(state: Option<&SyncState>) -> String {
    match state.and_then(|s| s.pulled_at) {
        Some(t) => format!("/sync?since={}", query_value(&t.to_rfc3339())),
        None => "/sync".to_owned(),
    }
}

/// The server's side as this store knows it: owned by `local`, rounds under the ids they
/// have here.
fn incoming(
    mut pull: Batch,
    state: &SyncState,
    local: PersonId,
    rounds: &[cairn_core::assessment::AssessmentRound],
) -> Batch {
    rebase(&mut pull.records, state.remote_person, local, true);
    adopt_rounds(&mut pull.records, rounds);
    for t in &mut pull.tombstones {
        t.owner = local;
    }
    pull
}

/// Records and deletions in words: `2 records and 1 deletion`, `nothing`.
fn what(records: usize, deletions: usize) -> String {
    use cairn_core::text::count;
    match (records, deletions) {
        (0, 0) => "nothing".to_owned(),
        (n, 0) => count(n as u64, "record", "records"),
        (0, d) => count(d as u64, "deletion", "deletions"),
        (n, d) => format!(
            "{} and {}",
            count(n as u64, "record", "records"),
            count(d as u64, "deletion", "deletions")
        ),
    }
}

/// How many of `deletions` this store has not recorded.
fn unknown(here: &cairn_core::archive::Archive, deletions: &[Tombstone]) -> usize {
    deletions
        .iter()
        .filter(|t| {
            !here
                .tombstones
                .iter()
                .any(|h| h.kind == t.kind && h.id == t.id)
        })
        .count()
}

/// How many of `incoming` are new here or newer than the copy here.
fn newer(here: &cairn_core::archive::Archive, incoming: &Records) -> usize {
    fn count<T>(
        mine: &[T],
        theirs: &[T],
        key: impl Fn(&T) -> (uuid::Uuid, cairn_core::dates::Timestamp),
    ) -> usize {
        theirs
            .iter()
            .filter(|t| {
                let (id, at) = key(t);
                !mine.iter().any(|m| {
                    let (mid, mat) = key(m);
                    mid == id && mat >= at
                })
            })
            .count()
    }
    count(&here.destinations, &incoming.destinations, |r| {
        (r.id.uuid(), r.updated_at)
    }) + count(
        &here.destination_events,
        &incoming.destination_events,
        |r| (r.id.uuid(), r.at),
    ) + count(&here.evidence, &incoming.evidence, |r| {
        (r.id.uuid(), r.updated_at)
    }) + count(&here.rounds, &incoming.rounds, |r| {
        (r.id.uuid(), r.updated_at)
    }) + count(&here.assessments, &incoming.assessments, |r| {
        (r.id.uuid(), r.updated_at)
    }) + count(&here.reps, &incoming.reps, |r| (r.id.uuid(), r.updated_at))
        + count(&here.conversations, &incoming.conversations, |r| {
            (r.id.uuid(), r.updated_at)
        })
        + count(&here.commitments, &incoming.commitments, |r| {
            (r.id.uuid(), r.updated_at)
        })
        + count(&here.constraints, &incoming.constraints, |r| {
            (r.id.uuid(), r.updated_at)
        })
        + count(&here.decisions, &incoming.decisions, |r| {
            (r.id.uuid(), r.updated_at)
        })
}

/// Carries out a plan: the push, then the pull merged here in one transaction with the
/// marks of where it came from, then the new state.
async fn carry_out(
    profile: &Profile,
    name: &str,
    client: &Client,
    plan: Plan,
) -> anyhow::Result<(u64, (usize, usize))> {
    let Plan {
        mut state,
        push,
        pull,
        here,
        started,
    } = plan;
    let mut written = 0;
    let pushed_ids = push.records.ids();
    if !push.records.is_empty() || !push.tombstones.is_empty() {
        let body = serde_json::to_value(&push)?;
        let done = client.call(Method::POST, "/sync", Some(&body)).await?;
        written = done["written"].as_u64().unwrap_or(0);
    }
    let store = profile.store.as_ref();
    // What the push changed on the server comes back merged with what was there (a round
    // revealed by the side just sent), so a pushing sync reads the server again.
    let pull = if written > 0 {
        let rounds = store.rounds(profile.me.id).await?;
        let again: Batch = client.get(&pull_path(Some(&state))).await?;
        incoming(again, &state, profile.me.id, &rounds)
    } else {
        pull
    };
    let pulled = (
        newer(&here, &pull.records),
        unknown(&here, &pull.tombstones),
    );
    let deleted = store.tombstones(profile.me.id, None).await?;
    let mut records = pull.records;
    records.evidence.retain(|e| {
        !deleted
            .iter()
            .any(|t| t.id == e.id.uuid() && t.deleted_at >= e.updated_at)
    });
    records.reps.retain(|r| {
        !deleted
            .iter()
            .any(|t| t.id == r.id.uuid() && t.deleted_at >= r.updated_at)
    });
    let mut origins: Vec<Origin> = records
        .ids()
        .into_iter()
        .chain(pushed_ids)
        .map(|(kind, id)| Origin {
            kind,
            id,
            remote: name.to_owned(),
            author: None,
        })
        .collect();
    for o in &mut origins {
        if let Some(a) = pull
            .authors
            .iter()
            .find(|a| a.kind == o.kind && a.id == o.id)
        {
            o.author.clone_from(&a.author);
        }
    }
    origins.sort_by_key(|o| (o.kind, o.id));
    origins.dedup_by_key(|o| (o.kind, o.id));
    let archive = records.into_archive().with_sync(pull.tombstones, origins);
    store.import(&archive).await?;
    state.pushed_at = Some(started);
    state.pulled_at = pull.cursor.or(state.pulled_at);
    store.set_sync_state(&state).await?;
    Ok((written, pulled))
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let mut all = Vec::new();
    for name in names(args.remote)? {
        let client = Client::connect(&name)?;
        let plan = plan(&profile, &name, &client).await?;
        let mut moved = Moved {
            remote: name.clone(),
            push: plan.push.records.len(),
            push_deletions: plan.push.tombstones.len(),
            pull: plan.fresh(),
            pull_deletions: plan.fresh_deletions(),
            ..Moved::default()
        };
        if !args.dry_run {
            (moved.pushed_written, (moved.pull, moved.pull_deletions)) =
                carry_out(&profile, &name, &client, plan).await?;
            moved.last_sync = Some(now().to_rfc3339());
        }
        let (push, pull) = if args.dry_run {
            ("would push", "would pull")
        } else {
            ("pushed", "pulled")
        };
        eprintln!(
            "{name}: {push} {}; {pull} {}.",
            what(moved.push, moved.push_deletions),
            what(moved.pull, moved.pull_deletions)
        );
        all.push(moved);
    }
    if globals.json {
        let mut out = std::io::stdout().lock();
        output::json(&mut out, &all)?;
        out.flush()?;
    }
    Ok(())
}

pub async fn status(_args: StatusArgs, globals: &Globals) -> anyhow::Result<()> {
    let profile = Profile::load(globals).await?;
    let remotes = Remotes::load()?;
    let mut all = Vec::new();
    for name in remotes.remotes.keys() {
        let last = profile
            .store
            .sync_state(name)
            .await?
            .and_then(|s| s.pushed_at);
        let mut row = Moved {
            remote: name.clone(),
            last_sync: last.map(|t| t.to_rfc3339()),
            ..Moved::default()
        };
        let planned = match Client::connect(name) {
            Ok(client) => plan(&profile, name, &client).await,
            Err(e) => Err(e),
        };
        match planned {
            Ok(plan) => {
                row.push = plan.push.records.len();
                row.push_deletions = plan.push.tombstones.len();
                row.pull = plan.fresh();
                row.pull_deletions = plan.fresh_deletions();
            }
            Err(e) => row.unreachable = Some(format!("{e:#}")),
        }
        all.push(row);
    }
    let mut out = std::io::stdout().lock();
    if globals.json {
        output::json(&mut out, &all)?;
    } else if all.is_empty() {
        eprintln!(
            "No remotes; your store stands alone. Link one with `cairn remote add NAME URL`."
        );
    } else {
        for r in &all {
            let last = r
                .last_sync
                .as_deref()
                .map_or("never synced".to_owned(), |t| {
                    format!(
                        "last synced {} UTC",
                        t.get(..16).unwrap_or(t).replace('T', " ")
                    )
                });
            match &r.unreachable {
                Some(why) => writeln!(
                    out,
                    "{:<10} {last}; cannot tell what waits: {why}",
                    r.remote
                )?,
                None => writeln!(
                    out,
                    "{:<10} {last}; to push: {}; to pull: {}",
                    r.remote,
                    what(r.push, r.push_deletions),
                    what(r.pull, r.pull_deletions)
                )?,
            }
        }
    }
    out.flush()?;
    Ok(())
}
