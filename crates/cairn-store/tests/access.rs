//! Access beyond a browser session, on each engine: deactivation ends sessions and tokens
//! at once, tokens live until revoked or expired, grants work once, password changes end
//! other sessions, the audit log reads newest first. SQLite always; PostgreSQL when
//! `CAIRN_TEST_POSTGRES_URL` is set.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

use std::sync::Arc;

use cairn_core::access::{Action, AuditEntry, Grant, GrantKind, Scope, Token};
use cairn_core::account::{Role, Session};
use cairn_core::dates::now;
use cairn_core::ladder::builtin;
use cairn_core::person::Person;
use cairn_store::test_support::records::{account, person};
use cairn_store::test_support::{ScratchDatabase, scratch_postgres};
use cairn_store::{Location, Store, StoreError};
use chrono::Duration;

/// A fresh store on each engine available, with its keep-alive guards.
async fn engines() -> Vec<(Arc<dyn Store>, Option<ScratchDatabase>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = cairn_store::create(&Location::Sqlite(dir.path().join("team.db")))
        .await
        .unwrap();
    let mut out = vec![(sqlite, None, dir)];
    if let Some(db) = scratch_postgres().await {
        let pg = cairn_store::open(&Location::Postgres(db.url.clone()))
            .await
            .unwrap();
        out.push((pg, Some(db), tempfile::tempdir().unwrap()));
    }
    out
}

async fn user(store: &dyn Store, name: &str, role: Role) -> Person {
    let ladder = builtin::find(builtin::DEFAULT_LADDER).unwrap();
    let p = person(name);
    store
        .add_user(&ladder, &p, &account(&p, role))
        .await
        .unwrap();
    p
}

fn session(p: &Person, hash: &str) -> Session {
    Session {
        token_hash: hash.into(),
        person: p.id,
        csrf: "csrf".into(),
        created_at: now(),
        expires_at: now() + Duration::hours(1),
    }
}

fn token(p: &Person, hash: &str, expires_in: Option<Duration>) -> Token {
    Token::new(
        p.id,
        "laptop",
        Scope::Read,
        hash.into(),
        expires_in.map(|d| now() + d),
        now(),
    )
    .unwrap()
}

#[tokio::test]
async fn deactivation_ends_sessions_and_tokens_at_once_and_keeps_the_person() {
    for (store, _db, _dir) in engines().await {
        let ada = user(store.as_ref(), "Ada", Role::Engineer).await;
        store.add_session(&session(&ada, "s1")).await.unwrap();
        store.add_token(&token(&ada, "t1", None)).await.unwrap();
        assert!(store.bearer("t1", now()).await.unwrap().is_some());

        let mut acc = store.account_of(ada.id).await.unwrap().unwrap();
        acc.active = false;
        acc.updated_at = now();
        store.update_account(&acc).await.unwrap();
        assert_eq!(store.session("s1", now()).await.unwrap(), None);
        assert_eq!(store.bearer("t1", now()).await.unwrap(), None);
        assert!(store.tokens(ada.id).await.unwrap()[0].revoked_at.is_some());
        assert_eq!(store.person(ada.id).await.unwrap().name, "Ada");

        // A session started afterwards for an inactive account is refused too.
        store.add_session(&session(&ada, "s2")).await.unwrap();
        assert_eq!(store.session("s2", now()).await.unwrap(), None);
    }
}

#[tokio::test]
async fn tokens_live_until_revoked_or_expired_and_only_their_owner_revokes_them() {
    for (store, _db, _dir) in engines().await {
        let ada = user(store.as_ref(), "Ada", Role::Engineer).await;
        let bo = user(store.as_ref(), "Bo", Role::Manager).await;
        store.add_token(&token(&ada, "live", None)).await.unwrap();
        let short = token(&ada, "short", Some(Duration::minutes(5)));
        store.add_token(&short).await.unwrap();

        let bearer = store.bearer("live", now()).await.unwrap().unwrap();
        assert_eq!((bearer.name.as_str(), bearer.role), ("Ada", Role::Engineer));
        assert!(
            store.tokens(ada.id).await.unwrap()[0]
                .last_used_at
                .is_some()
        );
        assert!(store.bearer("short", now()).await.unwrap().is_some());
        let later = now() + Duration::minutes(6);
        assert_eq!(store.bearer("short", later).await.unwrap(), None, "expired");
        assert_eq!(store.bearer("nope", now()).await.unwrap(), None);

        assert!(matches!(
            store.revoke_token(bo.id, short.id, now()).await,
            Err(StoreError::NotFound { .. })
        ));
        store.revoke_token(ada.id, short.id, now()).await.unwrap();
        store.revoke_token(ada.id, short.id, now()).await.unwrap();
        assert_eq!(store.bearer("short", now()).await.unwrap(), None);
        assert_eq!(store.tokens(ada.id).await.unwrap().len(), 2);
        assert!(store.tokens(bo.id).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn grants_work_once_and_not_after_they_expire() {
    for (store, _db, _dir) in engines().await {
        let ada = user(store.as_ref(), "Ada", Role::Engineer).await;
        let grant = |hash: &str, minutes: i64| Grant {
            kind: GrantKind::PasswordReset,
            hash: hash.into(),
            person: Some(ada.id),
            payload: String::new(),
            created_at: now(),
            expires_at: now() + Duration::minutes(minutes),
        };
        store.add_grant(&grant("g1", 30)).await.unwrap();
        store.add_grant(&grant("old", -1)).await.unwrap();
        let sign_on = GrantKind::SignOn;
        assert_eq!(
            store.take_grant(sign_on, "g1", now()).await.unwrap(),
            None,
            "other kind"
        );
        let taken = store
            .take_grant(GrantKind::PasswordReset, "g1", now())
            .await
            .unwrap();
        assert_eq!(taken.unwrap().person, Some(ada.id));
        let again = store
            .take_grant(GrantKind::PasswordReset, "g1", now())
            .await
            .unwrap();
        assert_eq!(again, None, "once only");
        let expired = store
            .take_grant(GrantKind::PasswordReset, "old", now())
            .await
            .unwrap();
        assert_eq!(expired, None);
    }
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_and_the_log_reads_newest_first() {
    for (store, _db, _dir) in engines().await {
        let ada = user(store.as_ref(), "Ada", Role::Admin).await;
        store.add_session(&session(&ada, "here")).await.unwrap();
        store
            .add_session(&session(&ada, "elsewhere"))
            .await
            .unwrap();
        store
            .set_password(ada.id, "$new", Some("here"), now())
            .await
            .unwrap();
        assert!(store.session("here", now()).await.unwrap().is_some());
        assert_eq!(store.session("elsewhere", now()).await.unwrap(), None);
        assert_eq!(
            store
                .account_of(ada.id)
                .await
                .unwrap()
                .unwrap()
                .password_hash,
            "$new"
        );

        for (action, minutes) in [(Action::Login, 0), (Action::Deactivated, 1)] {
            let at = now() + Duration::minutes(minutes);
            let entry = AuditEntry::new(Some(ada.id), "ada", action, "bo", "127.0.0.1", at);
            store.audit(&entry).await.unwrap();
        }
        let log = store.audit_log(10).await.unwrap();
        let actions: Vec<Action> = log.iter().map(|e| e.action).collect();
        assert_eq!(actions, [Action::Deactivated, Action::Login]);
        assert_eq!(log[0].actor, Some(ada.id));
        assert_eq!(store.audit_log(1).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn a_directory_writes_person_and_account_together_and_removal_ends_reporting_lines() {
    for (store, _db, _dir) in engines().await {
        let boss = user(store.as_ref(), "Boss", Role::Manager).await;
        let ada = user(store.as_ref(), "Ada", Role::Engineer).await;
        store
            .set_manager(ada.id, Some(boss.id), now())
            .await
            .unwrap();
        store
            .add_session(&session(&boss, "boss-session"))
            .await
            .unwrap();

        let mut renamed = store.person(ada.id).await.unwrap();
        renamed.name = "Ada King".into();
        renamed.updated_at = now();
        let mut account = store.account_of(ada.id).await.unwrap().unwrap();
        account.external_id = Some("00u1ada".into());
        account.directory = Some("{\"userName\":\"ada\"}".into());
        account.updated_at = now();
        store.provision(&renamed, &account).await.unwrap();
        assert_eq!(store.person(ada.id).await.unwrap().name, "Ada King");
        assert_eq!(store.account_of(ada.id).await.unwrap().unwrap(), account);

        let boss_person = store.person(boss.id).await.unwrap();
        let mut gone = store.account_of(boss.id).await.unwrap().unwrap();
        (gone.active, gone.removed_at, gone.updated_at) = (false, Some(now()), now());
        store.provision(&boss_person, &gone).await.unwrap();
        assert_eq!(store.person(ada.id).await.unwrap().manager, None);
        assert_eq!(store.session("boss-session", now()).await.unwrap(), None);
        assert_eq!(
            store.person(boss.id).await.unwrap().name,
            "Boss",
            "the person stays"
        );
    }
}
