//! Access beyond the browser session, through the router on SQLite and PostgreSQL: tokens
//! (own, revoked, expired, another user's, read-only writing, SCIM on the API), the token
//! login the CLI uses, password changes and reset links, deactivation across two servers
//! on one database, and the audit log.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use axum::http::{StatusCode, header};
use cairn_core::access::{Scope, Token};
use cairn_core::dates::now;
use cairn_web::session::{new_access_token, token_hash};
use cairn_web::{AppState, router};
use serde_json::json;
use support::send;
use support::team::{PASSWORD, Team, Who, log_in, request, teams, with_token};

/// Adds a token for `who`'s person with the given scope and expiry, and returns its secret
/// and id.
async fn token_for(
    t: &Team,
    who: Who,
    scope: Scope,
    expires_in: Option<chrono::Duration>,
) -> (String, String) {
    let me = send(&t.app, with_token("GET", "/api/v1/me", t.token(who), None))
        .await
        .json();
    let person = me["id"].as_str().unwrap().parse().unwrap();
    let secret = new_access_token();
    let at = now() - chrono::Duration::minutes(1);
    let token = Token {
        expires_at: expires_in.map(|d| at + d),
        ..Token::new(person, "test", scope, token_hash(&secret), None, at).unwrap()
    };
    t.store.add_token(&token).await.unwrap();
    (secret, token.id.to_string())
}

fn new_evidence() -> Option<(&'static str, String)> {
    Some((
        "application/json",
        json!({"title": "Logged by a script"}).to_string(),
    ))
}

#[tokio::test]
async fn a_token_acts_as_its_owner_within_its_scope_and_needs_no_csrf() {
    for t in teams().await {
        let wrote = send(
            &t.app,
            with_token(
                "POST",
                "/api/v1/evidence",
                t.token(Who::Owner),
                new_evidence(),
            ),
        )
        .await;
        assert_eq!(wrote.status, StatusCode::CREATED, "{}", wrote.text);
        let me = send(
            &t.app,
            with_token("GET", "/api/v1/me", t.token(Who::Owner), None),
        )
        .await
        .json();
        assert_eq!(
            (me["via"].as_str(), me["scope"].as_str()),
            (Some("token"), Some("write"))
        );

        let (read, _) = token_for(&t, Who::Owner, Scope::Read, None).await;
        let r = send(
            &t.app,
            with_token("GET", "/api/v1/evidence", Some(&read), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.text.contains("Private reflection"),
            "the owner's own, private included"
        );
        let r = send(
            &t.app,
            with_token("POST", "/api/v1/evidence", Some(&read), new_evidence()),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.json()["error"]["code"], "insufficient_scope");
        assert!(
            r.headers[header::WWW_AUTHENTICATE]
                .to_str()
                .unwrap()
                .contains("insufficient_scope")
        );

        let (scim, _) = token_for(&t, Who::Admin, Scope::Scim, None).await;
        let r = send(
            &t.app,
            with_token("GET", "/api/v1/profile", Some(&scim), None),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "a SCIM token reads no records"
        );
    }
}

#[tokio::test]
async fn revoked_expired_unknown_and_malformed_tokens_get_401() {
    for t in teams().await {
        let thirty = Some(chrono::Duration::seconds(30));
        let (expired, _) = token_for(&t, Who::Owner, Scope::Write, thirty).await;
        let (revoked, id) = token_for(&t, Who::Owner, Scope::Write, None).await;
        let listed = send(
            &t.app,
            with_token("GET", "/api/v1/tokens", Some(&revoked), None),
        )
        .await;
        assert_eq!(listed.json().as_array().unwrap().len(), 3);
        let gone = send(
            &t.app,
            with_token(
                "DELETE",
                &format!("/api/v1/tokens/{id}"),
                Some(&revoked),
                None,
            ),
        )
        .await;
        assert_eq!(gone.status, StatusCode::NO_CONTENT);
        for bad in [expired.as_str(), revoked.as_str(), "cairn_0000"] {
            let r = send(
                &t.app,
                with_token("GET", "/api/v1/evidence", Some(bad), None),
            )
            .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad}");
            assert_eq!(r.json()["error"]["code"], "invalid_token");
            assert_eq!(
                r.headers[header::WWW_AUTHENTICATE],
                "Bearer error=\"invalid_token\""
            );
        }
        let mut basic = request("GET", "/api/v1/evidence", None, None);
        basic
            .headers_mut()
            .insert(header::AUTHORIZATION, "Basic YTpi".parse().unwrap());
        assert_eq!(send(&t.app, basic).await.status, StatusCode::UNAUTHORIZED);
        // Another user's token reads as that user: the owner's private entry is not theirs.
        let uri = format!("/api/v1/evidence/{}", t.private);
        let r = send(&t.app, with_token("GET", &uri, t.token(Who::Peer), None)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Nobody revokes someone else's token.
        let others = format!("/api/v1/tokens/{id}");
        let r = send(
            &t.app,
            with_token("DELETE", &others, t.token(Who::Peer), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_cli_trades_a_password_for_a_token_and_failures_are_limited_and_audited() {
    for t in teams().await {
        let login = |password: &str| {
            let body = json!({"email": "owner@work.example", "password": password, "name": "laptop", "scope": "read"});
            request(
                "POST",
                "/api/v1/login",
                None,
                Some(("application/json", body.to_string())),
            )
        };
        let made = send(&t.app, login(PASSWORD)).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
        let made = made.json();
        let secret = made["token"].as_str().unwrap();
        assert!(secret.starts_with("cairn_"));
        assert_eq!(
            (made["scope"].as_str(), made["person"]["name"].as_str()),
            (Some("read"), Some("Owner"))
        );
        let r = send(
            &t.app,
            with_token("GET", "/api/v1/goal", Some(secret), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);

        assert_eq!(
            send(&t.app, login("wrong password here")).await.status,
            StatusCode::UNAUTHORIZED
        );
        let mut last = StatusCode::OK;
        for _ in 0..6 {
            last = send(&t.app, login("wrong password here")).await.status;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);

        let audit = send(
            &t.app,
            with_token("GET", "/api/v1/audit", t.token(Who::Admin), None),
        )
        .await
        .json();
        let actions: Vec<&str> = audit
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert!(
            actions.contains(&"login")
                && actions.contains(&"login-failed")
                && actions.contains(&"token-created")
        );
        assert!(
            !audit.to_string().contains(PASSWORD),
            "no secret in the log"
        );
        let r = send(
            &t.app,
            with_token("GET", "/api/v1/audit", t.token(Who::Manager), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "admins only");
    }
}

/// The id of `who`'s person, from `/api/v1/me`.
async fn id_of(t: &Team, who: Who) -> String {
    let me = send(&t.app, with_token("GET", "/api/v1/me", t.token(who), None))
        .await
        .json();
    me["id"].as_str().unwrap().to_owned()
}

/// Posts an admin form on `app` for `person`.
async fn admin_post(t: &Team, app: &axum::Router, person: &str, field: &str) -> support::Reply {
    let page = send(app, request("GET", "/admin", t.cookie(Who::Admin), None)).await;
    let csrf = page
        .text
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let body = format!("csrf={csrf}&{field}");
    let form = Some(("application/x-www-form-urlencoded", body));
    send(
        app,
        request(
            "POST",
            &format!("/admin/users/{person}"),
            t.cookie(Who::Admin),
            form,
        ),
    )
    .await
}

#[tokio::test]
async fn deactivation_ends_sessions_and_tokens_on_every_server_sharing_the_database() {
    for t in teams().await {
        // A second app server on the same database.
        let other = router(AppState::team(t.store.clone(), false));
        let owner = id_of(&t, Who::Owner).await;
        assert_eq!(
            send(&other, request("GET", "/", t.cookie(Who::Owner), None))
                .await
                .status,
            StatusCode::OK
        );
        let r = admin_post(&t, &t.app, &owner, "active=false").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = send(&other, request("GET", "/", t.cookie(Who::Owner), None)).await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "the session ended on the other server too"
        );
        let api = send(
            &other,
            with_token("GET", "/api/v1/me", t.token(Who::Owner), None),
        )
        .await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            log_in(&other, "owner@work.example", PASSWORD).await.status,
            StatusCode::UNAUTHORIZED
        );
        // Their records stay theirs, and coming back restores the login.
        assert_eq!(
            t.store.evidence(t.private).await.unwrap().title,
            "Private reflection on my review"
        );
        admin_post(&t, &t.app, &owner, "active=true").await;
        assert_eq!(
            log_in(&other, "owner@work.example", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        let audit = t.store.audit_log(50).await.unwrap();
        assert!(
            audit
                .iter()
                .any(|e| e.action.as_str() == "deactivated" && e.subject == "owner@work.example")
        );
    }
}

#[tokio::test]
async fn a_reset_link_sets_a_password_once_and_ends_every_session() {
    for t in teams().await {
        let peer = id_of(&t, Who::Peer).await;
        let page = admin_post(&t, &t.app, &peer, "reset=1").await;
        let link = page
            .text
            .split("<code class=\"secret\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        assert!(link.starts_with("/reset/"), "{link}");
        assert_eq!(
            send(&t.app, request("GET", &link, None, None)).await.status,
            StatusCode::OK
        );
        let form = |p: &str| {
            Some((
                "application/x-www-form-urlencoded",
                format!("password={p}&again={p}"),
            ))
        };
        let new = "a+much+longer+new+passphrase";
        let done = send(&t.app, request("POST", &link, None, form(new))).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
        assert_eq!(
            send(&t.app, request("GET", "/", t.cookie(Who::Peer), None))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let again = send(
            &t.app,
            request("POST", &link, None, form("yet+another+passphrase")),
        )
        .await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "once only");
        assert!(again.text.contains("used, expired or unknown"));
        assert_eq!(
            log_in(&t.app, "peer@work.example", "a much longer new passphrase")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn changing_ones_password_needs_the_current_one_and_ends_the_other_sessions() {
    for t in teams().await {
        let second = log_in(&t.app, "manager@work.example", PASSWORD).await;
        let cookie = second.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let change = |current: &str| {
            let body = json!({"current": current, "password": "brand new passphrase"}).to_string();
            request(
                "POST",
                "/api/v1/password",
                t.cookie(Who::Manager),
                Some(("application/json", body)),
            )
        };
        let wrong = send(&t.app, change("not my password at all")).await;
        assert_eq!(
            (wrong.status, wrong.json()["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("current"))
        );
        assert_eq!(
            send(&t.app, change(PASSWORD)).await.status,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            send(&t.app, request("GET", "/", t.cookie(Who::Manager), None))
                .await
                .status,
            StatusCode::OK,
            "this session stays"
        );
        assert_eq!(
            send(&t.app, request("GET", "/", Some(&cookie), None))
                .await
                .status,
            StatusCode::SEE_OTHER,
            "the other ends"
        );
    }
}
