//! Files brought in through a team server, on SQLite and PostgreSQL: the API's upload and
//! the inbox page's form read them like `cairn import`, land them in the uploader's inbox
//! alone, and refuse a bad file whole, naming its file, line and field.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod support;

use axum::http::StatusCode;
use support::send;
use support::team::{Who, request, teams, with_token};

const JIRA: &str = "Issue key,Summary,Assignee,Status,Created,Resolved,Description\n\
PAY-12,Retry failed card payments,Owner,Done,2026-10-20 09:00,2026-11-02 10:00,Smart retries\n\
PAY-13,Dashboard colours,Someone Else,Done,2026-10-21 09:00,2026-11-03 10:00,\n";

#[tokio::test]
async fn an_upload_lands_in_the_uploaders_inbox_only() {
    for t in teams().await {
        let upload = with_token(
            "POST",
            "/api/v1/imports/jira?name=Jira.csv",
            t.token(Who::Owner),
            Some(("text/csv", JIRA.to_owned())),
        );
        let r = send(&t.app, upload).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let done = r.json();
        assert_eq!(
            (done["imported"].as_u64(), done["ignored"].as_u64()),
            (Some(1), Some(1))
        );
        let mine = send(
            &t.app,
            with_token("GET", "/api/v1/inbox", t.token(Who::Owner), None),
        )
        .await;
        assert!(mine.text.contains("Retry failed card payments"));
        for who in [Who::Manager, Who::Peer, Who::Admin] {
            let theirs = send(
                &t.app,
                with_token("GET", "/api/v1/inbox", t.token(who), None),
            )
            .await;
            assert!(
                !theirs.text.contains("Retry failed"),
                "{who:?} saw the owner's import"
            );
        }
    }
}

#[tokio::test]
async fn a_bad_file_is_refused_whole_naming_its_line() {
    for t in teams().await {
        let broken = format!("{JIRA}\"PAY-14,Unclosed quote,Owner,Done,,\n");
        let r = send(
            &t.app,
            with_token(
                "POST",
                "/api/v1/imports/jira?name=Jira.csv",
                t.token(Who::Owner),
                Some(("text/csv", broken)),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["field"], "Jira.csv:4");
        let inbox = send(
            &t.app,
            with_token("GET", "/api/v1/inbox", t.token(Who::Owner), None),
        )
        .await;
        assert_eq!(
            inbox.json().as_array().unwrap().len(),
            1,
            "only the fixture's commit waits"
        );
        let r = send(
            &t.app,
            with_token(
                "POST",
                "/api/v1/imports/excel",
                t.token(Who::Owner),
                Some(("text/csv", JIRA.into())),
            ),
        )
        .await;
        assert_eq!(r.json()["error"]["field"], "kind");
    }
}

/// A multipart body with the fields and one file.
fn multipart(fields: &[(&str, &str)], file: (&str, &str)) -> (String, String) {
    let boundary = "cairnboundary7MA4YWxk";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: text/csv\r\n\r\n{}\r\n--{boundary}--\r\n",
        file.0, file.1
    ));
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn the_inbox_page_takes_a_file_with_its_form_token() {
    for t in teams().await {
        let page = send(&t.app, request("GET", "/inbox", t.cookie(Who::Owner), None)).await;
        assert!(page.text.contains("enctype=\"multipart/form-data\""));
        let csrf = page
            .text
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let (kind, body) = multipart(&[("csrf", &csrf), ("kind", "jira")], ("Jira.csv", JIRA));
        let r = send(
            &t.app,
            request(
                "POST",
                "/inbox/import",
                t.cookie(Who::Owner),
                Some((&kind, body)),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert!(r.text.contains("Imported 1 new item"), "{}", r.text);
        assert!(r.text.contains("Retry failed card payments"));
        let (kind, body) = multipart(&[("csrf", "forged"), ("kind", "jira")], ("Jira.csv", JIRA));
        let r = send(
            &t.app,
            request(
                "POST",
                "/inbox/import",
                t.cookie(Who::Owner),
                Some((&kind, body)),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let (kind, body) = multipart(
            &[("csrf", &csrf), ("kind", "csv")],
            ("brag.csv", "date,title,skills\n2026-11-01,x,nonsense\n"),
        );
        let r = send(
            &t.app,
            request(
                "POST",
                "/inbox/import",
                t.cookie(Who::Owner),
                Some((&kind, body)),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("brag.csv:2: skills: "), "{}", r.text);
    }
}
