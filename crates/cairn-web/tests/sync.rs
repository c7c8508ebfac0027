//! `/api/v1/sync` on a team server, on SQLite and PostgreSQL: a pull gives the caller their
//! own record and no one else's; a push takes only the caller's own shared records and
//! refuses anything else whole, naming the record.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use axum::http::StatusCode;
use serde_json::{Value, json};
use support::send;
use support::team::{Who, teams, with_token};

#[tokio::test]
async fn a_pull_is_the_callers_own_record_and_a_push_only_their_shared_records() {
    for t in teams().await {
        let private = t.store.evidence(t.private).await.unwrap().title;
        let shared = t.store.evidence(t.shared).await.unwrap().title;
        let pull = |who: Who| {
            let app = t.app.clone();
            let token = t.token(who).map(str::to_owned);
            async move {
                let r = send(
                    &app,
                    with_token("GET", "/api/v1/sync", token.as_deref(), None),
                )
                .await;
                assert_eq!(r.status, StatusCode::OK, "{}", r.text);
                r.json()
            }
        };
        let mine = pull(Who::Owner).await;
        let titles: Vec<&str> = mine["records"]["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap())
            .collect();
        assert!(titles.contains(&private.as_str()) && titles.contains(&shared.as_str()));
        assert!(mine["cursor"].is_string());
        for who in [Who::Manager, Who::Peer, Who::SkipLevel, Who::Admin] {
            let theirs = pull(who).await.to_string();
            assert!(
                !theirs.contains(&private) && !theirs.contains(&shared),
                "{who:?} pulled the owner's records"
            );
        }

        let push = |who: Who, evidence: Vec<Value>| {
            let app = t.app.clone();
            let token = t.token(who).map(str::to_owned);
            let body =
                json!({"records": {"ladders": mine["records"]["ladders"], "evidence": evidence}});
            async move {
                send(
                    &app,
                    with_token(
                        "POST",
                        "/api/v1/sync",
                        token.as_deref(),
                        Some(("application/json", body.to_string())),
                    ),
                )
                .await
            }
        };
        let entry = |title: &str| {
            mine["records"]["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["title"] == title)
                .unwrap()
                .clone()
        };
        let same = push(Who::Owner, vec![entry(&shared)]).await;
        assert_eq!(same.status, StatusCode::OK, "{}", same.text);
        assert_eq!(
            same.json()["written"],
            0,
            "the server's own copy changes nothing"
        );
        let refused = push(Who::Owner, vec![entry(&private)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.json()["error"]["field"], "evidence[0].visibility");
        let mut changed = entry(&shared);
        changed["title"] = json!("Rewritten by someone else");
        changed["updated_at"] = json!(cairn_core::dates::now());
        let refused = push(Who::Manager, vec![changed]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.json()["error"]["field"], "evidence[0].owner");
        assert_eq!(t.store.evidence(t.shared).await.unwrap().title, shared);
        let anonymous = push(Who::Anonymous, vec![]).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    }
}
