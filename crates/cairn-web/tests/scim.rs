//! SCIM provisioning through the router, on SQLite and PostgreSQL, for what the SCIM tester
//! in CI does not send: filters by `userName`, pages, errors in SCIM's shape (401, 403, 404,
//! 409), reporting lines that change who may read what, deactivation ending sessions, and a
//! removal that keeps the person's records and comes back as the same person.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use axum::http::{StatusCode, header};
use cairn_core::access::{Scope, Token};
use cairn_core::dates::now;
use cairn_web::session::{new_access_token, token_hash};
use serde_json::{Value, json};
use support::team::{Team, Who, request, teams, with_token};
use support::{Reply, send};

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// A SCIM token for the team's admin.
async fn scim_token(t: &Team) -> String {
    let me = send(
        &t.app,
        with_token("GET", "/api/v1/me", t.token(Who::Admin), None),
    )
    .await
    .json();
    let secret = new_access_token();
    let token = Token::new(
        me["id"].as_str().unwrap().parse().unwrap(),
        "okta",
        Scope::Scim,
        token_hash(&secret),
        None,
        now(),
    )
    .unwrap();
    t.store.add_token(&token).await.unwrap();
    secret
}

/// What `who` gets reading `path` with their token.
async fn reads(t: &Team, who: Who, path: &str) -> StatusCode {
    send(&t.app, with_token("GET", path, t.token(who), None))
        .await
        .status
}

async fn scim(t: &Team, token: &str, method: &str, path: &str, body: Option<Value>) -> Reply {
    let body = body.map(|b| ("application/scim+json", b.to_string()));
    send(
        &t.app,
        with_token(method, &format!("/scim/v2{path}"), Some(token), body),
    )
    .await
}

fn user(name: &str, manager: Option<&str>) -> Value {
    let mut v = json!({"schemas": [USER], "userName": format!("{name}@acme.example"), "name": {"givenName": name, "familyName": "Example"},
                       "emails": [{"value": format!("{name}@acme.example"), "type": "work", "primary": true}], "active": true, "externalId": format!("00u-{name}")});
    if let Some(m) = manager {
        v[ENTERPRISE] = json!({"manager": {"value": m}});
    }
    v
}

#[tokio::test]
async fn the_directory_provisions_people_and_filters_them_by_user_name() {
    for t in teams().await {
        let token = scim_token(&t).await;
        let boss = scim(&t, &token, "POST", "/Users", Some(user("boss", None))).await;
        assert_eq!(boss.status, StatusCode::CREATED, "{}", boss.text);
        assert_eq!(boss.headers[header::CONTENT_TYPE], "application/scim+json");
        let boss_id = boss.json()["id"].as_str().unwrap().to_owned();
        assert!(
            boss.headers[header::LOCATION]
                .to_str()
                .unwrap()
                .ends_with(&boss_id)
        );
        let kim = scim(
            &t,
            &token,
            "POST",
            "/Users",
            Some(user("kim", Some(&boss_id))),
        )
        .await
        .json();
        assert_eq!(kim["name"]["givenName"], "kim");
        assert_eq!(kim[ENTERPRISE]["manager"]["value"], boss_id);

        let found = scim(
            &t,
            &token,
            "GET",
            "/Users?filter=userName%20eq%20%22KIM@acme.example%22",
            None,
        )
        .await
        .json();
        assert_eq!(found["totalResults"], 1, "userName matches without case");
        assert_eq!(found["Resources"][0]["id"], kim["id"]);
        let page = scim(&t, &token, "GET", "/Users?startIndex=2&count=1", None)
            .await
            .json();
        assert_eq!(
            (page["startIndex"].as_u64(), page["itemsPerPage"].as_u64()),
            (Some(2), Some(1))
        );
        assert!(
            page["totalResults"].as_u64().unwrap() >= 8,
            "the team's six and the two new"
        );
        let bad = scim(
            &t,
            &token,
            "GET",
            "/Users?filter=userName%20co%20%22k%22",
            None,
        )
        .await;
        assert_eq!(
            (bad.status, bad.json()["scimType"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalidFilter"))
        );
        let twin = scim(&t, &token, "POST", "/Users", Some(user("kim", None))).await;
        assert_eq!(
            (twin.status, twin.json()["scimType"].as_str()),
            (StatusCode::CONFLICT, Some("uniqueness"))
        );

        // The boss now heads a reporting line: a manager in Cairn.
        let users = send(
            &t.app,
            with_token("GET", "/api/v1/audit", t.token(Who::Admin), None),
        )
        .await
        .text;
        assert!(
            users.contains("boss@acme.example is now a manager"),
            "{users}"
        );
    }
}

#[tokio::test]
async fn tokens_other_than_an_admins_scim_token_are_refused_in_scims_shape() {
    for t in teams().await {
        let anonymous = send(&t.app, request("GET", "/scim/v2/Users", None, None)).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            anonymous.json()["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:Error"
        );
        let write = scim(&t, t.token(Who::Admin).unwrap(), "GET", "/Users", None).await;
        assert_eq!(
            (write.status, write.json()["status"].as_str()),
            (StatusCode::FORBIDDEN, Some("403"))
        );
        let nowhere = scim(&t, &scim_token(&t).await, "GET", "/Groups", None).await;
        assert_eq!(
            (nowhere.status, nowhere.json()["status"].as_str()),
            (StatusCode::NOT_FOUND, Some("404"))
        );
        // The SCIM token reads no records through the API.
        let token = scim_token(&t).await;
        let api = send(
            &t.app,
            with_token("GET", "/api/v1/evidence", Some(&token), None),
        )
        .await;
        assert_eq!(api.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_move_changes_who_reads_and_deactivation_and_removal_end_access_but_keep_records() {
    for t in teams().await {
        let token = scim_token(&t).await;
        let owner = send(
            &t.app,
            with_token("GET", "/api/v1/me", t.token(Who::Owner), None),
        )
        .await
        .json();
        let other = send(
            &t.app,
            with_token("GET", "/api/v1/me", t.token(Who::OtherManager), None),
        )
        .await
        .json();
        let (owner_id, other_id) = (owner["id"].as_str().unwrap(), other["id"].as_str().unwrap());
        let shared = format!("/api/v1/evidence/{}", t.shared);
        assert_eq!(
            reads(&t, Who::OtherManager, &shared).await,
            StatusCode::NOT_FOUND
        );

        // Entra-style: a capitalised op and the manager by its extension path.
        let moved = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
            {"op": "Replace", "path": format!("{ENTERPRISE}:manager"), "value": {"value": other_id}}]});
        let r = scim(
            &t,
            &token,
            "PATCH",
            &format!("/Users/{owner_id}"),
            Some(moved),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(reads(&t, Who::OtherManager, &shared).await, StatusCode::OK);
        assert_eq!(
            reads(&t, Who::Manager, &shared).await,
            StatusCode::NOT_FOUND
        );

        let off = json!({"Operations": [{"op": "replace", "path": "active", "value": "False"}]});
        scim(
            &t,
            &token,
            "PATCH",
            &format!("/Users/{owner_id}"),
            Some(off),
        )
        .await;
        assert_eq!(
            send(&t.app, request("GET", "/", t.cookie(Who::Owner), None))
                .await
                .status,
            StatusCode::SEE_OTHER
        );

        assert_eq!(
            scim(&t, &token, "DELETE", &format!("/Users/{owner_id}"), None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            scim(&t, &token, "GET", &format!("/Users/{owner_id}"), None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            t.store.evidence(t.private).await.unwrap().title,
            "Private reflection on my review"
        );
        let back = scim(
            &t,
            &token,
            "POST",
            "/Users",
            Some(json!({"schemas": [USER], "userName": "owner@work.example", "active": true})),
        )
        .await;
        assert_eq!(
            (back.status, back.json()["id"].as_str()),
            (StatusCode::CREATED, Some(owner_id)),
            "the same person comes back"
        );
    }
}
