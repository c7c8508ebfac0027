//! The web app through its router (`oneshot`, no socket), on a real SQLite file and on
//! PostgreSQL when `CAIRN_TEST_POSTGRES_URL` is set.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use cairn_core::Visibility;
use cairn_core::activity::Activity;
use cairn_core::archive::Archive;
use cairn_core::dates::now;
use cairn_core::destination::{
    Destination, DestinationChange, DestinationEvent, DestinationStatus,
};
use cairn_core::evidence::{Evidence, EvidenceQuery, LevelSignal, Source};
use cairn_core::id::{DestinationEventId, DestinationId};
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use cairn_store::test_support::records::{self, person};
use cairn_store::test_support::{ScratchDatabase, scratch_postgres};
use cairn_store::{Location, Store};
use cairn_web::{AppState, router};
use chrono::Days;
use serde_json::{Value, json};
use support::send;

/// A store with Ada (the owner, with a destination and three entries) and Bo, whose one
/// entry Ada must never see.
struct World {
    store: Arc<dyn Store>,
    state: AppState,
    ada: Person,
    mine: Evidence,
    theirs: Evidence,
    _keep: (Option<tempfile::TempDir>, Option<ScratchDatabase>),
}

fn entry(
    owner: &Person,
    days_ago: u64,
    title: &str,
    skills: &[&str],
    level: LevelSignal,
) -> Evidence {
    Evidence {
        body: format!("About: {title}"),
        level,
        ..records::evidence(owner, records::days_ago(days_ago), title, skills)
    }
}

async fn world(
    store: Arc<dyn Store>,
    keep: (Option<tempfile::TempDir>, Option<ScratchDatabase>),
) -> World {
    let ladder = builtin::find("software-engineer").unwrap();
    let ada = person("Ada");
    let bo = person("Bo");
    let goal = Destination {
        id: DestinationId::new(),
        owner: ada.id,
        statement: "Senior engineer owning the ledger by June 2027".into(),
        target_level: Some("L3".parse().unwrap()),
        horizon: None,
        reps: vec![],
        evidence_criteria: String::new(),
        status: DestinationStatus::Active,
        visibility: Visibility::Private,
        created_at: now(),
        updated_at: now(),
    };
    let set = DestinationEvent {
        id: DestinationEventId::new(),
        destination: goal.id,
        owner: ada.id,
        change: DestinationChange::Set,
        statement: goal.statement.clone(),
        reason: "Start".into(),
        at: now(),
    };
    let mine = entry(
        &ada,
        3,
        "Led the ledger design review",
        &["system-design", "influence"],
        LevelSignal::Next,
    );
    let evidence = vec![
        mine.clone(),
        entry(
            &ada,
            40,
            "Fixed the payout race condition",
            &["technical-depth"],
            LevelSignal::Current,
        ),
        entry(
            &ada,
            70,
            "Mentored a new joiner",
            &["mentoring"],
            LevelSignal::Current,
        ),
        entry(
            &bo,
            5,
            "Bo's private reflection",
            &["delivery"],
            LevelSignal::Current,
        ),
    ];
    let theirs = evidence[3].clone();
    let archive = Archive::new(
        Some(ada.id),
        vec![ladder],
        vec![ada.clone(), bo],
        vec![goal],
        vec![set],
        evidence,
    );
    store.import(&archive).await.unwrap();
    let state = AppState::local(store.clone(), ada.id);
    World {
        store,
        state,
        ada,
        mine,
        theirs,
        _keep: keep,
    }
}

/// One world per engine available.
async fn worlds() -> Vec<World> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = cairn_store::create(&Location::Sqlite(dir.path().join("web.db")))
        .await
        .unwrap();
    let mut all = vec![world(sqlite, (Some(dir), None)).await];
    if let Some(db) = scratch_postgres().await {
        let pg = cairn_store::open(&Location::Postgres(db.url.clone()))
            .await
            .unwrap();
        all.push(world(pg, (None, Some(db))).await);
    }
    all
}

/// The CSRF token a page's forms carry, as a browser would find it.
fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = html.find(marker).expect("a form with a csrf field") + marker.len();
    html[at..].split('"').next().unwrap().to_owned()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, "127.0.0.1:7878")
        .body(Body::empty())
        .unwrap()
}

fn form(uri: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, "127.0.0.1:7878")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

fn api(method: &str, uri: &str, body: &Value) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "localhost:7878")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn titles(w: &World) -> Vec<String> {
    let q = EvidenceQuery {
        owner: Some(w.ada.id),
        ..EvidenceQuery::default()
    };
    w.store
        .list_evidence(&q)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect()
}

#[tokio::test]
async fn the_dashboard_shows_destination_recent_work_and_a_heat_map() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let r = send(&app, get("/")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.text
                .contains("Senior engineer owning the ledger by June 2027")
        );
        assert!(r.text.contains("Led the ledger design review"));
        assert!(
            !r.text.contains("Bo&#39;s private reflection") && !r.text.contains("Bo's private")
        );
        // Twelve months for wide screens and the last six for narrow ones.
        assert_eq!(
            r.text.matches("class=\"heatmap-cell heat-").count(),
            8 * (12 + 6)
        );
        // A cell with evidence leads to that month's evidence for that competency.
        assert_eq!(
            r.text.matches("<a href=\"/evidence?skill=").count(),
            r.text.matches("<title>").count() - 1 - r.text.matches(": 0 entries</title>").count(),
            "every cell with evidence, and no other, links to its evidence"
        );
        assert!(
            r.text.contains("5 or more</li>"),
            "the legend names the scale"
        );
        assert!(r.text.contains(
            "<strong>3</strong> pieces of evidence, <strong>1</strong> showing the next level"
        ));
        for h in [
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
        ] {
            assert!(r.headers.contains_key(h), "missing {h}");
        }
    }
}

#[tokio::test]
async fn the_evidence_list_filters_and_searches() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let all = send(&app, get("/evidence")).await;
        assert!(all.text.contains("3 entries"), "{}", all.text);
        let by_skill = send(&app, get("/evidence?skill=mentoring")).await;
        assert!(
            by_skill.text.contains("1 entry") && by_skill.text.contains("Mentored a new joiner")
        );
        let searched = send(&app, get("/evidence?q=payout+race")).await;
        assert!(
            searched.text.contains("Fixed the payout race condition")
                && searched.text.contains("1 entry")
        );
        let bad = send(&app, get("/evidence?month=May")).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.text.contains("month: &#39;May&#39; is not a month")
                || bad.text.contains("month: 'May' is not a month"),
            "{}",
            bad.text
        );
    }
}

#[tokio::test]
async fn the_form_adds_edits_and_deletes_and_keeps_input_on_errors() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let new = send(&app, get("/evidence/new")).await;
        let token = csrf_of(&new.text);
        assert_eq!(token.len(), 32);

        // Rejected: the error sits beside its field and the typed values come back.
        let body = format!(
            "csrf={token}&title=Ran+the+retro&date=2026-13-40&skill=delivery&impact=Team+agreed+3+actions"
        );
        let r = send(&app, form("/evidence", &body)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("id=\"date-error\""), "{}", r.text);
        assert!(r.text.contains("value=\"Ran the retro\""));
        assert!(r.text.contains("value=\"Team agreed 3 actions\""));
        assert!(r.text.contains("value=\"delivery\" checked"));
        let r = send(
            &app,
            form(
                "/evidence",
                &format!("csrf={token}&title=x&links=not+a+url"),
            ),
        )
        .await;
        assert!(r.text.contains("id=\"links-error\""));
        assert_eq!(titles(&w).await.len(), 3, "nothing saved");

        // Without the token: refused, nothing saved.
        let r = send(&app, form("/evidence", "title=Forged&skill=delivery")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(!titles(&w).await.contains(&"Forged".to_owned()));

        // Accepted.
        let body = format!(
            "csrf={token}&title=Ran+the+retro&date=2026-11-02&skill=delivery&skill=collaboration&level=next&links=https%3A%2F%2Fwiki.example%2Fretro&areas=backend%2C+people&visibility=shared"
        );
        let r = send(&app, form("/evidence", &body)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let q = EvidenceQuery {
            owner: Some(w.ada.id),
            text: Some("retro".into()),
            ..EvidenceQuery::default()
        };
        let saved = w.store.list_evidence(&q).await.unwrap().pop().unwrap();
        assert_eq!(
            saved
                .competencies
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["delivery", "collaboration"]
        );
        assert_eq!(
            (saved.level, saved.visibility),
            (LevelSignal::Next, Visibility::Shared)
        );
        assert_eq!(saved.areas, ["backend", "people"]);

        // Edit shows the values, and saving changes only what changed.
        let page = send(&app, get(&format!("/evidence/{}", saved.id))).await;
        assert!(
            page.text.contains("value=\"Ran the retro\"") && page.text.contains("backend, people")
        );
        let body = format!(
            "csrf={token}&title=Facilitated+the+retro&date=2026-11-02&skill=collaboration&level=next&links=https%3A%2F%2Fwiki.example%2Fretro&areas=people&visibility=shared"
        );
        assert_eq!(
            send(&app, form(&format!("/evidence/{}", saved.id), &body))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let edited = w.store.evidence(saved.id).await.unwrap();
        assert_eq!(edited.title, "Facilitated the retro");
        assert_eq!(edited.created_at, saved.created_at);
        assert!(edited.updated_at > saved.updated_at);

        // Delete needs the token too.
        let r = send(&app, form(&format!("/evidence/{}/delete", saved.id), "")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = send(
            &app,
            form(
                &format!("/evidence/{}/delete", saved.id),
                &format!("csrf={token}"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(w.store.evidence(saved.id).await.is_err());
    }
}

#[tokio::test]
async fn someone_elses_evidence_is_not_found_anywhere() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let token = csrf_of(&send(&app, get("/evidence/new")).await.text);
        let id = w.theirs.id;
        assert_eq!(
            send(&app, get(&format!("/evidence/{id}"))).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(&app, get(&format!("/api/v1/evidence/{id}")))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(
                &app,
                api(
                    "PUT",
                    &format!("/api/v1/evidence/{id}"),
                    &json!({"title": "mine now"})
                )
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(
                &app,
                api("DELETE", &format!("/api/v1/evidence/{id}"), &json!({}))
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let r = send(
            &app,
            form(&format!("/evidence/{id}/delete"), &format!("csrf={token}")),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(
            !send(&app, get("/api/v1/evidence"))
                .await
                .text
                .contains("Bo's private")
        );
        assert!(
            !send(&app, get("/evidence?q=reflection"))
                .await
                .text
                .contains("reflection</a>")
        );
        assert_eq!(w.store.evidence(id).await.unwrap(), w.theirs, "untouched");
    }
}

#[tokio::test]
async fn the_api_reads_and_writes_evidence_with_typed_errors() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let list = send(&app, get("/api/v1/evidence?skill=influence"))
            .await
            .json();
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["id"], w.mine.id.to_string());
        assert_eq!(list[0]["level"], "next");
        let unknown = send(&app, get("/api/v1/evidence?skill=juggling")).await;
        assert_eq!(
            unknown.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            unknown.text
        );
        assert!(unknown.text.contains("skill"), "{}", unknown.text);
        assert_eq!(
            send(&app, get("/api/v1/evidence?limit=2"))
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            2
        );

        let created = send(&app, api("POST", "/api/v1/evidence", &json!({"title": "Wrote the on-call guide", "competencies": ["operations"], "areas": ["infra"]}))).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let id = created.json()["id"].as_str().unwrap().to_owned();
        let shown = send(&app, get(&format!("/api/v1/evidence/{id}")))
            .await
            .json();
        assert_eq!(shown["competencies"], json!(["operations"]));
        assert_eq!(shown["visibility"], "private");

        let changed = send(
            &app,
            api(
                "PUT",
                &format!("/api/v1/evidence/{id}"),
                &json!({"level": "next", "visibility": "shared"}),
            ),
        )
        .await
        .json();
        assert_eq!(
            (changed["level"].as_str(), changed["title"].as_str()),
            (Some("next"), Some("Wrote the on-call guide"))
        );

        let cases = [
            (
                json!({"title": "x", "competencies": ["juggling"]}),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("competencies[0]"),
            ),
            (
                json!({"title": "x", "date": "2026-02-30"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("date"),
            ),
            (
                json!({"title": " "}),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("title"),
            ),
            (
                json!({"title": "x", "colour": "red"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            ),
            (json!({"title": 42}), StatusCode::UNPROCESSABLE_ENTITY, None),
        ];
        for (body, status, field) in cases {
            let r = send(&app, api("POST", "/api/v1/evidence", &body)).await;
            assert_eq!(r.status, status, "{body}: {}", r.text);
            let e = r.json();
            assert_eq!(e["error"]["status"], status.as_u16());
            assert_eq!(e["error"]["field"].as_str(), field, "{body}");
        }
        let raw = Request::post("/api/v1/evidence")
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{\"title\": "))
            .unwrap();
        let r = send(&app, raw).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["error"]["code"], "bad_request");
        let huge = json!({"title": "big", "body": "x".repeat(300 * 1024)});
        assert_eq!(
            send(&app, api("POST", "/api/v1/evidence", &huge))
                .await
                .status,
            StatusCode::PAYLOAD_TOO_LARGE
        );

        assert_eq!(
            send(
                &app,
                api("DELETE", &format!("/api/v1/evidence/{id}"), &json!({}))
            )
            .await
            .status,
            StatusCode::NO_CONTENT
        );
        let gone = send(&app, get(&format!("/api/v1/evidence/{id}"))).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        assert_eq!(gone.json()["error"]["code"], "not_found");
        assert_eq!(
            titles(&w).await.len(),
            3,
            "only the deleted entry came and went"
        );
    }
}

#[tokio::test]
async fn every_documented_read_answers_and_other_hosts_are_refused() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let spec = send(&app, get("/api/v1/openapi.json")).await.json();
        assert_eq!(spec["openapi"], "3.1.0");
        for (path, item) in spec["paths"].as_object().unwrap() {
            if item.get("get").is_some() {
                let uri = path.replace("{id}", &w.mine.id.to_string());
                let r = send(&app, get(&uri)).await;
                assert_eq!(r.status, StatusCode::OK, "{uri}");
            }
        }
        let profile = send(&app, get("/api/v1/profile")).await.json();
        assert_eq!(
            (profile["name"].as_str(), profile["level_title"].as_str()),
            (Some("Ada"), Some("Engineer II"))
        );
        let ladder = send(&app, get("/ladder")).await;
        assert_eq!(
            ladder.text.matches("<details class=\"competency\"").count(),
            8
        );
        assert!(ladder.text.contains("you are here"));
        assert!(
            send(&app, get("/profile"))
                .await
                .text
                .contains("Senior engineer owning the ledger")
        );
        assert!(
            send(&app, get("/goal")).await.text.contains("Start"),
            "the history and its reasons"
        );

        let rebinding = Request::get("/api/v1/evidence")
            .header(header::HOST, "evil.example")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            send(&app, rebinding).await.status,
            StatusCode::MISDIRECTED_REQUEST
        );
        assert_eq!(
            send(&app, get("/no/such/page")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn saving_the_goal_page_keeps_every_field_and_its_visibility() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/goal")).await;
        let token = csrf_of(&page.text);
        // A shared destination with reps, criteria, a level and a date, as set by the API.
        let set = send(
            &app,
            api(
                "POST",
                "/api/v1/goal",
                &json!({
                    "statement": "Become a staff engineer.",
                    "target_level": "L4",
                    "by": "2027-06-30",
                    "reps": ["Lead the event-bus migration", "Write the ledger RFC"],
                    "evidence_criteria": "Three teams adopt the event bus",
                    "visibility": "shared",
                    "reason": "first"
                }),
            ),
        )
        .await;
        assert!(set.status.is_success(), "{}", set.text);
        let page = send(&app, get("/goal")).await.text;
        assert!(
            page.contains(">Lead the event-bus migration\nWrite the ledger RFC</textarea>"),
            "{page}"
        );
        assert!(page.contains(">Three teams adopt the event bus</textarea>"));
        assert!(page.contains(r#"value="2027-06-30""#));
        assert!(page.contains(r#"<option value="shared" selected>"#));
        assert!(page.contains(r#"<option value="L4" selected>"#));
        // Saving the prefilled form with a sharper statement drops nothing; the statement
        // alone names no horizon, evidence or rep, but the fields do.
        let body = format!(
            "csrf={token}&statement=Become+a+staff+engineer+on+the+platform.&target_level=L4&by=2027-06-30&reps=Lead+the+event-bus+migration%0AWrite+the+ledger+RFC&evidence=Three+teams+adopt+the+event+bus&visibility=shared&reason=sharper"
        );
        let r = send(&app, form("/goal", &body)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let d = w
            .store
            .destinations(w.ada.id)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.status.as_str() == "active")
            .unwrap();
        assert_eq!(
            d.reps,
            ["Lead the event-bus migration", "Write the ledger RFC"]
        );
        assert_eq!(d.evidence_criteria, "Three teams adopt the event bus");
        assert_eq!(d.visibility.as_str(), "shared");
        assert_eq!(
            d.target_level.as_ref().map(cairn_core::id::LevelId::as_str),
            Some("L4")
        );
        assert_eq!(d.clarity().verdict.as_str(), "actionable");
    }
}

#[tokio::test]
async fn the_goal_page_and_api_check_set_and_keep_history() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/goal")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.text
                .contains("Senior engineer owning the ledger by June 2027")
        );
        assert!(
            page.text.contains("verdict-directional"),
            "the current destination is checked"
        );
        let checked = send(&app, get("/goal?check=I+want+to+grow.")).await;
        assert!(checked.text.contains("verdict-vague") && checked.text.contains("By when?"));

        let token = csrf_of(&page.text);
        let events = || async { w.store.destination_events(w.ada.id).await.unwrap().len() };
        let before = events().await;
        let r = send(
            &app,
            form("/goal", &format!("csrf={token}&statement=I+want+to+grow.")),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("not saved"), "{}", r.text);
        assert!(
            r.text.contains(">I want to grow.</textarea>"),
            "the statement is kept"
        );
        assert_eq!(events().await, before, "a vague destination is not saved");
        let r = send(&app, form("/goal", "statement=Become+a+staff+engineer")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let concrete = "Become+a+staff+engineer+by+Q4+2027+by+leading+the+event-bus+migration%2C+judged+by+three+teams+adopting+it";
        let r = send(
            &app,
            form(
                "/goal",
                &format!("csrf={token}&statement={concrete}&target_level=L4&reason=sharper"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let history = w.store.destination_events(w.ada.id).await.unwrap();
        assert_eq!(history.len(), before + 1);
        assert_eq!(history.last().unwrap().change.as_str(), "revised");

        let c = send(
            &app,
            api(
                "POST",
                "/api/v1/goal/check",
                &json!({"text": "I want to be an architect."}),
            ),
        )
        .await
        .json();
        assert_eq!(
            (
                c["verdict"].as_str(),
                c["elements"]["destination"].as_bool()
            ),
            (Some("directional"), Some(true))
        );
        let r = send(
            &app,
            api(
                "POST",
                "/api/v1/goal",
                &json!({"statement": "Make me more visible."}),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["field"], "statement");
        let r = send(&app, api("POST", "/api/v1/goal", &json!({"statement": "Move into engineering management within a year", "pivot": true}))).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["change"], "pivoted");
        let goal = send(&app, get("/api/v1/goal")).await.json();
        assert_eq!(
            goal["destination"]["statement"],
            "Move into engineering management within a year"
        );
        assert_eq!(goal["clarity"]["verdict"], "directional");
        assert_eq!(goal["history"].as_array().unwrap().len(), before + 2);
    }
}

#[tokio::test]
async fn calibration_in_local_mode_records_both_views_and_draws_the_radar() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/calibration")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("No assessment round yet"));
        assert!(
            page.text.contains("My manager&#39;s view, typed in by me")
                || page.text.contains("My manager's view, typed in by me")
        );
        let csrf = csrf_of(&page.text);

        // A bad level keeps the input and names the field; nothing is stored.
        let bad = send(
            &app,
            form(
                "/calibration",
                &format!("csrf={csrf}&side=self&round=&level.delivery=L9&note.delivery=kept+note"),
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.text.contains("kept note") && bad.text.contains("level"),
            "{}",
            bad.text
        );
        assert!(w.store.rounds(w.ada.id).await.unwrap().is_empty());
        let forged = send(
            &app,
            form("/calibration", "csrf=forged&side=self&level.delivery=L3"),
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);

        let ok = send(&app, form("/calibration", &format!("csrf={csrf}&side=self&round=&level.delivery=L4&level.influence=L3&level.mentoring=L2"))).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text);
        let ok = send(&app, form("/calibration", &format!("csrf={csrf}&side=manager&round=&level.delivery=L3&level.influence=L3&level.mentoring=L3"))).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text);

        let page = send(&app, get("/calibration")).await.text;
        assert!(page.contains("<svg") && page.contains("class=\"radar\""));
        assert_eq!(
            page.matches("<polygon").count(),
            3,
            "self, manager and target outlines"
        );
        assert!(
            page.contains("You rate yourself higher than your manager on delivery by one level")
        );
        assert!(page.contains("33% aligned"), "{page}");

        let rounds = send(&app, get("/api/v1/rounds")).await.json();
        let entries = rounds[0]["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 6);
        assert!(
            entries
                .iter()
                .filter(|e| e["assessor"] == "manager")
                .all(|e| e["by_hand"] == true)
        );
        let gap = send(&app, get("/api/v1/gap?target=L5")).await.json();
        assert_eq!(gap["target"], "L5");
        let bad = send(&app, get("/api/v1/gap?target=L9")).await;
        assert_eq!(bad.json()["error"]["field"], "target");

        let shape = send(&app, get("/shape")).await;
        assert_eq!(shape.status, StatusCode::OK);
        assert!(shape.text.contains("<h1>Shape</h1>"));
        let bad = send(&app, get("/api/v1/shape?halves=0")).await;
        assert_eq!(bad.json()["error"]["field"], "halves");
        let export = send(&app, get("/api/v1/export")).await.json();
        assert_eq!(export["assessments"].as_array().unwrap().len(), 6);
    }
}

#[tokio::test]
async fn the_next_level_page_sets_now_beside_next() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/ladder/next")).await;
        assert_eq!(page.status, StatusCode::OK);
        let level = w.ada.level.to_string();
        assert!(
            page.text.contains(&format!("Now ({level})")),
            "{}",
            page.text
        );
        assert_eq!(page.text.matches("<tr id=\"next-").count(), 8);
        assert!(
            page.text.contains("<ul class=\"small\"><li>"),
            "examples under each next-level expectation"
        );
        let top = send(&app, get("/ladder/next?level=L6")).await;
        assert_eq!(top.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(top.text.contains("no next level"));
        assert!(
            send(&app, get("/ladder"))
                .await
                .text
                .contains("href=\"/ladder/next\"")
        );
    }
}

#[tokio::test]
async fn an_imported_framework_is_browsable_by_track() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ladders/ft-engineering.yml");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let ft = cairn_core::ladder::import::import("ft-engineering.yml", &bytes, None)
        .unwrap()
        .ladder;
    for w in worlds().await {
        let level: cairn_core::id::LevelId = "senior-1".parse().unwrap();
        w.store
            .import_ladder(&ft, Some((w.ada.id, &level, now())))
            .await
            .unwrap();
        let app = router(w.state.clone());
        let all = send(&app, get("/ladder")).await;
        assert_eq!(all.status, StatusCode::OK);
        assert!(
            all.text.contains("<nav aria-label=\"Tracks\""),
            "{}",
            all.text
        );
        assert!(all.text.contains("href=\"/ladder?track=people-manager\""));
        assert!(all.text.contains("senior-2-ic") && all.text.contains("senior-2-pm"));
        assert!(
            all.text
                .contains("<span class=\"badge\">Practitioner</span>")
        );
        let managers = send(&app, get("/ladder?track=people-manager")).await;
        assert!(managers.text.contains("senior-2-pm"));
        assert!(!managers.text.contains("senior-2-ic"), "{}", managers.text);
        assert!(
            managers
                .text
                .contains("<strong aria-current=\"page\">People Manager</strong>")
        );
        let unknown = send(&app, get("/ladder?track=director")).await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            unknown.text.contains("not a track of ladder"),
            "{}",
            unknown.text
        );

        let next = send(&app, get("/ladder/next")).await;
        assert!(
            next.text
                .contains("to Senior Engineer 2 (Individual Contributor)"),
            "{}",
            next.text
        );
        assert!(next.text.contains(
            "href=\"/ladder/next?level=senior-1&amp;track=people-manager\">Senior Engineer 2 (People Manager)</a>"
        ));
        let pm = send(
            &app,
            get("/ladder/next?level=senior-1&track=people-manager"),
        )
        .await;
        assert!(
            pm.text.contains("to Senior Engineer 2 (People Manager)"),
            "{}",
            pm.text
        );
        let api = send(&app, get("/api/v1/ladder/next?track=people-manager"))
            .await
            .json();
        assert_eq!(api["to"]["id"], "senior-2-pm");
        assert_eq!(api["elsewhere"][0]["id"], "senior-2-ic");
        let whole = send(&app, get("/api/v1/ladder")).await.json();
        assert_eq!(whole["tracks"].as_array().unwrap().len(), 2);
        let off = send(
            &app,
            get("/ladder/next?level=senior-2-ic&track=people-manager"),
        )
        .await;
        assert_eq!(off.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            off.text
                .contains("not on the &#39;people-manager&#39; track")
                || off.text.contains("not on the 'people-manager' track"),
            "{}",
            off.text
        );
    }
}

fn commit(owner: &Person, sha: &str, title: &str, days_ago: u64) -> Activity {
    let at = now() - chrono::Duration::days(i64::try_from(days_ago).unwrap());
    Activity {
        url: Some(format!("https://github.com/acme/ledger/commit/{sha}")),
        additions: 40,
        created_at: now(),
        updated_at: now(),
        ..records::commit(owner, "acme/ledger", sha, title, at)
    }
}

#[tokio::test]
async fn the_inbox_page_and_api_accept_and_dismiss_groups() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let work = [
            commit(
                &w.ada,
                "a1",
                "LED-4 mentored Sam through the on-call runbook",
                2,
            ),
            commit(&w.ada, "a2", "LED-4 pairing notes for new hires", 1),
            commit(&w.ada, "b1", "LED-9 tidy imports", 1),
            commit(&w.ada, "c1", "LED-12 index the payouts table", 1),
        ];
        w.store.add_activities(&work, &[]).await.unwrap();

        let page = send(&app, get("/inbox")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.text.contains("3 groups (4 activities) waiting"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("value=\"mentoring\" checked"),
            "suggested and ticked"
        );
        let dashboard = send(&app, get("/")).await;
        assert!(dashboard.text.contains("This month"), "{}", dashboard.text);
        assert!(
            dashboard
                .text
                .contains("<strong>3</strong> inbox groups</a> waiting")
        );

        // A form accept with a title too long is refused beside the group, nothing saved.
        let token = csrf_of(&page.text);
        let long = "x".repeat(301);
        let bad = format!("csrf={token}&group=LED-4&title={long}&skill=mentoring&level=next");
        let r = send(&app, form("/inbox/accept", &bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("role=\"alert\""), "{}", r.text);
        let ok = format!(
            "csrf={token}&group=LED-4&title=Mentored+Sam+on+call&skill=mentoring&level=next&impact=Sam+ran+the+next+incident&visibility=shared"
        );
        let r = send(&app, form("/inbox/accept", &ok)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let e = w
            .store
            .list_evidence(&EvidenceQuery {
                owner: Some(w.ada.id),
                text: Some("Sam".into()),
                ..EvidenceQuery::default()
            })
            .await
            .unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].source, e[0].level, e[0].visibility),
            (Source::Git, LevelSignal::Next, Visibility::Shared)
        );
        assert_eq!(e[0].links.len(), 2);
        assert!(e[0].body.contains("pairing notes for new hires"));
        let forged = "csrf=nope&group=LED-9";
        assert_eq!(
            send(&app, form("/inbox/dismiss", forged)).await.status,
            StatusCode::FORBIDDEN
        );
        let r = send(
            &app,
            form("/inbox/dismiss", &format!("csrf={token}&group=LED-9")),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        // The API sees what is left, accepts with the suggestions, and refuses unknown groups.
        let left = send(&app, get("/api/v1/inbox")).await.json();
        assert_eq!(left.as_array().unwrap().len(), 1);
        assert_eq!(left[0]["key"], "LED-12");
        let r = send(
            &app,
            api("POST", "/api/v1/inbox/accept", &json!({"group": "LED-12"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json()["source"], "git");
        let r = send(
            &app,
            api("POST", "/api/v1/inbox/accept", &json!({"group": "LED-12"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = send(
            &app,
            api("POST", "/api/v1/inbox/dismiss", &json!({"group": "LED-99"})),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let review = send(&app, get("/api/v1/review")).await.json();
        assert_eq!(review["inbox_groups"], 0);
        let suggest = send(
            &app,
            get("/api/v1/suggest?text=Mentored%20a%20new%20hire&limit=1"),
        )
        .await
        .json();
        assert_eq!(suggest[0]["competency"], "mentoring");
        assert_eq!(
            send(&app, get("/api/v1/suggest?text=x&limit=0"))
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
}

#[tokio::test]
async fn the_evidence_form_suggests_competencies_without_saving() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let before = titles(&w).await;
        let token = csrf_of(&send(&app, get("/evidence/new")).await.text);
        let body = format!(
            "csrf={token}&title=Mentored+two+new+hires+through+their+first+on-call&date=2026-11-02&action=suggest"
        );
        let r = send(&app, form("/evidence", &body)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text.contains("value=\"mentoring\" checked"), "{}", r.text);
        assert!(r.text.contains("Suggested competencies"));
        assert!(
            r.text
                .contains("value=\"Mentored two new hires through their first on-call\"")
        );
        assert_eq!(titles(&w).await, before, "suggesting saves nothing");
    }
}

#[tokio::test]
async fn readiness_reads_the_gap_through_the_page_and_the_api() {
    for w in worlds().await {
        let app = router(w.state.clone());
        // Readiness: Ada is L2 aiming at L3 with one next-level design entry.
        let page = send(&app, get("/ready")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Readiness for L3"), "{}", page.text);
        let ready = send(&app, get("/api/v1/ready?window=6")).await.json();
        assert_eq!(ready["window_months"], 6);
        let design = ready["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["competency"] == "system-design")
            .unwrap();
        assert_eq!(design["verdict"], "emerging", "{design}");
        assert_eq!(
            send(&app, get("/api/v1/ready?target=L9")).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
}

#[tokio::test]
async fn reps_are_added_ranked_changed_and_deleted_through_pages_and_api() {
    for w in worlds().await {
        let app = router(w.state.clone());
        // Reps: through the API and the form; the plan puts the missing competency first.
        let r = send(&app, api("POST", "/api/v1/reps", &json!({"title": "Ship the quarterly release", "competencies": ["delivery"], "exposure": "high"}))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let bad = send(
            &app,
            api(
                "POST",
                "/api/v1/reps",
                &json!({"title": "Nothing", "competencies": []}),
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let token = csrf_of(&send(&app, get("/reps")).await.text);
        let r = send(&app, form("/reps", &format!("csrf={token}&title=Chair+the+design+forum&skill=system-design&skill=influence&skill=mentoring&exposure=medium"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(
            &app,
            form("/reps", &format!("csrf={token}&title=No+skills")),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let plan = send(&app, get("/api/v1/reps/plan")).await.json();
        assert_eq!(
            plan[0]["rep"]["title"], "Chair the design forum",
            "{plan:#}"
        );
        assert!(
            send(&app, get("/reps"))
                .await
                .text
                .contains("Chair the design forum")
        );
        // Its status changes on the page: dropped, it leaves the plan; reopened, it is back.
        let forum = plan[0]["rep"]["id"].as_str().unwrap().to_owned();
        let r = send(
            &app,
            form(
                "/reps/status",
                &format!("csrf={token}&rep={forum}&status=dropped"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let plan = send(&app, get("/api/v1/reps/plan")).await.json();
        assert!(
            plan.as_array()
                .unwrap()
                .iter()
                .all(|p| p["rep"]["id"] != forum.as_str())
        );
        let page = send(&app, get("/reps")).await.text;
        assert!(
            page.contains("Done or dropped") && page.contains(">Reopen</button>"),
            "{page}"
        );
        let r = send(
            &app,
            form(
                "/reps/status",
                &format!("csrf={token}&rep={forum}&status=candidate"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            send(&app, get("/api/v1/reps/plan")).await.json()[0]["rep"]["id"],
            forum.as_str()
        );
        let bad = send(
            &app,
            form(
                "/reps/status",
                &format!("csrf={token}&rep={forum}&status=paused"),
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let stranger = send(
            &app,
            form(
                "/reps/status",
                &format!("csrf={token}&rep=00000000-0000-7000-8000-000000000000&status=done"),
            ),
        )
        .await;
        assert_eq!(stranger.status, StatusCode::NOT_FOUND);
        // Deleted on the page, the rep is gone; through the API, another goes; a second
        // delete, or a rep that is not the viewer's, is not found.
        let r = send(
            &app,
            form("/reps/delete", &format!("csrf={token}&rep={forum}")),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert!(
            !send(&app, get("/reps"))
                .await
                .text
                .contains("Chair the design forum")
        );
        let release = send(&app, get("/api/v1/reps")).await.json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let path = format!("/api/v1/reps/{release}");
        let r = send(&app, api("DELETE", &path, &json!({}))).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        assert_eq!(send(&app, get("/api/v1/reps")).await.json(), json!([]));
        let again = send(&app, api("DELETE", &path, &json!({}))).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
        let forged = send(
            &app,
            form("/reps/delete", &format!("csrf=nope&rep={release}")),
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn conversations_are_all_or_nothing_and_their_outcomes_feed_the_signal() {
    for w in worlds().await {
        let app = router(w.state.clone());
        // Conversations: all or nothing, then outcomes.
        let before = w.store.conversations(w.ada.id).await.unwrap().len();
        let today = chrono::Local::now().date_naive();
        let earlier = (today - chrono::Duration::days(3)).to_string();
        let r = send(
            &app,
            api(
                "POST",
                "/api/v1/conversations",
                &json!({"ask": "Lead the ledger design review"}),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["field"], "date");
        let r = send(&app, api("POST", "/api/v1/conversations", &json!({"date": today.to_string(), "ask": "Lead the ledger design review", "commitments": [{"what": "Intro", "who": "Grace", "due": earlier}]}))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["field"], "commitments[0].due");
        assert_eq!(
            w.store.conversations(w.ada.id).await.unwrap().len(),
            before,
            "nothing half-saved"
        );
        let r = send(&app, api("POST", "/api/v1/conversations", &json!({"date": earlier, "ask": "Lead the ledger design review", "commitments": [{"what": "Introduce me to the review chair", "who": "Grace"}]}))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let k = r.json()["commitments"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let r = send(
            &app,
            api(
                "POST",
                &format!("/api/v1/commitments/{k}"),
                &json!({"outcome": "dropped"}),
            ),
        )
        .await;
        assert_eq!(r.json()["outcome"], "dropped");
        let token = csrf_of(&send(&app, get("/conversations")).await.text);
        for ask in [
            "Run+the+next+incident+review",
            "Present+the+roadmap+at+the+all-hands",
        ] {
            let r = send(
                &app,
                form(
                    "/conversations",
                    &format!("csrf={token}&date={earlier}&ask={ask}&what=&who=&due="),
                ),
            )
            .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let r = send(
            &app,
            form("/conversations", &format!("csrf={token}&date=&ask=Lead+it")),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let signal = send(&app, get("/api/v1/signal")).await.json();
        assert_eq!(
            (signal["raised"].as_bool(), signal["asks"].as_u64()),
            (Some(true), Some(3)),
            "{signal:#}"
        );
        let dashboard = send(&app, get("/")).await;
        assert!(
            dashboard.text.contains("Signal raised"),
            "{}",
            dashboard.text
        );
        let r = send(
            &app,
            api(
                "POST",
                "/api/v1/constraints",
                &json!({"kind": "level_movement", "description": "Promotions frozen"}),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let page = send(&app, get("/conversations")).await.text;
        assert!(
            page.contains("Promotions frozen") && page.contains("Signal raised"),
            "{page}"
        );
    }
}

#[tokio::test]
async fn the_packet_is_a_self_contained_document_for_its_owner_and_their_chain() {
    for w in worlds().await {
        let app = router(w.state.clone());
        // The packet: a self-contained document under its own policy (inline styles, no
        // scripts), the viewer's own or, on a team server, a report's for their chain.
        let packet = send(&app, get("/packet")).await;
        assert_eq!(packet.status, StatusCode::OK);
        let csp = packet.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            csp.contains("style-src 'unsafe-inline'") && csp.starts_with("default-src 'none'"),
            "{csp}"
        );
        assert!(
            packet.text.contains("Ada: the case for L3"),
            "{}",
            packet.text
        );
        let edited = send(
            &app,
            get("/packet?summary=Ada+has+carried+the+ledger.&reasons=1"),
        )
        .await;
        assert!(
            edited.text.contains("<p>Ada has carried the ledger.</p>"),
            "{}",
            edited.text
        );
        let coaching = send(&app, get("/coaching")).await;
        assert_eq!(coaching.status, StatusCode::OK);
        assert!(
            coaching.text.contains("Private, for you"),
            "{}",
            coaching.text
        );
        assert!(!coaching.text.contains("<script"));
        assert!(packet.text.contains("Led the ledger design review"));
        assert!(!packet.text.contains("<script"));
        // Someone else's packet is not found in a personal store; one's own id is one's own.
        assert_eq!(
            send(
                &app,
                get("/packet?person=00000000-0000-7000-8000-000000000000")
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(&app, get(&format!("/packet?person={}", w.ada.id)))
                .await
                .status,
            StatusCode::OK
        );
        let page = send(&app, get("/ready")).await;
        assert!(
            page.headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("style-src 'self'")
        );
    }
}

#[tokio::test]
async fn no_route_serves_files_from_a_path_it_is_given() {
    for w in worlds().await {
        let app = router(w.state.clone());
        assert_eq!(
            send(&app, get("/assets/cairn.css")).await.status,
            StatusCode::OK
        );
        for path in [
            "/assets/../Cargo.toml",
            "/assets/%2e%2e/%2e%2e/Cargo.toml",
            "/assets/..%2f..%2f..%2fetc%2fpasswd",
            "/assets/cairn.css/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/evidence/..%2f..%2fexport",
        ] {
            let r = send(&app, get(path)).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert!(
                !r.text.contains("[package]") && !r.text.contains("root:"),
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn the_profile_page_changes_a_level_and_keeps_its_history() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/profile")).await;
        assert!(
            page.text.contains(r#"<option value="L2" selected>"#),
            "prefilled"
        );
        assert!(
            page.text
                .contains(r#"<a class="button" href="/api/v1/export" download="#),
            "the export is a button away"
        );
        let token = csrf_of(&page.text);
        let body = format!(
            "csrf={token}&name=Ada&level=L3&emails=ada%40work.example%0Aada%40home.example&github=ada-l&reason=Promoted+in+the+May+cycle"
        );
        let r = send(&app, form("/profile", &body)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let me = w.store.person(w.ada.id).await.unwrap();
        assert_eq!(
            (me.level.as_str(), me.emails.len(), me.github.as_deref()),
            ("L3", 2, Some("ada-l"))
        );
        let history = send(&app, get("/api/v1/profile/history")).await.json();
        let fields: Vec<&str> = history
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["level", "emails", "github"]);
        assert_eq!(history[0]["from"], "L2");
        assert_eq!(history[0]["reason"], "Promoted in the May cycle");
        let page = send(&app, get("/profile")).await.text;
        assert!(
            page.contains("<td>Promoted in the May cycle</td>"),
            "{page}"
        );
        // A level the ladder does not have is refused, naming the field, and nothing moves.
        let bad = send(
            &app,
            api("POST", "/api/v1/profile", &json!({"level": "L9"})),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
        assert!(bad.text.contains("level"), "{}", bad.text);
        let same = send(
            &app,
            api("POST", "/api/v1/profile", &json!({"level": "L3"})),
        )
        .await;
        assert_eq!(
            same.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            same.text
        );
        assert_eq!(w.store.profile_changes(w.ada.id).await.unwrap().len(), 3);
    }
}

#[tokio::test]
async fn a_decision_keeps_its_reading_and_reminds_on_the_revisit_date() {
    for w in worlds().await {
        let app = router(w.state.clone());
        let page = send(&app, get("/decide")).await;
        assert!(page.text.contains("None yet"), "{}", page.text);
        let token = csrf_of(&page.text);
        let r = send(
            &app,
            form(
                "/decide",
                &format!("csrf={token}&choice=wait&because=Promotions+are+frozen+until+April&revisit=in+3+months&visibility=private"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let all = w.store.decisions(w.ada.id).await.unwrap();
        assert_eq!(all.len(), 1);
        let d = &all[0];
        assert_eq!(d.choice.as_str(), "wait");
        assert_eq!(d.visibility, Visibility::Private, "private by default");
        assert!(d.revisit > d.decided_on);
        assert!(
            d.context.readiness.contains("ready for L3"),
            "the reading of the day is kept: {}",
            d.context.readiness
        );
        assert!(
            d.context.signal.starts_with("No signal"),
            "{}",
            d.context.signal
        );
        // Not due yet: no reminder on the dashboard.
        assert!(!send(&app, get("/")).await.text.contains("Time to revisit"));

        // Moved back in time (a newer edit of the same decision), it is due today: both
        // the dashboard and the monthly review remind.
        let today = chrono::Local::now().date_naive();
        let due = cairn_core::decision::Decision {
            choice: cairn_core::decision::Choice::Change,
            because: "The platform team is hiring a lead".into(),
            decided_on: today - Days::new(90),
            revisit: today,
            updated_at: now(),
            ..d.clone()
        };
        w.store.add_decision(&due).await.unwrap();
        let dashboard = send(&app, get("/")).await.text;
        assert!(dashboard.contains("Time to revisit"), "{dashboard}");
        assert!(
            dashboard.contains(
                "decided to change environments because The platform team is hiring a lead"
            ),
            "{dashboard}"
        );
        let review = send(&app, get("/api/v1/review")).await.json();
        assert!(
            review["revisit"]
                .as_str()
                .unwrap()
                .contains("change environments")
        );

        let bad = send(
            &app,
            api(
                "POST",
                "/api/v1/decisions",
                &json!({"choice": "maybe", "because": "x", "revisit": "in 1 month"}),
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("choice"), "{}", bad.text);
        let past = send(
            &app,
            api(
                "POST",
                "/api/v1/decisions",
                &json!({"choice": "push", "because": "Ready now", "revisit": "2020-01-01"}),
            ),
        )
        .await;
        assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(past.text.contains("revisit"), "{}", past.text);
        assert_eq!(w.store.decisions(w.ada.id).await.unwrap().len(), 1);
    }
}
