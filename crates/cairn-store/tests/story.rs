//! The conformance story: every store operation, in the order a user's record grows, run
//! against SQLite always and against PostgreSQL when `CAIRN_TEST_POSTGRES_URL` is set.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

use std::sync::Arc;

use cairn_core::Visibility;
use cairn_core::account::{Account, Role, Session, SignedIn};
use cairn_core::activity::{Activity, ActivityState};
use cairn_core::archive::Archive;
use cairn_core::assessment::{AssessmentRound, Assessor, Rating, submission};
use cairn_core::constraint::{Constraint, ConstraintKind};
use cairn_core::conversation::{Commitment, Conversation, Outcome};
use cairn_core::dates::now;
use cairn_core::decision::{Choice, Context, Decision};
use cairn_core::destination::{
    Destination, DestinationChange, DestinationEvent, DestinationStatus,
};
use cairn_core::evidence::{Evidence, EvidenceQuery, LevelSignal, Source};
use cairn_core::id::{
    ActivityId, CommitmentId, ConstraintId, ConversationId, DecisionId, DestinationEventId,
    DestinationId, EvidenceId, LevelId, PersonId, RepId, RoundId,
};
use cairn_core::ladder::{Ladder, builtin};
use cairn_core::person::{Person, ProfileEdit};
use cairn_core::readiness::Overall;
use cairn_core::rep::{Exposure, Rep, RepStatus};
use cairn_store::test_support::{records, scratch_postgres};
use cairn_store::{ImportSummary, Location, Store, StoreError};
use chrono::{Duration, NaiveDate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn person(ladder: &Ladder) -> Person {
    Person {
        emails: vec!["grace@work.example".into(), "grace@home.example".into()],
        github: Some("grace-h".into()),
        ladder: ladder.reference(),
        level: "L3".parse().unwrap(),
        ..records::person("Grace Hopper")
    }
}

fn evidence(
    owner: &Person,
    date: &str,
    title: &str,
    competencies: &[&str],
    source: Source,
) -> Evidence {
    Evidence {
        body: format!("Notes on: {title}"),
        links: vec!["https://git.example/pr/1".into()],
        areas: vec!["backend".into()],
        source,
        ..records::evidence(owner, day(date), title, competencies)
    }
}

fn titles(list: &[Evidence]) -> Vec<&str> {
    list.iter().map(|e| e.title.as_str()).collect()
}

async fn story(store: Arc<dyn Store>, empty: Arc<dyn Store>) {
    // A new store belongs to no one.
    assert_eq!(store.owner().await.unwrap(), None);
    assert!(store.ladders().await.unwrap().is_empty());

    // `init` is an import of the ladder and the person.
    let ladder = builtin::find("software-engineer").unwrap();
    let me = person(&ladder);
    let init = Archive::new(
        Some(me.id),
        vec![ladder.clone()],
        vec![me.clone()],
        vec![],
        vec![],
        vec![],
    );
    assert_eq!(
        store.import(&init).await.unwrap(),
        ImportSummary {
            written: 2,
            unchanged: 0
        }
    );
    assert_eq!(store.owner().await.unwrap(), Some(me.id));
    assert_eq!(store.person(me.id).await.unwrap(), me);
    assert_eq!(store.ladder(&ladder.reference()).await.unwrap(), ladder);
    assert_eq!(store.ladders().await.unwrap(), vec![ladder.clone()]);
    assert!(matches!(
        store.person(PersonId::new()).await,
        Err(StoreError::NotFound { what: "person", .. })
    ));

    // A ladder version never changes; an import that tries is refused whole.
    let mut changed = ladder.clone();
    changed.name = "Renamed".into();
    let sneaky = evidence(
        &me,
        "2026-01-05",
        "Should not land",
        &["delivery"],
        Source::Manual,
    );
    let bad = Archive::new(
        None,
        vec![changed],
        vec![],
        vec![],
        vec![],
        vec![sneaky.clone()],
    );
    assert!(matches!(
        store.import(&bad).await,
        Err(StoreError::LadderChanged(_))
    ));
    assert!(matches!(
        store.evidence(sneaky.id).await,
        Err(StoreError::NotFound { .. })
    ));

    // Evidence in, and back out unchanged.
    let migration = evidence(
        &me,
        "2026-03-10",
        "Led the postgres migration for billing",
        &["delivery", "system-design"],
        Source::Manual,
    );
    let latency = evidence(
        &me,
        "2026-04-02",
        "Cut p99 latency of the search API",
        &["technical-depth"],
        Source::Git,
    );
    let mentoring = evidence(
        &me,
        "2026-04-20",
        "Mentored two new joiners through onboarding",
        &["mentoring"],
        Source::Manual,
    );
    let incident = evidence(
        &me,
        "2026-02-14",
        "Incident commander for the checkout outage",
        &["operations", "delivery"],
        Source::Jira,
    );
    for e in [&migration, &latency, &mentoring, &incident] {
        store.add_evidence(e).await.unwrap();
    }
    assert_eq!(store.evidence(migration.id).await.unwrap(), migration);

    // Listing: newest first, each filter narrows, filters combine.
    let all = store
        .list_evidence(&EvidenceQuery::default())
        .await
        .unwrap();
    assert_eq!(
        titles(&all),
        [
            mentoring.title.as_str(),
            &latency.title,
            &migration.title,
            &incident.title
        ]
    );
    let q = |f: fn(&mut EvidenceQuery)| {
        let mut query = EvidenceQuery {
            owner: Some(me.id),
            ..EvidenceQuery::default()
        };
        f(&mut query);
        query
    };
    let cases: Vec<(EvidenceQuery, Vec<&Evidence>)> = vec![
        (
            q(|q| q.competency = Some("delivery".parse().unwrap())),
            vec![&migration, &incident],
        ),
        (q(|q| q.source = Some(Source::Git)), vec![&latency]),
        (
            q(|q| q.since = Some(day("2026-03-10"))),
            vec![&mentoring, &latency, &migration],
        ),
        (
            q(|q| q.until = Some(day("2026-03-10"))),
            vec![&migration, &incident],
        ),
        (
            q(|q| {
                q.since = Some(day("2026-03-01"));
                q.until = Some(day("2026-03-31"));
            }),
            vec![&migration],
        ),
        (q(|q| q.limit = Some(2)), vec![&mentoring, &latency]),
        (q(|q| q.text = Some("latency".into())), vec![&latency]),
        // Stemming: "migrations" finds "migration"; words must all appear.
        (
            q(|q| q.text = Some("Postgres migrations".into())),
            vec![&migration],
        ),
        (q(|q| q.text = Some("postgres latency".into())), vec![]),
        (q(|q| q.text = Some("\"-*".into())), vec![]),
        (
            q(|q| {
                q.text = Some("onboarding".into());
                q.competency = Some("mentoring".parse().unwrap());
            }),
            vec![&mentoring],
        ),
        (q(|q| q.owner = Some(PersonId::new())), vec![]),
    ];
    for (query, expected) in cases {
        let got = store.list_evidence(&query).await.unwrap();
        assert_eq!(
            titles(&got),
            titles(&expected.into_iter().cloned().collect::<Vec<_>>()),
            "{query:?}"
        );
    }

    // Ids resolve from a unique prefix; a shared or unknown one is an error.
    let full = migration.id.to_string();
    assert_eq!(store.resolve_evidence(&full).await.unwrap(), migration.id);
    assert_eq!(
        store
            .resolve_evidence(&full[full.len() - 36..full.len() - 4])
            .await
            .unwrap(),
        migration.id
    );
    assert!(matches!(
        store.resolve_evidence(&full[..4]).await,
        Err(StoreError::Ambiguous { .. })
    ));
    assert!(matches!(
        store.resolve_evidence("ffffffff").await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve_evidence("%").await,
        Err(StoreError::NotFound { .. })
    ));

    // Editing replaces fields, competencies and the search index entry.
    let mut edited = latency.clone();
    edited.title = "Halved tail latency of the search API with a warm cache".into();
    edited.competencies = vec![
        "technical-depth".parse().unwrap(),
        "product-impact".parse().unwrap(),
    ];
    edited.level = LevelSignal::Next;
    edited.updated_at = now();
    store.update_evidence(&edited).await.unwrap();
    assert_eq!(store.evidence(latency.id).await.unwrap(), edited);
    let found = store
        .list_evidence(&q(|q| q.text = Some("cache".into())))
        .await
        .unwrap();
    assert_eq!(titles(&found), [edited.title.as_str()]);
    let found = store
        .list_evidence(&q(|q| {
            q.competency = Some("product-impact".parse().unwrap());
        }))
        .await
        .unwrap();
    assert_eq!(titles(&found), [edited.title.as_str()]);
    let mut stale = edited.clone();
    stale.title = "Edited from an old read".into();
    stale.updated_at = latency.updated_at;
    assert!(matches!(
        store.update_evidence(&stale).await,
        Err(StoreError::Stale(_))
    ));
    assert_eq!(
        store.evidence(latency.id).await.unwrap(),
        edited,
        "a stale edit changes nothing"
    );
    let ghost = evidence(&me, "2026-01-01", "Never stored", &[], Source::Manual);
    assert!(matches!(
        store.update_evidence(&ghost).await,
        Err(StoreError::NotFound { .. })
    ));

    // Removing deletes the record, its competencies and its search entry.
    store.remove_evidence(mentoring.id).await.unwrap();
    assert!(matches!(
        store.evidence(mentoring.id).await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.remove_evidence(mentoring.id).await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(
        store
            .list_evidence(&q(|q| q.text = Some("joiners".into())))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .list_evidence(&q(|q| q.competency = Some("mentoring".parse().unwrap())))
            .await
            .unwrap()
            .is_empty()
    );

    // Destinations keep their history.
    let mut goal = Destination {
        id: DestinationId::new(),
        owner: me.id,
        statement: "Staff engineer leading the platform group's data layer by end of 2027".into(),
        target_level: Some("L4".parse().unwrap()),
        horizon: Some(day("2027-12-31")),
        reps: vec!["Lead the event bus migration".into()],
        evidence_criteria: "Three teams adopt the design".into(),
        status: DestinationStatus::Active,
        visibility: Visibility::Shared,
        created_at: now(),
        updated_at: now(),
    };
    let set = DestinationEvent {
        id: DestinationEventId::new(),
        destination: goal.id,
        owner: me.id,
        change: DestinationChange::Set,
        statement: goal.statement.clone(),
        reason: String::new(),
        at: goal.created_at,
    };
    store.set_destination(&goal, &set).await.unwrap();
    goal.statement =
        "Staff engineer owning the data layer across three teams by end of 2027".into();
    goal.updated_at = now() + Duration::microseconds(1);
    let revised = DestinationEvent {
        id: DestinationEventId::new(),
        change: DestinationChange::Revised,
        statement: goal.statement.clone(),
        reason: "Sharper scope after talking to my manager".into(),
        at: goal.updated_at,
        ..set.clone()
    };
    store.set_destination(&goal, &revised).await.unwrap();
    assert_eq!(store.destinations(me.id).await.unwrap(), vec![goal.clone()]);
    assert_eq!(
        store.destination_events(me.id).await.unwrap(),
        vec![set, revised]
    );

    // Assessment rounds: each side submits once, in one transaction with its entries.
    let round = AssessmentRound {
        id: RoundId::new(),
        owner: me.id,
        ladder: ladder.reference(),
        name: "2026 H2".into(),
        self_submitted_at: None,
        manager_submitted_at: None,
        created_at: now(),
        updated_at: now(),
    };
    let rate = |c: &str, l: &str| Rating {
        competency: c.parse().unwrap(),
        level: l.parse().unwrap(),
        note: format!("{c} at {l}"),
    };
    let at = now();
    let own = submission(
        &round,
        Assessor::Own,
        me.id,
        &[rate("delivery", "L3"), rate("influence", "L3")],
        &ladder,
        at,
    )
    .unwrap();
    store
        .submit_assessment(&round, Assessor::Own, at, &own)
        .await
        .unwrap();
    let stored = store.rounds(me.id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].self_submitted_at, Some(at));
    assert_eq!(stored[0].manager_submitted_at, None);
    assert_eq!(store.assessments(me.id).await.unwrap().len(), 2);
    let again = submission(
        &round,
        Assessor::Own,
        me.id,
        &[rate("mentoring", "L2")],
        &ladder,
        now(),
    )
    .unwrap();
    assert!(matches!(
        store
            .submit_assessment(&round, Assessor::Own, now(), &again)
            .await,
        Err(StoreError::AlreadySubmitted {
            side: Assessor::Own,
            ..
        })
    ));
    assert_eq!(
        store.assessments(me.id).await.unwrap().len(),
        2,
        "the refused entries are not stored"
    );
    let theirs = submission(
        &round,
        Assessor::Manager,
        me.id,
        &[rate("delivery", "L3"), rate("influence", "L2")],
        &ladder,
        now(),
    )
    .unwrap();
    store
        .submit_assessment(&stored[0], Assessor::Manager, now(), &theirs)
        .await
        .unwrap();
    assert!(store.rounds(me.id).await.unwrap()[0].revealed());
    let entries = store.assessments(me.id).await.unwrap();
    assert_eq!(entries.len(), 4);
    assert!(entries.contains(&theirs[1]) && entries.contains(&own[0]));
    let twin = AssessmentRound {
        id: RoundId::new(),
        name: "2026 h2".into(),
        ..round.clone()
    };
    assert!(matches!(
        store
            .submit_assessment(&twin, Assessor::Own, now(), &[])
            .await,
        Err(StoreError::Duplicate(_))
    ));
    assert_eq!(store.rounds(me.id).await.unwrap().len(), 1);

    // Team server: users, reporting lines, roles, sessions, failed logins.
    let mut boss = person(&ladder);
    boss.name = "Barbara Liskov".into();
    let account = |p: &Person, login: &str, role: Role| Account {
        login: login.into(),
        ..records::account(p, role)
    };
    store
        .add_user(
            &ladder,
            &boss,
            &account(&boss, "barbara@work.example", Role::Manager),
        )
        .await
        .unwrap();
    let mut twin = person(&ladder);
    twin.name = "Same login".into();
    assert!(matches!(
        store
            .add_user(
                &ladder,
                &twin,
                &account(&twin, "barbara@work.example", Role::Engineer)
            )
            .await,
        Err(StoreError::Duplicate(_))
    ));
    assert!(
        matches!(
            store.person(twin.id).await,
            Err(StoreError::NotFound { .. })
        ),
        "all or nothing"
    );
    assert_eq!(
        store
            .account("barbara@work.example")
            .await
            .unwrap()
            .unwrap()
            .person,
        boss.id
    );
    assert_eq!(store.account("nobody@work.example").await.unwrap(), None);
    store.set_role(boss.id, Role::Admin, now()).await.unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].role, Role::Admin);
    assert!(matches!(
        store.set_role(me.id, Role::Admin, now()).await,
        Err(StoreError::NotFound { .. })
    ));

    store
        .set_manager(me.id, Some(boss.id), now())
        .await
        .unwrap();
    let people = store.people().await.unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(store.person(me.id).await.unwrap().manager, Some(boss.id));
    store.set_manager(me.id, None, now()).await.unwrap();
    assert_eq!(store.person(me.id).await.unwrap().manager, None);
    assert!(matches!(
        store.set_manager(PersonId::new(), None, now()).await,
        Err(StoreError::NotFound { .. })
    ));

    let session = Session {
        token_hash: "a".repeat(64),
        person: boss.id,
        csrf: "token".into(),
        created_at: now(),
        expires_at: now() + Duration::hours(12),
    };
    store.add_session(&session).await.unwrap();
    let signed_in = store.session(&session.token_hash, now()).await.unwrap();
    assert_eq!(
        signed_in,
        Some(SignedIn {
            session: session.clone(),
            name: "Barbara Liskov".into(),
            email: "barbara@work.example".into(),
            role: Role::Admin,
        })
    );
    assert_eq!(
        store
            .session(&session.token_hash, now() + Duration::hours(13))
            .await
            .unwrap(),
        None,
        "expired"
    );
    assert_eq!(store.session(&"b".repeat(64), now()).await.unwrap(), None);
    store.remove_session(&session.token_hash).await.unwrap();
    assert_eq!(
        store.session(&session.token_hash, now()).await.unwrap(),
        None
    );
    store.remove_session(&session.token_hash).await.unwrap();

    // Login attempts: a claim counts before the password check, parallel claims never pass
    // the limit, other logins are not affected, and a forgotten claim frees its slot.
    let since = now() - Duration::minutes(15);
    let claims = (0..60).map(|_| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .claim_login_attempt("barbara@work.example", since, now(), 5)
                .await
                .unwrap()
        })
    });
    let mut granted = 0;
    for claim in claims {
        granted += usize::from(claim.await.unwrap());
    }
    assert_eq!(granted, 5, "at most five password checks per window");
    let other = now();
    assert!(
        store
            .claim_login_attempt("someone@work.example", since, other, 5)
            .await
            .unwrap()
    );
    store
        .forget_login_attempt("someone@work.example", other)
        .await
        .unwrap();
    let later = now() + Duration::minutes(16);
    assert!(
        store
            .claim_login_attempt(
                "barbara@work.example",
                later - Duration::minutes(15),
                later,
                5
            )
            .await
            .unwrap(),
        "the window moves on"
    );

    // A ladder map (`cairn ladder switch`) and a record's origin (`cairn sync`) are kept
    // and read back.
    let map = cairn_core::ladder::map::propose(
        &cairn_core::ladder::builtin::find("software-engineer").unwrap(),
        &cairn_core::ladder::builtin::find("engineering-manager").unwrap(),
    )
    .map;
    let first = store.export().await.unwrap().evidence[0].id.uuid();
    let origin = cairn_core::sync::Origin {
        kind: cairn_core::sync::Kind::Evidence,
        id: first,
        remote: "acme".into(),
        author: None,
    };
    let kept = cairn_core::archive::Archive::new(None, vec![], vec![], vec![], vec![], vec![])
        .with_ladder_maps(vec![map.clone()])
        .with_sync(vec![], vec![origin.clone()]);
    store.import(&kept).await.unwrap();
    assert_eq!(store.ladder_maps().await.unwrap(), vec![map]);
    assert_eq!(
        store
            .origin(cairn_core::sync::Kind::Evidence, first)
            .await
            .unwrap(),
        Some(origin)
    );

    // The newest change a sync would carry: the latest stamp of any record or deletion.
    let exported = store.export().await.unwrap();
    let newest = exported
        .evidence
        .iter()
        .map(|e| e.updated_at)
        .chain(exported.tombstones.iter().map(|t| t.deleted_at))
        .chain(exported.assessments.iter().map(|a| a.updated_at))
        .chain(exported.destinations.iter().map(|d| d.updated_at))
        .max();
    assert!(store.last_change().await.unwrap() >= newest);
    assert_eq!(
        empty.last_change().await.unwrap(),
        None,
        "an empty store never changed"
    );

    // Export, import into an empty store, export again: the same bytes.
    assert_eq!(exported.evidence.len(), 3);
    assert_eq!(exported.destination_events.len(), 2);
    assert_eq!(
        exported.people.len(),
        2,
        "people, but no accounts or sessions"
    );
    assert_eq!((exported.rounds.len(), exported.assessments.len()), (1, 4));
    // The deleted entry travels as its tombstone.
    assert_eq!(exported.tombstones.len(), 1);
    assert_eq!(exported.tombstones[0].id, mentoring.id.uuid());
    let records = 1 + 2 + 1 + 2 + 3 + 1 + 4 + 1 + 2;
    assert_eq!(
        empty.import(&exported).await.unwrap(),
        ImportSummary {
            written: records,
            unchanged: 0
        }
    );
    assert_eq!(empty.export().await.unwrap().to_json(), exported.to_json());
    // Importing again changes nothing.
    assert_eq!(
        empty.import(&exported).await.unwrap(),
        ImportSummary {
            written: 0,
            unchanged: records
        }
    );

    // Merging by id: a newer copy wins, an older one does not.
    let mut newer = exported.clone();
    newer.evidence[0].title = "Retitled elsewhere".into();
    newer.evidence[0].updated_at = now() + Duration::seconds(1);
    let mut older = exported.clone();
    older.evidence[1].title = "Stale copy".into();
    older.evidence[1].updated_at -= Duration::days(1);
    empty.import(&newer).await.unwrap();
    empty.import(&older).await.unwrap();
    assert_eq!(
        empty.evidence(newer.evidence[0].id).await.unwrap().title,
        "Retitled elsewhere"
    );
    assert_eq!(
        empty.evidence(older.evidence[1].id).await.unwrap(),
        exported.evidence[1]
    );

    // A changed ladder under the same id is the next version; the same content adds
    // nothing; moving the profile onto it leaves existing records on the version they used.
    let mut reworded = ladder.clone();
    reworded.version = 7; // the file's own number is not the store's
    reworded.competencies[0].expectations[0].text = "Reworded.".into();
    let added = store.import_ladder(&reworded, None).await.unwrap();
    assert_eq!(
        (added.version, added.previous, added.added),
        (2, Some(1), true)
    );
    let again = store.import_ladder(&reworded, None).await.unwrap();
    assert_eq!((again.version, again.added), (2, false));
    let level: LevelId = "L4".parse().unwrap();
    store
        .import_ladder(&reworded, Some((me.id, &level, now())))
        .await
        .unwrap();
    let moved = store.person(me.id).await.unwrap();
    assert_eq!((moved.ladder.version, moved.level.as_str()), (2, "L4"));
    let stored = store.ladder(&moved.ladder).await.unwrap();
    assert_eq!(stored.competencies[0].expectations[0].text, "Reworded.");
    let records = store
        .list_evidence(&EvidenceQuery::default())
        .await
        .unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(|e| e.ladder.version == 1));
    let fresh = builtin::find("engineering-manager").unwrap();
    let first = store.import_ladder(&fresh, None).await.unwrap();
    assert_eq!((first.version, first.previous), (1, None));
    let ghost = (PersonId::new(), &level, now());
    assert!(matches!(
        store.import_ladder(&reworded, Some(ghost)).await,
        Err(StoreError::NotFound { what: "person", .. })
    ));
}

fn activity(owner: &Person, external_id: &str, group: &str, day: &str) -> Activity {
    let at = format!("{day}T12:00:00Z").parse().unwrap();
    let title = format!("commit {external_id}");
    Activity {
        group: group.into(),
        files: 2,
        additions: 30,
        deletions: 4,
        created_at: now(),
        updated_at: now(),
        ..records::commit(owner, "acme/billing", external_id, &title, at)
    }
}

/// Imports land in the inbox once; groups are accepted into evidence or dismissed, in one
/// transaction each; deleting the evidence returns its activities; archives carry them.
async fn inbox_story(store: Arc<dyn Store>) {
    let ladder = builtin::find("software-engineer").unwrap();
    let me = person(&ladder);
    let init = Archive::new(
        Some(me.id),
        vec![ladder],
        vec![me.clone()],
        vec![],
        vec![],
        vec![],
    );
    store.import(&init).await.unwrap();

    let batch: Vec<Activity> = (0..1_200)
        .map(|i| {
            activity(
                &me,
                &format!("c{i:05}"),
                &format!("g{}", i % 3),
                "2026-03-02",
            )
        })
        .collect();
    let first = store.add_activities(&batch, &[]).await.unwrap();
    assert_eq!((first.imported, first.skipped, first.groups), (1_200, 0, 3));
    let mut again = batch[..10].to_vec();
    again.push(activity(&me, "c-new", "g3", "2026-03-03"));
    for a in &mut again[..10] {
        a.id = ActivityId::new(); // a re-import mints new ids; the external id decides
    }
    let second = store.add_activities(&again, &[]).await.unwrap();
    assert_eq!((second.imported, second.skipped), (1, 10));
    let inbox = store
        .activities(me.id, Some(ActivityState::Inbox))
        .await
        .unwrap();
    assert_eq!(inbox.len(), 1_201);
    assert_eq!(inbox[0], batch[0]);

    // Accepting a group writes the evidence and links every activity of the group.
    let claim = evidence(
        &me,
        "2026-03-02",
        "Billing retries",
        &["delivery"],
        Source::Git,
    );
    let settled = store
        .settle_group(me.id, "g0", Some(&claim), now())
        .await
        .unwrap();
    assert_eq!(settled, 400);
    assert_eq!(store.evidence(claim.id).await.unwrap(), claim);
    let accepted = store
        .activities(me.id, Some(ActivityState::Accepted))
        .await
        .unwrap();
    assert_eq!(accepted.len(), 400);
    assert!(
        accepted
            .iter()
            .all(|a| a.evidence == Some(claim.id) && a.group == "g0")
    );
    // Settling again finds nothing in the inbox and writes nothing.
    let twice = evidence(&me, "2026-03-02", "Twice", &[], Source::Git);
    assert!(matches!(
        store.settle_group(me.id, "g0", Some(&twice), now()).await,
        Err(StoreError::NotFound {
            what: "inbox group",
            ..
        })
    ));
    assert!(matches!(
        store.evidence(twice.id).await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(
        store.settle_group(me.id, "g1", None, now()).await.unwrap(),
        400
    );
    let dismissed = store
        .activities(me.id, Some(ActivityState::Dismissed))
        .await
        .unwrap();
    assert!(dismissed.iter().all(|a| a.evidence.is_none()) && dismissed.len() == 400);

    // Curated imports arrive accepted, with their evidence, once.
    let note = evidence(
        &me,
        "2026-03-04",
        "Ran the design review",
        &[],
        Source::Jrnl,
    );
    let mut curated = activity(&me, "jrnl-1", "jrnl:1", "2026-03-04");
    curated.source = Source::Jrnl;
    curated.state = ActivityState::Accepted;
    curated.evidence = Some(note.id);
    let one = store
        .add_activities(std::slice::from_ref(&curated), std::slice::from_ref(&note))
        .await
        .unwrap();
    assert_eq!((one.imported, one.accepted), (1, 1));
    let mut rerun = curated.clone();
    rerun.id = ActivityId::new();
    let mut note_again = note.clone();
    note_again.id = EvidenceId::new();
    rerun.evidence = Some(note_again.id);
    let none = store
        .add_activities(&[rerun], &[note_again.clone()])
        .await
        .unwrap();
    assert_eq!((none.imported, none.skipped, none.accepted), (0, 1, 0));
    assert!(store.evidence(note_again.id).await.is_err());

    // The archive carries activities, and reading it back gives the same bytes.
    let exported = store.export().await.unwrap();
    assert_eq!(exported.activities.len(), 1_202);
    let text = exported.to_json();
    let back = Archive::parse(&text, now().date_naive()).unwrap();
    assert_eq!(back.to_json(), text);

    // Deleting accepted evidence sends its activities back to the inbox.
    store.remove_evidence(claim.id).await.unwrap();
    let inbox = store
        .activities(me.id, Some(ActivityState::Inbox))
        .await
        .unwrap();
    assert_eq!(inbox.len(), 801);
    assert!(inbox.iter().all(|a| a.evidence.is_none()));
    assert_eq!(store.activities(me.id, None).await.unwrap().len(), 1_202);
}

/// Reps change in place, conversations keep their commitments and outcomes, constraints
/// list by date, and all of it travels in the archive.
async fn growth_story(store: Arc<dyn Store>) {
    let ladder = builtin::find("software-engineer").unwrap();
    let me = person(&ladder);
    let init = Archive::new(
        Some(me.id),
        vec![ladder],
        vec![me.clone()],
        vec![],
        vec![],
        vec![],
    );
    store.import(&init).await.unwrap();

    let mut rep = Rep {
        id: RepId::new(),
        owner: me.id,
        title: "Run the Q3 architecture review".into(),
        description: String::new(),
        competencies: vec!["influence".parse().unwrap()],
        exposure: Exposure::High,
        status: RepStatus::Candidate,
        visibility: Visibility::Private,
        created_at: now(),
        updated_at: now(),
    };
    store.put_rep(&rep).await.unwrap();
    rep.status = RepStatus::Active;
    rep.updated_at = now();
    store.put_rep(&rep).await.unwrap();
    assert_eq!(store.reps(me.id).await.unwrap(), vec![rep.clone()]);
    // A rep added by mistake is deleted for good, and only by its owner.
    let mistake = Rep {
        id: RepId::new(),
        title: "Typo".into(),
        ..rep.clone()
    };
    store.put_rep(&mistake).await.unwrap();
    let stranger = store.remove_rep(PersonId::new(), mistake.id).await;
    assert!(
        matches!(stranger, Err(StoreError::NotFound { what: "rep", .. })),
        "{stranger:?}"
    );
    store.remove_rep(me.id, mistake.id).await.unwrap();
    assert_eq!(store.reps(me.id).await.unwrap(), vec![rep.clone()]);

    let talk = Conversation {
        id: ConversationId::new(),
        owner: me.id,
        date: day("2026-04-10"),
        ask: "Lead the next cross-team design review by June".into(),
        response: "Yes".into(),
        visibility: Visibility::Shared,
        created_at: now(),
        updated_at: now(),
    };
    let promise = Commitment {
        id: CommitmentId::new(),
        conversation: talk.id,
        what: "Introduce to the review chair".into(),
        who: "manager".into(),
        due: Some(day("2026-04-30")),
        outcome: Outcome::Open,
        created_at: now(),
        updated_at: now(),
    };
    let intro = Commitment {
        id: CommitmentId::new(),
        what: "Share the last two design docs".into(),
        due: None,
        created_at: promise.created_at + chrono::Duration::seconds(1),
        updated_at: promise.created_at + chrono::Duration::seconds(1),
        ..promise.clone()
    };
    // Given in the other order: commitments come back oldest first.
    store
        .add_conversation(&talk, &[intro.clone(), promise.clone()])
        .await
        .unwrap();
    let quiet = Conversation {
        id: ConversationId::new(),
        date: day("2026-02-02"),
        ask: "More scope".into(),
        response: String::new(),
        ..talk.clone()
    };
    store.add_conversation(&quiet, &[]).await.unwrap();
    let delivered_at = now();
    store
        .set_outcome(promise.id, Outcome::Delivered, delivered_at)
        .await
        .unwrap();
    let delivered = Commitment {
        outcome: Outcome::Delivered,
        updated_at: delivered_at,
        ..promise.clone()
    };
    assert_eq!(
        store.conversations(me.id).await.unwrap(),
        vec![(quiet, vec![]), (talk, vec![delivered, intro])]
    );
    assert!(matches!(
        store
            .set_outcome(CommitmentId::new(), Outcome::Dropped, now())
            .await,
        Err(StoreError::NotFound {
            what: "commitment",
            ..
        })
    ));

    let limit = Constraint {
        id: ConstraintId::new(),
        owner: me.id,
        recorded_by: me.id,
        kind: ConstraintKind::LevelMovement,
        description: "Promotions frozen until April".into(),
        since: day("2026-01-01"),
        until: Some(day("2026-03-31")),
        visibility: Visibility::Shared,
        created_at: now(),
        updated_at: now(),
    };
    store.add_constraint(&limit).await.unwrap();
    assert_eq!(store.constraints(me.id).await.unwrap(), vec![limit.clone()]);

    let mut wait = Decision {
        id: DecisionId::new(),
        owner: me.id,
        choice: Choice::Wait,
        because: "Promotions are frozen until April".into(),
        decided_on: day("2026-02-01"),
        revisit: day("2026-04-01"),
        context: Context {
            readiness: "Not yet ready for L4.".into(),
            signal: "No signal: 2 clear asks in 6 months, 1 delivered.".into(),
            constraints: vec![limit.description.clone()],
        },
        visibility: Visibility::Private,
        created_at: now(),
        updated_at: now(),
    };
    let change = Decision {
        id: DecisionId::new(),
        choice: Choice::Change,
        decided_on: day("2026-04-02"),
        revisit: day("2026-10-01"),
        ..wait.clone()
    };
    store.add_decision(&change).await.unwrap();
    store.add_decision(&wait).await.unwrap();
    wait.because = "Promotions are frozen until April; my manager is leaving".into();
    wait.updated_at = now();
    store.add_decision(&wait).await.unwrap();
    assert_eq!(
        store.decisions(me.id).await.unwrap(),
        vec![wait, change],
        "oldest first, edits kept, context whole"
    );

    let promoted = ProfileEdit {
        level: Some("L4".parse().unwrap()),
        ..ProfileEdit::default()
    };
    let ladder = builtin::find("software-engineer").unwrap();
    let (after, changes) = promoted.apply(&me, &ladder, "Promoted", now()).unwrap();
    store.update_person(&after, &changes).await.unwrap();
    assert_eq!(store.person(me.id).await.unwrap().level.as_str(), "L4");
    // A stale write (the profile as it was before) changes nothing, history included.
    let renamed = ProfileEdit {
        name: Some("Ada L".into()),
        ..ProfileEdit::default()
    };
    let (stale, stale_changes) = renamed.apply(&me, &ladder, "", me.updated_at).unwrap();
    assert!(store.update_person(&stale, &stale_changes).await.is_err());
    assert_eq!(store.profile_changes(me.id).await.unwrap(), changes);
    assert_eq!(store.person(me.id).await.unwrap().name, me.name);

    let exported = store.export().await.unwrap();
    assert_eq!(
        (
            exported.reps.len(),
            exported.conversations.len(),
            exported.commitments.len(),
            exported.constraints.len(),
            exported.decisions.len(),
            exported.profile_changes.len()
        ),
        (1, 2, 2, 1, 2, 1)
    );
    let again = store.import(&exported).await.unwrap();
    assert_eq!(again.written, 0, "importing its own export writes nothing");
    let text = exported.to_json();
    assert_eq!(
        Archive::parse(&text, now().date_naive()).unwrap().to_json(),
        text
    );
}

/// The team view reads what each report shared: readiness from the twelve-month window,
/// days since the last shared entry however old it is, private work never.
async fn team_story(store: Arc<dyn Store>) {
    let ladder = builtin::find("software-engineer").unwrap();
    let manager = Person {
        name: "Grace".into(),
        ..person(&ladder)
    };
    let report = |name: &str| Person {
        id: PersonId::new(),
        name: name.into(),
        manager: Some(manager.id),
        ..person(&ladder)
    };
    let (ada, bo, cy) = (report("Ada"), report("Bo"), report("Cy"));
    let shared = |owner: &Person, date: &str| Evidence {
        visibility: Visibility::Shared,
        ..evidence(
            owner,
            date,
            "Shipped the ledger",
            &["delivery"],
            Source::Manual,
        )
    };
    let mut entries: Vec<Evidence> = (1..=6)
        .map(|d| shared(&ada, &format!("2026-10-0{d}")))
        .chain((1..=6).map(|_| shared(&bo, "2025-06-01")))
        .collect();
    entries.push(evidence(
        &ada,
        "2026-11-20",
        "Private",
        &["delivery"],
        Source::Manual,
    ));
    let people = vec![manager.clone(), ada, bo, cy];
    store
        .import(&Archive::new(
            None,
            vec![ladder],
            people,
            vec![],
            vec![],
            entries,
        ))
        .await
        .unwrap();
    let rows = cairn_store::team(store.as_ref(), manager.id, day("2026-11-24"))
        .await
        .unwrap();
    let seen: Vec<(&str, Option<i64>, Overall)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.days_since_evidence, r.readiness))
        .collect();
    assert_eq!(
        seen,
        [
            ("Ada", Some(49), Overall::UsefulNotReady),
            ("Bo", Some(541), Overall::NotYet),
            ("Cy", None, Overall::NotYet),
        ]
    );
}

#[tokio::test]
async fn sqlite_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let a = cairn_store::create(&Location::Sqlite(dir.path().join("a.db")))
        .await
        .unwrap();
    let b = cairn_store::create(&Location::Sqlite(dir.path().join("b.db")))
        .await
        .unwrap();
    story(a, b).await;
    let c = cairn_store::create(&Location::Sqlite(dir.path().join("c.db")))
        .await
        .unwrap();
    inbox_story(c).await;
    let d = cairn_store::create(&Location::Sqlite(dir.path().join("d.db")))
        .await
        .unwrap();
    growth_story(d).await;
    let e = cairn_store::create(&Location::Sqlite(dir.path().join("e.db")))
        .await
        .unwrap();
    team_story(e).await;
}

#[tokio::test]
async fn postgres_keeps_the_contract() {
    let (Some(a), Some(b)) = (scratch_postgres().await, scratch_postgres().await) else {
        eprintln!("skipped: set CAIRN_TEST_POSTGRES_URL to run the story on PostgreSQL");
        return;
    };
    let store_a = cairn_store::open(&Location::Postgres(a.url.clone()))
        .await
        .unwrap();
    let store_b = cairn_store::open(&Location::Postgres(b.url.clone()))
        .await
        .unwrap();
    story(store_a, store_b).await;
    let c = scratch_postgres().await.unwrap();
    inbox_story(
        cairn_store::open(&Location::Postgres(c.url.clone()))
            .await
            .unwrap(),
    )
    .await;
    let d = scratch_postgres().await.unwrap();
    growth_story(
        cairn_store::open(&Location::Postgres(d.url.clone()))
            .await
            .unwrap(),
    )
    .await;
    let e = scratch_postgres().await.unwrap();
    team_story(
        cairn_store::open(&Location::Postgres(e.url.clone()))
            .await
            .unwrap(),
    )
    .await;
}

#[tokio::test]
async fn sqlite_refuses_missing_and_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    let err = cairn_store::open(&Location::Sqlite(missing.clone()))
        .await
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::Missing(_)), "{err}");
    assert!(!missing.exists(), "opening must not create the file");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "these are my notes, not a database, and they are long enough",
    )
    .unwrap();
    let err = cairn_store::open(&Location::Sqlite(text.clone()))
        .await
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::NotAStore(_)), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "these are my notes, not a database, and they are long enough"
    );
}
