//! Team mode through the router: logging in and out, sessions, CSRF, rate limiting, and the
//! privacy matrix (every read and write path × owner, manager, skip-level, another manager,
//! a peer, an admin, anonymous), on SQLite and on PostgreSQL when configured.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use axum::http::{StatusCode, header};
use cairn_core::account::Role;
use cairn_core::activity::ActivityState;
use cairn_core::id::PersonId;
use serde_json::json;
use support::send;
use support::team::{EVERYONE, PASSWORD, Team, Who, expected, log_in, request, teams, with_token};

#[tokio::test]
async fn every_path_shows_each_record_only_to_those_who_may_see_it() {
    for t in teams().await {
        let chain = [Who::Owner, Who::Manager, Who::SkipLevel];
        let paths: Vec<(String, &[Who], bool)> = vec![
            (
                format!("/api/v1/evidence/{}", t.private),
                &[Who::Owner],
                true,
            ),
            (format!("/api/v1/evidence/{}", t.shared), &chain, true),
            (format!("/api/v1/evidence?person={}", t.owner), &chain, true),
            (format!("/evidence?person={}", t.owner), &chain, false),
            (format!("/evidence/{}", t.shared), &[Who::Owner], false),
            (format!("/evidence/{}", t.private), &[Who::Owner], false),
            (format!("/api/v1/rounds?person={}", t.owner), &chain, true),
            (format!("/api/v1/gap?person={}", t.owner), &chain, true),
            (format!("/api/v1/shape?person={}", t.owner), &chain, true),
            (format!("/calibration?person={}", t.owner), &chain, false),
            (format!("/shape?person={}", t.owner), &chain, false),
            (format!("/ready?person={}", t.owner), &chain, false),
            (format!("/packet?person={}", t.owner), &chain, false),
            (format!("/conversations?person={}", t.owner), &chain, false),
            (format!("/api/v1/ready?person={}", t.owner), &chain, true),
            (format!("/api/v1/signal?person={}", t.owner), &chain, true),
            (
                format!("/api/v1/conversations?person={}", t.owner),
                &chain,
                true,
            ),
            (
                format!("/api/v1/constraints?person={}", t.owner),
                &chain,
                true,
            ),
            (format!("/api/v1/profile?person={}", t.owner), &chain, true),
            (format!("/api/v1/ladder?person={}", t.owner), &chain, true),
            (
                format!("/api/v1/ladder/next?person={}", t.owner),
                &chain,
                true,
            ),
            (format!("/api/v1/goal?person={}", t.owner), &chain, true),
            (format!("/api/v1/reps?person={}", t.owner), &chain, true),
            (
                format!("/api/v1/decisions?person={}", t.owner),
                &chain,
                true,
            ),
            (
                format!("/api/v1/profile/history?person={}", t.owner),
                &chain,
                true,
            ),
        ];
        for (path, ok, api) in &paths {
            for who in EVERYONE {
                let r = send(&t.app, request("GET", path, t.cookie(who), None)).await;
                assert_eq!(r.status, expected(who, ok, *api), "{who:?} GET {path}");
                if *api {
                    // A token reads exactly what its owner's session reads.
                    let b = send(&t.app, with_token("GET", path, t.token(who), None)).await;
                    assert_eq!(
                        (b.status, b.text.contains("Private reflection")),
                        (r.status, r.text.contains("Private reflection")),
                        "{who:?} GET {path} with a token"
                    );
                }
                if r.status == StatusCode::SEE_OTHER {
                    assert_eq!(r.headers[header::LOCATION], "/login");
                }
                if r.status == StatusCode::OK && who != Who::Owner {
                    assert!(
                        !r.text.contains("Private reflection")
                            && !r.text.contains("Secretly interview")
                            && !r.text.contains("Secret side project"),
                        "{who:?} saw a private record at {path}"
                    );
                }
                if r.status == StatusCode::NOT_FOUND {
                    assert!(
                        !r.text.contains("reflection") && !r.text.contains("incident review"),
                        "{who:?} got a hint at {path}"
                    );
                }
            }
        }
        // Anonymous visitors are turned away from every page and endpoint but the login.
        let every_get = [
            "/",
            "/evidence",
            "/evidence/new",
            "/goal",
            "/ladder",
            "/profile",
            "/admin",
            "/api/v1/evidence",
            "/api/v1/goal",
            "/api/v1/profile",
            "/api/v1/ladder",
            "/calibration",
            "/shape",
            "/ladder/next",
            "/api/v1/rounds",
            "/api/v1/gap",
            "/api/v1/shape",
            "/api/v1/export",
            "/inbox",
            "/api/v1/inbox",
            "/api/v1/review",
            "/api/v1/suggest?text=x",
            "/ready",
            "/reps",
            "/conversations",
            "/team",
            "/api/v1/ready",
            "/api/v1/signal",
            "/api/v1/reps",
            "/api/v1/reps/plan",
            "/api/v1/conversations",
            "/api/v1/constraints",
            "/api/v1/team",
            "/decide",
            "/coaching",
            "/packet",
            "/api/v1/decisions",
            "/api/v1/profile/history",
        ];
        for path in every_get {
            let r = send(&t.app, request("GET", path, None, None)).await;
            let want = if path.starts_with("/api/") {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::SEE_OTHER
            };
            assert_eq!(r.status, want, "anonymous GET {path}");
        }
        let r = send(
            &t.app,
            request(
                "POST",
                "/api/v1/evidence",
                None,
                Some(("application/json", json!({"title": "x"}).to_string())),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        // Profiles are each person's own.
        for (who, name) in [
            (Who::Owner, "Owner"),
            (Who::Manager, "Manager"),
            (Who::Admin, "Admin"),
            (Who::Peer, "Peer"),
        ] {
            let api = send(
                &t.app,
                request("GET", "/api/v1/profile", t.cookie(who), None),
            )
            .await;
            assert_eq!(api.status, StatusCode::OK);
            assert!(
                api.text.contains(&format!("\"name\":\"{name}\"")),
                "{who:?}: {}",
                api.text
            );
            let page = send(&t.app, request("GET", "/profile", t.cookie(who), None)).await;
            assert!(page.text.contains(&format!("<h1>{name}</h1>")), "{who:?}");
        }
        // Everyone's own lists and pages hold only their own records.
        for who in [
            Who::Manager,
            Who::SkipLevel,
            Who::OtherManager,
            Who::Peer,
            Who::Admin,
        ] {
            for path in ["/api/v1/evidence", "/evidence", "/"] {
                let r = send(&t.app, request("GET", path, t.cookie(who), None)).await;
                assert_eq!(r.status, StatusCode::OK, "{who:?} {path}");
                assert!(
                    !r.text.contains("reflection") && !r.text.contains("incident review"),
                    "{who:?} {path}"
                );
            }
        }
        // The inbox, the review and suggestions read only the caller's own activities.
        for who in EVERYONE.into_iter().filter(|w| *w != Who::Anonymous) {
            for path in ["/inbox", "/api/v1/inbox"] {
                let r = send(&t.app, request("GET", path, t.cookie(who), None)).await;
                assert_eq!(r.status, StatusCode::OK, "{who:?} {path}");
                assert_eq!(
                    r.text.contains("payroll"),
                    who == Who::Owner,
                    "{who:?} {path}"
                );
            }
            let review = send(
                &t.app,
                request("GET", "/api/v1/review", t.cookie(who), None),
            )
            .await;
            let waiting = u64::from(who == Who::Owner);
            assert_eq!(review.json()["inbox_groups"], waiting, "{who:?} review");
            if who != Who::Owner {
                let body = Some(("application/json", json!({"group": "PAY-77"}).to_string()));
                let r = send(
                    &t.app,
                    request("POST", "/api/v1/inbox/accept", t.cookie(who), body),
                )
                .await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who:?} accept");
                let body = Some(("application/json", json!({"group": "PAY-77"}).to_string()));
                let r = send(
                    &t.app,
                    request("POST", "/api/v1/inbox/dismiss", t.cookie(who), body),
                )
                .await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{who:?} dismiss");
            }
        }
        let waiting = t
            .store
            .activities(t.owner, Some(ActivityState::Inbox))
            .await
            .unwrap();
        assert_eq!(waiting.len(), 1, "no one else settled the owner's group");

        // The team view: each manager sees their direct reports only, from what they shared.
        assert_eq!(team_names(&t, Who::Manager).await, ["Owner", "Peer"]);
        assert_eq!(team_names(&t, Who::SkipLevel).await, ["Manager"]);
        assert!(team_names(&t, Who::OtherManager).await.is_empty());
        assert!(team_names(&t, Who::Peer).await.is_empty());
        let page = send(
            &t.app,
            request("GET", "/team", t.cookie(Who::Manager), None),
        )
        .await;
        assert!(
            page.text.contains(&format!("/ready?person={}", t.owner)),
            "{}",
            page.text
        );
        assert!(!page.text.contains("Secretly"));
        let talks = send(
            &t.app,
            request(
                "GET",
                &format!("/api/v1/conversations?person={}", t.owner),
                t.cookie(Who::Manager),
                None,
            ),
        )
        .await;
        assert_eq!(
            talks.json().as_array().unwrap().len(),
            1,
            "only the shared conversation"
        );
        let own = send(
            &t.app,
            request("GET", "/api/v1/conversations", t.cookie(Who::Owner), None),
        )
        .await;
        assert_eq!(own.json().as_array().unwrap().len(), 2);
        // `person` is answered for the person, not the caller: the report's profile, and of
        // their destination and reps only what they shared (here nothing).
        let path = format!("/api/v1/profile?person={}", t.owner);
        let theirs = send(&t.app, request("GET", &path, t.cookie(Who::Manager), None)).await;
        assert_eq!(theirs.json()["name"], "Owner", "{}", theirs.text);
        assert_eq!(theirs.json()["destination"], serde_json::Value::Null);
        let own = send(
            &t.app,
            request("GET", "/api/v1/goal", t.cookie(Who::Owner), None),
        )
        .await;
        assert!(own.text.contains("Secretly interview"), "{}", own.text);
        let path = format!("/api/v1/goal?person={}", t.owner);
        let goal = send(&t.app, request("GET", &path, t.cookie(Who::Manager), None)).await;
        assert_eq!(goal.json()["destination"], serde_json::Value::Null);
        assert_eq!(goal.json()["history"], json!([]));
        let path = format!("/api/v1/reps?person={}", t.owner);
        let reps = send(&t.app, request("GET", &path, t.cookie(Who::Manager), None)).await;
        assert_eq!(reps.json(), json!([]));
        // Reps and their plan are the caller's own: a manager's list holds none of the owner's.
        let reps = send(
            &t.app,
            request("GET", "/api/v1/reps", t.cookie(Who::Manager), None),
        )
        .await;
        assert!(!reps.text.contains("Secret side project"));
        let plan = send(
            &t.app,
            request(
                "GET",
                &format!("/api/v1/reps/plan?person={}", t.owner),
                t.cookie(Who::Manager),
                None,
            ),
        )
        .await;
        assert_eq!(plan.status, StatusCode::NOT_FOUND);

        // Constraints are recorded by either side: the owner, or their manager chain for them.
        for (who, want) in [
            (Who::Manager, StatusCode::CREATED),
            (Who::SkipLevel, StatusCode::CREATED),
            (Who::Peer, StatusCode::NOT_FOUND),
            (Who::OtherManager, StatusCode::NOT_FOUND),
            (Who::Admin, StatusCode::NOT_FOUND),
        ] {
            let body = json!({"person": t.owner.to_string(), "kind": "headcount", "description": format!("No headcount, says {who:?}")});
            let r = send(
                &t.app,
                request(
                    "POST",
                    "/api/v1/constraints",
                    t.cookie(who),
                    Some(("application/json", body.to_string())),
                ),
            )
            .await;
            assert_eq!(r.status, want, "{who:?} records a constraint: {}", r.text);
        }
        let limits = send(
            &t.app,
            request("GET", "/api/v1/constraints", t.cookie(Who::Owner), None),
        )
        .await
        .json();
        let recorded: Vec<&str> = limits
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["description"].as_str().unwrap())
            .collect();
        assert_eq!(
            recorded,
            ["No headcount, says Manager", "No headcount, says SkipLevel"]
        );
        assert!(
            limits
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["visibility"] == "shared" && c["recorded_by"] != t.owner.to_string())
        );

        // The owner's export is their whole record, growth included.
        let export = send(
            &t.app,
            request("GET", "/api/v1/export", t.cookie(Who::Owner), None),
        )
        .await
        .json();
        for (part, count) in [
            ("evidence", 2),
            ("destinations", 1),
            ("destination_events", 1),
            ("activities", 1),
            ("reps", 1),
            ("conversations", 2),
            ("commitments", 2),
            ("constraints", 2),
        ] {
            let held = export[part].as_array().map_or(0, Vec::len);
            assert_eq!(held, count, "the export's {part}");
        }

        // Writes: the owner only; everyone else is told nothing exists.
        for who in EVERYONE {
            let path = format!("/api/v1/evidence/{}", t.shared);
            let body = Some((
                "application/json",
                json!({"title": "Rewritten"}).to_string(),
            ));
            let r = send(&t.app, request("PUT", &path, t.cookie(who), body)).await;
            let want = match who {
                Who::Owner => StatusCode::OK,
                Who::Anonymous => StatusCode::UNAUTHORIZED,
                _ => StatusCode::NOT_FOUND,
            };
            assert_eq!(r.status, want, "{who:?} PUT");
            let r = send(
                &t.app,
                request(
                    "DELETE",
                    &format!("/api/v1/evidence/{}", t.private),
                    t.cookie(who),
                    None,
                ),
            )
            .await;
            let want = match who {
                Who::Owner => r.status, // checked below, once everyone else has tried
                Who::Anonymous => StatusCode::UNAUTHORIZED,
                _ => StatusCode::NOT_FOUND,
            };
            assert_eq!(r.status, want, "{who:?} DELETE");
        }
        assert!(
            t.store.evidence(t.private).await.is_err(),
            "the owner's own delete went through"
        );
        assert_eq!(t.store.evidence(t.shared).await.unwrap().title, "Rewritten");
    }
}

/// The names in `who`'s team view.
async fn team_names(t: &Team, who: Who) -> Vec<String> {
    let r = send(&t.app, request("GET", "/api/v1/team", t.cookie(who), None)).await;
    assert_eq!(r.status, StatusCode::OK, "{who:?} team");
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn logging_in_and_out_with_fresh_sessions_csrf_and_a_rate_limit() {
    for t in teams().await {
        // A wrong password and an unknown login get the same answer.
        let wrong = log_in(&t.app, "owner@work.example", "not the password at all").await;
        let unknown = log_in(&t.app, "nobody@work.example", PASSWORD).await;
        assert_eq!(
            (wrong.status, unknown.status),
            (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
        );
        assert!(
            wrong.text.contains("do not match an account")
                && unknown.text.contains("do not match an account")
        );

        // A token planted before login is never accepted, and login issues a new one.
        let planted =
            "cairn_session=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assert_eq!(
            send(&t.app, request("GET", "/", Some(planted), None))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let ok = log_in(&t.app, "Owner@Work.Example", PASSWORD).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let set = ok.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax") && !set.contains("Secure"),
            "{set}"
        );
        let cookie = set.split(';').next().unwrap().to_owned();
        assert_ne!(cookie, planted);
        let home = send(&t.app, request("GET", "/", Some(&cookie), None)).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.text.contains("Log out"));

        // Logging out needs the session's token; after it the cookie is worthless.
        let logout = |csrf: &str| {
            request(
                "POST",
                "/logout",
                Some(&cookie),
                Some(("application/x-www-form-urlencoded", format!("csrf={csrf}"))),
            )
        };
        assert_eq!(
            send(&t.app, logout("forged")).await.status,
            StatusCode::FORBIDDEN
        );
        let marker = "name=\"csrf\" value=\"";
        let at = home.text.find(marker).unwrap() + marker.len();
        let csrf = home.text[at..].split('"').next().unwrap().to_owned();
        assert_eq!(
            send(&t.app, logout(&csrf)).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            send(&t.app, request("GET", "/", Some(&cookie), None))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let api = send(
            &t.app,
            request("GET", "/api/v1/evidence", Some(&cookie), None),
        )
        .await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED);
        assert!(api.text.contains("\"code\":\"login_required\""));

        // A login form posted from elsewhere (no matching token cookie) is refused, and so
        // is one with no cookie and an empty token: "" never matches "".
        for token in ["guess", ""] {
            let body = format!(
                "token={token}&login=owner%40work.example&password={}",
                PASSWORD.replace(' ', "+")
            );
            let forged = send(
                &t.app,
                request(
                    "POST",
                    "/login",
                    None,
                    Some(("application/x-www-form-urlencoded", body)),
                ),
            )
            .await;
            assert_eq!(forged.status, StatusCode::FORBIDDEN, "token {token:?}");
        }
        // A login that is not an email address, or holds a NUL, is answered, not a 500.
        for login in ["admin", "owner%00%40work.example"] {
            let r = log_in(&t.app, login, PASSWORD).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{login}");
            assert!(r.text.contains("email address"), "{login}: {}", r.text);
        }

        // Sixty wrong passwords at once: at most five are checked, the rest are refused.
        let attempts: Vec<_> = (0..60)
            .map(|_| {
                let app = t.app.clone();
                tokio::spawn(async move {
                    log_in(&app, "skip@work.example", "wrong wrong wrong")
                        .await
                        .status
                })
            })
            .collect();
        let mut checked = 0;
        for attempt in attempts {
            let status = attempt.await.unwrap();
            assert!(
                [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&status),
                "{status}"
            );
            checked += usize::from(status == StatusCode::UNAUTHORIZED);
        }
        assert_eq!(checked, 5, "password checks for one login in a window");

        // Five failures in fifteen minutes lock the login, even for the right password.
        for _ in 0..5 {
            assert_eq!(
                log_in(&t.app, "peer@work.example", "wrong wrong wrong")
                    .await
                    .status,
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            log_in(&t.app, "peer@work.example", PASSWORD).await.status,
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            log_in(&t.app, "manager@work.example", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER,
            "others are unaffected"
        );
    }
}

#[tokio::test]
async fn only_admins_manage_accounts_and_they_still_read_no_records() {
    for t in teams().await {
        for who in EVERYONE {
            let r = send(&t.app, request("GET", "/admin", t.cookie(who), None)).await;
            let want = match who {
                Who::Admin => StatusCode::OK,
                Who::Anonymous => StatusCode::SEE_OTHER,
                _ => StatusCode::NOT_FOUND,
            };
            assert_eq!(r.status, want, "{who:?} GET /admin");
            if who != Who::Anonymous {
                let home = send(&t.app, request("GET", "/", t.cookie(who), None)).await;
                assert_eq!(
                    home.text.contains("href=\"/admin\""),
                    who == Who::Admin,
                    "{who:?} sees the admin link"
                );
                // The chrome names who is logged in, from the one read of their session.
                let name = match who {
                    Who::SkipLevel => "Skip".to_owned(),
                    Who::OtherManager => "Other".to_owned(),
                    _ => format!("{who:?}"),
                };
                assert!(
                    home.text
                        .contains(&format!("<span class=\"muted\">{name}</span>")),
                    "{who:?} is named beside Log out"
                );
            }
        }
        let admin = t.cookie(Who::Admin).unwrap().to_owned();
        let page = send(&t.app, request("GET", "/admin", Some(&admin), None)).await;
        let marker = "name=\"csrf\" value=\"";
        let at = page.text.find(marker).unwrap() + marker.len();
        let csrf = page.text[at..].split('"').next().unwrap().to_owned();
        let post = |uri: &str, body: String| {
            request(
                "POST",
                uri,
                Some(&admin),
                Some(("application/x-www-form-urlencoded", body)),
            )
        };

        // A peer cannot post admin forms even with their own valid token.
        let peer_csrf = {
            let home = send(&t.app, request("GET", "/", t.cookie(Who::Peer), None)).await;
            let at = home.text.find(marker).unwrap() + marker.len();
            home.text[at..].split('"').next().unwrap().to_owned()
        };
        let body = format!(
            "csrf={peer_csrf}&name=Mallory&login=mallory%40work.example&level=L2&role=admin&password=correct+horse+battery+staple"
        );
        let r = send(
            &t.app,
            request(
                "POST",
                "/admin/users",
                t.cookie(Who::Peer),
                Some(("application/x-www-form-urlencoded", body)),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(
            t.store
                .account("mallory@work.example")
                .await
                .unwrap()
                .is_none()
        );

        let short = format!(
            "csrf={csrf}&name=Dee&login=dee%40work.example&level=L2&role=engineer&password=short"
        );
        let r = send(&t.app, post("/admin/users", short)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("at least 12 characters"), "{}", r.text);
        let good = format!(
            "csrf={csrf}&name=Dee&login=Dee%40Work.Example&level=L2&role=engineer&password=correct+horse+battery+staple"
        );
        assert_eq!(
            send(&t.app, post("/admin/users", good)).await.status,
            StatusCode::SEE_OTHER
        );
        let dee = t.store.account("dee@work.example").await.unwrap().unwrap();
        assert_eq!(dee.role, Role::Engineer);

        let r = send(
            &t.app,
            post(
                &format!("/admin/users/{}", dee.person),
                format!("csrf={csrf}&role=manager"),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Reporting lines need a manager-role account: not an engineer, and not the admin
        // appointing themselves into anyone's chain.
        let set = |who: PersonId, field: &str| {
            post(
                &format!("/admin/users/{who}"),
                format!("csrf={csrf}&{field}"),
            )
        };
        for (login, says) in [("owner", "is an engineer"), ("admin", "is an admin")] {
            let r = send(
                &t.app,
                set(dee.person, &format!("manager={login}%40work.example")),
            )
            .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{login}");
            assert!(r.text.contains(says), "{}", r.text);
        }
        let admin = t
            .store
            .account("admin@work.example")
            .await
            .unwrap()
            .unwrap();
        let r = send(&t.app, set(admin.person, "role=manager")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("another admin changes your own role"));
        let other = t
            .store
            .account("other@work.example")
            .await
            .unwrap()
            .unwrap();
        let r = send(&t.app, set(dee.person, "manager=other%40work.example")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            t.store.person(dee.person).await.unwrap().manager,
            Some(other.person)
        );
        // A loop is refused with the reason.
        let r = send(&t.app, set(other.person, "manager=dee%40work.example")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("loop"));
        // A manager made an engineer loses their reports at once.
        let r = send(&t.app, set(other.person, "role=engineer")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(t.store.person(dee.person).await.unwrap().manager, None);
        // Without the token, nothing changes.
        let r = send(
            &t.app,
            post(&format!("/admin/users/{}", dee.person), "role=admin".into()),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            t.store
                .account("dee@work.example")
                .await
                .unwrap()
                .unwrap()
                .role,
            Role::Manager
        );
    }
}

/// The CSRF token in a page's forms.
fn csrf_of(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    page[at..].split('"').next().unwrap().to_owned()
}

fn form(pairs: &[(&str, &str)]) -> Option<(&'static str, String)> {
    let body = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace(' ', "+")))
        .collect::<Vec<_>>()
        .join("&");
    Some(("application/x-www-form-urlencoded", body))
}

#[tokio::test]
async fn a_self_first_round_stays_blind_until_both_views_are_in() {
    for t in teams().await {
        let owner = t.cookie(Who::Owner);
        let manager = t.cookie(Who::Manager);
        let of_owner = format!("?person={}", t.owner);
        let get = |path: String, cookie| send(&t.app, request("GET", &path, cookie, None));
        let submit = |cookie, body: serde_json::Value| {
            send(
                &t.app,
                request(
                    "POST",
                    "/api/v1/rounds",
                    cookie,
                    Some(("application/json", body.to_string())),
                ),
            )
        };
        let theirs = json!({"side": "manager", "person": t.owner.to_string(), "round": "2026 H2",
            "ratings": [{"competency": "delivery", "level": "L3", "note": "Manager hidden note"},
                        {"competency": "influence", "level": "L2"}]});

        // Only the direct manager records the manager's view; the owner only their own.
        let r = submit(
            owner,
            json!({"side": "manager", "ratings": [{"competency": "delivery", "level": "L3"}]}),
        )
        .await;
        assert_eq!(
            (r.status, r.json()["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("side"))
        );
        let r = submit(t.cookie(Who::SkipLevel), theirs.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "skip-level reads but does not assess"
        );
        for who in [Who::Peer, Who::OtherManager, Who::Admin] {
            assert_eq!(
                submit(t.cookie(who), theirs.clone()).await.status,
                StatusCode::NOT_FOUND,
                "{who:?}"
            );
        }
        let r = submit(
            manager,
            json!({"side": "manager", "person": t.owner.to_string(),
            "ratings": [{"competency": "cooking", "level": "L3"}]}),
        )
        .await;
        assert_eq!(r.json()["error"]["field"], "ratings[0].competency");

        // The manager goes first. The owner sees that they did, and nothing of what they said.
        let r = submit(manager, theirs.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(
            submit(manager, theirs.clone()).await.json()["error"]["field"],
            "round"
        );
        let rounds = get("/api/v1/rounds".into(), owner).await.json();
        assert!(rounds[0]["manager_submitted_at"].is_string());
        assert_eq!(rounds[0]["entries"], json!([]));
        let gap = get("/api/v1/gap".into(), owner).await.json();
        assert!(
            gap["competencies"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["manager"].is_null())
        );
        assert!(
            gap["reading"][0]
                .as_str()
                .unwrap()
                .contains("Record your own to see theirs"),
            "{gap}"
        );
        let page = get("/calibration".into(), owner).await;
        assert!(!page.text.contains("Manager hidden note"));
        let export = get("/api/v1/export".into(), owner).await;
        assert_eq!(export.status, StatusCode::OK);
        assert!(
            !export.text.contains("Manager hidden note"),
            "export leaks the manager's view"
        );
        assert_eq!(export.json()["assessments"], json!([]));

        // The owner submits through the page; both views are revealed to both sides.
        let csrf = csrf_of(&page.text);
        let r = send(
            &t.app,
            request(
                "POST",
                "/calibration",
                owner,
                form(&[
                    ("csrf", &csrf),
                    ("side", "self"),
                    ("round", ""),
                    ("level.delivery", "L4"),
                    ("note.delivery", "Owner own note"),
                    ("level.influence", "L2"),
                ]),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        for cookie in [owner, manager] {
            let page = get(format!("/calibration{of_owner}"), cookie).await.text;
            assert!(page.contains("Manager hidden note") && page.contains("Owner own note"));
            let gap = get(format!("/api/v1/gap{of_owner}"), cookie).await.json();
            let delivery = gap["competencies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["competency"] == "delivery")
                .unwrap()
                .clone();
            assert_eq!(
                (delivery["self"].as_str(), delivery["manager"].as_str()),
                (Some("L4"), Some("L3"))
            );
            assert_eq!(delivery["delta"], 1);
            assert_eq!(delivery["label"], "over-confident");
            assert_eq!(gap["alignment"]["aligned"], 1);
        }
        let export = get("/api/v1/export".into(), owner).await.json();
        assert_eq!(export["assessments"].as_array().unwrap().len(), 4);
        assert!(
            export["people"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["id"] == t.owner.to_string() || p["emails"] == json!([]))
        );

        // The round is closed: a second self view for it is refused, and nothing changes.
        let again = json!({"side": "self", "round": "2026 H2", "ratings": [{"competency": "delivery", "level": "L5"}]});
        let r = submit(owner, again).await;
        assert_eq!(r.json()["error"]["field"], "round");
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("closed")
        );
        assert_eq!(t.store.assessments(t.owner).await.unwrap().len(), 4);

        // A new round, self first: now the manager is the one kept waiting.
        let r = submit(owner, json!({"side": "self", "round": "2027 H1",
            "ratings": [{"competency": "mentoring", "level": "L4", "note": "Second round secret"}]})).await;
        assert_eq!(r.status, StatusCode::CREATED);
        let rounds = get(format!("/api/v1/rounds{of_owner}"), manager)
            .await
            .json();
        assert_eq!(rounds[0]["name"], "2027 H1");
        assert_eq!(rounds[0]["entries"], json!([]));
        assert_eq!(rounds[1]["entries"].as_array().unwrap().len(), 4);
        let skip = get(format!("/calibration{of_owner}"), t.cookie(Who::SkipLevel))
            .await
            .text;
        assert!(!skip.contains("Second round secret"));
        assert!(
            !get(format!("/calibration{of_owner}"), manager)
                .await
                .text
                .contains("Second round secret")
        );
    }
}
